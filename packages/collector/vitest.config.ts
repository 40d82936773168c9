import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@otklik/source'] },
  // Tests run in Vite's server (SSR) environment, which reads its own conditions list.
  ssr: { resolve: { conditions: ['@otklik/source'], externalConditions: ['@otklik/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Store tests share one PostgreSQL database; run files one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
