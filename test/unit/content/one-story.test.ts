// One story across pages. The facts several pages state (how many service areas there are, when the
// review happens, what is decided at it, the example figures, how CRM merges are approved, what we
// commit to after launch) are written once, in FACTS below or in the module a page quotes, and every
// page is read as text (content/**/*.mdx, src/**/*.astro) to check it states them in that one form.
// Each rule also runs on a drifted sample at the bottom, so a rule that stops catching anything fails.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './_source-files.ts';
import { parse } from 'yaml';
import { AREA_LABELS, OFFERED_AREAS } from '../../../src/lib/readiness/areas.ts';
import { sampleAudit } from '../../../src/lib/readiness/sample-audit.ts';
import { EXAMPLE_FIGURES } from '../../../src/lib/roi/examples.ts';
import { faqPage } from '../../../src/lib/seo/structured-data.ts';

const root = join(import.meta.dirname, '../../..');

/** The facts, in the one form every page states them. */
const FACTS = {
  /** The service areas, as the wizard and the booking form offer them and /services lists them. */
  areas: ['Sales', 'RevOps and CRM', 'Documents', 'Customer success'],
  areaCountWord: 'four',
  /** When the review happens. */
  reviewTiming: '30 days after launch',
  /** What the review decides, in this order. */
  decision: ['keep', 'fix', 'switch off'],
  /** The one module every example figure comes from. */
  examplesModule: 'src/lib/roi/examples.ts',
  /** The audit call's agenda covers exactly these minutes. */
  auditMinutes: 20,
} as const;

// ---- Reading the sources ------------------------------------------------------------------------------------

interface Source {
  /** Path from the project root. */
  file: string;
  /** The text a reader meets, in page order (for MDX: summary, covers, body, FAQ, closing call to action). */
  text: string;
  /** MDX only: the body, for the example-figure rules. */
  body?: string;
}

function mdxSources(): Source[] {
  return filesUnder(join(root, 'content'))
    .filter((f) => /\.mdx?$/.test(f))
    .map((path) => {
      const raw = readFileSync(path, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
      type Closing = { heading: string; text: string };
      const data = (match ? parse(match[1]!) : {}) as { summary?: string; covers?: string[]; faq?: { question: string; answer: string }[]; nextStep?: Closing; closing?: Closing };
      const body = match ? match[2]! : raw;
      const faq = (data.faq ?? []).map((f) => `${f.question}\n${f.answer}`).join('\n\n');
      const closing = data.nextStep ?? data.closing;
      const text = [data.summary ?? '', ...(data.covers ?? []), body, faq, closing ? `${closing.heading}\n${closing.text}` : ''].join('\n\n');
      return { file: relative(root, path), text, body };
    });
}

/** Astro files as text, with attribute values that are not words (class lists, paths) removed. */
function astroSources(): Source[] {
  return filesUnder(join(root, 'src'))
    .filter((f) => f.endsWith('.astro'))
    .map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8').replace(/\s(?:class|class:list|href|id|aria-labelledby|d|viewBox)=(?:"[^"]*"|\{[^}]*\})/g, ' ') }));
}

/** The readiness check's own text that pages and the sample audit show (plan, spec, labels, review). */
function readinessTextSources(): Source[] {
  return ['plan.ts', 'spec.ts', 'labels.ts', 'review-template.ts'].map((name) => {
    const file = `src/lib/readiness/${name}`;
    return { file, text: readFileSync(join(root, file), 'utf8') };
  });
}

const pages = () => [...mdxSources(), ...astroSources()];

/** Sentences of a text (a line break also ends one, for lists, tables and YAML). */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);

/** `file: "match"` for every match of `pattern` in each source. */
function findings(sources: Source[], check: (text: string) => string[]): string[] {
  return sources.flatMap((s) => check(s.text).map((hit) => `${s.file}: ${hit}`));
}

// ---- The rules, as functions of a text (each returns what it objects to) --------------------------------

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "five areas", "4 service areas": any count of areas other than the fact's. */
function wrongAreaCounts(text: string): string[] {
  return [...text.matchAll(/\b(\w+)\s+(?:service\s+|workflow\s+)?areas\b/gi)]
    .filter((m) => (NUMBER_WORDS.includes(m[1]!.toLowerCase()) || /^\d+$/.test(m[1]!)) && m[1]!.toLowerCase() !== FACTS.areaCountWord)
    .map((m) => m[0]);
}

/** A list that names CRM and RevOps as two areas ("your CRM or RevOps reporting", "CRM, RevOps"). */
function splitCrmAndRevOps(text: string): string[] {
  return [...text.matchAll(/\b(?:your\s+)?CRM,?\s+or\s+RevOps(?:\s+reporting)?\b|\bCRM,\s+RevOps\b|\bRevOps,?\s+or\s+(?:your\s+)?CRM\b/g)].map((m) => m[0]);
}

/** "a month after it went live", "30 days after go-live": a review timing in any other words. */
function otherReviewTimings(text: string): string[] {
  const duration = String.raw`(?:\d+|a|one|two|three|four|six|thirty|sixty)\s+(?:days?|weeks?|months?)`;
  const event = String.raw`(?:launch|go-live|going\s+live|(?:it|the\s+workflow)\s+(?:went|goes|has\s+gone)\s+live)`;
  return [...text.matchAll(new RegExp(String.raw`\b${duration}\s+after\s+${event}`, 'gi'))]
    .map((m) => m[0])
    .filter((phrase) => phrase.replace(/\s+/g, ' ').toLowerCase().replace(/^thirty/, '30') !== FACTS.reviewTiming);
}

/** "fix, extend or switch off", "keep it, fix it or stop it": the decision in any other words or order. */
function otherDecisions(text: string): string[] {
  const verb = String.raw`(keep(?:ing)?|fix(?:ing)?|extend(?:ing)?|stop(?:ping)?|switch(?:ing)?(?:\s+it)?\s+off|end(?:ing)?|retire|scale)(?:\s+it)?`;
  const list = new RegExp(String.raw`\b${verb},\s+${verb},?\s+(?:or|and)\s+${verb}`, 'gi');
  const GERUNDS: Record<string, string> = { keeping: 'keep', fixing: 'fix', extending: 'extend', stopping: 'stop', 'switching off': 'switch off', ending: 'end' };
  const base = (word: string) => {
    const plain = word.toLowerCase().replace(/\s+it\b/g, '').replace(/\s+/g, ' ').trim();
    return GERUNDS[plain] ?? plain;
  };
  const lists = [...text.matchAll(list)].filter((m) => [m[1], m[2], m[3]].map((w) => base(w!)).join('|') !== FACTS.decision.join('|')).map((m) => m[0]);
  // Looser wordings of the same choice: a sentence that offers to extend next to fixing or switching off.
  const loose = sentences(text).filter((s) => /\bextend(?:ing|ed)?\b/i.test(s) && /\bfix(?:ing)?\b|\bswitch(?:ing)?\b[^.]*\boff\b/i.test(s) && !lists.some((l) => s.includes(l)));
  return [...lists, ...loose];
}

/**
 * Durations and counts on the site that are not example figures, each with its reason. Anything else typed
 * with a time unit, or a count of ten or more items, is an example figure and must come from examples.ts.
 */
const NOT_EXAMPLE_FIGURES: [RegExp, string][] = [
  [/^(?:20[- ]minutes?|twenty minutes)$/i, "the audit call's length"],
  [/^five-minute$/i, "the readiness check's length"],
  [/^ten minutes$/i, "the newsletter rate limit's pause (try-later page)"],
  [/^24 hours$/i, 'how long rate-limit hashes are kept (privacy policy)'],
  [/^five minutes$/i, 'the rounding step of a baseline tally'],
  [/^(?:one|an) hour$/i, 'the unit of a cost per hour'],
];

/** A figure typed into prose: any number with a time unit ("45 minutes", "Six hours"), or ten or more items ("30 renewals"). */
function typedFigures(text: string): string[] {
  const small = String.raw`(?:\d|one|two|three|four|five|six|seven|eight|nine|a\s+quarter\s+of\s+an)`;
  const large = String.raw`(?:\d[\d,]*\d(?:\.\d+)?|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundreds?|thousands?)`;
  const time = String.raw`(?:h|hrs?|hours?|min|mins|minutes?)`;
  const items = String.raw`(?:leads|files|invoices|accounts|renewals|items|requests|documents|records|confirmations|tickets|inquiries|deals)`;
  const pattern = new RegExp(String.raw`\b(?:(?:${small}|${large})[\s-]+${time}|${large}[\s-]+${items})\b`, 'gi');
  return [...text.matchAll(pattern)].map((m) => m[0].replace(/\s+/g, ' ')).filter((hit) => !NOT_EXAMPLE_FIGURES.some(([ok]) => ok.test(hit)));
}

/** Sentences that let a CRM merge happen without a person approving that merge. */
function mergesWithoutAPerson(text: string): string[] {
  return sentences(text).filter(
    (s) => /\bmerg/i.test(s) && !s.endsWith('?') && /rules you (?:sign|signed|approve)|signed off|sign off on|by itself|on its own|automatically/i.test(s) && !/\b(?:never|no|not)\b/i.test(s),
  );
}

/**
 * Sentences that end our part at the review ("we maintain it until its review", "any upkeep after that is
 * agreed at the review"): the brief keeps the operator accountable after launch, and the review 30 days
 * after launch is the first checkpoint, not the end.
 */
function upkeepEndsAtReview(text: string): string[] {
  return sentences(text).filter(
    (s) =>
      /\buntil\s+(?:its|the|that)\s+review\b/i.test(s) ||
      /\bagreed\s+at\s+(?:its|the|that)\s+review\b/i.test(s) ||
      /\b(?:upkeep|looking\s+after|maintain\w*)\b[^.]*\bafter\s+(?:it|that|the\s+review)\b[^.]*\bagreed\b/i.test(s),
  );
}

/**
 * Who counts the baseline, as the baseline guide has it: the people who do the work tally it, and we set
 * up the sheet and add it up. A sentence where we (or nobody in particular) count it says it otherwise.
 */
function otherBaselineCounters(text: string): string[] {
  return sentences(text).filter(
    (s) =>
      /\bbaseline\b|\bfirst week of (?:the|a) build\b|\bweek 1\b/i.test(s) &&
      (/\bwe(?:'ll| will)?\s+count\b|\bsomeone\s+(?:counts|tallies)\b|\bbaseline\s+is\s+counted\b|\bis counted in the first week\b|\b(?:build|week) counts\b/i.test(s)),
  );
}

/** Promises and claims the company has not made: open-ended upkeep, a track record, prices, "prove". */
const NOT_OURS: [RegExp, string][] = [
  [/prove[sd]?\s+(?:its|their|the)\s+(?:roi|return)/i, 'say "measure", not "prove its ROI"'],
  [/our sample audit/i, 'the sample is what a build produces, not "our sample audit"'],
  [/not in anything we build/i, 'implies a track record'],
  [/tends? to pass|six workflows tend/i, 'implies a track record'],
  [/\bcosts? less\b|\bcheaper\b/i, 'the site states no prices'],
  [/as long as it runs|for as long as|indefinitely|\bforever\b/i, 'an open-ended promise'],
  [/talk you out of/i, 'implies a track record'],
  [/only one workflow in the first 30 days/i, 'the next workflow is chosen at the review'],
  [/\bbring (?:a|one|some)?\s*(?:recent|upcoming|handful|typical|sample)\b|trace its path|files you bring/i, 'the 20-minute agenda has no room for it'],
  [/\bcall\b[^.\n]{0,60}\bchoos(?:e|es|ing)\s+(?:the|one|a)\s+workflow/i, 'the call maps the one workflow the visitor brings'],
  [/\bprices?\b[^.\n]{0,40}\bwritten by hand/i, 'a person sets every price and AI may draft around it, as the sales pages say'],
];
function claimsNotOurs(text: string): string[] {
  return NOT_OURS.flatMap(([pattern, why]) => {
    const m = pattern.exec(text);
    return m ? [`"${m[0]}" (${why})`] : [];
  });
}

/** Terms a reader may not know, and the words that explain them; the explanation must come at first use. */
const TERMS: [RegExp, RegExp][] = [
  [/\bSOPs?\b/, /standard operating procedure|written (?:procedure|steps)/i],
  [/\bSLAs?\b/, /service-level agreement|deadlines?/i],
  [/\bNPV\b/, /net present value/i],
  [/\bIRR\b/, /internal rate of return/i],
  [/loaded cost/i, /overheads?|benefits/i],
  [/system of record/i, /whose (?:data|values) counts?|the one (?:place|system)|official (?:version|record)/i],
  [/operator gap/i, /missing owner|nobody (?:owns|responsible)/i],
  [/\bRevOps\b/, /revenue operations/i],
  [/\bFTE\b/, /full-time equivalent/i],
];
function undefinedTerms(text: string): string[] {
  return TERMS.flatMap(([term, meaning]) => {
    const first = term.exec(text);
    if (!first) return [];
    const around = text.slice(Math.max(0, first.index - 200), first.index + first[0].length + 200);
    return meaning.test(around) ? [] : [`"${first[0]}" is not explained where it is first used`];
  });
}

// ---- Example figures in MDX ----------------------------------------------------------------------------------

const FIGURE_NAMES = Object.keys(EXAMPLE_FIGURES) as (keyof typeof EXAMPLE_FIGURES)[];

/** The names an MDX body binds to EXAMPLE_FIGURES: `export const { leadRouting } = …` or `export const x = EXAMPLE_FIGURES.y`. */
function boundFigures(body: string): Map<string, keyof typeof EXAMPLE_FIGURES> {
  const bound = new Map<string, keyof typeof EXAMPLE_FIGURES>();
  for (const m of body.matchAll(/^export const \{([^}]+)\} = EXAMPLE_FIGURES;$/gm)) {
    for (const name of m[1]!.split(',').map((n) => n.trim())) bound.set(name, name as keyof typeof EXAMPLE_FIGURES);
  }
  for (const m of body.matchAll(/^export const (\w+) = EXAMPLE_FIGURES\.(\w+);$/gm)) bound.set(m[1]!, m[2] as keyof typeof EXAMPLE_FIGURES);
  return bound;
}

/**
 * Figures that rest on a volume the brief's model does not give (it gives time per unit, and 4 weeks a month):
 * files and accounts a month and the totals worked out from them, and the lead example's baseline.
 */
const VOLUME_FIGURES: Partial<Record<keyof typeof EXAMPLE_FIGURES, string[]>> = {
  documentIntake: ['unitsPerMonth', 'minutesSavedPerMonth', 'hoursSavedPerMonth'],
  renewalPrep: ['unitsPerMonth', 'minutesSavedPerMonth', 'hoursSavedPerMonth'],
  leadBaseline: ['itemsPerMonth', 'errorRatePercent', 'cycleTimeHours'],
};

/** Problems with the example figures an MDX body quotes: unbound or unknown names, unlabelled paragraphs. */
function figureQuoteProblems(body: string): string[] {
  const problems: string[] = [];
  const bound = boundFigures(body);
  if (bound.size > 0 && !new RegExp(String.raw`^import \{ EXAMPLE_FIGURES \} from '(?:\.\./)+${FACTS.examplesModule}';$`, 'm').test(body)) {
    problems.push(`binds example figures without importing EXAMPLE_FIGURES from ${FACTS.examplesModule}`);
  }
  for (const [name, key] of bound) if (!FIGURE_NAMES.includes(key)) problems.push(`${name} names no example workflow (${key})`);
  // Paragraphs (a table counts with the paragraph before it) that quote a figure must say it is an example.
  const blocks = body.split(/\n\s*\n/);
  blocks.forEach((block, i) => {
    for (const m of block.matchAll(/\{(\w+)\.(\w+)\}/g)) {
      const key = bound.get(m[1]!);
      if (!key) continue;
      if (!(m[2]! in EXAMPLE_FIGURES[key])) problems.push(`{${m[1]}.${m[2]}} is not a figure of ${key}`);
      const context = block.trimStart().startsWith('|') ? `${blocks[i - 1] ?? ''}\n${block}` : block;
      if (!/\bexample/i.test(context)) problems.push(`{${m[1]}.${m[2]}} is quoted in a paragraph that does not say it is an example`);
      // The brief's model gives times per unit; a volume (or a total that depends on one) is ours and says so.
      if (VOLUME_FIGURES[key]?.includes(m[2]!) && !/\billustrative\b/i.test(context)) {
        problems.push(`{${m[1]}.${m[2]}} is a volume the brief does not give, quoted in a paragraph that does not call it illustrative`);
      }
    }
  });
  return [...new Set(problems)];
}

// ---- The site ----------------------------------------------------------------------------------------------

describe('one story across pages', () => {
  it('reads the pages it checks', () => {
    expect(mdxSources().length).toBeGreaterThanOrEqual(10);
    expect(astroSources().length).toBeGreaterThanOrEqual(20);
  });

  it("asks the brief's five FAQ topics on the hub, and sends each in its FAQPage", () => {
    const raw = readFileSync(join(root, 'content/pages/ai-operator.mdx'), 'utf8');
    const { faq } = parse(/^---\n([\s\S]*?)\n---\n/.exec(raw)![1]!) as { faq: { question: string; answer: string }[] };
    const questions = (faqPage(faq).mainEntity as { name: string }[]).map((q) => q.name);
    for (const topic of [/what does a business ai operator do/i, /person or a piece of software/i, /which workflows? .*first/i, /consultant/i, /when .*bring one in/i]) {
      expect(questions.filter((q) => topic.test(q)), String(topic)).toHaveLength(1);
    }
  });

  describe('the service areas', () => {
    it('are four: the service pages, the forms and the words agree', () => {
      const services = mdxSources().filter((s) => s.file.startsWith('content/services/'));
      const umbrella = services.filter((s) => /^order:\s*1\s*$/m.test(readFileSync(join(root, s.file), 'utf8')));
      expect(umbrella).toHaveLength(1);
      expect(services.length - umbrella.length).toBe(FACTS.areas.length);
      expect(OFFERED_AREAS.map((area) => AREA_LABELS[area])).toEqual([...FACTS.areas]);
      expect(NUMBER_WORDS[FACTS.areas.length - 1]).toBe(FACTS.areaCountWord);
    });

    it('are never counted otherwise, nor listed with CRM and RevOps as two', () => {
      expect(findings(pages(), wrongAreaCounts)).toEqual([]);
      expect(findings(pages(), splitCrmAndRevOps)).toEqual([]);
    });
  });

  it(`puts the review "${FACTS.reviewTiming}", in those words`, () => {
    expect(findings(pages(), otherReviewTimings)).toEqual([]);
  });

  it(`decides "${FACTS.decision.join(', ')}" after the review, on pages, in the readiness check and the sample review`, () => {
    expect(findings([...pages(), ...readinessTextSources()], otherDecisions)).toEqual([]);
    expect(sampleAudit('2026-12-06').review.decisions.map((d) => d.label.toLowerCase())).toEqual([...FACTS.decision]);
  });

  describe('example figures', () => {
    it(`are never typed: every one is quoted from ${FACTS.examplesModule}`, () => {
      expect(findings(pages(), typedFigures)).toEqual([]);
    });

    it('are quoted by known names, with the module imported and the paragraph labelled as an example', () => {
      const problems = mdxSources().flatMap((s) => figureQuoteProblems(s.body ?? '').map((p) => `${s.file}: ${p}`));
      expect(problems).toEqual([]);
      // The pages that quote the model do quote it (not, say, a copy of the table).
      for (const file of ['content/pages/ai-operator.mdx', 'content/services/ai-customer-success-automation.mdx', 'content/blog/ai-automation-audit-checklist.mdx']) {
        expect(boundFigures(readFileSync(join(root, file), 'utf8')).size, file).toBeGreaterThan(0);
      }
    });
  });

  it('lets no CRM record merge without a person approving that merge', () => {
    expect(findings(pages(), mergesWithoutAPerson)).toEqual([]);
  });

  it('states one commitment after launch: accountable after it, with the review as the first checkpoint, never the end', () => {
    expect(findings(pages(), upkeepEndsAtReview)).toEqual([]);
    for (const file of ['content/services/ai-automation-for-smbs.mdx', 'content/blog/ai-operator-vs-ai-agent.mdx', 'src/pages/about.astro']) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).toMatch(/\baccountable\b/i);
      expect(text, file).toMatch(/first checkpoint/i);
    }
  });

  it('says one way who counts the baseline: the team tallies, we set up the sheet and add it up', () => {
    expect(findings(pages(), otherBaselineCounters)).toEqual([]);
  });

  it('makes no claim beyond the brief: no "prove its ROI", no track record, no prices, no open-ended promise', () => {
    expect(findings(pages(), claimsNotOurs)).toEqual([]);
  });

  it(`fits the audit call's agenda into ${FACTS.auditMinutes} minutes, start to end`, () => {
    const page = readFileSync(join(root, 'src/pages/book-audit.astro'), 'utf8');
    const spans = [...page.matchAll(/Minutes (\d+) to (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(spans.length).toBeGreaterThanOrEqual(3);
    spans.forEach(([from], i) => expect(from).toBe(i === 0 ? 0 : spans[i - 1]![1]));
    expect(spans.at(-1)![1]).toBe(FACTS.auditMinutes);
  });

  it('explains SOP, SLA, NPV, IRR, loaded cost, system of record, the operator gap, RevOps and FTE where a page first uses them', () => {
    // A component's first use is on the page that includes it, which explains the term (SixConnections on the hub).
    expect(findings(pages().filter((p) => !p.file.startsWith('src/components/')), undefinedTerms)).toEqual([]);
  });
});

// ---- Each rule catches the drift it is for ---------------------------------------------------------------

describe('the rules catch drift', () => {
  it.each([
    ['a fifth area', wrongAreaCounts, 'We work across five areas.', ['five areas']],
    ['CRM and RevOps as two', splitCrmAndRevOps, 'Bring one workflow from sales, documents, your CRM or RevOps reporting.', ['your CRM or RevOps reporting']],
    ['a review a month after go-live', otherReviewTimings, 'The review comes a month after it went live; or 30 days after go-live.', ['a month after it went live', '30 days after go-live']],
    ['another decision', otherDecisions, 'Then we fix it, extend it or switch it off. Decide: keep it, fix it or stop it.', ['fix it, extend it or switch it off', 'keep it, fix it or stop it']],
    ['typed figures', typedFigures, 'about 30 renewals, 45 minutes each; Thirty minutes saved is 15 hours; 120 leads a week.', ['30 renewals', '45 minutes', 'Thirty minutes', '15 hours', '120 leads']],
    ['a looser decision', otherDecisions, 'Then we decide together: fix what falls short, extend the workflow, or switch it off.', ['Then we decide together: fix what falls short, extend the workflow, or switch it off.']],
    ['merges by rule', mergesWithoutAPerson, 'Safe merges follow rules you sign off on.', ['Safe merges follow rules you sign off on.']],
    ['upkeep that ends at the review', upkeepEndsAtReview, 'Ours: we maintain a workflow until its review. Any upkeep by us after that is agreed at the review, in writing.', ['Ours: we maintain a workflow until its review.', 'Any upkeep by us after that is agreed at the review, in writing.']],
    ['we count the baseline', otherBaselineCounters, 'In the first week of the build we count its real baseline. Then someone tallies the real work, and the first week of the build counts the baseline.', ['In the first week of the build we count its real baseline.', 'Then someone tallies the real work, and the first week of the build counts the baseline.']],
    ['undefined SOP', undefinedTerms, 'Then the SOP is rewritten.', ['"SOP" is not explained where it is first used']],
  ] as const)('%s', (_label, rule, drifted, expected) => {
    expect((rule as (t: string) => string[])(drifted)).toEqual(expected);
  });

  it('keeps the right forms', () => {
    expect(wrongAreaCounts('one operator, four workflow areas')).toEqual([]);
    expect(otherReviewTimings('a review 30 days after launch. Thirty days after launch we compare.')).toEqual([]);
    expect(otherDecisions('decide: keep it, fix it or switch it off; decide to keep, fix or switch off the workflow')).toEqual([]);
    expect(typedFigures('a 20-minute call; {renewal.manual} minutes per account; 20 minutes; two records; 3 items')).toEqual([]);
    expect(mergesWithoutAPerson('Will AI merge records by itself? No. A person approves every merge.')).toEqual([]);
    expect(undefinedTerms('the standard operating procedure (SOP) is rewritten; later the SOP again')).toEqual([]);
  });

  it('flags claims the company has not made', () => {
    expect(claimsNotOurs('We build it and prove its ROI. Our sample audit shows it.')).toHaveLength(2);
    expect(claimsNotOurs('We do. As long as it runs, we maintain it.')).toHaveLength(1);
    expect(claimsNotOurs('Bring a recent lead and we trace its path together.')).toHaveLength(1);
    expect(claimsNotOurs('A 20-minute call on your rough numbers chooses the workflow.')).toHaveLength(1);
    expect(claimsNotOurs('Anything that quotes a price is written by hand.')).toHaveLength(1);
    expect(claimsNotOurs('A 20-minute call maps one workflow; a person sets every price.')).toEqual([]);
    expect(claimsNotOurs('We measure its return against a baseline.')).toEqual([]);
  });

  it('flags a figure quote without its label, import or a known name', () => {
    const body = "import { EXAMPLE_FIGURES } from '../../src/lib/roi/examples.ts';\nexport const { renewalPrep, nothing } = EXAMPLE_FIGURES;\n\nPrep drops to {renewalPrep.assisted} minutes.\n\nIn our example model, {renewalPrep.weekly} too.";
    expect(figureQuoteProblems(body)).toEqual([
      'nothing names no example workflow (nothing)',
      '{renewalPrep.assisted} is quoted in a paragraph that does not say it is an example',
      '{renewalPrep.weekly} is not a figure of renewalPrep',
    ]);
    expect(figureQuoteProblems(body.split('\n').slice(1).join('\n'))[0]).toMatch(/without importing EXAMPLE_FIGURES/);
    const volumes = "import { EXAMPLE_FIGURES } from '../../src/lib/roi/examples.ts';\nexport const { documentIntake } = EXAMPLE_FIGURES;\n\nIn our example model, {documentIntake.unitsPerMonth} files at {documentIntake.manual} minutes.\n\nAn example at an illustrative {documentIntake.unitsPerMonth} files a month.";
    expect(figureQuoteProblems(volumes)).toEqual(['{documentIntake.unitsPerMonth} is a volume the brief does not give, quoted in a paragraph that does not call it illustrative']);
  });
});
