import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { ClaimOwner, Delivery } from "../store/deliveries.js";

/** This process, as a claim owner: unique even for two processes started the same second on one host. */
export function processOwner(): ClaimOwner {
  const host = hostname();
  return { id: `${host}/${process.pid}/${randomBytes(6).toString("hex")}`, host, pid: process.pid };
}

/** Whether a process with this pid exists on this host (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/**
 * Whether a claim's owner can no longer be sending, so the claim may be taken over (after reading the channel).
 * A lease that ran out says so on any host; on this host a dead pid says so at once, which makes a restart after
 * a crash repair the day without waiting for the lease. A claim of this very process that is not in flight
 * (the caller knows) was left by a send that ended without a record.
 */
export function claimAbandoned(
  claim: Delivery,
  me: ClaimOwner,
  now: Date,
  isAlive: (pid: number) => boolean = pidAlive,
  legacyLeaseMs = 5 * 60_000,
): boolean {
  const leaseUntil = claim.leaseUntil
    ? Date.parse(claim.leaseUntil)
    : Date.parse(claim.claimedAt ?? "") + legacyLeaseMs;
  if (!(now.getTime() < leaseUntil)) return true;
  if (claim.claimOwner === me.id) return true;
  if (claim.claimHost !== me.host || claim.claimPid === null) return false;
  // Same pid, another owner: an earlier life of this process (a container restarts its app as pid 1 again).
  if (claim.claimPid === me.pid) return true;
  return !isAlive(claim.claimPid);
}
