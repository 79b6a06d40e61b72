/** `text` as a literal inside a regular expression: every character a pattern gives a meaning escaped. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
