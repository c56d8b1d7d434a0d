import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { benchOutputPath, COMMITTED, LAST_RUN } from "../bench/output-path.js";
import { ROOT, startBotAgainstFake } from "./e2e/bot-process.js";
import { freePort } from "./free-port.js";

const run = promisify(execFile);
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function dockerfile(): { instruction: string; args: string }[] {
  return read("Dockerfile")
    .replace(/\\\n/gu, " ")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("#"))
    .map((line) => {
      const [instruction = "", ...rest] = line.trim().split(/\s+/u);
      return { instruction: instruction.toUpperCase(), args: rest.join(" ") };
    });
}

/** The final stage's instructions. */
function finalStage() {
  const all = dockerfile();
  const lastFrom = all.map((i) => i.instruction).lastIndexOf("FROM");
  return all.slice(lastFrom);
}

function execForm(args: string): string[] {
  return JSON.parse(args.replace(/^CMD\s+/u, "")) as string[];
}

/** ENV of the final stage as an object (`ENV A=1 B=2`). */
function imageEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of finalStage().filter((i) => i.instruction === "ENV"))
    for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/gu)) env[key!] = value!;
  return env;
}

/** Runs the image's HEALTHCHECK command as Docker would (exec form), with METRICS_PORT set; resolves its exit code. */
async function healthcheck(port: number): Promise<number> {
  const check = finalStage().find((i) => i.instruction === "HEALTHCHECK")!;
  const [command, ...args] = execForm(check.args.slice(check.args.indexOf("CMD")));
  expect(command).toBe("node");
  return run(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", METRICS_PORT: String(port) },
  }).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
}

describe("Dockerfile", () => {
  it("builds in one stage with npm ci and runs in another as a non-root user, node as PID 1", () => {
    const all = dockerfile();
    expect(all.filter((i) => i.instruction === "FROM")).toHaveLength(2);
    expect(all.find((i) => i.instruction === "RUN" && i.args === "npm ci")).toBeDefined();
    const final = finalStage();
    expect(final.find((i) => i.instruction === "USER")?.args).toBe("node");
    expect(final.some((i) => i.instruction === "RUN" && /apt-get|npm ci/u.test(i.args))).toBe(false);
    // Exec form: node itself gets SIGTERM, as the tests' bot process does (test/e2e/bot-process.ts).
    const cmd = execForm(final.find((i) => i.instruction === "CMD")!.args);
    expect(cmd).toEqual(["node", "dist/src/main.js"]);
  });

  it("runs its CMD with its ENV; its HEALTHCHECK passes on a ready bot and fails without one; SIGTERM exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-image-"));
    const port = await freePort();
    expect(await healthcheck(port)).toBe(1);
    const env = imageEnv();
    expect(env).toMatchObject({
      NODE_ENV: "production",
      CURATOR_DB: "/data/curator.db",
      METRICS_HOST: "0.0.0.0",
    });
    const [program, ...args] = execForm(finalStage().find((i) => i.instruction === "CMD")!.args);
    expect(program).toBe("node");
    const started = await startBotAgainstFake({
      env: { ...env, CURATOR_DB: join(dir, "curator.db"), METRICS_PORT: String(port) },
      command: [process.execPath, args],
    });
    try {
      await started.bot.waitForLog("health and metrics listening (/healthz, /metrics)");
      expect(await healthcheck(port)).toBe(0);
      expect(await started.stop()).toBe(0);
    } finally {
      await started.bot.stop("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("compose.yaml", () => {
  const compose = parseYaml(read("compose.yaml")) as {
    services: Record<
      string,
      {
        restart?: string;
        environment?: Record<string, string>;
        volumes?: string[];
        healthcheck?: unknown;
        depends_on?: Record<string, { condition: string }>;
      }
    >;
    volumes: Record<string, unknown>;
  };

  it("is valid YAML with the bot and PostgreSQL, restart policies and named volumes", () => {
    expect(Object.keys(compose.services)).toEqual(["bot", "postgres"]);
    for (const service of Object.values(compose.services)) expect(service.restart).toBe("unless-stopped");
    expect(compose.services.bot!.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    expect(compose.services.postgres!.healthcheck).toBeDefined();
    const used = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(":")[0]);
    expect(used.sort()).toEqual(Object.keys(compose.volumes).sort());
  });

  it("sets only variables the README documents, and the image's health port", () => {
    const readme = read("README.md");
    const env = compose.services.bot!.environment!;
    for (const name of Object.keys(env)) expect(readme).toContain(`\`${name}\``);
    for (const [, name] of read("compose.yaml").matchAll(/\$\{(\w+)/gu)) {
      expect(readme).toContain(`\`${name}\``);
      expect(read(".env.example")).toContain(`${name}=`);
    }
    expect(env.METRICS_PORT).toBe(imageEnv().METRICS_PORT);
  });
});

describe("the systemd unit", () => {
  it("starts node the way the image does, restarts on failure and may write only data/", () => {
    const unit = Object.fromEntries(
      read("deploy/curator.service")
        .split("\n")
        .filter((l) => /^\w+=/u.test(l))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    const [node, ...args] = unit.ExecStart!.split(" ");
    expect(node).toBe("/usr/bin/node");
    expect(["node", ...args]).toEqual(execForm(finalStage().find((i) => i.instruction === "CMD")!.args));
    expect(unit).toMatchObject({
      Restart: "on-failure",
      KillSignal: "SIGTERM",
      ReadWritePaths: "/opt/curator/data",
    });
  });
});

describe("npm run bench", () => {
  it("writes the committed BENCHMARKS.md only with --write", () => {
    expect(benchOutputPath(["--quick"])).toBe(LAST_RUN);
    expect(benchOutputPath([])).toBe(LAST_RUN);
    expect(benchOutputPath(["--quick", "--write"])).toBe(COMMITTED);
    expect(read(".gitignore")).toContain("bench/last-run.md");
  });
});

describe("licence and policies", () => {
  it("ships an MIT licence that package.json names, a changelog and a privacy policy", () => {
    expect(read("LICENSE")).toMatch(/^MIT License\n\nCopyright \(c\) 2026/u);
    expect(JSON.parse(read("package.json")).license).toBe("MIT");
    expect(read("CHANGELOG.md")).toMatch(/^# Changelog\n/u);
    expect(read("PRIVACY.md")).toContain("nothing about members");
  });
});
