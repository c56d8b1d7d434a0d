import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

/** What /healthz checks; each returns why it is not ready, or undefined when it is. */
export type HealthCheck = () => string | undefined;

export interface HealthReport {
  ok: boolean;
  problems: string[];
}

export function checkHealth(checks: readonly HealthCheck[]): HealthReport {
  const problems = checks.flatMap((check) => {
    try {
      return check() ?? [];
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
  return { ok: problems.length === 0, problems };
}

export interface OpsServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * `/healthz`: 200 `{"status":"ok"}` when every check passes, else 503 with the reasons (for a load balancer, Docker's
 * HEALTHCHECK or a person with curl). `/metrics`: Prometheus text format.
 */
export async function startOpsServer(options: {
  port: number;
  host: string;
  checks: readonly HealthCheck[];
  registry: Registry;
}): Promise<OpsServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/healthz") {
      const report = checkHealth(options.checks);
      const body = JSON.stringify(
        report.ok ? { status: "ok" } : { status: "unavailable", problems: report.problems },
      );
      response
        .writeHead(report.ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" })
        .end(`${body}\n`);
      return;
    }
    if (path === "/metrics") {
      options.registry.metrics().then(
        (text) => response.writeHead(200, { "content-type": options.registry.contentType }).end(text),
        (error: unknown) => response.writeHead(500).end(`metrics failed: ${String(error)}\n`),
      );
      return;
    }
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found: try /healthz or /metrics\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
