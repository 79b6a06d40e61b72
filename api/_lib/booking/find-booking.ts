// Reading a booked call back from the bookings table, as a Booking (record.ts): every step (create,
// move, cancel, the outcome) and every page that shows a call starts from it.
import type { Client, Transaction } from '@libsql/client';
import type { Booking, CallOutcome } from './record.ts';
import { utmFromRow } from '../webhook/events.ts';
import type { Area } from '../../../src/lib/readiness/areas.ts';
import type { LeadSource } from '../../../src/lib/leads/source.ts';

const sourceOfRow = (row: Record<string, unknown>): LeadSource => ({
  page: row.source_page ? String(row.source_page) : null,
  referrerHost: row.source_referrer ? String(row.source_referrer) : null,
  utm: utmFromRow(row),
});

export function rowToBooking(row: Record<string, unknown>): Booking {
  return {
    id: String(row.id),
    uid: String(row.uid),
    status: String(row.status) as Booking['status'],
    start: String(row.start_at),
    end: String(row.end_at),
    sequence: Number(row.sequence),
    name: String(row.name),
    email: String(row.email),
    company: String(row.company),
    companySize: String(row.company_size),
    area: String(row.area) as Area,
    goal: String(row.goal),
    timeZone: String(row.time_zone),
    context: row.context ? (JSON.parse(String(row.context)) as Booking['context']) : null,
    source: sourceOfRow(row),
    outcome: row.outcome ? (String(row.outcome) as CallOutcome) : null,
  };
}

export async function findBooking(db: Client | Transaction, id: string): Promise<Booking | null> {
  const row = (await db.execute({ sql: 'SELECT * FROM bookings WHERE id = ?', args: [id] })).rows[0];
  return row ? rowToBooking(row) : null;
}
