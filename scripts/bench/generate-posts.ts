// Synthetic blog posts for the build benchmark: valid frontmatter, ~700 words of varied Markdown
// (headings, lists, a table, links), deterministic so every run builds the same thing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = 'workflow baseline approval operator record metric trigger data invoice renewal pipeline routing cleanup intake summary escalation review owner handoff volume'.split(' ');

function sentence(seed: number, length: number): string {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 31 + i * 7) % WORDS.length]);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function paragraph(seed: number): string {
  return Array.from({ length: 5 }, (_, i) => sentence(seed + i, 10 + ((seed + i) % 8))).join(' ');
}

export function generatePosts(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    const day = String((n % 28) + 1).padStart(2, '0');
    const month = String((n % 9) + 1).padStart(2, '0');
    const sections = Array.from({ length: 5 }, (_, s) => [
      `## Section ${s + 1} of generated post ${n}`,
      paragraph(n + s),
      paragraph(n + s + 11),
      `- ${sentence(n + s, 6)}\n- ${sentence(n + s + 1, 7)}\n- ${sentence(n + s + 2, 8)}`,
      s === 2 ? `| workflow | before | after |\n|---|---|---|\n| lead routing | 8 h/week | 2 h/week |\n| crm cleanup | 10 h/month | 3 h/month |` : '',
      `See [the hub](/ai-operator) and [the checklist](/blog/ai-automation-audit-checklist).`,
    ].join('\n\n'));
    const body = sections.join('\n\n');
    writeFileSync(
      join(dir, `generated-post-${String(n).padStart(4, '0')}.mdx`),
      `---\ntitle: "Generated benchmark post number ${n}"\ndescription: "A generated post used only by the build benchmark to measure how build time grows with the number of posts."\npubDate: 2026-${month}-${day}\ntags: ["benchmark", "tag ${n % 10}"]\n---\n\n${body}\n`,
    );
  }
}
