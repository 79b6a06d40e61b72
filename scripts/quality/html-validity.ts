// The Nu Html Checker (vnu-jar, on Java) over every built page: errors only, one JVM for all files.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './site-files.ts';

export interface HtmlError {
  file: string;
  line?: number;
  message: string;
  extract?: string;
}

const EXPECT_LINK_MESSAGE = 'A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”.';

export function validateHtml(files: string[], dist = DIST): HtmlError[] {
  const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
  const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`Could not run java for the Nu Html Checker: ${result.error.message}`);
  const output = result.stderr.trim() || result.stdout.trim();
  const { messages } = JSON.parse(output || '{"messages":[]}') as { messages: { type: string; url: string; lastLine?: number; message: string; extract?: string }[] };
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    // vnu's embedded CSS checker predates @property, nesting and color-mix(), all of which Tailwind 4
    // emits on purpose; it reports those as errors. This gate is about the HTML, so those are left out.
    .filter((m) => !m.message.startsWith('CSS: '))
    // Likewise <link rel="expect" blocking="render"> (HTML Standard, link type "expect"; Chrome 124, Safari
    // 18.2): vnu still allows `blocking` on stylesheets only. Only that one message is left out, so any other
    // error in such a link still fails; links.ts checks that the element it names exists.
    .filter((m) => !(m.message === EXPECT_LINK_MESSAGE && /<link rel="expect" href="#[\w-]+" blocking="render">/.test(m.extract ?? '')))
    .map((m) => ({ file: relative(dist, m.url.startsWith('file:') ? fileURLToPath(m.url) : m.url), line: m.lastLine, message: m.message, extract: m.extract?.trim() }));
}
