import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@otklik/source'] },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], typecheck: { enabled: false } },
});
