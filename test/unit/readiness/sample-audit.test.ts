import { describe, expect, it } from 'vitest';
import { sampleAnswers, sampleAudit, sampleAuditMarkdown, sampleDates, touchesYearEndHolidays } from '../../../src/lib/readiness/sample-audit.ts';
import { BUILD_DAY } from '../../../src/config/build-day.ts';
import { scoreReadiness } from '../../../src/lib/readiness/score.ts';
import { specToMarkdown } from '../../../src/lib/readiness/markdown.ts';
import { buildWorkflowSpec } from '../../../src/lib/readiness/spec.ts';
import { GET } from '../../../src/pages/resources/sample-workflow-audit.md.ts';

// A Sunday: the Monday two weeks and a day later (December 21) starts Christmas week, so the build starts on
// January 4 (worked out by hand in the dates tests).
const TODAY = '2026-12-06';
const addDaysIso = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const markdown = sampleAuditMarkdown(sampleAudit(TODAY));
const lines = markdown.split('\n');
const headings = lines.filter((line) => /^#{1,3} /.test(line));

describe('the sample audit', () => {
  it('is labeled as an example at the top, in the title and in the note under it', () => {
    expect(lines[0]).toBe('# Example: lead routing and first reply to quote requests (Sales)');
    expect(lines[2]).toMatch(/^> \*\*Example only, not a client's spec\.\*\* Every answer behind it is made up/);
  });

  it('scores the example answers as ready for a build', () => {
    const { result } = sampleAudit(TODAY);
    expect([result.score, result.band]).toEqual([96, 'ready']);
    expect(markdown).toContain('\nReadiness score 96 of 100: Ready for a 30-day build.\n');
  });

  it('carries the spec, the plan and the review template under these headings, in this order', () => {
    // Written out by hand from the generator's section titles and the review template: not computed.
    expect(headings).toEqual([
      '# Example: lead routing and first reply to quote requests (Sales)',
      '## Inputs',
      '## What AI does on its own',
      '## What a person approves',
      '## System updates',
      '## Error handling',
      '## Logs',
      '## Metrics',
      '## The 30-day plan',
      '### Week 1: Count the baseline and confirm the spec',
      '### Week 2: Build and test on past cases',
      '### Week 3: Run alongside the current process',
      '### Week 4: Go live with approvals on',
      '### 30 days after launch: Review',
      '## 30-day review template',
      '### The metric against the baseline',
      '### Adoption',
      '### Errors and escalations',
      '### Decision',
      '### Next workflow',
    ]);
  });

  it('uses the real generator: the spec part is specToMarkdown(buildWorkflowSpec(...)) of the sample answers', () => {
    const dates = sampleDates(TODAY);
    const spec = buildWorkflowSpec(sampleAnswers(dates), scoreReadiness(sampleAnswers(dates), TODAY));
    // Everything after the title (the label sits between) is the generator's own text, unchanged.
    const generated = specToMarkdown(spec).split('\n').slice(1).join('\n').trim();
    expect(markdown).toContain(generated);
    expect(markdown).toContain('- Failed runs go to: the sales lead on duty that day');
    expect(markdown).toContain('- Baseline today: 120 items a month, 8 hours a week by hand, 10% with errors, 22 hours from start to finish.');
  });

  it('puts the review 30 days after go-live, after the four build weeks', () => {
    // The build starts on January 4 (see the holiday test below). Go-live is day 22 of the build (21 days
    // on), and the review 30 days after that.
    expect(sampleDates(TODAY)).toEqual({ buildStart: '2027-01-04', goLive: '2027-01-25', review: '2027-02-24' });
    expect(sampleAudit(TODAY).answers.reviewDate).toBe('2027-02-24');
    expect(sampleAudit(TODAY).dates.daysFromGoLiveToReview).toBe(30);
    expect(headings.indexOf('### 30 days after launch: Review')).toBe(headings.indexOf('### Week 4: Go live with approvals on') + 1);
    expect(markdown).toContain(
      '- On February 24, 2027, compare median hours from quote request to first reply over the first 30 days live with the baseline and the target (under 4 hours).',
    );
    expect(markdown).toContain('Fill this in on February 24, 2027, 30 days after go-live on January 25, 2027.');
    expect(markdown).not.toMatch(/day 30/i);
  });

  it('has a review table with baseline and target to compare, and a blank measured column', () => {
    expect(markdown).toContain('| Measure | Baseline | Target | Measured after 30 days live |');
    expect(markdown).toContain('| Primary metric: median hours from quote request to first reply | 22 hours | under 4 hours | |');
    // Our example model: 8 h a week by hand, 2 h assisted, 24 h a month back.
    expect(markdown).toContain('| Hours of hand work a week | 8 hours | 2 hours (our example model: 24 hours a month back) | |');
    for (const option of ['Keep', 'Fix', 'Switch off']) expect(markdown).toContain(`- [ ] **${option}** if `);
  });

  it('is served by the Markdown endpoint as built that day, as text/markdown', async () => {
    const response = await GET({} as Parameters<typeof GET>[0]);
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8');
    expect(await response.text()).toBe(sampleAuditMarkdown(sampleAudit(BUILD_DAY)));
  });

  it('never dates the example in the past: the build starts on a Monday at least two weeks after the day it is built', () => {
    // A Monday stays a Monday (June 7 + 14 is the 21st); a Saturday waits two more days.
    expect(sampleDates('2027-06-07').buildStart).toBe('2027-06-21');
    expect(sampleDates('2027-03-06').buildStart).toBe('2027-03-22');
    // Across a year and a leap day, every build day gives the same shape.
    for (let day = 0; day < 500; day++) {
      const today = new Date(Date.UTC(2027, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const { buildStart, goLive, review } = sampleDates(today);
      expect(new Date(`${buildStart}T00:00:00Z`).getUTCDay(), today).toBe(1);
      const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
      expect(days(today, buildStart), today).toBeGreaterThanOrEqual(14);
      // Within a week of the two weeks, unless the year-end holidays are skipped: then the build starts
      // on the first Monday of January after New Year's Day (January 2 to 8).
      if (days(today, buildStart) >= 21) expect([buildStart.slice(5, 7), Number(buildStart.slice(8))], today).toSatisfy(([month, day]) => month === '01' && day >= 2 && day <= 8);
      expect([days(buildStart, goLive), days(goLive, review)], today).toEqual([21, 30]);
      // The sample is scored on the day it is built: its review must earn what a visitor's would that day.
      expect(scoreReadiness(sampleAnswers({ buildStart, goLive, review }), today).parts.find((part) => part.id === 'review')?.earned, today).toBe(8.75);
      for (const week of [0, 7, 14, 21]) expect(touchesYearEndHolidays(addDaysIso(buildStart, week)), `${today}: build week starting ${addDaysIso(buildStart, week)}`).toBe(false);
    }
  });

  it('keeps all four build weeks out of the year-end holidays, December 24 to January 1', () => {
    // Built on Sunday, December 6, 2026: the first Monday two weeks out is December 21, whose week holds
    // Christmas; December 28 holds New Year's Day; January 4 is the first ordinary week.
    expect(sampleDates('2026-12-06')).toEqual({ buildStart: '2027-01-04', goLive: '2027-01-25', review: '2027-02-24' });
    // Built on Friday, November 27, 2026: a build from December 14 would count week 1 before the
    // holidays but run beside the current process (week 3) in Christmas week and go live on January 4.
    expect(sampleDates('2026-11-27')).toEqual({ buildStart: '2027-01-04', goLive: '2027-01-25', review: '2027-02-24' });
    // Built on Friday, October 30, 2026: a build from November 16 ends on December 13, before them.
    expect(sampleDates('2026-10-30')).toEqual({ buildStart: '2026-11-16', goLive: '2026-12-07', review: '2027-01-06' });
    expect(sampleAuditMarkdown(sampleAudit('2026-12-06'))).toContain('Count one ordinary week of live work');
    // The stretch's edges: a week ending on the 23rd is ordinary, one starting on January 2 too.
    expect([touchesYearEndHolidays('2027-12-17'), touchesYearEndHolidays('2027-12-18'), touchesYearEndHolidays('2027-01-01'), touchesYearEndHolidays('2027-01-02')]).toEqual([false, true, true, false]);
  });
});
