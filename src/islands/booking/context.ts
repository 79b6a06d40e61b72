// What the visitor already told the site, read once after hydration: the calculator's scenario from the
// query string (/book-audit?p=…&tm=…) and the readiness wizard's saved answers from localStorage.
// Both are sent with the booking as they are, and the server recomputes every figure from them
// (src/lib/booking/context.ts). The page shows a lighter summary: recomputing the ROI model and the
// readiness score here would add about 9 kB gzip and put the page over its 70 kB JavaScript budget.
import { isTimeZone } from '../../lib/booking/request.ts';
import { AREA_LABELS, parseStoredAnswers, type Area, type ReadinessAnswers } from '../../lib/readiness-answers.ts';

/** The wizard's key (src/islands/readiness-wizard): the same answers, never asked twice. */
export const READINESS_KEY = 'ai-operator:readiness:v1';
/** The calculator's link always carries its preset (QUERY_KEYS.preset in src/lib/roi-inputs.ts). */
const SCENARIO_MARK = 'p';

export interface VisitorContext {
  /** As the booking API takes it; undefined when the visitor brought nothing. */
  send: { scenario?: string; readiness?: ReadinessAnswers } | undefined;
  /** The calculator's query string, to open the scenario again; null without one. */
  scenario: string | null;
  /** "Supplier invoice intake (Documents)", from the wizard; null without saved answers. */
  workflow: string | null;
  /** Pre-fills for the form. */
  area: Area | null;
  workflowName: string;
}

function storedAnswers(): ReadinessAnswers | null {
  try {
    const raw = window.localStorage.getItem(READINESS_KEY);
    if (!raw) return null;
    const answers = parseStoredAnswers((JSON.parse(raw) as { answers?: unknown }).answers);
    return answers.area || answers.workflowName.trim() ? answers : null;
  } catch {
    // Private mode, storage switched off or a tampered value: nothing brought.
    return null;
  }
}

export function readVisitorContext(search: string): VisitorContext {
  const query = search.replace(/^\?/, '');
  const scenario = query.length <= 2000 && new URLSearchParams(query).has(SCENARIO_MARK) ? query : null;
  const answers = storedAnswers();
  const name = answers?.workflowName.trim() ?? '';
  const workflow = answers ? `${name || 'Your workflow'}${answers.area ? ` (${AREA_LABELS[answers.area]})` : ''}` : null;
  const send = scenario || answers ? { ...(scenario ? { scenario } : {}), ...(answers ? { readiness: answers } : {}) } : undefined;
  return { send, scenario, workflow, area: answers?.area ?? null, workflowName: name };
}

/** The browser's language (when Intl knows it; else en-US) and time zone (when the API takes it; else UTC). */
export function detectLocaleAndZone(): { locale: string; timeZone: string } {
  const language = navigator.language || 'en-US';
  const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    locale: Intl.DateTimeFormat.supportedLocalesOf(language).length > 0 ? language : 'en-US',
    timeZone: detected && isTimeZone(detected) ? detected : 'UTC',
  };
}
