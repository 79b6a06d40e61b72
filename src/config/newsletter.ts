// What the newsletter promises, said once for the footer, its page and its emails. The schedule is
// stated only when the company has set one (src/config/company.ts).
import { company } from './company.ts';

/** How long a confirmation link works: the token's lifetime and every sentence that states it. */
export const CONFIRM_LINK_DAYS = 7;

/** After a confirmation email, a pending address gets no other for this many minutes, however often it signs up. */
export const CONFIRM_RESEND_MINUTES = 10;

/** However many sign-ups name an address, it gets at most this many confirmation emails a day. */
export const CONFIRMATIONS_PER_DAY = 3;

/** What one issue holds. */
export const newsletterPitch = 'Each issue takes one AI workflow apart: where the hours go, which steps software can take, which stay with a person, and how to measure the result.';

/** "Sent every two weeks." once a schedule is set; empty until then. */
export const newsletterSchedule = company.newsletterCadence ? `Sent ${company.newsletterCadence}.` : '';
