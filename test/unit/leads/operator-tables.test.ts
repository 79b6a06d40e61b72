// The operator's command-line tables: one line per row whatever a value holds, and "--from" read as the
// operator's own midnight.
import { describe, expect, it } from 'vitest';
import { toTable } from '../../../scripts/_lib/leads-report.ts';
import { startOfLocalDate } from '../../../src/lib/booking/slots.ts';

describe('toTable', () => {
  it('keeps each row on one line when a value has line breaks or tabs', () => {
    const table = toTable([{ name: 'Ada', goal: 'Invoices typed twice.\nSecond line,\tthird part' }, { name: 'Bo', goal: 'Short' }]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toContain('Invoices typed twice. Second line, third part');
  });
});

describe('startOfLocalDate (the --from date)', () => {
  it('is the start of that date in the zone, as a UTC instant, across both DST changes', () => {
    expect(startOfLocalDate('2026-12-06', 'America/New_York')).toBe('2026-12-06T05:00:00Z');
    expect(startOfLocalDate('2026-07-06', 'America/New_York')).toBe('2026-07-06T04:00:00Z');
    expect(startOfLocalDate('2026-12-06', 'Europe/Berlin')).toBe('2026-12-05T23:00:00Z');
    expect(startOfLocalDate('2026-12-06', 'UTC')).toBe('2026-12-06T00:00:00Z');
  });
});
