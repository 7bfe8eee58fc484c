// Partition key -> 128-bit hash key -> shard, computed the way Kinesis does it (MD5 of the
// key's UTF-8 bytes read as an unsigned big-endian integer), so a put can name its shard up front.
import { createHash } from 'node:crypto';
import type { ShardModel } from '../streams/shards';

/** 2^128 - 1: the top of the hash key space. */
export const MAX_HASH_KEY = (1n << 128n) - 1n;

/** The hash key Kinesis derives from a partition key. */
export function partitionKeyHash(partitionKey: string): bigint {
  const digest = createHash('md5').update(partitionKey, 'utf8').digest('hex');
  return BigInt(`0x${digest}`);
}

/**
 * Checks an explicit hash key as the API's pattern does (`0|([1-9]\d{0,38})`) plus the range
 * 0..2^128-1. Returns a message for the input box, or undefined when valid.
 */
export function validateExplicitHashKey(text: string): string | undefined {
  if (text.length === 0) return 'Enter the hash key as a decimal number from 0 to 2^128-1, or leave the box empty to hash the partition key.';
  if (/^\s|\s$/.test(text)) return 'Remove the spaces around the hash key.';
  if (/^-\d+$/.test(text)) return 'The hash key cannot be negative: use 0 to 340282366920938463463374607431768211455.';
  if (/^0x/i.test(text)) return 'Write the hash key in decimal, not hexadecimal.';
  if (!/^\d+$/.test(text)) return `The hash key must be a decimal integer; "${firstNonDigit(text)}" is not a digit.`;
  if (text.length > 1 && text.startsWith('0')) return 'Remove the leading zeros from the hash key.';
  if (BigInt(text) > MAX_HASH_KEY) return 'The hash key is above 2^128-1 (340282366920938463463374607431768211455).';
  return undefined;
}

function firstNonDigit(text: string): string {
  for (const ch of text) if (ch < '0' || ch > '9') return ch;
  return '';
}

/** The shard whose hash key range holds `hashKey`, among the open shards given. */
export function shardForHashKey(shards: readonly ShardModel[], hashKey: bigint): ShardModel | undefined {
  return shards.find((s) => !s.closed && s.hashKeyStart !== '' && BigInt(s.hashKeyStart) <= hashKey && hashKey <= BigInt(s.hashKeyEnd));
}

/** The hash key a record lands by: the explicit one when given, else the partition key's MD5. */
export function effectiveHashKey(partitionKey: string, explicitHashKey?: string): bigint {
  return explicitHashKey !== undefined ? BigInt(explicitHashKey) : partitionKeyHash(partitionKey);
}
