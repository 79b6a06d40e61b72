// The result's module, fetched on its own: the wizard asks for it as soon as the visitor moves past the
// first step, so it is usually there before "See my result"; a reload that lands on the result waits
// for it. The module system fetches it once however often this is called.
export const loadResultView = () => import('./ResultView.tsx');
