// Where a lead came from: what the booking and calculator pages read at load, and what the server keeps
// of whatever a browser sends (clean parts kept, the rest dropped, never an error).
import { describe, expect, it } from 'vitest';
import { landingParams } from '../../../src/lib/leads/landing.ts';
import { cleanHost, cleanPagePath, cleanUtmValue, describeSource, parseLeadSource, sourceFromLanding, utmFromSiteReferrer } from '../../../src/lib/leads/source.ts';

const SITE = 'aioperator.test';

describe('cleanPagePath', () => {
  it('keeps a site path and drops a trailing slash', () => {
    expect(cleanPagePath('/blog/x')).toBe('/blog/x');
    expect(cleanPagePath('/blog/x/')).toBe('/blog/x');
    expect(cleanPagePath('/')).toBe('/');
  });
  it.each([
    ['a query', '/blog/x?utm_source=a'],
    ['a hash', '/blog/x#faq'],
    ['another site', 'https://evil.example/x'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a relative path', 'blog/x'],
    ['dot segments', '/blog/../admin'],
    ['markup', '/blog/<script>'],
    ['201 characters', `/${'a'.repeat(200)}`],
    ['a number', 42],
    ['nothing', undefined],
  ])('drops %s', (_name, value) => {
    expect(cleanPagePath(value)).toBeNull();
  });
});

describe('cleanHost and cleanUtmValue', () => {
  it('keeps host names in lower case, with a port', () => {
    expect(cleanHost('News.YCombinator.com')).toBe('news.ycombinator.com');
    expect(cleanHost('localhost:4321')).toBe('localhost:4321');
  });
  it.each(['', 'a b.com', 'evil.com/path', '-bad.com', 'x'.repeat(254)])('drops the host %j', (value) => {
    expect(cleanHost(value)).toBeNull();
  });
  it('trims utm values and drops empty, long and hidden-character ones', () => {
    expect(cleanUtmValue('  Spring Launch ')).toBe('Spring Launch');
    expect(cleanUtmValue('')).toBeNull();
    expect(cleanUtmValue('   ')).toBeNull();
    expect(cleanUtmValue('a'.repeat(101))).toBeNull();
    expect(cleanUtmValue('news\u202Ecod.exe')).toBeNull();
    expect(cleanUtmValue('line\nbreak')).toBeNull();
  });
});

describe('sourceFromLanding', () => {
  it('reads the build-time page, the utm values and another site as the referrer', () => {
    expect(sourceFromLanding('?from=%2Fblog%2Fx&utm_source=news&utm_medium=email&utm_campaign=dec', 'https://news.ycombinator.com/item?id=1', SITE)).toEqual({
      page: '/blog/x',
      referrerHost: 'news.ycombinator.com',
      utm: { utm_source: 'news', utm_medium: 'email', utm_campaign: 'dec' },
    });
  });
  it('takes the page and utm values of the site page the visitor came from when its own URL has none', () => {
    // An article opened from a campaign has no script; the browser sends its address as the referrer.
    expect(sourceFromLanding('', `https://${SITE}/blog/x?utm_source=news&utm_term=crm`, SITE)).toEqual({
      page: '/blog/x',
      referrerHost: null,
      utm: { utm_source: 'news', utm_term: 'crm' },
    });
  });
  it("prefers its own utm values and the calculator's handed-on referrer", () => {
    expect(sourceFromLanding('?from=%2Fresources%2Fcalc&ref=www.google.com&utm_source=ads', `https://${SITE}/resources/calc?utm_source=news`, SITE)).toEqual({
      page: '/resources/calc',
      referrerHost: 'www.google.com',
      utm: { utm_source: 'ads' },
    });
  });
  it('drops bad values and keeps the rest', () => {
    expect(sourceFromLanding(`?from=https%3A%2F%2Fevil.example&ref=%3Cb%3E&utm_source=${'x'.repeat(101)}&utm_content=ok`, 'not a url', SITE)).toEqual({
      page: null,
      referrerHost: null,
      utm: { utm_content: 'ok' },
    });
  });
  it('ignores a referrer that is not an http page', () => {
    expect(sourceFromLanding('', 'android-app://com.google.android.gm/', SITE).referrerHost).toBeNull();
  });
});

describe('landingParams (what the calculator hands on, raw)', () => {
  it('keeps its own values, and names the other site the visitor came from by its host only', () => {
    expect(landingParams('?utm_source=news&utm_campaign=dec&p=sales', 'https://news.example/item?id=7', SITE).toString()).toBe('ref=news.example&utm_source=news&utm_campaign=dec');
  });
  it('takes the page and utm values of the site page the visitor came from when it has none itself', () => {
    expect(landingParams('', `https://${SITE}/blog/x?utm_source=news`, SITE).toString()).toBe('from=%2Fblog%2Fx&utm_source=news');
  });
  it('hands on nothing for a typed-in visit', () => {
    expect(landingParams('', '', SITE).toString()).toBe('');
  });
});

describe('parseLeadSource', () => {
  it('keeps the clean parts of what a browser sent', () => {
    expect(parseLeadSource({ page: '/blog/x', referrerHost: 'News.Example', utm: { utm_source: 'news', utm_medium: 7, utm_evil: 'x' }, extra: true })).toEqual({
      page: '/blog/x',
      referrerHost: 'news.example',
      utm: { utm_source: 'news' },
    });
  });
  it.each([null, 'a string', [1, 2], 12])('turns %j into no source', (raw) => {
    expect(parseLeadSource(raw)).toEqual({ page: null, referrerHost: null, utm: {} });
  });
});

describe('utmFromSiteReferrer', () => {
  const origins = new Set(['https://aioperator.test', 'http://localhost:4321']);
  it('reads the utm values of a page of this site', () => {
    expect(utmFromSiteReferrer('http://localhost:4321/services/x?utm_source=news&utm_medium=social', origins)).toEqual({ utm_source: 'news', utm_medium: 'social' });
  });
  it('ignores another site, a missing and a malformed referrer', () => {
    expect(utmFromSiteReferrer('https://evil.example/?utm_source=spam', origins)).toEqual({});
    expect(utmFromSiteReferrer(null, origins)).toEqual({});
    expect(utmFromSiteReferrer('::', origins)).toEqual({});
  });
});

describe('describeSource', () => {
  it('says it in one line', () => {
    expect(describeSource({ page: '/blog/x', referrerHost: 'news.example', utm: { utm_source: 'news', utm_campaign: 'dec' } })).toBe('/blog/x · via news.example · utm_source=news, utm_campaign=dec');
    expect(describeSource({ page: null, referrerHost: null, utm: {} })).toBe('page unknown');
  });
});
