import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // Playwright's *.spec.ts live in e2e/ and must not be picked up here.
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Only acts in jsdom files: browser APIs jsdom lacks (the native modal dialog).
    setupFiles: ['tests/support/dom-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
