// Build time of the site, of the site plus N generated posts, and of a bare Astro project (MDX only,
// one unstyled page per post) building the same N posts, all in this run, so the ratio compares like
// with like on the same machine state.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePosts } from './generate-posts.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function timeBuild(dir: string): number {
  // Astro prints a warning per MDX file: the log goes to a file, not a pipe buffer.
  const log = join(dir, 'build.log');
  const fd = openSync(log, 'w');
  const started = process.hrtime.bigint();
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: dir, env, stdio: ['ignore', fd, fd] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(fd);
  if (result.status !== 0) throw new Error(`astro build failed in ${dir}:\n${readFileSync(log, 'utf8').slice(-4000)}`);
  return seconds;
}

function siteCopy(posts: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-site-'));
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'vercel.json', 'package.json', 'src', 'content', 'public', 'scripts', 'api']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  if (posts) generatePosts(join(dir, 'content/blog'), posts);
  return dir;
}

function bareProject(posts: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], markdown: { syntaxHighlight: false } });\n");
  mkdirSync(join(dir, 'src/pages/blog'), { recursive: true });
  writeFileSync(join(dir, 'src/content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\nexport const collections = { blog: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/blog' }), schema: z.object({ title: z.string(), description: z.string(), pubDate: z.coerce.date(), tags: z.array(z.string()) }) }) };\n");
  writeFileSync(join(dir, 'src/pages/blog/[slug].astro'), "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('blog')).map((post) => ({ params: { slug: post.id }, props: { post } })); }\nconst { post } = Astro.props;\nconst { Content } = await render(post);\n---\n<html lang=\"en\"><head><title>{post.data.title}</title></head><body><h1>{post.data.title}</h1><Content /></body></html>\n");
  generatePosts(join(dir, 'content/blog'), posts);
  return dir;
}

export interface BuildTimes {
  posts: number;
  siteSeconds: number;
  sitePlusPostsSeconds: number;
  barePostsSeconds: number;
  ratio: number;
}

export function measureBuildTimes(posts: number): BuildTimes {
  const dirs: string[] = [];
  try {
    const site = siteCopy(0);
    const sitePlus = siteCopy(posts);
    const bare = bareProject(posts);
    dirs.push(site, sitePlus, bare);
    const siteSeconds = timeBuild(site);
    const sitePlusPostsSeconds = timeBuild(sitePlus);
    const barePostsSeconds = timeBuild(bare);
    return { posts, siteSeconds, sitePlusPostsSeconds, barePostsSeconds, ratio: sitePlusPostsSeconds / barePostsSeconds };
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
