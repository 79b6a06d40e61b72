// Runs in a fresh Node process, in a built function's folder, as Vercel's Node launcher would: imports
// the handler the function's .vc-config.json names and calls its exported method with a Web Request.
// Usage: node invoke-function.ts '<json: { method, url, headers?, body? }>'
// Prints one JSON line: { status, headers, body } (body as text, or base64 for binary), or { loadError }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const call = JSON.parse(process.argv[2] ?? '{}') as { method: string; url: string; headers?: Record<string, string>; body?: string };
const { handler } = JSON.parse(readFileSync('.vc-config.json', 'utf8')) as { handler: string };

let mod: Record<string, unknown>;
try {
  mod = (await import(pathToFileURL(join(process.cwd(), handler)).href)) as Record<string, unknown>;
} catch (error) {
  console.log(JSON.stringify({ loadError: `${(error as Error).name}: ${(error as Error).message}`, code: (error as { code?: string }).code }));
  process.exit(0);
}
const fn = mod[call.method] as ((request: Request) => Promise<Response>) | undefined;
if (typeof fn !== 'function') {
  console.log(JSON.stringify({ loadError: `the handler exports no ${call.method}`, exports: Object.keys(mod) }));
  process.exit(0);
}
const response = await fn(new Request(call.url, { method: call.method, headers: call.headers, body: call.body }));
const type = response.headers.get('content-type') ?? '';
const bytes = Buffer.from(await response.arrayBuffer());
const text = /^(text\/|application\/json)/.test(type);
console.log(JSON.stringify({ status: response.status, headers: Object.fromEntries(response.headers), body: text ? bytes.toString('utf8') : bytes.toString('base64') }));
// Background delivery started by the handler (waitUntil's work on Vercel) finishes before the process exits.
