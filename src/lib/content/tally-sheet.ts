// The baseline tally sheet (/resources/baseline-tally-sheet.md): one working week of counting for one
// workflow, one row per day, in the four figures a baseline needs (volume, hours by hand, errors and
// cycle time). The guide "Count a workflow baseline in one week" renders its printable grid from the
// same columns and rows, and links the download. Pure, so the route and the
// tests read the same thing. Padded plain-text tables, so the file prints legibly from any text editor
// and still renders as tables in a Markdown viewer. The guide's worked example (exampleTallyWeek) is
// worked out from the document-intake preset of our example model, so no page types an example figure.
import { computeRoi } from '../roi/model.ts';
import { PRESETS } from '../roi/presets.ts';
import { listText } from '../text/lists.ts';
import { formatNumber } from '../text/numbers.ts';

/** Where the download is served, and the file name the browser saves it under. */
export const TALLY_SHEET_PATH = '/resources/baseline-tally-sheet.md';
export const TALLY_SHEET_FILE = 'baseline-tally-sheet.md';

/** The working week, one row each. */
export const TALLY_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

/** The last row, where each column is added up (the cycle-time columns are not summed). */
export const TALLY_TOTAL_ROW = 'Week total';

/** The grid's rows, top to bottom: the five days, then the total. */
export const TALLY_ROWS: readonly string[] = [...TALLY_DAYS, TALLY_TOTAL_ROW];

export interface TallyColumn {
  /** The column heading, on the sheet and in the guide's table. */
  heading: string;
  /** What goes in it, for the sheet's how-to. */
  what: string;
  /** Characters of writing room in the plain-text file. */
  width: number;
}

export const TALLY_COLUMNS: readonly TallyColumn[] = [
  { heading: 'Day', what: 'The working day.', width: 10 },
  { heading: 'Items in', what: 'One tally mark for each new item that arrived that day.', width: 14 },
  { heading: 'Minutes spent', what: 'Hands-on minutes on this workflow that day, everyone together, rounded to 5.', width: 13 },
  { heading: 'Errors or rework', what: 'One mark for each item fixed, redone, sent back or missed.', width: 16 },
  { heading: 'First item in', what: 'The time the first item of the day arrived.', width: 13 },
  { heading: 'Same item done', what: 'The day and time that same item was finished; it may be a later day.', width: 14 },
];

/** The figures the week's totals turn into, and how: the rows of the sheet's second table. */
export const BASELINE_FIGURES: readonly { figure: string; how: string }[] = [
  { figure: 'Volume', how: 'Items in for the week (times 4 for a month)' },
  { figure: 'Hours by hand', how: 'Minutes spent divided by 60' },
  { figure: 'Minutes per item', how: 'Minutes spent divided by items in' },
  { figure: 'Error rate', how: 'Errors or rework divided by items in' },
  { figure: 'Cycle time', how: 'The middle one of the five waits from in to done' },
];

/** The fields written on the sheet before Monday. */
export const BEFORE_YOU_START: readonly string[] = ['Workflow', 'One item is', 'An error is', 'Week of', 'Counted by'];

const STEPS: readonly string[] = [
  'Before Monday, write down the workflow, what counts as one item and what counts as an error, so everyone counts the same thing.',
  'Keep the sheet beside the work all week: printed, or open in an editor.',
  'Each day, mark every new item as it arrives and every error or redo as it happens. Write the day\'s minutes before you stop work.',
  'For cycle time, note when the first item of each day arrived, then when that same item was finished, even if that is days later.',
  'On Friday, add up each column and fill in the baseline table below. Change nothing about how the work is done during the count week.',
];

/** One padded row of a plain-text Markdown table. */
function row(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
}

/** A Markdown table whose columns line up in plain text; each column is at least its minimum width. */
export function plainTable(headings: readonly string[], rows: readonly (readonly string[])[], minWidths: readonly number[] = []): string {
  const widths = headings.map((heading, i) => Math.max(heading.length, minWidths[i] ?? 0, ...rows.map((r) => (r[i] ?? '').length)));
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [row(headings, widths), rule, ...rows.map((r) => row(headings.map((_, i) => r[i] ?? ''), widths))].join('\n');
}

/** The tally grid alone: the heading row, one row per day, then the week's total. */
export function tallyGrid(): string {
  return plainTable(
    TALLY_COLUMNS.map((column) => column.heading),
    TALLY_ROWS.map((label) => [label, ...TALLY_COLUMNS.slice(1).map(() => '')]),
    TALLY_COLUMNS.map((column) => column.width),
  );
}

/** The guide the sheet belongs to. */
export const TALLY_GUIDE_PATH = '/blog/count-a-workflow-baseline-in-one-week';
const CALCULATOR_PATH = '/resources/ai-automation-roi-calculator';

/**
 * The whole sheet as Markdown: title, the fields to fill in first, a five-step how-to, the grid, what
 * each column holds, and the table that turns the totals into a baseline.
 * @param origin the site's origin, so the two links in a downloaded file still lead somewhere; without
 *   it they stay site-relative
 */
export function tallySheetMarkdown(origin?: URL | string): string {
  const link = (path: string) => (origin ? new URL(path, origin).href : path);
  return [
    '# Baseline tally sheet: one workflow, one working week',
    '',
    plainTable(['Before you start', 'Write here'], BEFORE_YOU_START.map((field) => [field, '']), [16, 40]),
    '',
    '## How to use it',
    '',
    ...STEPS.map((step, i) => `${i + 1}. ${step}`),
    '',
    '## The week',
    '',
    tallyGrid(),
    '',
    ...TALLY_COLUMNS.slice(1).map((column) => `- **${column.heading}:** ${column.what}`),
    '',
    '## Your baseline',
    '',
    plainTable(['Figure', 'From the totals', 'Yours'], BASELINE_FIGURES.map(({ figure, how }) => [figure, how, '']), [0, 0, 12]),
    '',
    `Put these figures into the ROI calculator to see what a change would be worth: ${link(CALCULATOR_PATH)}`,
    '',
    `The guide that goes with this sheet: ${link(TALLY_GUIDE_PATH)}`,
    '',
  ].join('\n');
}

/**
 * Five illustrative waits from arrival to done, in hours, for the worked example: three invoices done the
 * same day and two that sat overnight, so the middle value and the average tell different stories.
 */
export const EXAMPLE_WAITS_HOURS: readonly number[] = [3, 5, 6, 22, 27];

/** The guide's worked example, each figure formatted for prose. */
export interface ExampleTallyWeek {
  /** Items counted in the week: the preset's monthly volume over its weeks a month. */
  items: string;
  /** The preset's weeks a month ("4") and monthly volume ("300"). */
  weeksPerMonth: string;
  itemsPerMonth: string;
  /** Hands-on minutes in the week, and the same in hours. */
  minutes: string;
  hours: string;
  /** Minutes per item by hand, and with AI assistance in the example model. */
  minutesPerItem: string;
  assistedMinutesPerItem: string;
  /** Items sent back in the week, and their share of the items in percent. */
  errors: string;
  errorRatePercent: string;
  /** The five waits as a list ("3, 5, 6, 22 and 27"), their middle value and their average. */
  waits: string;
  medianWaitHours: string;
  meanWaitHours: string;
  /** Hours a month the example model gives back at this volume. */
  hoursSavedPerMonth: string;
}

/** One week of document intake counted on the sheet, worked out from the example model's preset. */
export function exampleTallyWeek(): ExampleTallyWeek {
  const { inputs } = PRESETS['document-intake'];
  const items = inputs.unitsPerMonth / inputs.weeksPerMonth;
  const minutes = items * inputs.manualTimePerUnit;
  const errors = Math.round(items * inputs.errorRate);
  const waits = [...EXAMPLE_WAITS_HOURS].sort((a, b) => a - b);
  const mean = waits.reduce((sum, wait) => sum + wait, 0) / waits.length;
  return {
    items: formatNumber(items),
    weeksPerMonth: formatNumber(inputs.weeksPerMonth),
    itemsPerMonth: formatNumber(inputs.unitsPerMonth),
    minutes: formatNumber(minutes),
    hours: formatNumber(minutes / 60),
    minutesPerItem: formatNumber(minutes / items),
    assistedMinutesPerItem: formatNumber(inputs.assistedTimePerUnit),
    errors: formatNumber(errors),
    errorRatePercent: formatNumber((errors / items) * 100, 1),
    waits: listText(waits.map((wait) => formatNumber(wait))),
    medianWaitHours: formatNumber(waits[Math.floor(waits.length / 2)]!),
    meanWaitHours: formatNumber(mean, 0),
    hoursSavedPerMonth: formatNumber(computeRoi(inputs).hoursSavedPerMonth, 0),
  };
}
