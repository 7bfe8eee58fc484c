// Text the tail session derives from the engine and the records: error sentences for the banner,
// chips and log, per-shard hover messages, and a converted record's original JSON.
import { gunzipSync } from 'node:zlib';
import type { DescribedError } from '../../kinesis/errors';
import type { TailStatus } from '../../kinesis/tail/types';
import { parseJsonExact, stringifyJson } from '../shared/exactJson';

/** The most an original (DynamoDB, CloudWatch Logs) record is unpacked to for its own tab. */
const ORIGINAL_MAX = 10 * 1024 * 1024;

export function shardMessage(sh: TailStatus['shards'][number]): { message?: string } {
  if (sh.state === 'waiting') return { message: 'Waiting for its parent shards to be read to their end' };
  if (sh.error) return { message: describedText(sh.error) };
  if (sh.state === 'closed' && sh.childShardIds?.length) return { message: `Closed; continues in ${sh.childShardIds.join(', ')}` };
  return {};
}

/** "Code: sentence. Next step." — how an AWS error reads in the banner, on a chip and in the log. */
export function describedText(e: DescribedError | undefined): string {
  if (!e) return '';
  const sentence = e.message.replace(/[.\s]+$/, '');
  return `${e.code}: ${sentence}.${e.nextStep ? ` ${e.nextStep}` : ''}`;
}

/** The record's JSON as it arrived (gunzipped for CloudWatch Logs), indented; undefined if it is not readable. */
export function originalJson(data: Uint8Array): string | undefined {
  try {
    const bytes = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data, { maxOutputLength: ORIGINAL_MAX }) : data;
    const text = Buffer.from(bytes).toString('utf8');
    return stringifyJson(parseJsonExact(text), 2) ?? text;
  } catch {
    return undefined;
  }
}
