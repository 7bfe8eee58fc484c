// A stream's registered enhanced fan-out consumers: paged ListStreamConsumers, register (with the
// name checked first), deregister, and the wait until a new consumer is ACTIVE.
import {
  DeregisterStreamConsumerCommand,
  DescribeStreamConsumerCommand,
  ListStreamConsumersCommand,
  RegisterStreamConsumerCommand,
  type Consumer,
  type ConsumerDescription,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { callKinesis } from '../call';
import { sleepUnlessAborted, systemClock, type Clock } from '../clock';
import type { Result } from '../result';
import type { ListCallOptions } from '../streams/streams';

export type ConsumerStatus = 'CREATING' | 'ACTIVE' | 'DELETING';

export interface ConsumerModel {
  name: string;
  arn: string;
  status: ConsumerStatus;
  /** ConsumerCreationTimestamp, ms since the epoch. */
  createdAt: number;
}

/** Kinesis allows 20 consumers per stream; one page of the default size holds them all. */
export const MAX_CONSUMER_NAME_LENGTH = 128;
const CONSUMER_NAME = /^[a-zA-Z0-9_.-]+$/;

export function toConsumerModel(c: Consumer | ConsumerDescription): ConsumerModel {
  return {
    name: c.ConsumerName ?? '',
    arn: c.ConsumerARN ?? '',
    status: (c.ConsumerStatus ?? 'CREATING') as ConsumerStatus,
    createdAt: c.ConsumerCreationTimestamp?.getTime() ?? 0,
  };
}

/** Checks a consumer name as RegisterStreamConsumer would: 1..128 of a-z A-Z 0-9 _ . - */
export function parseConsumerName(text: string): Result<string, string> {
  const name = text.trim();
  if (name === '') return { ok: false, error: 'Enter a consumer name.' };
  if (name.length > MAX_CONSUMER_NAME_LENGTH) return { ok: false, error: `A consumer name has at most ${MAX_CONSUMER_NAME_LENGTH} characters; this one has ${name.length}.` };
  const bad = [...name].find((ch) => !CONSUMER_NAME.test(ch));
  if (bad !== undefined) return { ok: false, error: `"${bad}" is not allowed in a consumer name: use letters, digits, "_", "." and "-".` };
  return { ok: true, value: name };
}

export interface ConsumerPageOptions extends ListCallOptions {
  /** MaxResults per page (1..10,000); absent: the service's default. */
  pageSize?: number;
}

/** Every consumer of the stream, following NextToken until the last page. */
export async function listConsumers(client: KinesisClient, streamARN: string, opts: ConsumerPageOptions = {}): Promise<ConsumerModel[]> {
  const out: ConsumerModel[] = [];
  const page = opts.pageSize !== undefined ? { MaxResults: opts.pageSize } : {};
  let token: string | undefined;
  do {
    const res = await callKinesis('kinesis:ListStreamConsumers', () =>
      client.send(new ListStreamConsumersCommand({ StreamARN: streamARN, ...page, ...(token ? { NextToken: token } : {}) }), { abortSignal: opts.signal }),
    );
    out.push(...(res.Consumers ?? []).map(toConsumerModel));
    // Some endpoints hand back a token on the last page too; an empty page ends the listing.
    token = (res.Consumers ?? []).length > 0 ? res.NextToken : undefined;
  } while (token && !opts.signal?.aborted);
  return out;
}

export async function registerConsumer(client: KinesisClient, streamARN: string, name: string, signal?: AbortSignal): Promise<ConsumerModel> {
  const parsed = parseConsumerName(name);
  if (!parsed.ok) throw new RangeError(parsed.error);
  const res = await callKinesis('kinesis:RegisterStreamConsumer', () => client.send(new RegisterStreamConsumerCommand({ StreamARN: streamARN, ConsumerName: parsed.value }), { abortSignal: signal }));
  if (!res.Consumer) throw new Error(`RegisterStreamConsumer returned no consumer for ${parsed.value}.`);
  return toConsumerModel(res.Consumer);
}

/**
 * Deregister and describe name the consumer by stream ARN and name, not by consumer ARN: both
 * forms are the API's, and kinesis-local 0.6.2 cannot parse a consumer ARN whose stream name
 * holds a "-" ("stream/undefined/consumer/…").
 */
export async function deregisterConsumer(client: KinesisClient, streamARN: string, name: string, signal?: AbortSignal): Promise<void> {
  await callKinesis('kinesis:DeregisterStreamConsumer', () => client.send(new DeregisterStreamConsumerCommand({ StreamARN: streamARN, ConsumerName: name }), { abortSignal: signal }));
}

export async function describeConsumer(client: KinesisClient, streamARN: string, name: string, signal?: AbortSignal): Promise<ConsumerModel> {
  const res = await callKinesis('kinesis:DescribeStreamConsumer', () => client.send(new DescribeStreamConsumerCommand({ StreamARN: streamARN, ConsumerName: name }), { abortSignal: signal }));
  if (!res.ConsumerDescription) throw new Error(`DescribeStreamConsumer returned nothing for ${name}.`);
  return toConsumerModel(res.ConsumerDescription);
}

export interface ConsumerWaitOptions {
  signal?: AbortSignal;
  /** Default 2 minutes; AWS usually takes a few seconds. */
  timeoutMs?: number;
  /** Default 1 s (DescribeStreamConsumer allows 20 calls/s per stream). */
  pollIntervalMs?: number;
  clock?: Clock;
}

/**
 * Polls DescribeStreamConsumer until the consumer is ACTIVE (SubscribeToShard refuses it before).
 * Returns undefined when `signal` aborts; throws on a time-out or a consumer being deleted.
 */
export async function waitForConsumerActive(client: KinesisClient, streamARN: string, name: string, opts: ConsumerWaitOptions = {}): Promise<ConsumerModel | undefined> {
  const clock = opts.clock ?? systemClock;
  const deadline = clock.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    const c = await describeConsumer(client, streamARN, name, opts.signal);
    if (c.status === 'ACTIVE') return c;
    if (c.status === 'DELETING') throw new Error(`Consumer ${c.name} is being deregistered; it will not become ACTIVE.`);
    if (clock.now() > deadline) throw new Error(`Consumer ${c.name} is still ${c.status} after ${Math.round((opts.timeoutMs ?? 120_000) / 1000)} s.`);
    if (!(await sleepUnlessAborted(opts.pollIntervalMs ?? 1_000, opts.signal, clock))) return undefined;
  }
}
