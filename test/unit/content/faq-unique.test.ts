// No FAQ answer is said twice on the site: two pages answering alike compete for the same search and
// drift apart when one is edited. Answers are compared by 8-word runs, so a copy with a word changed
// at one end is still caught.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { saidTwice, sharedRuns } from './_shared-runs.ts';

const root = join(import.meta.dirname, '../../../content');
interface FaqAnswer {
  page: string;
  question: string;
  answer: string;
}

/** Every FAQ answer in content/, with the file it is on. */
function siteFaqs(): FaqAnswer[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .flatMap((file) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, file), 'utf8'))?.[1] ?? '';
      const faq = (parse(frontmatter) as { faq?: { question: string; answer: string }[] }).faq ?? [];
      return faq.map((item) => ({ page: file, ...item }));
    });
}

/** Pairs of answers (on any pages) that share a run of RUN words, with the run. */
const repeatedAnswers = (faqs: FaqAnswer[]) => sharedRuns(faqs, (f) => f.answer, (f) => `${f.page} ("${f.question}")`);

describe('FAQ answers', () => {
  it('the site has FAQs to check', () => {
    expect(siteFaqs().length).toBeGreaterThanOrEqual(20);
  });

  it('no answer, or an 8-word stretch of one, appears twice on the site', () => {
    expect(repeatedAnswers(siteFaqs())).toEqual([]);
  });

  it('no question is asked twice', () => {
    expect(saidTwice(siteFaqs().map((f) => f.question))).toEqual([]);
  });

  it('catches an answer copied to a second page with a word changed at the end', () => {
    const answer = 'The operator stays accountable after launch for maintenance, adoption and governance of each workflow.';
    const faqs = [
      { page: 'pages/hub.mdx', question: 'A?', answer },
      { page: 'blog/post.mdx', question: 'B?', answer: answer.replace('workflow.', 'process.') },
      { page: 'blog/other.mdx', question: 'C?', answer: 'Something else entirely, written fresh for this page alone.' },
    ];
    const found = repeatedAnswers(faqs);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toContain('pages/hub.mdx');
    expect(found[0]).toContain('blog/post.mdx');
    expect(found.join('\n')).not.toContain('blog/other.mdx');
  });
});
