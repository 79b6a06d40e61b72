// The answers the browser saved: read back field by field, so answers from an older version, a
// hand edit or another tab never break the wizard or the booking form that reads them.
import type * as z from 'zod/mini';
import { offeredArea } from './areas.ts';
import { isCalendarDate } from './dates.ts';
import {
  AI_ACTIONS,
  APPROVAL_ACTIONS,
  BASELINE_FIELDS,
  readinessAnswersSchema,
  RED_FLAGS,
  SIGNALS,
  TEXT_LIMITS,
  type BaselineField,
  type ReadinessAnswers,
  type TextField,
} from './schema.ts';

/** The localStorage key of the saved answers; the booking form reads the same key, so nothing is asked twice. */
export const STORAGE_KEY = 'ai-operator:readiness:v1';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One entry per key, in the keys' order: the answers keep EMPTY_ANSWERS' key order, which JSON compares. */
const each = <K extends string, V>(keys: readonly K[], value: (key: K) => V) =>
  Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;

function pick<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

function storedText(field: TextField, value: unknown): string {
  if (typeof value !== 'string') return '';
  // Too long is still the person's own words: keep what fits rather than lose all of it.
  return value.trim().length <= TEXT_LIMITS[field] ? value : value.trim().slice(0, TEXT_LIMITS[field]);
}

function storedList<T extends string>(options: readonly T[], value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  const kept = value.filter((item): item is T => (options as readonly unknown[]).includes(item));
  return [...new Set(kept)];
}

function mergeStored(raw: unknown): ReadinessAnswers {
  const shape = readinessAnswersSchema.shape;
  const source = isRecord(raw) ? raw : {};
  const signals = isRecord(source.signals) ? source.signals : {};
  const redFlags = isRecord(source.redFlags) ? source.redFlags : {};
  const baseline = isRecord(source.baseline) ? source.baseline : {};
  const text = (field: TextField) => storedText(field, source[field]);
  // Saved when CRM and RevOps were two choices: 'revops' is read as the one area the wizard offers.
  const area = pick(shape.area, source.area, null);

  return {
    area: area === null ? null : offeredArea(area),
    workflowName: text('workflowName'),
    signals: each(SIGNALS, (signal) => pick(shape.signals.shape[signal], signals[signal], null)),
    redFlags: each(RED_FLAGS, (flag) => redFlags[flag] === true),
    scope: pick(shape.scope, source.scope, null),
    processSteps: text('processSteps'),
    baseline: each(Object.keys(BASELINE_FIELDS) as BaselineField[], (field) => pick(shape.baseline.shape[field], baseline[field], null)),
    // Saved before the value took US spelling: 'summarise' is read as 'summarize'.
    aiActions: storedList(AI_ACTIONS, Array.isArray(source.aiActions) ? source.aiActions.map((action) => (action === 'summarise' ? 'summarize' : action)) : source.aiActions),
    approvalActions: storedList(APPROVAL_ACTIONS, source.approvalActions),
    sourceSystem: text('sourceSystem'),
    systemOfRecord: text('systemOfRecord'),
    failedRun: text('failedRun'),
    escalationOwner: text('escalationOwner'),
    successMetric: text('successMetric'),
    successTarget: text('successTarget'),
    reviewDate: typeof source.reviewDate === 'string' && isCalendarDate(source.reviewDate) ? source.reviewDate : '',
  };
}

/**
 * Answers from a stored blob (localStorage, possibly old, hand-edited or from another version), never
 * throwing: every field that is valid on its own is kept, anything else falls back to EMPTY_ANSWERS.
 */
export function parseStoredAnswers(raw: unknown): ReadinessAnswers {
  try {
    return mergeStored(raw);
  } catch {
    // Only reachable with objects JSON cannot produce (a throwing getter or proxy): start afresh.
    return parseStoredAnswers(null);
  }
}

/** The answers in what the browser saved under STORAGE_KEY, or null when nothing usable is there. */
export function answersFromStorage(saved: string | null): ReadinessAnswers | null {
  if (!saved) return null;
  try {
    return parseStoredAnswers(JSON.parse(saved).answers);
  } catch {
    // Not JSON, or JSON with no object to read ('null'): as if nothing were saved.
    return null;
  }
}

/** What the wizard saves under STORAGE_KEY: the answers and when they were saved. */
export function storageValue(answers: ReadinessAnswers, savedAt: Date): string {
  return JSON.stringify({ answers, savedAt: savedAt.toISOString() });
}
