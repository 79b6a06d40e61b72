// One of the Lighthouse gate's parallel runners: its own Chromium, its share of the runs, one result
// per line on stdout (other lines are Lighthouse's retry notes). A child process, because Lighthouse
// does not support two runs at once in one process (GoogleChrome/lighthouse#7104).
import { startLighthouse, type Category, type LighthouseJob } from './lighthouse.ts';

const { jobs, categories } = JSON.parse(process.argv[2] ?? '{}') as { jobs: LighthouseJob[]; categories: Category[] };
const session = await startLighthouse(categories);
try {
  for (const job of jobs) process.stdout.write(`${JSON.stringify(await session.run(job.url, job.profile))}\n`);
} finally {
  await session.close();
}
