// The operator's busy times (from their calendar feeds) as the slot rules read them: sorted, merged
// spans of epoch milliseconds, so "does this call overlap anything?" is one binary search, not a scan
// of hundreds of events for each of hundreds of candidate times.

/** A span of elapsed time, [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/** Sorted by start, overlapping and touching spans joined; empty spans (end before start) dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end >= s.start).toSorted((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    // Touching spans join too: a range overlaps [a, b) or [b, c) exactly when it overlaps [a, c).
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/**
 * Whether [start, end) overlaps any of `merged` (sorted and merged by mergeSpans, so their ends rise
 * too). A zero-length busy span at t (an event without an end) overlaps a range with t strictly inside.
 */
export function overlapsAny(merged: readonly Span[], start: number, end: number): boolean {
  // The first span that ends after `start`: only it can overlap, since later spans start after it ends.
  let low = 0;
  let high = merged.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (merged[mid]!.end > start) high = mid;
    else low = mid + 1;
  }
  const candidate = merged[low];
  return candidate !== undefined && candidate.start < end;
}
