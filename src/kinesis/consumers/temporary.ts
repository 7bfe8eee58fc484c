// The consumers an EFO tail registers for itself: `kinesis-explorer-<user>-<short id>`, and the
// sweep that deregisters the ones a crashed or killed window left behind (older than an hour, with
// no fresh heartbeat from a window still using them: sweepPolicy.ts decides).
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { randomBytes } from 'node:crypto';
import { describeCallError } from '../call';
import { deregisterConsumer, listConsumers, MAX_CONSUMER_NAME_LENGTH, type ConsumerModel } from './consumers';
import { consumersToSweep, consumerUserPart, TEMPORARY_PREFIX, type Heartbeats } from './sweepPolicy';

/** `kinesis-explorer-<user>-<8 hex>`; `id` is for tests. */
export function temporaryConsumerName(user: string, id: string = randomBytes(4).toString('hex')): string {
  return `${TEMPORARY_PREFIX}${consumerUserPart(user)}-${id}`.slice(0, MAX_CONSUMER_NAME_LENGTH);
}

export interface SweepResult {
  deregistered: ConsumerModel[];
  /** Consumers that could not be deregistered, with why. */
  failed: { consumer: ConsumerModel; message: string }[];
}

export interface SweepOptions {
  now?: number;
  maxAgeMs?: number;
  /** Read just before deciding, so a heartbeat written while listing still counts. */
  heartbeats?: () => Heartbeats;
  signal?: AbortSignal;
}

/**
 * Deregisters this user's temporary consumers of the stream created more than `maxAgeMs` ago,
 * except those another window's running tail still uses (a fresh heartbeat).
 */
export async function sweepTemporaryConsumers(client: KinesisClient, streamARN: string, user: string, opts: SweepOptions = {}): Promise<SweepResult> {
  const listed = await listConsumers(client, streamARN, { signal: opts.signal });
  const stale = consumersToSweep(listed, { user, now: opts.now ?? Date.now(), heartbeats: opts.heartbeats?.() ?? {}, ...(opts.maxAgeMs !== undefined ? { maxAgeMs: opts.maxAgeMs } : {}) });
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
