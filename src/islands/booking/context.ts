// What the visitor already told the site, read once after hydration: the calculator's scenario from the
// query string (/book-audit?p=…&tm=…) and the readiness wizard's saved answers from localStorage.
// Both are sent with the booking as they are, and the server recomputes every figure from them
// (src/lib/booking/context.ts, which also validates the answers). The page shows a lighter summary and
// reads only the two answers it pre-fills: recomputing the ROI model and the readiness score here, or
// carrying the readiness schema, would put the page over its 70 kB JavaScript budget.
import { AREA_LABELS, isArea, offeredArea, type Area } from '../../lib/readiness/areas.ts';
import { isTimeZone } from '../../lib/booking/request.ts';
import { FROM_PARAM, REFERRER_PARAM, UTM_KEYS, sourceFromLanding, type LeadSource } from '../../lib/leads/source.ts';

/** The wizard's key (src/islands/readiness-wizard): the same answers, never asked twice. */
export const READINESS_KEY = 'ai-operator:readiness:v1';
/** The calculator's link always carries its preset (QUERY_KEYS.preset in src/lib/roi/query.ts). */
const SCENARIO_MARK = 'p';

export interface VisitorContext {
  /** As the booking API takes it; undefined when the visitor brought nothing. */
  send: { scenario?: string; readiness?: unknown } | undefined;
  /** The calculator's query string, to open the scenario again; null without one. */
  scenario: string | null;
  /** "Supplier invoice intake (Documents)", from the wizard; null without saved answers. */
  workflow: string | null;
  /** Pre-fills for the form. */
  area: Area | null;
  workflowName: string;
  /** Where the visitor came from: the page that linked here, the other site, the landing URL's utm_* values. */
  source: LeadSource;
}

interface StoredAnswers {
  /** As stored: the server checks every field. */
  raw: Record<string, unknown>;
  area: Area | null;
  workflowName: string;
}

function storedAnswers(): StoredAnswers | null {
  try {
    const stored = window.localStorage.getItem(READINESS_KEY);
    if (!stored) return null;
    const raw = (JSON.parse(stored) as { answers?: unknown }).answers;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
    const answers = raw as Record<string, unknown>;
    // Saved when CRM and RevOps were two choices: 'revops' pre-fills the one area the form offers.
    const area = isArea(answers.area) ? offeredArea(answers.area) : null;
    const workflowName = typeof answers.workflowName === 'string' ? answers.workflowName.trim().slice(0, 120) : '';
    return area || workflowName ? { raw: answers, area, workflowName } : null;
  } catch {
    // Private mode, storage switched off or a tampered value: nothing brought.
    return null;
  }
}

/** Read at load, before anything rewrites the URL: the query string, and document.referrer for the source. */
export function readVisitorContext(search: string, referrer = '', siteHost = ''): VisitorContext {
  // The source's own parameters are not part of the scenario (the calculator's link carries both).
  const params = new URLSearchParams(search);
  for (const key of [FROM_PARAM, REFERRER_PARAM, ...UTM_KEYS]) params.delete(key);
  const query = params.toString();
  const scenario = query.length <= 2000 && params.has(SCENARIO_MARK) ? query : null;
  const answers = storedAnswers();
  const name = answers?.workflowName ?? '';
  const workflow = answers ? `${name || 'Your workflow'}${answers.area ? ` (${AREA_LABELS[answers.area]})` : ''}` : null;
  const send = scenario || answers ? { ...(scenario ? { scenario } : {}), ...(answers ? { readiness: answers.raw } : {}) } : undefined;
  return { send, scenario, workflow, area: answers?.area ?? null, workflowName: name, source: sourceFromLanding(search, referrer, siteHost) };
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
