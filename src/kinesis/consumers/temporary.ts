// The consumers an EFO tail registers for itself: `kinesis-explorer-<user>-<short id>`, and the
// sweep that deregisters the ones a crashed or killed window left behind (older than an hour).
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { randomBytes } from 'node:crypto';
import { describeCallError } from '../call';
import { deregisterConsumer, listConsumers, MAX_CONSUMER_NAME_LENGTH, type ConsumerModel } from './consumers';

export const TEMPORARY_PREFIX = 'kinesis-explorer-';
/** A live tail renews nothing on its consumer, so only consumers far older than a start are swept. */
export const TEMPORARY_MAX_AGE_MS = 60 * 60_000;

/** The user part of a name: lower case letters, digits, "_" and "." ("-" separates the id), at most 32. */
export function consumerUserPart(user: string): string {
  const clean = user.toLowerCase().replace(/[^a-z0-9_.]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 32);
  return clean === '' ? 'user' : clean;
}

/** `kinesis-explorer-<user>-<8 hex>`; `id` is for tests. */
export function temporaryConsumerName(user: string, id: string = randomBytes(4).toString('hex')): string {
  return `${TEMPORARY_PREFIX}${consumerUserPart(user)}-${id}`.slice(0, MAX_CONSUMER_NAME_LENGTH);
}

/** True for a temporary consumer of this user (another user's live tail is never swept). */
export function isTemporaryConsumerOf(name: string, user: string): boolean {
  const prefix = `${TEMPORARY_PREFIX}${consumerUserPart(user)}-`;
  return name.startsWith(prefix) && /^[0-9a-f]{8}$/.test(name.slice(prefix.length));
}

export interface SweepResult {
  deregistered: ConsumerModel[];
  /** Consumers that could not be deregistered, with why. */
  failed: { consumer: ConsumerModel; message: string }[];
}

/** Deregisters this user's temporary consumers of the stream created more than `maxAgeMs` ago. */
export async function sweepTemporaryConsumers(client: KinesisClient, streamARN: string, user: string, opts: { now?: number; maxAgeMs?: number; signal?: AbortSignal } = {}): Promise<SweepResult> {
  const now = opts.now ?? Date.now();
  const maxAge = opts.maxAgeMs ?? TEMPORARY_MAX_AGE_MS;
  const stale = (await listConsumers(client, streamARN, { signal: opts.signal })).filter(
    (c) => c.status === 'ACTIVE' && isTemporaryConsumerOf(c.name, user) && now - c.createdAt > maxAge,
  );
  const result: SweepResult = { deregistered: [], failed: [] };
  for (const c of stale) {
    try {
      await deregisterConsumer(client, streamARN, c.name, opts.signal);
      result.deregistered.push(c);
    } catch (err) {
      result.failed.push({ consumer: c, message: describeCallError(err).message });
    }
  }
  return result;
}
