// The wizard's result: the readiness score and band, what blocks the workflow and what to do next,
// how the score works, and the one-page workflow spec to download or print. Loaded on its own (the
// wizard imports it lazily): the scoring and the spec are half the wizard's code and needed only at
// the end, so the page loads without them.
import { useEffect, useMemo, type RefObject } from 'react';
import { specToMarkdown } from '../../lib/readiness/markdown.ts';
import type { ReadinessAnswers } from '../../lib/readiness/schema.ts';
import { scoreReadiness } from '../../lib/readiness/score.ts';
import { parseStoredAnswers } from '../../lib/readiness/stored.ts';
import { BAND_TEXT, BLOCKERS_HEADING, CAP_TEXT, SCORING_EXPLANATION, bandSummary } from '../../lib/readiness/score-text.ts';
import { buildWorkflowSpec, hasOpenPoints } from '../../lib/readiness/spec.ts';
import { SCORE_MAX, type Band } from '../../lib/readiness/weights.ts';
import { downloadFile } from '../download-file.ts';
import { routes } from '../../config/site.ts';
import { SpecView } from './SpecView.tsx';

interface Props {
  /** Focused when the result appears. */
  headingRef: RefObject<HTMLHeadingElement>;
  /** True when the visitor asked for the result (not a reload that lands on it): focus its heading. */
  focusOnShow: boolean;
  answers: ReadinessAnswers;
  /** 'YYYY-MM-DD' in the visitor's zone. */
  today: string;
  calculatorPath: string;
  bookingPath: string;
  /** Back to the first step, answers kept. */
  onEdit: () => void;
  /** Forget the answers and begin again. */
  onStartOver: () => void;
}

const BAND_STYLE: Record<Band, string> = {
  ready: 'border-accent-700 bg-accent-50 text-accent-900',
  'fix-gaps': 'border-warn-800/50 bg-warn-50 text-warn-800',
  'map-first': 'border-red-700/40 bg-red-50 text-red-800',
};

/** The result: score and band, blockers, how the score works, the spec, and what to do next. */
export default function ResultView({ headingRef, focusOnShow, answers: given, today, calculatorPath, bookingPath, onEdit, onStartOver }: Props) {
  // Read as storage would keep them: a figure the browser could not read (NaN) is unknown here, even
  // when the browser's Forward skipped the step's own check.
  const answers = useMemo(() => parseStoredAnswers(given), [given]);
  const result = useMemo(() => scoreReadiness(answers, today), [answers, today]);
  const spec = useMemo(() => buildWorkflowSpec(answers, result), [answers, result]);
  // The first time this module loads, it mounts after the wizard's own focus call has found no heading.
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow, headingRef]);
  const band = BAND_TEXT[result.band];
  const calculatorHref = spec.baselineForCalculator ? `${calculatorPath}?${new URLSearchParams(spec.baselineForCalculator)}` : calculatorPath;

  function downloadMarkdown() {
    const slug = answers.workflowName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'workflow';
    downloadFile(`workflow-spec-${slug}.md`, 'text/markdown;charset=utf-8', specToMarkdown(spec));
  }

  return (
    <div>
      <h3 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-ink outline-none print:text-lg">Your result: {spec.title}</h3>
      <div className={`mt-4 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-card border p-5 print:mt-2 print:p-2 ${BAND_STYLE[result.band]}`}>
        <p className="text-4xl font-extrabold tabular-nums print:text-2xl">
          {result.score}
          <span className="text-lg font-semibold">{` / ${SCORE_MAX}`}</span>
        </p>
        {/* A 14rem basis: on a phone the verdict wraps below the score instead of a column 110 px wide. */}
        <div className="grow basis-56">
          <p className="text-lg font-bold">{band.title}</p>
          <p className="text-sm">{bandSummary(result, hasOpenPoints(spec))}</p>
          {result.cappedBy && result.bandByScore !== result.band && (
            <p className="mt-1 text-sm font-medium">
              The score alone would say “{BAND_TEXT[result.bandByScore].title}”, but{' '}
              {CAP_TEXT[result.cappedBy]}.

            </p>
          )}
        </div>
      </div>

      {result.blockers.length > 0 && (
        <section aria-labelledby="rw-blockers" className="mt-8 print:mt-3">
          <h4 id="rw-blockers" className="text-lg font-bold text-ink">{BLOCKERS_HEADING[result.band]}</h4>
          <ol className="mt-3 grid gap-3 print:mt-1 print:grid-cols-3 print:gap-1">
            {result.blockers.map((blocker, i) => (
              <li key={blocker.id} className="flex gap-3 rounded-lg border border-line p-4 print:gap-1 print:p-2">
                <span className="font-bold text-accent-700" aria-hidden="true">{i + 1}.</span>
                <span>
                  <span className="block font-semibold text-ink">{blocker.title}</span>
                  <span className="block text-body print:text-[10px] print:leading-snug">{blocker.nextStep}</span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <details className="mt-6 rounded-lg border border-line p-4 print:hidden">
        <summary className="cursor-pointer font-semibold text-ink">How the score works</summary>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-body">
          {SCORING_EXPLANATION.map((line) => <li key={line}>{line}</li>)}
        </ul>
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Points by part</caption>
          <thead><tr className="border-b border-line"><th scope="col" className="py-1">Part</th><th scope="col" className="py-1 text-right">Points</th></tr></thead>
          <tbody>
            {result.parts.map((part) => (
              <tr key={part.id} className="border-b border-line"><th scope="row" className="py-1 font-normal">{part.label}</th><td className="py-1 text-right tabular-nums">{Math.round(part.earned * 100) / 100} of {part.max}</td></tr>
            ))}
          </tbody>
        </table>
      </details>

      <SpecView spec={spec} />

      <div className="mt-8 flex flex-wrap gap-3 print:hidden">
        <a href={`${bookingPath}?from=${encodeURIComponent(routes.checklist)}`} className="btn-primary">Book an audit with this summary</a>
        <button type="button" onClick={downloadMarkdown} className="btn-secondary">Download the spec (Markdown)</button>
        <button type="button" onClick={() => window.print()} className="btn-secondary">Print</button>
        <a href={calculatorHref} className="btn-secondary" aria-describedby={spec.baselineForCalculator ? 'readiness-calculator-note' : undefined}>{spec.baselineForCalculator ? 'Open the ROI calculator with your hours' : 'Open the ROI calculator'}</a>
      </div>
      {spec.baselineForCalculator && (
        <p id="readiness-calculator-note" className="mt-3 text-sm text-muted print:hidden">
          The calculator opens on your hours by hand. Time with AI assistance starts at a quarter of them, as in our lead-routing example, and the other figures are examples too: change them there.
        </p>
      )}
      <div className="mt-4 flex flex-wrap gap-4 text-sm print:hidden">
        <button type="button" onClick={onEdit} className="font-semibold text-accent-700 underline underline-offset-2">Change my answers</button>
        <button type="button" onClick={onStartOver} className="font-semibold text-accent-700 underline underline-offset-2">Start over</button>
      </div>
    </div>
  );
}
