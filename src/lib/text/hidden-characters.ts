// A module of its own, with no schema library behind it: the calculator's bundle needs it without zod.
/**
 * What a one-line field may not hold: control characters (C0, DEL and C1, such as U+0085 NEL), the bidi
 * embeddings, overrides and isolates (they reorder what a subject line or an invite shows), the line and
 * paragraph separators, the zero-width space and the byte order mark. ZWNJ and ZWJ (U+200C, U+200D) stay:
 * Persian names and emoji need them. invite.ts strips the same characters from text stored before this rule.
 */
export const HIDDEN_CHARACTERS = /[\p{Cc}\u200B\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** The same characters in free text that may run over several lines: tabs and line breaks are its own. */
const HIDDEN_IN_FREE_TEXT = new RegExp(String.raw`(?![\t\n\r])${HIDDEN_CHARACTERS.source}`, 'gu');

/**
 * Free text (a booking's goal, the readiness answers) without the characters that reorder or hide what an
 * email shows: "Fix it now\u202Eetalp" reads backwards in the operator's inbox. Refusing them would only
 * puzzle a visitor who pasted them unseen, so they are dropped; the Unicode line and paragraph separators
 * become the line breaks they stand for.
 */
export function withoutHiddenFormatting(text: string): string {
  return text.replace(/[\u2028\u2029]/g, '\n').replace(HIDDEN_IN_FREE_TEXT, '');
}
