import { defineConfig } from "vitest/config";

/** `npm run test:e2e`: the built client in Debian's Chromium against a real server (tests/e2e/). */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/globalSetup.ts"],
    // Two cores: one browser at a time keeps the bots' pace honest.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
