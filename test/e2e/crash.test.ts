import { describe, expect, it } from "vitest";
import { planTrial, runCrashTrial } from "./crash-trial.js";

// A few of the randomized trials `npm run bench` runs by the dozen (see BENCHMARKS.md): one per moment, with
// the nonce window and a second process varied.
describe("SIGKILL at a random moment around the post of the day, then a restart", () => {
  it.each([0, 4, 8])(
    "trial %i: exactly one post, and the day marked sent",
    { timeout: 90_000 },
    async (i) => {
      const result = await runCrashTrial(planTrial(1, i));
      expect(result).toMatchObject({ posts: 1, status: "sent" });
    },
  );
});
