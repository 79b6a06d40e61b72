import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specToMarkdown } from '../../../src/lib/readiness/markdown.ts';
import { AI_ACTIONS, APPROVAL_ACTIONS, EMPTY_ANSWERS, type ReadinessAnswers } from '../../../src/lib/readiness/schema.ts';
import { scoreReadiness } from '../../../src/lib/readiness/score.ts';
import { buildWorkflowSpec, NOT_DECIDED, SPEC_SECTIONS, type WorkflowSpec } from '../../../src/lib/readiness/spec.ts';

const TODAY = '2025-06-02';

/** A realistic, complete answer set: inbound demo requests at a small B2B software company. */
const LEAD_RESPONSE: ReadinessAnswers = {
  area: 'sales',
  workflowName: 'First reply to inbound demo requests',
  signals: { clearInputs: 'yes', repeatedVolume: 'yes', measurableOutcome: 'yes', manageableRisk: 'partly' },
  redFlags: {
    publicChatbotWithoutKnowledgeBase: false,
    autonomousOutreachWithoutApproval: false,
    financeOrLegalWithoutEscalation: false,
    processNobodyCanExplain: false,
  },
  scope: 'one-workflow',
  processSteps: [
    'Demo request arrives from the website form',
    'Zapier posts it to the #leads Slack channel',
    'Whoever is free opens it',
    'Look the company up on LinkedIn',
    'Check company size and industry against our ICP',
    'Search HubSpot for an existing contact or deal',
    'Create or update the contact in HubSpot',
    'Pick the rep by territory',
    'Rep writes a first reply from a template',
    'Rep proposes two meeting times',
    'Rep sends the reply from Gmail',
    'Rep sets the lifecycle stage to SQL in HubSpot',
  ].join('\n'),
  baseline: { itemsPerMonth: 140, manualHoursPerWeek: 8, errorRatePercent: 12, cycleTimeHours: 19, revenueImpactPerMonth: 18_000 },
  aiActions: ['enrich', 'classify', 'draft', 'route'],
  approvalActions: ['send-to-customer', 'pricing-or-commitments'],
  sourceSystem: 'Website demo form (Webflow)',
  systemOfRecord: 'HubSpot',
  failedRun: 'No company match, a free-mail address, or the request asks about pricing',
  escalationOwner: 'Maya Lopez, head of sales',
  successMetric: 'Median time to first reply',
  successTarget: 'Under 1 business hour',
  reviewDate: '2025-07-14',
};

const specFor = (answers: ReadinessAnswers, today = TODAY) => buildWorkflowSpec(answers, scoreReadiness(answers, today));
const notDecided = (lines: string[]) => lines.filter((line) => line.startsWith(NOT_DECIDED));
const allText = (spec: WorkflowSpec) => SPEC_SECTIONS.flatMap((id) => spec[id].lines).join('\n');

describe('buildWorkflowSpec: full answers', () => {
  const result = scoreReadiness(LEAD_RESPONSE, TODAY);
  const spec = buildWorkflowSpec(LEAD_RESPONSE, result);

  it('scores the example as ready', () => {
    // 7.5 x 3 + 3.75 + 8.75 x 8 = 26.25 + 70 = 96.25 -> 96
    expect([result.score, result.band]).toEqual([96, 'ready']);
    expect(spec.title).toBe('First reply to inbound demo requests (Sales)');
    expect(spec.summary).toBe('Readiness score 96 of 100: Ready for a 30-day build.');
  });

  it('fills each of the seven sections from the answers', () => {
    expect(spec.inputs.lines).toEqual([
      'Comes from: Website demo form (Webflow)',
      'Starts with: Demo request arrives from the website form',
      'Volume today: 140 items a month',
    ]);
    expect(spec.aiResponsibilities.lines).toEqual([
      'Fill in missing details (company size, industry, role)',
      'Sort and tag incoming items (topic, urgency, fit)',
      'Draft replies, notes or documents',
      'Assign items to the right person or queue',
      'Anything not listed here stays with a person.',
    ]);
    expect(spec.humanResponsibilities.lines).toEqual([
      'Anything sent to a customer or prospect',
      'Prices, discounts, deadlines and other commitments',
    ]);
    expect(spec.systemUpdates.lines).toEqual(['System of record: HubSpot', 'Ends with: Rep sets the lifecycle stage to SQL in HubSpot']);
    expect(spec.errorHandling.lines.slice(0, 2)).toEqual([
      'A failed run looks like: No company match, a free-mail address, or the request asks about pricing',
      'Failed runs go to: Maya Lopez, head of sales',
    ]);
    expect(spec.logs.lines).toContain('Each approval records who approved it and when.');
    expect(spec.logs.lines).toContain('Each failed run records why it failed and who picked it up.');
    expect(spec.metrics.lines).toEqual([
      'Primary metric: Median time to first reply',
      'Target: Under 1 business hour',
      'Baseline today: 140 items a month, 8 hours a week by hand, 12% with errors, 19 hours from start to finish, 18,000 in revenue affected a month.',
      'Review on July 14, 2025: compare the metric with the baseline and decide to keep, fix or switch off the workflow.',
    ]);
    expect(spec.logs.lines).toContain('Proposed: the log is kept in HubSpot, as a field or note on each record a run changed (agree it in week 1).');
    // Every answer given: nothing is left open (the 3.75 points lost are a signal's "partly", not a gap in the spec).
    expect(notDecided(SPEC_SECTIONS.flatMap((id) => spec[id].lines))).toEqual([]);
    for (const id of SPEC_SECTIONS) expect(spec[id].title.length).toBeGreaterThan(3);
  });

  it('writes a clean one-page Markdown document', () => {
    expect(specToMarkdown(spec)).toMatchSnapshot();
  });
});

describe('buildWorkflowSpec: open points and the score', () => {
  const perfect: ReadinessAnswers = { ...LEAD_RESPONSE, signals: { ...LEAD_RESPONSE.signals, manageableRisk: 'yes' } };

  it('leaves nothing "Not decided yet" beside a score of 100, the optional target left empty included', () => {
    const spec = specFor({ ...perfect, successTarget: '' });
    expect(spec.summary).toBe('Readiness score 100 of 100: Ready for a 30-day build.');
    expect(notDecided(SPEC_SECTIONS.flatMap((id) => spec[id].lines))).toEqual([]);
    // The log is kept in the system of record the visitor named; the wizard asks nothing else about it.
    expect(spec.logs.lines).toContain('Proposed: the log is kept in HubSpot, as a field or note on each record a run changed (agree it in week 1).');
    expect(spec.metrics.lines).toContain('Target: none set (optional, but one turns the review into a yes or no)');
  });

  it('never has an open point while the score is 100, whatever the optional and free-form answers', () => {
    const someText = fc.string({ minLength: 1, maxLength: 30 }).filter((text) => text.trim() !== '');
    const variants = fc.record({
      successTarget: fc.oneof(fc.constant(''), someText),
      revenueImpactPerMonth: fc.option(fc.nat({ max: 100_000 }), { nil: null }),
      aiActions: fc.subarray([...AI_ACTIONS], { minLength: 1 }),
      approvalActions: fc.subarray([...APPROVAL_ACTIONS], { minLength: 1 }),
      sourceSystem: someText,
      systemOfRecord: someText,
      failedRun: someText,
      escalationOwner: someText,
      successMetric: someText,
    });
    fc.assert(
      fc.property(variants, ({ revenueImpactPerMonth, ...answers }) => {
        const full = { ...perfect, ...answers, baseline: { ...perfect.baseline, revenueImpactPerMonth } };
        const result = scoreReadiness(full, TODAY);
        expect(result.score).toBe(100);
        const spec = buildWorkflowSpec(full, result);
        expect(notDecided(SPEC_SECTIONS.flatMap((id) => spec[id].lines))).toEqual([]);
      }),
    );
  });
});

describe('buildWorkflowSpec: empty answers', () => {
  const spec = specFor(EMPTY_ANSWERS);

  it('says what is not decided in every section instead of inventing anything', () => {
    // The expected lines below are built on NOT_DECIDED, so pin its text here.
    expect(NOT_DECIDED).toBe('Not decided yet: ');
    expect(spec.title).toBe('Unnamed workflow');
    expect(spec.summary).toBe('Readiness score 0 of 100: Map the process before any AI.');
    expect(spec.inputs.lines).toEqual([
      `${NOT_DECIDED}the system the work comes from (a form, an inbox, a helpdesk, a CRM).`,
      `${NOT_DECIDED}what starts a run (write the current process down, trigger first).`,
      `${NOT_DECIDED}how many items a month (count one ordinary month).`,
    ]);
    expect(spec.aiResponsibilities.lines).toEqual([`${NOT_DECIDED}what AI may do on its own (draft, classify, summarize, enrich, extract or route).`]);
    expect(spec.humanResponsibilities.lines).toEqual([
      `${NOT_DECIDED}what waits for a person's approval. Until it is, a person approves everything AI produces.`,
    ]);
    expect(spec.systemUpdates.lines).toEqual([
      `${NOT_DECIDED}the system of record that must be right when a run ends (a CRM, a helpdesk, accounting, a document store).`,
    ]);
    expect(notDecided(spec.errorHandling.lines)).toHaveLength(2);
    expect(spec.logs.lines).not.toContain('Each approval records who approved it and when.');
    expect(spec.logs.lines).toContain('Proposed: the log is kept in the system of record, as a field or note on each record a run changed (agree it in week 1).');
    expect(spec.metrics.lines).toEqual([
      `${NOT_DECIDED}the one metric that will show whether this worked, 30 days after launch.`,
      'Target: none set (optional, but one turns the review into a yes or no)',
      `${NOT_DECIDED}the baseline volume, hours by hand, error rate and cycle time (record one ordinary week before launch).`,
      `${NOT_DECIDED}the date of the review, about 30 days after launch.`,
    ]);
    expect(spec.baselineForCalculator).toBeNull();
  });

  it('mentions a red flag in the section it belongs to', () => {
    const flagged = specFor({
      ...LEAD_RESPONSE,
      redFlags: { ...LEAD_RESPONSE.redFlags, autonomousOutreachWithoutApproval: true, financeOrLegalWithoutEscalation: true },
    });
    expect(flagged.humanResponsibilities.lines).toContain('Red flag: AI would send outreach with nobody approving it.');
    expect(flagged.errorHandling.lines).toContain('Red flag: finance or legal work has no escalation rule.');
    expect(flagged.summary).toBe(
      'Readiness score 96 of 100: Fix the named gaps first. The score alone would mean "Ready for a 30-day build", but AI would send outreach with nobody approving it.',
    );
  });
});

describe('the 30-day plan', () => {
  const ready = specFor(LEAD_RESPONSE).plan30Days;
  const gaps = specFor({ ...LEAD_RESPONSE, successMetric: '', reviewDate: '', processSteps: 'Reply to the lead' });
  const map = specFor({ ...LEAD_RESPONSE, redFlags: { ...LEAD_RESPONSE.redFlags, processNobodyCanExplain: true, publicChatbotWithoutKnowledgeBase: true } });

  it('has four weeks and then one last step for every band', () => {
    for (const plan of [ready, gaps.plan30Days, map.plan30Days]) {
      expect(plan.map((w) => w.week.split(':')[0]).slice(0, 4)).toEqual(['Week 1', 'Week 2', 'Week 3', 'Week 4']);
      expect(plan).toHaveLength(5);
      for (const week of plan) expect(week.tasks.length).toBeGreaterThan(0);
    }
    // Without a build there is no launch yet: the month ends on its own day 30.
    expect(gaps.plan30Days[4]?.week.split(':')[0]).toBe('Day 30');
    expect(map.plan30Days[4]?.week.split(':')[0]).toBe('Day 30');
  });

  it('puts the review of a build 30 days after go-live, not at the end of the build', () => {
    expect(ready[3]?.week).toBe('Week 4: Go live with approvals on');
    expect(ready[4]?.week).toBe('30 days after launch: Review');
    const text = ready.flatMap((w) => [w.week, ...w.tasks]).join('\n');
    expect(text).not.toMatch(/day 30/i);
    expect(ready[0]?.tasks[2]).toBe(
      'Count one ordinary week of live work to check the baseline figures in this spec: the review 30 days after launch is compared with them.',
    );
  });

  it('builds when ready, closes the gaps first when not, and maps before anything when map-first', () => {
    expect(ready.map((w) => w.week)).toEqual([
      'Week 1: Count the baseline and confirm the spec',
      'Week 2: Build and test on past cases',
      'Week 3: Run alongside the current process',
      'Week 4: Go live with approvals on',
      '30 days after launch: Review',
    ]);
    expect(ready[1]?.tasks[0]).toBe("Build the AI steps (enrich, classify, draft and route) and put a person's approval in front of every action on the approval list.");
    expect(ready[4]?.tasks[0]).toBe(
      'On July 14, 2025, compare Median time to first reply over the first 30 days live with the baseline and the target (Under 1 business hour).',
    );

    // 96.25 - 8.75 (one step written down) - 8.75 (no metric) - 8.75 (no review date) = 70: fix the gaps (45 to 74).
    expect(gaps.summary).toBe('Readiness score 70 of 100: Fix the named gaps first.');
    expect(gaps.plan30Days[0]?.week).toBe('Week 1: Close the gaps');
    // One next step per gap, costliest first: the three 8.75-point items in checklist order, then the
    // 3.75 points "partly" loses on manageable risk.
    expect(gaps.plan30Days[0]?.tasks).toEqual([
      'Break the process down to 10 to 15 steps: who does what, in which tool, and where a decision is made.',
      "Choose one primary metric, such as median time to first reply, and write down today's value.",
      "Put a review in the calendar about 30 days after launch, with the metric's owner invited.",
      "Put a person's approval in front of every action that reaches a customer, money or a record, and start with AI drafting only.",
    ]);

    expect(map.plan30Days.map((w) => w.week)).toEqual([
      'Week 1: Write the process down',
      'Week 2: Measure the baseline',
      'Week 3: Clean up the process',
      'Week 4: Run it by hand',
      'Day 30: Check again',
    ]);
    // Nothing is built in a map-first month; the other red flag's next step is in it.
    const mapTasks = map.plan30Days.flatMap((w) => w.tasks).join('\n');
    expect(mapTasks).not.toMatch(/Build the AI steps|Go live/);
    expect(mapTasks).toContain('Start with an internal assistant');
  });
});

describe('baselineForCalculator', () => {
  const withBaseline = (change: Partial<ReadinessAnswers['baseline']>) =>
    specFor({ ...LEAD_RESPONSE, baseline: { ...LEAD_RESPONSE.baseline, ...change } }).baselineForCalculator;

  it('opens the calculator on a custom weekly workflow in hours, without the error rate', () => {
    // 8 h by hand, 25% of it = 2 h assisted. The 12% of items with errors is not a share of weeks.
    expect(withBaseline({})).toEqual({ p: 'custom', u: 'week', tu: 'hours', tm: '8', ta: '2' });
    expect(withBaseline({ errorRatePercent: 3.3 })).not.toHaveProperty('er');
  });

  it('rounds the assisted hours to the nearest half hour', () => {
    // 9 x 0.25 = 2.25 -> 2.5; 7 x 0.25 = 1.75 -> 2; 1 x 0.25 = 0.25 -> 0.5
    expect(withBaseline({ manualHoursPerWeek: 9 })?.ta).toBe('2.5');
    expect(withBaseline({ manualHoursPerWeek: 7 })?.ta).toBe('2');
    expect(withBaseline({ manualHoursPerWeek: 1 })?.ta).toBe('0.5');
  });

  it('is null without hours', () => {
    expect(withBaseline({ manualHoursPerWeek: null })).toBeNull();
    // The calculator needs time by hand above 0 to compare against.
    expect(withBaseline({ manualHoursPerWeek: 0 })).toBeNull();
  });
});

describe('user text', () => {
  const tricky: ReadinessAnswers = {
    ...LEAD_RESPONSE,
    workflowName: '# Leads & <b>demos</b> #',
    processSteps: '- Form arrives\n> Someone reads it\n| a | b |\n1. Update HubSpot',
    sourceSystem: '# Typeform',
    failedRun: 'No match\n# or missing email\n---\n```',
    escalationOwner: '> Sam',
    successTarget: '+20% replies',
  };
  const spec = specFor(tricky);
  const markdown = specToMarkdown(spec);

  it('appears verbatim in the spec, HTML included (the UI escapes it)', () => {
    expect(spec.title).toBe('# Leads & <b>demos</b> # (Sales)');
    expect(spec.inputs.lines).toContain('Comes from: # Typeform');
    expect(spec.inputs.lines).toContain('Starts with: - Form arrives');
    expect(spec.errorHandling.lines).toContain('A failed run looks like: No match\n# or missing email\n---\n```');
    expect(allText(spec)).toContain('Target: +20% replies');
  });

  it('cannot add headings, lists, quotes, tables or code blocks to the Markdown', () => {
    const lines = markdown.split('\n');
    // Only the document's own structure: one title, the section and plan headings, and list items.
    expect(lines.filter((line) => /^# /.test(line))).toEqual(['# \\# Leads & <b>demos</b> # (Sales)']);
    // A trailing # would be read as the heading's closing sequence and vanish.
    expect(specToMarkdown(specFor({ ...tricky, area: null })).split('\n')[0]).toBe('# \\# Leads & <b>demos</b> \\#');
    // The seven sections and the 30-day plan.
    expect(lines.filter((line) => /^## /.test(line))).toHaveLength(8);
    for (const line of lines) {
      // No quote, table, fence, rule or stray heading at a line start, and no second marker inside an item.
      expect(line).not.toMatch(/^\s*(>|\||```|---|#(?!#{0,2} ))/);
      expect(line).not.toMatch(/^\s*- [-+*>#|`]/);
    }
    expect(lines).toContain('- A failed run looks like: No match');
    expect(lines).toContain('  \\# or missing email');
    expect(lines).toContain('  \\---');
    expect(lines).toContain('  \\```');
    // Mid-line, a > or a number is plain text: left as typed.
    expect(lines).toContain('- Failed runs go to: > Sam');
    expect(lines).toContain('- Ends with: 1. Update HubSpot');
  });

  it('escapes a line that starts with a list marker or a number', () => {
    const spec2 = specFor({ ...LEAD_RESPONSE, failedRun: '- it\n+ fails\n* here\n2) now\n3. then\n___\n    <div>' });
    const md = specToMarkdown(spec2).split('\n');
    expect(md).toContain('- A failed run looks like: - it');
    // Leading spaces are dropped too: four of them would start a code block.
    for (const line of ['  \\+ fails', '  \\* here', '  2\\) now', '  3\\. then', '  \\___', '  \\<div>']) expect(md).toContain(line);
  });
});
