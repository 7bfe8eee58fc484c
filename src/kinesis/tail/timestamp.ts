// Parses what a user types for an AT_TIMESTAMP start: an ISO-8601 instant, a local date-time,
// epoch seconds/milliseconds, or a relative time ("-15m", "2h ago"). Pure: `now` is passed in.
// Every accepted result is a valid date no later than now (plus the clock-skew margin).
import { CLOCK_SKEW_MARGIN_MS } from './position';

export type TimestampResult = { ok: true; date: Date } | { ok: false; error: string };

const HELP = 'Use an ISO-8601 instant (2026-11-23T10:00:00Z), a local date-time (2026-11-23 10:00) or a relative time (-15m, -2h, -1d).';

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Long unit names people type, mapped to the one-letter units above. */
const UNIT_ALIASES: Record<string, string> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
  w: 'w', week: 'w', weeks: 'w',
};

/** Years Kinesis can hold a record from: the service did not exist before 2013. */
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

/** Kinesis keeps records at most 365 days (8,760 hours); a relative time reaches no further. */
const MAX_RELATIVE_DAYS = 365;
const MAX_RELATIVE_MS = MAX_RELATIVE_DAYS * 86_400_000;

export function parseTimestamp(input: string, now: Date | number): TimestampResult {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const r = parseAny(input.trim(), nowMs);
  return r.ok ? notInFuture(r.date, nowMs) : r;
}

/**
 * Kinesis refuses a start after its own clock ("Timestamp cannot be in the future"); a few
 * seconds are allowed for this machine's clock being behind the server's.
 */
function notInFuture(date: Date, nowMs: number): TimestampResult {
  if (date.getTime() <= nowMs + CLOCK_SKEW_MARGIN_MS) return { ok: true, date };
  return fail(`${date.toISOString()} is in the future: Kinesis refuses a start time later than its own clock ("Timestamp cannot be in the future"), and it is now about ${new Date(nowMs).toISOString()}. Use a past time, or LATEST.`);
}

function parseAny(text: string, nowMs: number): TimestampResult {
  if (text === '') return fail(`Enter a start time. ${HELP}`);
  if (/^now$/i.test(text)) return ok(nowMs);
  if (/^[+-]/.test(text) || /\bago$/i.test(text)) return parseRelative(text, nowMs);
  if (/^\d{9,13}$/.test(text)) return parseEpoch(text);
  if (/^\d{4}-/.test(text)) return parseDateTime(text);
  return fail(`"${text}" is not a time. ${HELP}`);
}

function ok(ms: number): TimestampResult {
  const date = new Date(ms);
  // Never hand out an Invalid Date: toISOString() and the SDK would throw RangeError on it.
  if (!Number.isFinite(date.getTime())) return fail(`That time is out of range. ${HELP}`);
  return { ok: true, date };
}

function fail(error: string): TimestampResult {
  return { ok: false, error };
}

/** "-15m", "-1h30m", "- 2 hours", "15m ago", "1 day ago". Only the past: a tail cannot start later. */
function parseRelative(text: string, nowMs: number): TimestampResult {
  if (text.startsWith('+')) return fail('Relative times count back from now: write -15m (or "15m ago"), not +15m.');
  const body = (text.startsWith('-') ? text.slice(1) : text.replace(/\s*ago$/i, '')).trim();
  if (body === '') return fail(`Add an amount and a unit after "-", e.g. -15m. ${HELP}`);
  const part = /(\d+(?:\.\d+)?)\s*([a-z]*)\s*/giy;
  let total = 0;
  let consumed = 0;
  for (let m = part.exec(body); m !== null && m[0] !== ''; m = part.exec(body)) {
    const [, amount = '', rawUnit = ''] = m;
    const unit = UNIT_ALIASES[rawUnit.toLowerCase()];
    if (rawUnit === '') return fail(`"${amount}" needs a unit: s, m, h, d or w (e.g. -${amount}m).`);
    if (!unit) return fail(`Unknown unit "${rawUnit}": use s, m, h, d or w (e.g. -15m).`);
    total += Number(amount) * (UNIT_MS[unit] ?? 0);
    consumed = part.lastIndex;
  }
  if (consumed !== body.length) return fail(`"${text}" is not a relative time. ${HELP}`);
  if (total === 0) return fail('A relative time must be more than zero (e.g. -15m).');
  if (!(total <= MAX_RELATIVE_MS)) return fail(`"${text}" reaches back more than ${MAX_RELATIVE_DAYS} days, the longest Kinesis keeps a record: use TRIM_HORIZON for the oldest record, or a date.`);
  return ok(nowMs - total);
}

/** 10 digits are seconds, 13 are milliseconds (as ApproximateArrivalTimestamp shows them). */
function parseEpoch(text: string): TimestampResult {
  if (text.length === 10) return ok(Number(text) * 1000);
  if (text.length === 13) return ok(Number(text));
  return fail(`"${text}" looks like an epoch time but has ${text.length} digits: use 10 (seconds) or 13 (milliseconds).`);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function parseDateTime(text: string): TimestampResult {
  const m = DATE_TIME.exec(text);
  if (!m) return fail(`"${text}" is not a date-time. ${HELP}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const f = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s), ms: Number(frac.padEnd(3, '0').slice(0, 3)) };
  const range = checkRanges(f);
  if (range) return fail(range);
  if (zone !== undefined && m[4] === undefined) return fail('A time zone needs a time: write 2026-11-23T00:00Z.');
  if (zone === undefined) {
    const local = new Date(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms);
    return ok(local.getTime());
  }
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return fail(`Time zone "${zone}" is not valid: use Z or an offset such as +02:00.`);
  const utc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - offset * 60_000;
  return ok(utc);
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function checkRanges(f: Fields): string | undefined {
  if (f.year < MIN_YEAR || f.year > MAX_YEAR) return `Year ${f.year} is out of range (${MIN_YEAR}-${MAX_YEAR}).`;
  if (f.month < 1 || f.month > 12) return `Month ${f.month} is out of range (01-12).`;
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  if (f.day < 1 || f.day > daysInMonth) return `Day ${f.day} is out of range for ${f.year}-${String(f.month).padStart(2, '0')} (01-${daysInMonth}).`;
  if (f.hour > 23) return `Hour ${f.hour} is out of range (00-23).`;
  if (f.minute > 59) return `Minute ${f.minute} is out of range (00-59).`;
  if (f.second > 59) return `Second ${f.second} is out of range (00-59).`;
  return undefined;
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
