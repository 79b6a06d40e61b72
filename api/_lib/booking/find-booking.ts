// Reading booked calls back from the bookings table, as Bookings (record.ts): every step (create,
// move, cancel, the outcome) and every page that shows a call starts from it; the operator's bookings
// feed reads the upcoming calls' own fields with the same mapping.
import type { Client, Transaction } from '@libsql/client';
import type { Booking, CallOutcome } from './record.ts';
import { utmFromRow } from '../../../src/lib/leads/source.ts';
import type { Area } from '../../../src/lib/readiness/areas.ts';
import type { LeadSource } from '../../../src/lib/leads/source.ts';
import { toIso } from '../../../src/lib/time/instants.ts';

/** A call's own fields, what a calendar entry of it shows: no address, context, source or outcome. */
export type BookedCall = Pick<Booking, 'id' | 'uid' | 'sequence' | 'start' | 'end' | 'name' | 'company' | 'companySize' | 'area' | 'goal' | 'timeZone'>;
/** The columns BookedCall is read from. */
const CALL_COLUMNS = 'id, uid, sequence, start_at, end_at, name, company, company_size, area, goal, time_zone';

function rowToCall(row: Record<string, unknown>): BookedCall {
  return {
    id: String(row.id),
    uid: String(row.uid),
    sequence: Number(row.sequence),
    start: String(row.start_at),
    end: String(row.end_at),
    name: String(row.name),
    company: String(row.company),
    companySize: String(row.company_size),
    area: String(row.area) as Area,
    goal: String(row.goal),
    timeZone: String(row.time_zone),
  };
}

const sourceOfRow = (row: Record<string, unknown>): LeadSource => ({
  page: row.source_page ? String(row.source_page) : null,
  referrerHost: row.source_referrer ? String(row.source_referrer) : null,
  utm: utmFromRow(row),
});

export function rowToBooking(row: Record<string, unknown>): Booking {
  return {
    ...rowToCall(row),
    status: String(row.status) as Booking['status'],
    email: String(row.email),
    context: row.context ? (JSON.parse(String(row.context)) as Booking['context']) : null,
    source: sourceOfRow(row),
    outcome: row.outcome ? (String(row.outcome) as CallOutcome) : null,
  };
}

export async function findBooking(db: Client | Transaction, id: string): Promise<Booking | null> {
  const row = (await db.execute({ sql: 'SELECT * FROM bookings WHERE id = ?', args: [id] })).rows[0];
  return row ? rowToBooking(row) : null;
}

/**
 * Every confirmed call that has not ended by `now`, in start order (the operator's bookings feed). Only
 * the call's own columns are read: a damaged value elsewhere in a row (its context) cannot fail the feed.
 */
export async function upcomingCalls(db: Client | Transaction, now: Date): Promise<BookedCall[]> {
  const result = await db.execute({
    sql: `SELECT ${CALL_COLUMNS} FROM bookings WHERE status = 'confirmed' AND end_at > ? ORDER BY start_at, id`,
    // Written as the calls' times are ('…:00Z'), so the text comparison is a time comparison.
    args: [toIso(now.getTime())],
  });
  return result.rows.map(rowToCall);
}
