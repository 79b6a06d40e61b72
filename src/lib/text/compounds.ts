/** A stretch of text, and whether it is a number-unit compound ("30-day", "20-minute") kept on one line. */
export interface TextPart {
  text: string;
  compound: boolean;
}

const COMPOUND = /\b\d+-(?:minute|hour|day|week|month|year)s?\b/g;

/** The text split around its number-unit compounds, in order; joined, the parts are the text. */
export function compoundParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(COMPOUND)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), compound: false });
    parts.push({ text: match[0], compound: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), compound: false });
  return parts;
}
