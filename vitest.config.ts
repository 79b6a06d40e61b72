import { defineConfig } from 'vitest/config';

// Two projects: unit tests of pure functions (a seconds-long loop, `npm run test:unit`), and
// integration tests that start servers, open database files, fake the mail provider or run a build
// (`npm run test:integration`). `vitest run` (the first step of `npm test`) runs both.
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Real I/O on a shared machine: a slow moment must not read as a failure.
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
