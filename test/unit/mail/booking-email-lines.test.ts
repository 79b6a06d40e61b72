// A booking email's details keep their line breaks in both parts (the text part is made from the HTML,
// and pre-wrap styling, which Outlook ignores too, left it one run-on line), and a long value wraps.
import { describe, expect, it } from 'vitest';
import { bookingEmail } from '../../../api/_lib/mail/templates/booking.ts';

const noticeProps: Parameters<typeof bookingEmail>[0] = {
  event: 'confirmed',
  audience: 'operator',
  siteUrl: 'https://example.com',
  booking: {
    id: 'b1', uid: 'u1', start: '2030-01-07T10:00:00.000Z', end: '2030-01-07T10:20:00.000Z', sequence: 0,
    name: 'Ada', email: 'ada@example.com', company: 'Acme', companySize: '10-49', area: 'documents',
    goal: 'Invoices are typed twice.\nThe second line says why.', timeZone: 'America/Los_Angeles',
  },
  operator: { email: 'ops@example.com', timeZone: 'Europe/Berlin' },
  manageUrl: 'https://example.com/manage',
  icsUrl: 'https://example.com/ics',
  context: { scenario: null, readiness: null },
  stamp: '2030-01-01T00:00:00.000Z',
};
const operatorNotice = () => bookingEmail(noticeProps);

describe('booking email details', () => {
  it('keep a multi-line goal on its lines in the text part', async () => {
    const { text } = await operatorNotice();
    expect(text).toMatch(/Invoices are typed twice\.\n+The second line says why\./);
  });

  it('put each zone of "When" on a line of its own', async () => {
    const { text } = await operatorNotice();
    const when = text.slice(text.indexOf('When:'));
    expect(when).toMatch(/^When: [^\n]*GMT\+1\n+[^\n]*GMT-8/);
  });

  it('break lines with <br>, not pre-wrap, and let a long value wrap', async () => {
    const { html } = await operatorNotice();
    expect(html).not.toContain('pre-wrap');
    expect(html).toContain('Invoices are typed twice.<br/>The second line says why.');
    expect(html).toContain('overflow-wrap:anywhere');
  });
});

describe("the operator's notice of a change", () => {
  // The call's page in the notice is the visitor's own (the same token): a change made there may be
  // the operator's, so the notice does not say the visitor made it.
  it('says the call was moved or cancelled, not who did it; a booking is still theirs', async () => {
    const intro = async (event: 'confirmed' | 'rescheduled' | 'cancelled') => (await bookingEmail({ ...noticeProps, event })).text;
    expect(await intro('rescheduled')).toContain('The workflow audit with Ada of Acme was moved.');
    expect(await intro('cancelled')).toContain('The workflow audit with Ada of Acme was cancelled.');
    expect(await intro('rescheduled')).not.toContain('Ada of Acme moved');
    expect(await intro('confirmed')).toContain('Ada of Acme booked a workflow audit.');
  });
});
