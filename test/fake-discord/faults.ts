/** Fault injection for the fake REST API: scripted failures, a global rate limit and random failures. */

export type FaultStatus = 500 | 429 | 403 | 404 | 401;

export interface FailNextOptions {
  method?: string;
  pathMatch: RegExp;
  status: FaultStatus;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds, as in Discord's `Retry-After` header (default 0.05). Only for 429. */
  retryAfter?: number;
  /** Marks the 429 as global (`X-RateLimit-Global`). */
  global?: boolean;
}

export interface RateLimitOptions {
  perSecond: number;
}

export interface FailRateOptions {
  status500?: number;
  status429?: number;
  seed?: number;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const DEFAULT_RETRY_AFTER_SECONDS = 0.05;

/** mulberry32: a tiny seeded PRNG so soak tests fail at the same requests on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function tooManyRequests(retryAfter: number, global: boolean): FaultResponse {
  const headers: Record<string, string> = {
    "retry-after": String(retryAfter),
    "x-ratelimit-limit": "1",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(Date.now() / 1000 + retryAfter),
    "x-ratelimit-reset-after": String(retryAfter),
    "x-ratelimit-bucket": "fake-bucket",
    "x-ratelimit-scope": global ? "global" : "user",
  };
  if (global) headers["x-ratelimit-global"] = "true";
  return {
    status: 429,
    headers,
    body: { message: "You are being rate limited.", retry_after: retryAfter, global },
  };
}

export function failure(
  status: FaultStatus,
  retryAfter = DEFAULT_RETRY_AFTER_SECONDS,
  global = false,
): FaultResponse {
  switch (status) {
    case 429:
      return tooManyRequests(retryAfter, global);
    case 403:
      return { status, headers: {}, body: { message: "Missing Permissions", code: 50013 } };
    case 404:
      return { status, headers: {}, body: { message: "404: Not Found", code: 0 } };
    case 401:
      return { status, headers: {}, body: { message: "401: Unauthorized", code: 0 } };
    case 500:
      return { status, headers: {}, body: { message: "500: Internal Server Error", code: 0 } };
  }
}

interface Scripted extends FailNextOptions {
  remaining: number;
}

export interface DelayNextOptions {
  method?: string;
  pathMatch: RegExp;
  /** How long the answer is held back: a reply "in flight" for a shutdown test. */
  ms: number;
}

type Delay = DelayNextOptions & { arrived: () => void };

export interface LoseAnswerOptions {
  method?: string;
  pathMatch: RegExp;
  /**
   * The request is carried out (a message is created), then its answer is lost: `502` answers a gateway error
   * as a proxy in front of Discord would; `hang` never answers, so the client's own timeout fires.
   */
  how: "502" | "hang";
  /** How many matching requests lose their answer (default 1). */
  times?: number;
}

export class Faults {
  #scripted: Scripted[] = [];
  #delays: Delay[] = [];
  #losses: (LoseAnswerOptions & { remaining: number })[] = [];
  #rateLimit: { perSecond: number; windowStart: number; count: number } | null = null;
  #random: { status500: number; status429: number; next: () => number } | null = null;

  failNext(options: FailNextOptions): void {
    this.#scripted.push({ ...options, remaining: options.times ?? 1 });
  }

  /** A global requests-per-second budget (fixed one-second windows, like Discord's global limit). */
  rateLimit(options: RateLimitOptions | null): void {
    this.#rateLimit = options ? { perSecond: options.perSecond, windowStart: 0, count: 0 } : null;
  }

  failRate(options: FailRateOptions | null): void {
    this.#random = options
      ? {
          status500: options.status500 ?? 0,
          status429: options.status429 ?? 0,
          next: seededRandom(options.seed ?? 1),
        }
      : null;
  }

  /** Holds back the answer to the next matching request; resolves when that request has arrived. */
  delayNext(options: DelayNextOptions): Promise<void> {
    return new Promise((arrived) => this.#delays.push({ ...options, arrived }));
  }

  /** The delay for this request (consumed), if one was asked for. */
  takeDelay(method: string, path: string): Delay | undefined {
    const index = this.#delays.findIndex(
      (rule) => (!rule.method || rule.method.toUpperCase() === method) && rule.pathMatch.test(path),
    );
    return index === -1 ? undefined : this.#delays.splice(index, 1)[0];
  }

  /** Carries out the next matching request(s) but loses the answer (see `LoseAnswerOptions`). */
  loseAnswer(options: LoseAnswerOptions): void {
    this.#losses.push({ ...options, remaining: options.times ?? 1 });
  }

  /** How this request's answer is lost (consumed), if it is. */
  takeLoss(method: string, path: string): LoseAnswerOptions["how"] | undefined {
    const rule = this.#losses.find(
      (r) => r.remaining > 0 && (!r.method || r.method.toUpperCase() === method) && r.pathMatch.test(path),
    );
    if (!rule) return undefined;
    rule.remaining--;
    this.#losses = this.#losses.filter((r) => r.remaining > 0);
    return rule.how;
  }

  clear(): void {
    this.#losses = [];
    this.#delays = [];
    this.#scripted = [];
    this.#rateLimit = null;
    this.#random = null;
  }

  /** The failure to answer this request with, or null to serve it normally. */
  check(method: string, path: string, now = Date.now()): FaultResponse | null {
    const scripted = this.#scripted.find(
      (rule) =>
        rule.remaining > 0 &&
        (!rule.method || rule.method.toUpperCase() === method) &&
        rule.pathMatch.test(path),
    );
    if (scripted) {
      scripted.remaining--;
      this.#scripted = this.#scripted.filter((rule) => rule.remaining > 0);
      return failure(scripted.status, scripted.retryAfter, scripted.global);
    }
    const limit = this.#rateLimit;
    if (limit) {
      if (now - limit.windowStart >= 1000) {
        limit.windowStart = now;
        limit.count = 0;
      }
      limit.count++;
      if (limit.count > limit.perSecond) {
        const retryAfter = Math.max(0.001, (limit.windowStart + 1000 - now) / 1000);
        return tooManyRequests(retryAfter, true);
      }
    }
    const random = this.#random;
    if (random) {
      const roll = random.next();
      if (roll < random.status500) return failure(500);
      if (roll < random.status500 + random.status429) return failure(429);
    }
    return null;
  }
}
