// The wizard's result: the readiness score and band, what blocks the workflow and what to do next,
// how the score works, and the one-page workflow spec to download or print.
import type { RefObject } from 'react';
import type { ReadinessAnswers } from '../../lib/readiness/answers.ts';
import { BAND_TEXT, CAP_TEXT, SCORING_EXPLANATION, type ReadinessResult } from '../../lib/readiness/score.ts';
import { specToMarkdown, type WorkflowSpec } from '../../lib/readiness/spec.ts';
import { downloadFile } from '../download-file.ts';

interface Props {
  headingRef: RefObject<HTMLHeadingElement>;
  answers: ReadinessAnswers;
  result: ReadinessResult;
  spec: WorkflowSpec;
  calculatorPath: string;
  bookingPath: string;
  onEdit: () => void;
  onStartOver: () => void;
}

const BAND_STYLE = {
  ready: 'border-accent-700 bg-accent-50 text-accent-900',
  'fix-gaps': 'border-warn-800/50 bg-warn-50 text-warn-800',
  'map-first': 'border-red-700/40 bg-red-50 text-red-800',
} as const;

const SPEC_FIELDS = ['inputs', 'aiResponsibilities', 'humanResponsibilities', 'systemUpdates', 'errorHandling', 'logs', 'metrics'] as const;

export function ResultView({ headingRef, answers, result, spec, calculatorPath, bookingPath, onEdit, onStartOver }: Props) {
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
          <span className="text-lg font-semibold"> / 100</span>
        </p>
        <div className="min-w-0 flex-1">
          <p className="text-lg font-bold">{band.title}</p>
          <p className="text-sm">{band.summary}</p>
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
          <h4 id="rw-blockers" className="text-lg font-bold text-ink">What to fix first</h4>
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

      <section aria-labelledby="rw-spec" className="mt-8 print:mt-3">
        <h4 id="rw-spec" className="text-lg font-bold text-ink">Your workflow spec</h4>
        <p className="text-sm text-muted">{spec.summary}</p>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 print:mt-1 print:grid-cols-4 print:gap-1">
          {SPEC_FIELDS.map((field) => (
            <div key={field} className="rounded-lg border border-line p-4 print:p-1.5">
              <dt className="font-semibold text-ink">{spec[field].title}</dt>
              {spec[field].lines.map((line, i) => <dd key={i} className="mt-1 text-sm text-body print:mt-0.5 print:text-[9px] print:leading-snug">{line}</dd>)}
            </div>
          ))}
        </dl>
        <h4 className="mt-6 text-base font-bold text-ink print:mt-3">The 30-day plan</h4>
        <ol className="mt-2 grid gap-2 sm:grid-cols-2 print:mt-1 print:grid-cols-5 print:gap-1">
          {spec.plan30Days.map((week) => (
            <li key={week.week} className="rounded-lg bg-surface p-3 text-sm print:p-1.5 print:text-[9px] print:leading-snug">
              <span className="font-semibold text-ink">{week.week}</span>
              <ul className="mt-1 list-disc pl-5 text-body print:pl-3">{week.tasks.map((task) => <li key={task}>{task}</li>)}</ul>
            </li>
          ))}
        </ol>
      </section>

      <div className="mt-8 flex flex-wrap gap-3 print:hidden">
        <a href={`${bookingPath}?from=checklist`} className="btn-primary">Book an audit with this summary</a>
        <button type="button" onClick={downloadMarkdown} className="btn-secondary">Download the spec (Markdown)</button>
        <button type="button" onClick={() => window.print()} className="btn-secondary">Print</button>
        <a href={calculatorHref} className="btn-secondary">{spec.baselineForCalculator ? 'Open the ROI calculator with your baseline' : 'Open the ROI calculator'}</a>
      </div>
      <div className="mt-4 flex flex-wrap gap-4 text-sm print:hidden">
        <button type="button" onClick={onEdit} className="font-semibold text-accent-700 underline underline-offset-2">Change my answers</button>
        <button type="button" onClick={onStartOver} className="font-semibold text-accent-700 underline underline-offset-2">Start over</button>
      </div>
    </div>
  );
}
