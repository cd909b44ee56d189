import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A throwaway PostgreSQL server for the store tests (test/support/postgres.ts).
    globalSetup: ["test/support/pg-global-setup.ts"],
    // A developer's own database must never be touched by a test; the PostgreSQL tests pass theirs explicitly.
    env: { DATABASE_URL: "", LG_BODY: "" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
  },
});
