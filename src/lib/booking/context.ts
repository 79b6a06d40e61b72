// What the visitor already told the site, summed up for the booking page and the operator's notice.
// Every figure is recomputed here from the calculator's query string and the wizard's saved answers:
// nothing the browser claims as a result is trusted. Numbers out; words and formats at the edge.
import type { Area } from '../readiness/areas.ts';
import { parseStoredAnswers } from '../readiness/stored.ts';
import { scoreReadiness } from '../readiness/score.ts';
import { BAND_TEXT } from '../readiness/score-text.ts';
import { presetLabel } from '../roi/labels.ts';
import { computeRoi } from '../roi/model.ts';
import { fromQuery, scenarioParams, toQuery } from '../roi/query.ts';
import type { Payback } from '../roi/result.ts';
import { buildWorkflowSpec } from '../readiness/spec.ts';
import { specToMarkdown } from '../readiness/markdown.ts';
import { withoutHiddenFormatting } from '../text/hidden-characters.ts';

export interface ScenarioSummary {
  /** The preset's name, or null for a custom scenario. */
  preset: string | null;
  hoursSavedPerMonth: number;
  netMonthlyValue: number;
  currency: string;
  payback: Payback;
  /** (value - cost) / cost over the horizon; null when nothing is spent. */
  roiAtHorizon: number | null;
  horizonMonths: number;
  /** The scenario the figures above were computed from, written afresh: opens the calculator on exactly them. */
  query: string;
}

export interface ReadinessSummary {
  /** Workflow name and area, e.g. 'Supplier invoice intake (Documents)'. */
  workflow: string;
  area: Area | null;
  score: number;
  band: string;
  /** The blockers' titles, most important first. */
  blockers: string[];
  /** The workflow spec and 30-day plan the wizard wrote, as Markdown. */
  specMarkdown: string;
}

/** The calculator's scenario in a query string, or null when the string carries none of its keys. */
export function summarizeScenario(query: string): ScenarioSummary | null {
  const scenario = scenarioParams(new URLSearchParams(query.startsWith('?') ? query.slice(1) : query));
  if (!scenario) return null;
  const { inputs } = fromQuery(scenario);
  const result = computeRoi(inputs);
  return {
    preset: inputs.preset === 'custom' ? null : presetLabel(inputs.preset),
    hoursSavedPerMonth: result.hoursSavedPerMonth,
    netMonthlyValue: result.netMonthlyValue,
    currency: inputs.currency,
    payback: result.payback,
    roiAtHorizon: result.roiAtHorizon,
    horizonMonths: inputs.horizonMonths,
    // Not the query as sent: a tampered value (p=<script>, cur=Infinity) was dropped for the preset's above,
    // and the operator's link must open the scenario the notice's figures describe.
    query: toQuery(inputs).toString(),
  };
}

/** The wizard's saved answers scored and turned into a spec; null when nothing was answered. */
export function summarizeReadiness(raw: unknown, today: string): ReadinessSummary | null {
  const answers = parseStoredAnswers(raw);
  if (!answers.area && !answers.workflowName) return null;
  const result = scoreReadiness(answers, today);
  const spec = buildWorkflowSpec(answers, result);
  // The answers are the visitor's own words, as the browser stored them: shown in the operator's email.
  return {
    workflow: withoutHiddenFormatting(spec.title),
    area: answers.area,
    score: result.score,
    band: BAND_TEXT[result.band].title,
    blockers: result.blockers.map((blocker) => blocker.title),
    specMarkdown: withoutHiddenFormatting(specToMarkdown(spec)),
  };
}

/** What a booking stored of the visitor's context (its JSON column): the calculator's query string and the
 *  wizard's raw answers. Never throws: a column that cannot be read holds neither. */
export function parseStoredContext(json: string | null): { scenario: string | null; readiness: unknown } {
  let value: { scenario?: unknown; readiness?: unknown } = {};
  try {
    const parsed: unknown = json ? JSON.parse(json) : null;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) value = parsed as typeof value;
  } catch {
    // Unreadable: no calculator, no readiness check.
  }
  return { scenario: typeof value.scenario === 'string' ? value.scenario : null, readiness: value.readiness ?? null };
}
