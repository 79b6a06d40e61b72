// The page an emailed link opens: what the link will do, for whom, and the one button that does it.
// Rendered by the function itself (the token must be in the form, and the site's pages are static),
// as a plain HTML form that works with JavaScript off. Every value is escaped.
import { site } from '../../src/config/site.ts';

export interface ActionPage {
  /** The <title> and the heading. */
  title: string;
  /** Short paragraphs under the heading, plain text. */
  paragraphs: string[];
  /** Optional facts shown as a list of label and value (a booking's time, an address). */
  details?: [string, string][];
  /** The button's label, a verb: "Confirm my subscription". */
  button: string;
  /** Where the form posts (a path on this site). */
  action: string;
  /** Fields posted with the button, the token among them. */
  fields: Record<string, string>;
  /** A second, quieter way out: a link elsewhere on the site. */
  secondary?: { href: string; label: string };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// The site's design tokens (src/styles/global.css), inlined: the page must render with no other request.
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:17px/1.6 "Inter Variable",Inter,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0b1220;background:#fff}
a{color:#0b6b62}a:focus-visible,button:focus-visible{outline:3px solid #0b6b62;outline-offset:3px}
main,footer{max-width:40rem;margin:0 auto;padding:0 1.25rem}
header{border-bottom:1px solid #e2e8f0}header div{max-width:40rem;margin:0 auto;padding:1.5rem 1.25rem}
header a{font-weight:800;text-decoration:none;color:#0b1220;font-size:1.1rem}
main{padding-top:3.5rem;padding-bottom:3.5rem}h1{font-size:2.2rem;line-height:1.15;letter-spacing:-.02em;margin:0 0 1rem}
p{color:#334155;margin:0 0 1rem}dl{margin:1.5rem 0;padding:1rem 1.25rem;background:#f6f8fa;border-radius:.75rem}
dt{font-size:.85rem;color:#526071}dd{margin:0 0 .5rem;font-weight:600}
form{margin:2rem 0 1rem}button{font:inherit;font-weight:600;color:#fff;background:#0b6b62;border:0;border-radius:.5rem;padding:.75rem 1.4rem;cursor:pointer}
button:hover{background:#08534c}footer{color:#526071;font-size:.9rem;padding-bottom:2rem}`;

export function renderActionPage(page: ActionPage): string {
  const hidden = Object.entries(page.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const details = page.details?.length
    ? `<dl>${page.details.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`
    : '';
  const secondary = page.secondary ? `<p><a href="${escapeHtml(page.secondary.href)}">${escapeHtml(page.secondary.label)}</a></p>` : '';
  return `<!doctype html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)} | ${escapeHtml(site.name)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head>
<body>
<header><div><a href="/">${escapeHtml(site.name)}</a></div></header>
<main>
<h1>${escapeHtml(page.title)}</h1>
${page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
${details}
<form method="post" action="${escapeHtml(page.action)}">${hidden}<button type="submit">${escapeHtml(page.button)}</button></form>
${secondary}
</main>
<footer><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
`;
}
