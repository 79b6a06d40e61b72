// What the visitor brought to the booking, in the operator's words: the same lines in the operator's
// email and in `npm run leads -- bookings`. en-US, in the scenario's currency: the operator's side has
// no visitor locale.
import type { ReadinessSummary, ScenarioSummary } from './context.ts';
import { roiFormatters } from '../roi/format.ts';
import { neverPaysBackText, paybackShort } from '../roi/reasons.ts';
import { routes } from '../../config/site.ts';

/** The calculator's figures: what the workflow saves a month, then when it pays back and its ROI. */
export function scenarioLines(scenario: ScenarioSummary): [string, string] {
  const format = roiFormatters('en-US', scenario.currency);
  const why = scenario.payback.kind === 'never' ? `: ${neverPaysBackText(scenario.payback.reason, format)}` : '';
  const payback = `${paybackShort(scenario.payback).toLowerCase()}${why}`;
  const roi = scenario.roiAtHorizon === null ? 'n/a' : `${format.percent(scenario.roiAtHorizon)} over ${scenario.horizonMonths} months`;
  return [
    `${scenario.preset ?? 'Custom scenario'}: ${format.number(scenario.hoursSavedPerMonth, 1)} h saved a month, ${format.money(scenario.netMonthlyValue)} net a month`,
    `Payback ${payback}; ROI ${roi}`,
  ];
}

/** The path, from the site's root, that opens the calculator on exactly the scenario summed up. */
export const scenarioPath = (scenario: ScenarioSummary): string => `${routes.roiCalculator}?${scenario.query}`;

/** The readiness check's result, then its blockers on a line of their own when there are any. */
export function readinessLines(readiness: ReadinessSummary): string[] {
  const result = `${readiness.workflow}: ${readiness.score}/100, ${readiness.band}`;
  return readiness.blockers.length ? [result, `Blockers: ${readiness.blockers.join('; ')}`] : [result];
}
