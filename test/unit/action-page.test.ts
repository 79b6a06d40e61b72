// The page behind an emailed link shows the requester's own data (an address, later a booking):
// every value is escaped, and the one form posts its fields back to the route.
import { describe, expect, it } from 'vitest';
import { renderActionPage } from '../../api/_lib/http/action-page.ts';

describe('signed-action page', () => {
  const html = renderActionPage({
    title: 'Confirm <b>now</b>',
    paragraphs: ['Tom & Jerry\'s "plan"'],
    details: [['Address', '"><script>alert(1)</script>@example.com']],
    forms: [{ button: 'Go', action: '/api/newsletter/confirm', fields: { token: 'abc."><img src=x onerror=alert(1)>' } }],
  });

  it('escapes every value it shows or posts', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>now</b>');
    expect(html).toContain('<h1>Confirm &lt;b&gt;now&lt;/b&gt;</h1>');
    expect(html).toContain('<p>Tom &amp; Jerry&#39;s &quot;plan&quot;</p>');
    expect(html).toContain('<input type="hidden" name="token" value="abc.&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">');
  });

  it('has one form that posts to the route, no script, and keeps itself out of search and referrers', () => {
    expect(html.match(/<form /g)).toHaveLength(1);
    expect(html).toContain('<form method="post" action="/api/newsletter/confirm">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });
});
