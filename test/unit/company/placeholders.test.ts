// The company's required facts: which values are placeholders, and the production build's guard that
// names each one with the file to edit.
import { describe, expect, it } from 'vitest';
import { emailPlaceholderReason, isPlaceholderEmail, mailboxAddress, placeholderFacts, productionFactsProblem, urlPlaceholderReason } from '../../../src/lib/company/placeholders.ts';

const REAL = { contactEmail: 'hello@aioperator.com', legalName: 'AI Operator GmbH', meetingUrl: 'https://meet.google.com/abc-defg-hij' };
const MEETING_PLACEHOLDER = 'https://meet.aioperator.example/workflow-audit';

describe('the placeholder rule for an address', () => {
  it('refuses empty values and the domains reserved for examples and tests', () => {
    expect(emailPlaceholderReason('')).toBe('is empty');
    expect(emailPlaceholderReason('   ')).toBe('is empty');
    expect(emailPlaceholderReason('hello')).toBe('"hello" is not an email address');
    expect(emailPlaceholderReason('@aioperator.com')).toBe('"@aioperator.com" is not an email address');
    expect(emailPlaceholderReason('hello@aioperator.example')).toBe('"hello@aioperator.example" is on a reserved .example domain, which receives no mail');
    expect(emailPlaceholderReason('hello@AIOPERATOR.EXAMPLE.')).toBe('"hello@AIOPERATOR.EXAMPLE." is on a reserved .example domain, which receives no mail');
    expect(emailPlaceholderReason('hello@example.com')).toBe('"hello@example.com" is on example.com, a domain reserved for examples');
    expect(emailPlaceholderReason('hello@mail.example.org')).toBe('"hello@mail.example.org" is on example.org, a domain reserved for examples');
    expect(emailPlaceholderReason('hello@example.net')).toBe('"hello@example.net" is on example.net, a domain reserved for examples');
    for (const tld of ['invalid', 'test', 'localhost']) expect(isPlaceholderEmail(`hello@smoke.${tld}`), tld).toBe(true);
  });

  it('accepts real-looking addresses, including ones that merely contain "example"', () => {
    for (const address of ['hello@aioperator.com', 'ops@examples.com', 'hi@myexample.com', 'team@example.co.uk', 'a@example.community']) {
      expect(emailPlaceholderReason(address), address).toBeNull();
    }
  });

  it('reads the address out of a sender with a display name', () => {
    expect(mailboxAddress('AI Operator <hello@aioperator.com>')).toBe('hello@aioperator.com');
    expect(mailboxAddress(' hello@aioperator.com ')).toBe('hello@aioperator.com');
    expect(mailboxAddress('"Ops, Team" < ops@aioperator.com >')).toBe('ops@aioperator.com');
  });
});

describe('the placeholder rule for the meeting link', () => {
  it('refuses empty values, non-links, plain http and the reserved and example domains', () => {
    expect(urlPlaceholderReason(' ')).toBe('is empty');
    expect(urlPlaceholderReason('meet me on Zoom')).toBe('"meet me on Zoom" is not a link');
    expect(urlPlaceholderReason('http://meet.google.com/abc')).toBe('"http://meet.google.com/abc" is not an https link');
    expect(urlPlaceholderReason(MEETING_PLACEHOLDER)).toBe(`"${MEETING_PLACEHOLDER}" is on a reserved .example domain, which nobody can join`);
    expect(urlPlaceholderReason('https://zoom.example.com/j/1')).toBe('"https://zoom.example.com/j/1" is on example.com, a domain reserved for examples');
  });

  it('accepts the rooms of real video-call services', () => {
    for (const url of ['https://meet.google.com/abc-defg-hij', 'https://us02web.zoom.us/j/123456789', 'https://teams.microsoft.com/l/meetup-join/x', 'https://whereby.com/ai-operator']) {
      expect(urlPlaceholderReason(url), url).toBeNull();
    }
  });
});

describe('placeholder facts', () => {
  it('names each required fact that is a placeholder, and none once all are real', () => {
    expect(placeholderFacts({ contactEmail: 'hello@aioperator.example', legalName: '', meetingUrl: MEETING_PLACEHOLDER })).toEqual([
      'contactEmail "hello@aioperator.example" is on a reserved .example domain, which receives no mail: set the address people write to (footer, privacy page, booking page)',
      "legalName is empty: set the registered name of the business, which the privacy page names as responsible for visitors' data",
      `meetingUrl "${MEETING_PLACEHOLDER}" is on a reserved .example domain, which nobody can join: set the video-call link the audit calls are held on (confirmation email, reminders, calendar invites)`,
    ]);
    expect(placeholderFacts({ ...REAL, meetingUrl: '' })).toEqual([
      'meetingUrl is empty: set the video-call link the audit calls are held on (confirmation email, reminders, calendar invites)',
    ]);
    expect(placeholderFacts({ ...REAL, legalName: '  ' })).toEqual([
      "legalName is empty: set the registered name of the business, which the privacy page names as responsible for visitors' data",
    ]);
    expect(placeholderFacts({ ...REAL, contactEmail: 'hello@example.com' })).toHaveLength(1);
    expect(placeholderFacts(REAL)).toEqual([]);
  });
});

describe('the production build guard', () => {
  const placeholders = { contactEmail: 'hello@aioperator.example', legalName: '', meetingUrl: MEETING_PLACEHOLDER };

  it('stops a Vercel production build, naming each fact and the file to edit', () => {
    expect(productionFactsProblem({ VERCEL_ENV: 'production' }, placeholders)).toBe(
      "A production build needs the company's real facts, and src/config/company.ts still has placeholders:\n" +
        '  - contactEmail "hello@aioperator.example" is on a reserved .example domain, which receives no mail: set the address people write to (footer, privacy page, booking page)\n' +
        "  - legalName is empty: set the registered name of the business, which the privacy page names as responsible for visitors' data\n" +
        `  - meetingUrl "${MEETING_PLACEHOLDER}" is on a reserved .example domain, which nobody can join: set the video-call link the audit calls are held on (confirmation email, reminders, calendar invites)\n` +
        'Set them in src/config/company.ts (README: "Company facts") and deploy again.',
    );
  });

  it('lets local and preview builds through, and a production build with real facts', () => {
    expect(productionFactsProblem({}, placeholders)).toBeNull();
    expect(productionFactsProblem({ VERCEL_ENV: 'preview' }, placeholders)).toBeNull();
    expect(productionFactsProblem({ VERCEL_ENV: 'development' }, placeholders)).toBeNull();
    expect(productionFactsProblem({ VERCEL_ENV: 'production' }, REAL)).toBeNull();
  });

  it('has no switch that turns it off', () => {
    for (const extra of [{ SKIP_COMPANY_CHECK: '1' }, { ALLOW_PLACEHOLDERS: 'true' }, { NODE_ENV: 'development' }, { CI: '1' }]) {
      expect(productionFactsProblem({ VERCEL_ENV: 'production', ...extra }, placeholders), JSON.stringify(extra)).toMatch(/still has placeholders/);
    }
  });
});
