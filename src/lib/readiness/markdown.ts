// The spec as a Markdown document to download or email. Answers are typed by people, so every line is
// escaped where Markdown would read its start as structure.
import { PLAN_TITLE } from './plan.ts';
import { answerLines } from './schema.ts';
import { SPEC_SECTIONS, type WorkflowSpec } from './spec.ts';

// What turns the start of a line into structure: headings, lists (-, +, *, 1. or 1)), quotes, tables,
// setext underlines and rules (---, ===, ***, ___), code fences and HTML blocks. A backslash makes each
// one a plain character again; mid-line they are plain text already and stay as typed.
const BLOCK_START = /^([#>|+*=_`~<-]|\d{1,9}[.)])/;

/** One piece of text as Markdown lines: trimmed (leading spaces could start a code block), starts escaped. */
function markdownLines(text: string): string[] {
  return answerLines(text).map((line) =>
    line.replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`)),
  );
}

/** A heading on one line; a trailing run of # would otherwise be read as the heading's closing sequence. */
function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${markdownLines(text).join(' ').replace(/#+$/, (hashes) => `\\${hashes}`)}`;
}

/** A list item; further lines of the same text continue it, indented, so they cannot end the list. */
function listItem(text: string): string {
  const [first = '', ...rest] = markdownLines(text);
  return [`- ${first}`, ...rest.map((line) => `  ${line}`)].join('\n');
}

/** The spec as a one-page Markdown document: title, summary, the seven sections, then the 30-day plan. */
export function specToMarkdown(spec: WorkflowSpec): string {
  const blocks: string[] = [heading(1, spec.title), markdownLines(spec.summary).join('\n')];
  for (const id of SPEC_SECTIONS) {
    const section = spec[id];
    blocks.push(heading(2, section.title), section.lines.map(listItem).join('\n'));
  }
  blocks.push(heading(2, PLAN_TITLE));
  for (const week of spec.plan30Days) blocks.push(heading(3, week.week), week.tasks.map(listItem).join('\n'));
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}
