// Partition key strategies (a fixed string, a random UUID per record, or a JSON field of each
// record), the text syntax the input box and the `kinesis.put.partitionKey` setting use, and the key checks.
import { randomUUID } from 'node:crypto';
import { parseJsonPath, type JsonPathSegment } from './partitionKeyJsonPath';

export type PartitionKeyStrategy =
  | { kind: 'fixed'; key: string }
  | { kind: 'uuid' }
  | { kind: 'jsonPath'; path: string; segments: JsonPathSegment[] };

/** What the user types for "a random UUID per record". */
export const UUID_KEY_TOKEN = '{uuid}';

/** Kinesis refuses partition keys longer than this. */
export const MAX_PARTITION_KEY_LENGTH = 256;

export type StrategyParse = { ok: true; strategy: PartitionKeyStrategy } | { ok: false; error: string };

/**
 * Reads the input box / setting syntax: `{uuid}` is a random UUID per record, `$.field` or
 * `$['field']` a JSON path into each record, anything else a fixed key used for every record.
 */
export function parsePartitionKeyInput(text: string): StrategyParse {
  if (text === UUID_KEY_TOKEN) return { ok: true, strategy: { kind: 'uuid' } };
  if (text.startsWith('$.') || text.startsWith('$[')) {
    const parsed = parseJsonPath(text);
    return parsed.ok ? { ok: true, strategy: { kind: 'jsonPath', path: text, segments: parsed.segments } } : { ok: false, error: parsed.error };
  }
  const problem = partitionKeyProblem(text);
  return problem ? { ok: false, error: problem } : { ok: true, strategy: { kind: 'fixed', key: text } };
}

/** For an input box's validateInput: a message, or undefined when the text is usable. */
export function validatePartitionKeyInput(text: string): string | undefined {
  const parsed = parsePartitionKeyInput(text);
  return parsed.ok ? undefined : parsed.error;
}

/** The strategy written back in the input syntax, e.g. to remember the last value. */
export function formatPartitionKeyStrategy(strategy: PartitionKeyStrategy): string {
  if (strategy.kind === 'uuid') return UUID_KEY_TOKEN;
  return strategy.kind === 'jsonPath' ? strategy.path : strategy.key;
}

/** One phrase for prompts and reports: 'fixed key "a"', 'a random UUID per record', 'field $.id'. */
export function describePartitionKeyStrategy(strategy: PartitionKeyStrategy): string {
  if (strategy.kind === 'uuid') return 'a random UUID per record';
  return strategy.kind === 'jsonPath' ? `the JSON field ${strategy.path} of each record` : `the fixed key "${strategy.key}"`;
}

/**
 * Length as Kinesis checks it. The API documents 256 "characters"; kinesis-local (like Java's
 * String.length) counts UTF-16 code units, so an emoji counts as two. We use the stricter count
 * so that no key we accept is refused by the service.
 */
export function partitionKeyLength(key: string): number {
  return key.length;
}

/** Why a partition key cannot be used, or undefined. */
export function partitionKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'Enter a partition key (1 to 256 characters), {uuid} for a random key per record, or a JSON path such as $.id.';
  const length = partitionKeyLength(key);
  if (length > MAX_PARTITION_KEY_LENGTH) {
    const astral = [...key].length !== length ? ' (characters outside the Basic Multilingual Plane, such as emoji, count as two)' : '';
    return `The partition key is ${length} characters long${astral}; Kinesis allows at most ${MAX_PARTITION_KEY_LENGTH}.`;
  }
  const lone = loneSurrogateAt(key);
  if (lone !== undefined) {
    const code = key.charCodeAt(lone).toString(16).toUpperCase();
    return `The partition key is not well-formed UTF-16: character ${lone + 1} is a lone surrogate (U+${code}). Kinesis would store "?" in its place and hash the key to another shard; remove it.`;
  }
  return undefined;
}

/** Index (UTF-16 code units) of the first surrogate without its pair, or undefined. */
export function loneSurrogateAt(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return undefined;
}

/** A fresh key for the uuid strategy. */
export function randomPartitionKey(): string {
  return randomUUID();
}
