// The calculator's scenario and the URL that shares it. The server renders the default scenario; after
// hydration a scenario in the URL wins, what the visitor typed before hydration over it, and once the
// visitor changes something the URL follows.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { draftChangedBeforeHydration, draftFromInputs, parseDraft, restyleDraft, type Draft, type FieldErrors } from '../../lib/roi/form.ts';
import { currencyForLocale, decimalMark, supportedLocale, type DecimalMark } from '../../lib/roi/format.ts';
import { fromQuery, QUERY_KEYS, scenarioParams, toQuery } from '../../lib/roi/query.ts';
import type { RoiInputs } from '../../lib/roi/schema.ts';
import { FROM_PARAM, landingParams } from '../../lib/leads/landing.ts';
import type { ChangedBeforeHydration } from './changed-before-hydration.ts';

/** The scenario's state and what changes it. */
interface SharedScenario {
  /** What the visitor typed, field by field. */
  draft: Draft;
  /** The last inputs that were valid together: the results always show these. */
  inputs: RoiInputs;
  /** One message per field that is not usable. */
  errors: FieldErrors;
  /** What a shared link held that could not be used, one sentence each. */
  notices: string[];
  /** The number format: the visitor's locale after hydration, en-US on the server. */
  locale: string;
  /** The decimal mark the fields are read and written with, the number format's. */
  mark: DecimalMark;
  /** Picks another number format; the fields' decimals are written again in its mark. */
  setLocale: (locale: string) => void;
  /** The scenario as a query string, for the URL, the booking link and Copy link. */
  query: string;
  /**
   * The booking link's query: the scenario, then where the visitor came from (this page, the referring
   * site, the landing URL's utm_* values), read at load because the first edit rewrites the URL. Copy
   * link leaves the source out: a shared scenario is not the sharer's visit.
   */
  bookingQuery: string;
  /** True once the visitor has changed something: only then does the page speak or rewrite the URL. */
  edited: { readonly current: boolean };
  /** Takes the whole draft after an edit, parsing it; valid inputs replace the shown ones. */
  edit: (next: Draft) => void;
  /** Copies the link to the clipboard; false when the browser blocks that and the link went to the address bar. */
  copyLink: () => Promise<boolean>;
}

const urlFor = (query: string) => `${window.location.pathname}?${query}`;

// The first read after hydration runs before the browser hands React a key press: in a passive effect, a key
// pressed in between was applied to the server's draft, and its render put the server's figures back over
// what the visitor had typed before hydration. (The server renders without effects of either kind.)
const useBeforeInput = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * The scenario state of the calculator, read from and written to the page URL. `changedBeforeHydration`
 * reads, once after hydration, what the visitor changed in the server-rendered form before it.
 */
export function useSharedScenario(initialInputs: RoiInputs, changedBeforeHydration: () => ChangedBeforeHydration | null): SharedScenario {
  const [draft, setDraft] = useState<Draft>(() => draftFromInputs(initialInputs));
  const [inputs, setInputs] = useState<RoiInputs>(initialInputs);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notices, setNotices] = useState<string[]>([]);
  const [locale, setLocaleState] = useState('en-US');
  const mark = useMemo(() => decimalMark(locale), [locale]);
  const edited = useRef(false);
  const [sourceQuery, setSourceQuery] = useState('');
  const query = useMemo(() => toQuery(inputs).toString(), [inputs]);

  // After hydration: a shared scenario in the URL wins over the defaults; then the visitor's locale.
  useBeforeInput(() => {
    const params = new URLSearchParams(window.location.search);
    // Handed on as they came: the booking page and the server clean every value.
    const source = landingParams(window.location.search, document.referrer, window.location.host);
    source.set(FROM_PARAM, window.location.pathname);
    setSourceQuery(source.toString());
    let next = initialInputs;
    const shared = scenarioParams(params);
    if (shared) {
      const read = fromQuery(shared);
      next = read.inputs;
      setNotices(read.rejected.map((r) => r.message));
    }
    const changed = changedBeforeHydration();
    const preferred = supportedLocale(changed?.locale ?? navigator.language);
    if (preferred) setLocaleState(preferred);
    if (next === initialInputs && !params.has(QUERY_KEYS.currency)) {
      const guess = preferred ? currencyForLocale(preferred) : undefined;
      if (guess && guess !== next.currency) next = { ...next, currency: guess };
    }
    const nextMark = decimalMark(preferred ?? 'en-US');
    const start = draftFromInputs(next, nextMark);
    // Typed before hydration: read as if typed now, in the visitor's number format (the server's figures
    // are whole numbers, so they showed none), and the URL follows as after any edit.
    const typed = changed && draftChangedBeforeHydration(start, next, changed.fields, nextMark);
    if (typed) {
      edited.current = true;
      setInputs(next);
      apply(typed, nextMark, preferred ?? 'en-US');
      return;
    }
    if (next !== initialInputs) setInputs(next);
    if (next !== initialInputs || nextMark !== '.') setDraft(start);
    // Once, on hydration: `changedBeforeHydration` is not a dependency (a new function each render).
  }, [initialInputs]);

  // The URL carries the scenario once the visitor has changed something (replaceState: no history spam).
  useEffect(() => {
    if (!edited.current) return;
    const timer = window.setTimeout(() => window.history.replaceState(null, '', urlFor(query)), 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  // Parses the whole draft: valid inputs replace the shown ones; the messages are written in `nextLocale`.
  function apply(next: Draft, nextMark: DecimalMark, nextLocale: string) {
    const parsed = parseDraft(next, nextMark, nextLocale);
    setDraft(next);
    setErrors(parsed.errors);
    if (parsed.inputs) setInputs(parsed.inputs);
  }

  function setLocale(next: string) {
    const nextMark = decimalMark(next);
    setLocaleState(next);
    // Read again with the new mark: "4,5" typed under a point was an error, and now is four and a half.
    // Read again with the same mark too: the messages write their figures in the new format (1.000).
    apply(restyleDraft(draft, mark, nextMark), nextMark, next);
  }

  function edit(next: Draft) {
    edited.current = true;
    apply(next, mark, locale);
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(`${window.location.origin}${urlFor(query)}`);
      return true;
    } catch {
      window.history.replaceState(null, '', urlFor(query));
      return false;
    }
  }

  const bookingQuery = sourceQuery ? `${query}&${sourceQuery}` : query;
  return { draft, inputs, errors, notices, locale, mark, setLocale, query, bookingQuery, edited, edit, copyLink };
}
