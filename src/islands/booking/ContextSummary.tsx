// What the visitor already told the site, shown back before they book: nothing is asked again, and
// they choose whether it goes with the booking (the privacy policy promises that choice).
import type { VisitorContext } from './context.ts';

interface Props {
  visitor: VisitorContext | null;
  calculatorPath: string;
  include: boolean;
  onInclude: (include: boolean) => void;
}

export function ContextSummary({ visitor, calculatorPath, include, onInclude }: Props) {
  if (!visitor?.send) return null;
  return (
    <div className="mt-5 rounded-card border border-accent-100 bg-accent-50 p-4 text-sm">
      <p className="font-semibold text-ink">What you have already told us</p>
      <ul className="mt-2 grid gap-1">
        {visitor.scenario !== null && (
          <li>
            Your numbers from the ROI calculator (<a className="link" href={`${calculatorPath}?${visitor.scenario}`} target="_blank" rel="noopener">open them again<span className="sr-only"> (opens in a new tab)</span></a>).
          </li>
        )}
        {visitor.workflow !== null && <li>Your readiness check for {visitor.workflow}: your answers, their score and the workflow spec they make.</li>}
      </ul>
      <div className="mt-3 flex items-start gap-3">
        <input id="bk-include" type="checkbox" checked={include} onChange={(event) => onInclude(event.target.checked)} className="mt-0.5 size-5 shrink-0 accent-accent-700" />
        <label htmlFor="bk-include" className="text-body">Send these with my booking, so we come to the call prepared.</label>
      </div>
    </div>
  );
}
