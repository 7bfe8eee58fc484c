// Which temporary consumers a sweep may deregister: this user's (by name), older than an hour, and
// not kept alive by a fresh heartbeat from a window of this machine whose tail still uses it. Pure:
// the glue keeps the heartbeats (VS Code's globalState, shared by every window) and the sweep lists.
import type { ConsumerModel } from './consumers';

export const TEMPORARY_PREFIX = 'kinesis-explorer-';
/** Only consumers far older than any start are swept: a live tail's consumer may be that old too. */
export const TEMPORARY_MAX_AGE_MS = 60 * 60_000;
/** A running tail refreshes its consumer's heartbeat this often. */
export const HEARTBEAT_INTERVAL_MS = 3 * 60_000;
/** A heartbeat younger than this means a window still uses the consumer. */
export const HEARTBEAT_FRESH_MS = 10 * 60_000;
/** Heartbeats older than this are forgotten (their consumers are gone or sweepable anyway). */
export const HEARTBEAT_FORGET_MS = 24 * 60 * 60_000;

/** Consumer name → when a running tail last said it uses it (ms since the epoch). */
export type Heartbeats = Readonly<Record<string, number>>;

/** The user part of a name: lower case letters, digits, "_" and "." ("-" separates the id), at most 32. */
export function consumerUserPart(user: string): string {
  const clean = user.toLowerCase().replace(/[^a-z0-9_.]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 32);
  return clean === '' ? 'user' : clean;
}

/** True for a temporary consumer of this user (another user's live tail is never swept). */
export function isTemporaryConsumerOf(name: string, user: string): boolean {
  const prefix = `${TEMPORARY_PREFIX}${consumerUserPart(user)}-`;
  return name.startsWith(prefix) && /^[0-9a-f]{8}$/.test(name.slice(prefix.length));
}

export interface SweepPolicy {
  user: string;
  now: number;
  heartbeats?: Heartbeats;
  maxAgeMs?: number;
  freshMs?: number;
}

/** True when a heartbeat says a window still uses the consumer (a clock ahead of ours counts as fresh). */
export function hasFreshHeartbeat(name: string, heartbeats: Heartbeats, now: number, freshMs = HEARTBEAT_FRESH_MS): boolean {
  const seen = Object.prototype.hasOwnProperty.call(heartbeats, name) ? heartbeats[name] : undefined;
  return seen !== undefined && now - seen < freshMs;
}

/** The consumers a sweep deregisters, from the stream's listing. */
export function consumersToSweep(consumers: readonly ConsumerModel[], policy: SweepPolicy): ConsumerModel[] {
  const maxAge = policy.maxAgeMs ?? TEMPORARY_MAX_AGE_MS;
  const heartbeats = policy.heartbeats ?? {};
  return consumers.filter(
    (c) => c.status === 'ACTIVE' && isTemporaryConsumerOf(c.name, policy.user) && policy.now - c.createdAt > maxAge && !hasFreshHeartbeat(c.name, heartbeats, policy.now, policy.freshMs),
  );
}

/** The heartbeats worth keeping: without `remove` and those older than HEARTBEAT_FORGET_MS. */
export function pruneHeartbeats(heartbeats: Heartbeats, now: number, remove: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, seen] of Object.entries(heartbeats)) {
    if (typeof seen === 'number' && Number.isFinite(seen) && now - seen < HEARTBEAT_FORGET_MS && !remove.includes(name)) out[name] = seen;
  }
  return out;
}
