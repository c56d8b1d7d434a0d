import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** How far a request's timestamp may be from our clock: a captured request replayed later is refused. */
export const MAX_SKEW_SECONDS = 300;

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Discord's application public key (64 hex characters, from the Developer Portal) as a Node key object. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("DISCORD_PUBLIC_KEY must be 64 hexadecimal characters");
  return createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(hex, "hex").toString("base64url") },
    format: "jwk",
  });
}

/**
 * Checks Discord's Ed25519 signature (X-Signature-Ed25519) over timestamp + raw body, and that the timestamp
 * (X-Signature-Timestamp, Unix seconds) is recent. Runs on the raw bytes, before anything parses them.
 */
export function verifyInteraction(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
): Verdict {
  if (!signature || !/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: "missing signature" };
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing timestamp" };
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  if (!verify(null, signed, key, Buffer.from(signature, "hex")))
    return { ok: false, reason: "bad signature" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: "stale timestamp" };
  return { ok: true };
}
