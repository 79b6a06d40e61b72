// The baseline tally sheet: its download (structure written out by hand here, not computed), the worked
// example, and the guide that draws the same grid from the same module.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TALLY_SHEET_FILE, TALLY_SHEET_PATH, exampleTallyWeek, tallyGrid, tallySheetMarkdown } from '../../../src/lib/content/tally-sheet.ts';
import { GET } from '../../../src/pages/resources/baseline-tally-sheet.md.ts';

const markdown = tallySheetMarkdown('https://www.example.com');
const lines = markdown.split('\n');
/** The cells of a table row, trimmed; null for a line that is not one. */
const cells = (line: string) => (/^\|.*\|$/.test(line) ? line.slice(1, -1).split('|').map((cell) => cell.trim()) : null);
/** The rows of the table whose heading row starts with `first`, the rule line left out. */
function table(source: string[], first: string): string[][] {
  const start = source.findIndex((line) => cells(line)?.[0] === first);
  const rows: string[][] = [];
  for (const line of source.slice(start)) {
    const row = cells(line);
    if (!row) break;
    if (!row.every((cell) => /^:?-+:?$/.test(cell))) rows.push(row);
  }
  return rows;
}

describe('the baseline tally sheet download', () => {
  it('has a title, then these sections in this order', () => {
    expect(lines[0]).toBe('# Baseline tally sheet: one workflow, one working week');
    expect(lines.filter((line) => line.startsWith('#'))).toEqual([
      '# Baseline tally sheet: one workflow, one working week',
      '## How to use it',
      '## The week',
      '## Your baseline',
    ]);
  });

  it('asks for the definitions before the count starts', () => {
    expect(table(lines, 'Before you start')).toEqual([
      ['Before you start', 'Write here'],
      ['Workflow', ''],
      ['One item is', ''],
      ['An error is', ''],
      ['Week of', ''],
      ['Counted by', ''],
    ]);
  });

  it('has five numbered how-to steps', () => {
    const steps = lines.filter((line) => /^\d\. /.test(line));
    expect(steps.map((step) => step.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ']);
    expect(steps[0]).toContain('what counts as one item and what counts as an error');
  });

  it('has one blank row per working day, Monday to Friday, and a total row, under the six columns', () => {
    expect(table(lines, 'Day')).toEqual([
      ['Day', 'Items in', 'Minutes spent', 'Errors or rework', 'First item in', 'Same item done'],
      ['Monday', '', '', '', '', ''],
      ['Tuesday', '', '', '', '', ''],
      ['Wednesday', '', '', '', '', ''],
      ['Thursday', '', '', '', '', ''],
      ['Friday', '', '', '', '', ''],
      ['Week total', '', '', '', '', ''],
    ]);
    expect(markdown).toContain(`## The week\n\n${tallyGrid()}\n`);
  });

  it('says what goes in each column after the day', () => {
    expect(lines.filter((line) => line.startsWith('- **')).map((line) => /^- \*\*(.+?):\*\*/.exec(line)?.[1])).toEqual([
      'Items in', 'Minutes spent', 'Errors or rework', 'First item in', 'Same item done',
    ]);
  });

  it('turns the totals into the five baseline figures', () => {
    expect(table(lines, 'Figure').map((row) => [row[0], row[2]])).toEqual([
      ['Figure', 'Yours'],
      ['Volume', ''],
      ['Hours by hand', ''],
      ['Minutes per item', ''],
      ['Error rate', ''],
      ['Cycle time', ''],
    ]);
  });

  it('lines its tables up in plain text, so a printed text file reads as a grid', () => {
    for (const first of ['Before you start', 'Day', 'Figure']) {
      const start = lines.findIndex((line) => cells(line)?.[0] === first);
      const block = lines.slice(start, lines.findIndex((line, i) => i > start && !line.startsWith('|')));
      expect(new Set(block.map((line) => line.length)).size).toBe(1);
    }
    expect(Math.max(...lines.filter((line) => line.startsWith('|')).map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it('links the calculator and the guide with full addresses when it knows the site', () => {
    expect(markdown).toContain('https://www.example.com/resources/ai-automation-roi-calculator\n');
    expect(markdown).toContain('https://www.example.com/blog/count-a-workflow-baseline-in-one-week\n');
    expect(tallySheetMarkdown()).toContain(': /resources/ai-automation-roi-calculator\n');
  });

  it('ends with one newline and fills in nothing as an example', () => {
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
    expect(tallySheetMarkdown()).not.toMatch(/\bexample\b/i);
  });

  it('is served as Markdown under the path and file name the guide links', async () => {
    expect([TALLY_SHEET_PATH, TALLY_SHEET_FILE]).toEqual(['/resources/baseline-tally-sheet.md', 'baseline-tally-sheet.md']);
    const response = await GET({ site: new URL('https://www.example.com') } as Parameters<typeof GET>[0]);
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8');
    expect(await response.text()).toBe(markdown);
  });
});

describe('the worked example week', () => {
  it('is the document-intake example of our model, counted for one week, with sums done by hand', () => {
    // 300 files a month over 4 weeks is 75; 75 x 15 min is 1,125 min (18.75 h); 4% of 75 is 3;
    // the waits 3, 5, 6, 22, 27 h have the middle value 6 and the average 12.6; (15 - 5) x 300 / 60 is 50 h.
    expect(exampleTallyWeek()).toEqual({
      items: '75',
      weeksPerMonth: '4',
      itemsPerMonth: '300',
      minutes: '1,125',
      hours: '18.75',
      minutesPerItem: '15',
      assistedMinutesPerItem: '5',
      errors: '3',
      errorRatePercent: '4',
      waits: '3, 5, 6, 22 and 27',
      medianWaitHours: '6',
      meanWaitHours: '13',
      hoursSavedPerMonth: '50',
    });
  });
});

describe('the guide that links the sheet', () => {
  const guide = readFileSync(join(import.meta.dirname, '../../../content/blog/count-a-workflow-baseline-in-one-week.mdx'), 'utf8');

  it('draws its grid from the same columns and rows as the download, with room to write in print', () => {
    expect(guide).toContain('{TALLY_COLUMNS.map((column, i) => <th scope="col"');
    expect(guide).toMatch(/\{TALLY_ROWS\.map\(\(label\) => <tr><td>\{label\}<\/td>\{TALLY_COLUMNS\.slice\(1\)\.map\(\(\) => <td class="print:h-14"><\/td>\)\}<\/tr>\)\}/);
  });

  it('quotes the worked example from the module, not typed figures', () => {
    expect(guide).toContain('export const week = exampleTallyWeek();');
    expect(guide).not.toMatch(/\b(1,125|18\.75|300)\b/);
  });

  it('marks the grid for printing and links the download with a download attribute', () => {
    expect(guide).toMatch(/<div data-print-root="">\s+<p[^>]*><strong>Baseline tally sheet\.<\/strong>[^\n]*<\/p>\n\n<ScrollTable data-section="The tally sheet">/);
    expect(guide).toContain('<a href={TALLY_SHEET_PATH} download={TALLY_SHEET_FILE}>');
  });
});
