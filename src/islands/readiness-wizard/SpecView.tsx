// The one-page workflow spec on the result: the seven sections, then the 30-day plan.
import { PLAN_TITLE } from '../../lib/readiness/plan.ts';
import { SPEC_SECTIONS, type WorkflowSpec } from '../../lib/readiness/spec.ts';

/** The spec and its plan, as the result shows and prints them. */
export function SpecView({ spec }: { spec: WorkflowSpec }) {
  return (
    <section aria-labelledby="rw-spec" className="mt-8 print:mt-3">
      <h4 id="rw-spec" className="text-lg font-bold text-ink">Your workflow spec</h4>
      <p className="text-sm text-muted">{spec.summary}</p>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2 print:mt-1 print:grid-cols-4 print:gap-1">
        {SPEC_SECTIONS.map((field) => (
          <div key={field} className="rounded-lg border border-line p-4 print:p-1.5">
            <dt className="font-semibold text-ink">{spec[field].title}</dt>
            {spec[field].lines.map((line, i) => <dd key={i} className="mt-1 text-sm text-body print:mt-0.5 print:text-[9px] print:leading-snug">{line}</dd>)}
          </div>
        ))}
      </dl>
      <h4 className="mt-6 text-base font-bold text-ink print:mt-3">{PLAN_TITLE}</h4>
      <ol className="mt-2 grid gap-2 sm:grid-cols-2 print:mt-1 print:grid-cols-5 print:gap-1">
        {spec.plan30Days.map((week) => (
          <li key={week.week} className="rounded-lg bg-surface p-3 text-sm print:p-1.5 print:text-[9px] print:leading-snug">
            <span className="font-semibold text-ink">{week.week}</span>
            <ul className="mt-1 list-disc pl-5 text-body print:pl-3">{week.tasks.map((task) => <li key={task}>{task}</li>)}</ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
