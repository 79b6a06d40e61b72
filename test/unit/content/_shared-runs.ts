// Copy found by runs of words: two texts that share a run of RUN words say the same thing, even when
// a word was changed at one end. Used for FAQ answers and for the closing calls to action.
export const RUN = 8;

export const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];

/** Pairs of items (on any pages) whose texts share a run of RUN words, each named by `label` with the run. */
export function sharedRuns<T>(items: T[], text: (item: T) => string, label: (item: T) => string): string[] {
  const seen = new Map<string, T>();
  const found: string[] = [];
  for (const item of items) {
    const w = words(text(item));
    const mine = new Set<string>();
    for (let i = 0; i + RUN <= w.length; i++) mine.add(w.slice(i, i + RUN).join(' '));
    for (const run of mine) {
      const other = seen.get(run);
      if (other !== undefined && other !== item) found.push(`"${run}": ${label(other)} and ${label(item)}`);
      else seen.set(run, item);
    }
  }
  return found;
}

/** The texts said more than once, compared word for word (case and punctuation aside). */
export function saidTwice(texts: string[]): string[] {
  const plain = texts.map((text) => words(text).join(' '));
  return plain.filter((text, i) => plain.indexOf(text) !== i);
}
