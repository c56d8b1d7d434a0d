import { describe, expect, it } from "vitest";
import { runSoak } from "../../bench/bot-soak.js";

// The reduced soak; `npx tsx bench/soak.ts` runs the full one (50 users, 5,000 interactions) and prints its figures.
describe("soak: the real bot under load, REST faults and gateway drops", () => {
  it("answers or reports every interaction, never crashes, posts the post of the day once, keeps its memory", async () => {
    const figures = await runSoak({
      users: 10,
      interactions: 500,
      status500: 0.01,
      status429: 0.01,
      gatewayCloseEveryMs: 1_500,
      thinkMs: 120,
    });
    const summary = JSON.stringify(figures);
    // The faults really happened.
    expect(figures.restFaults.status500 + figures.restFaults.status429, summary).toBeGreaterThan(0);
    expect(figures.gatewayResumes, summary).toBeGreaterThan(0);
    expect(Object.keys(figures.byKind).sort()).toEqual(
      ["about", "autocomplete", "button", "menu", "post", "random", "search"].sort(),
    );

    expect(figures.sent).toBe(500);
    expect(figures.lost, summary).toBe(0);
    expect(figures.answered + figures.reported).toBe(figures.sent);
    expect(figures.crashed, summary).toBe(false);
    expect(figures.uncaught, summary).toBe(0);
    expect(figures.potdMessages, summary).toBe(1);
    expect(figures.exitCode).toBe(0);
    // A leak check, not a timing: memory after the run stays near what it was once warm.
    expect(figures.rss.end, summary).toBeLessThan(figures.rss.afterWarmup * 1.5);
  }, 60_000);
});
