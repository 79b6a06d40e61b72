import { defineConfig } from 'vitest/config';

// Two projects: unit tests of pure functions (a seconds-long loop, `npm run test:unit`), and
// integration tests that start servers, open database files, fake the mail provider or run a build
// (`npm run test:integration`). `vitest run` (the first step of `npm test`) runs both.
export default defineConfig({
  test: {
    environment: 'node',
    // Vitest's default is one worker fewer than the cores: on this 2-core machine one, which ran the 30
    // integration files one after another in 94 s. They wait on I/O more than they compute; two: 56 s
    // (three: 54 s, four: 55 s). Each file has its own database file and ports.
    maxWorkers: 2,
    projects: [
      // Pure functions share one module graph (isolate: false): importing Temporal and React once instead of
      // per file takes the project from about 21 s to 6 s. A test that changes process state (TZ) restores it.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      // Real I/O on a shared machine: a slow moment must not read as a failure.
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
