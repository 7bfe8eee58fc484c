// Input checks for the manage-stream prompts, written for validateInput as the user types:
// stream names, shard counts, retention hours, the shard counts UpdateShardCount allows, delete confirmation.
import type { Result } from '../result';


export const MAX_STREAM_NAME_LENGTH = 128;
export const MIN_RETENTION_HOURS = 24;
export const MAX_RETENTION_HOURS = 8_760;
/** UpdateShardCount refuses to scale a stream above this many shards. */
export const MAX_SHARDS_PER_STREAM_UPDATE = 10_000;

/** A message, or undefined when `name` is a valid stream name (1-128 of [a-zA-Z0-9_.-]). */
export function validateStreamName(name: string): string | undefined {
  if (name.length === 0) return 'Enter a stream name: letters, digits, "_", "." and "-".';
  const length = [...name].length;
  if (length > MAX_STREAM_NAME_LENGTH) return `A stream name has at most ${MAX_STREAM_NAME_LENGTH} characters; this one has ${length}.`;
  let column = 0;
  for (const ch of name) {
    column++;
    if (!/^[a-zA-Z0-9_.-]$/.test(ch)) return `${describeChar(ch)} (position ${column}) is not allowed in a stream name: use letters a-z and A-Z, digits, "_", "." and "-".`;
  }
  return undefined;
}

function describeChar(ch: string): string {
  if (ch === ' ') return 'A space';
  if (ch === '\t') return 'A tab';
  if (/\s/.test(ch)) return `A blank character (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
  return `"${ch}"`;
}

interface CountRules {
  what: string;
  min: number;
  max?: number;
  /** Explains the upper bound, e.g. "your account's shard limit (500, 20 open)". */
  maxReason?: string;
}

/** Shared integer parsing with a specific message for each way it can be wrong. */
function parseCount(text: string, rules: CountRules): Result<number, string> {
  const t = text.trim();
  if (t === '') return { ok: false, error: `Enter ${rules.what}.` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, error: `"${t}" is not a number; enter ${rules.what} as digits, e.g. ${rules.min === 0 ? 1 : rules.min * 2}.` };
  if (value < 0) return { ok: false, error: `${capitalize(rules.what)} cannot be negative.` };
  if (value === 0 && rules.min > 0) return { ok: false, error: `${capitalize(rules.what)} must be at least ${rules.min}; 0 is not allowed.` };
  if (!Number.isInteger(value)) return { ok: false, error: `${capitalize(rules.what)} must be a whole number, not ${t}.` };
  if (!/^\+?\d+$/.test(t)) return { ok: false, error: `Enter ${rules.what} as plain digits, e.g. ${value}.` };
  if (value < rules.min) return { ok: false, error: `${capitalize(rules.what)} must be at least ${rules.min}.` };
  if (rules.max !== undefined && value > rules.max) return { ok: false, error: `${capitalize(rules.what)} must be at most ${rules.max}${rules.maxReason ? `: ${rules.maxReason}` : ''}.` };
  return { ok: true, value };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface ShardCountLimit {
  /** Shards this account can still open in the region (DescribeLimits: ShardLimit - OpenShardCount). */
  available?: number;
  shardLimit?: number;
  openShardCount?: number;
}

/** The bound used when DescribeLimits could not be read: no stream may have more shards. */
export const MAX_SHARDS_PER_STREAM = 10_000;
export const LIMIT_UNKNOWN_REASON = `the account's shard limit could not be read (DescribeLimits failed), and ${MAX_SHARDS_PER_STREAM} is the most shards a stream can have`;

/**
 * The shard count of a new provisioned stream: a positive integer within the account's free
 * shards, and never above MAX_SHARDS_PER_STREAM (the bound that holds when the limit is unknown).
 */
export function parseShardCount(text: string, limit: ShardCountLimit = {}): Result<number, string> {
  const rules: CountRules = { what: 'the shard count', min: 1, max: MAX_SHARDS_PER_STREAM, maxReason: LIMIT_UNKNOWN_REASON };
  if (limit.available !== undefined && limit.available < MAX_SHARDS_PER_STREAM) {
    rules.max = Math.max(0, limit.available);
    rules.maxReason = limit.shardLimit !== undefined ? `the account's shard limit in this region is ${limit.shardLimit} and ${limit.openShardCount ?? limit.shardLimit - limit.available} shards are open` : 'that is what the account can still open in this region';
  } else if (limit.available !== undefined) {
    rules.maxReason = `${MAX_SHARDS_PER_STREAM} is the most shards a stream can have`;
  }
  return parseCount(text, rules);
}

export function validateShardCount(text: string, limit: ShardCountLimit = {}): string | undefined {
  const r = parseShardCount(text, limit);
  return r.ok ? undefined : r.error;
}

export function parseRetentionHours(text: string): Result<number, string> {
  return parseCount(text, { what: 'the retention in hours', min: MIN_RETENTION_HOURS, max: MAX_RETENTION_HOURS, maxReason: '8,760 hours is 365 days' });
}

export function validateRetentionHours(text: string): string | undefined {
  const r = parseRetentionHours(text);
  return r.ok ? undefined : r.error;
}

export interface ShardCountRange {
  current: number;
  /** ceil(current / 2): UpdateShardCount cannot go below half the open shards. */
  min: number;
  /** 2 x current, capped by the per-stream maximum and the account's free shards. */
  max: number;
  /** Values for a quick pick: every one when few, else the 25% steps AWS recommends. */
  offered: number[];
}

/** The targets UpdateShardCount accepts from `current` open shards ("up to double, down to half"). */
export function shardCountTargets(current: number, limit: ShardCountLimit = {}): ShardCountRange {
  if (!Number.isInteger(current) || current < 1) throw new RangeError(`open shard count must be a positive integer, got ${current}`);
  const min = Math.ceil(current / 2);
  let max = Math.min(current * 2, Math.max(current, MAX_SHARDS_PER_STREAM_UPDATE));
  if (limit.available !== undefined) max = Math.max(current, Math.min(max, current + Math.max(0, limit.available)));
  const offered = max - min <= 40 ? range(min, max) : [...new Set([min, ...[0.5, 0.75, 1.25, 1.5, 1.75, 2].map((f) => Math.round(current * f)), max])].filter((v) => v >= min && v <= max).sort((a, b) => a - b);
  return { current, min, max, offered: offered.filter((v) => v !== current) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function parseTargetShardCount(text: string, r: ShardCountRange): Result<number, string> {
  const parsed = parseCount(text, { what: 'the target shard count', min: 1 });
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v === r.current) return { ok: false, error: `The stream already has ${r.current} open shards; choose another count.` };
  if (v < r.min) return { ok: false, error: `UpdateShardCount can go down to half the open shards at most: from ${r.current}, the lowest target is ${r.min}.` };
  if (v > r.max) {
    const why = v <= r.current * 2 && v <= MAX_SHARDS_PER_STREAM_UPDATE ? "it is what the account's shard limit leaves free" : `UpdateShardCount can at most double the open shards (${r.current})`;
    return { ok: false, error: `The highest target is ${r.max}: ${why}.` };
  }
  return { ok: true, value: v };
}

export function validateTargetShardCount(text: string, r: ShardCountRange): string | undefined {
  const parsed = parseTargetShardCount(text, r);
  return parsed.ok ? undefined : parsed.error;
}

/** The delete confirmation box: the user must type the stream name exactly. */
export function validateDeleteConfirmation(typed: string, streamName: string): string | undefined {
  if (typed === streamName) return undefined;
  if (typed.trim() === streamName) return 'Remove the spaces: type the stream name exactly.';
  return `Type "${streamName}" to confirm the deletion.`;
}
