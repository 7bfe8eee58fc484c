import { strict as assert } from 'node:assert';
import { CLOCK_SKEW_MARGIN_MS, describePosition } from '../../../../src/kinesis/tail/position';
import { parseTimestamp, type TimestampResult } from '../../../../src/kinesis/tail/timestamp';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

function ms(r: TimestampResult): number {
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.date.getTime();
}

function error(r: TimestampResult): string {
  assert.ok(!r.ok, `expected an error, got ${r.ok ? r.date.toISOString() : ''}`);
  return r.error;
}

describe('parseTimestamp', () => {
  describe('relative times', () => {
    const cases: [string, number][] = [
      ['-30s', 30_000],
      ['-15m', 15 * 60_000],
      ['-2h', 2 * 3_600_000],
      ['-1d', 86_400_000],
      ['-1w', 7 * 86_400_000],
      ['-1h30m', 90 * 60_000],
      ['- 2 hours', 2 * 3_600_000],
      ['-1.5h', 90 * 60_000],
      ['15m ago', 15 * 60_000],
      ['1 day ago', 86_400_000],
      ['  -10 min  ', 10 * 60_000],
    ];
    for (const [input, back] of cases) {
      it(`"${input}" is ${back} ms before now`, () => assert.equal(ms(parseTimestamp(input, NOW)), NOW - back));
    }

    it('takes now as a Date too', () => assert.equal(ms(parseTimestamp('-1m', new Date(NOW))), NOW - 60_000));

    it('rejects future relative times with a hint', () => assert.match(error(parseTimestamp('+15m', NOW)), /count back from now.*-15m/));
    it('asks for a unit', () => assert.match(error(parseTimestamp('-15', NOW)), /needs a unit/));
    it('names an unknown unit', () => assert.match(error(parseTimestamp('-15y', NOW)), /Unknown unit "y"/));
    it('rejects trailing junk', () => assert.match(error(parseTimestamp('-15m later', NOW)), /not a relative time/));
    it('rejects zero', () => assert.match(error(parseTimestamp('-0m', NOW)), /more than zero/));
    it('rejects a bare minus', () => assert.match(error(parseTimestamp('-', NOW)), /amount and a unit/));
  });

  describe('ISO-8601 instants', () => {
    it('reads Z', () => assert.equal(ms(parseTimestamp('2026-11-23T10:00:00Z', NOW)), Date.UTC(2026, 10, 23, 10)));
    it('reads milliseconds', () => assert.equal(ms(parseTimestamp('2026-11-23T10:00:00.123Z', NOW)), Date.UTC(2026, 10, 23, 10, 0, 0, 123)));
    it('reads offsets', () => {
      assert.equal(ms(parseTimestamp('2026-11-23T10:00:00+02:00', NOW)), Date.UTC(2026, 10, 23, 8));
      // 05:00, not 10:00: 15:30 UTC would be after NOW, a future start.
      assert.equal(ms(parseTimestamp('2026-11-23T05:00-0530', NOW)), Date.UTC(2026, 10, 23, 10, 30));
    });
    it('rejects a bad offset', () => assert.match(error(parseTimestamp('2026-11-23T10:00+25:00', NOW)), /Time zone/));
    it('rejects a zone without a time', () => assert.match(error(parseTimestamp('2026-11-23Z', NOW)), /needs a time/));
  });

  describe('local date-times', () => {
    it('reads "YYYY-MM-DD HH:mm" as local time', () => assert.equal(ms(parseTimestamp('2026-11-23 10:00', NOW)), new Date(2026, 10, 23, 10, 0).getTime()));
    it('reads seconds and a T', () => assert.equal(ms(parseTimestamp('2026-11-23T10:00:05', NOW)), new Date(2026, 10, 23, 10, 0, 5).getTime()));
    it('reads a date alone as local midnight', () => assert.equal(ms(parseTimestamp('2026-11-23', NOW)), new Date(2026, 10, 23).getTime()));
    it('checks the month', () => assert.match(error(parseTimestamp('2026-13-01 10:00', NOW)), /Month 13/));
    it('checks the day against the month', () => assert.match(error(parseTimestamp('2026-02-29 10:00', NOW)), /Day 29 is out of range for 2026-02 \(01-28\)/));
    // Parsed as of mid-2028: from NOW (2026) it would be a future start, refused below.
    it('accepts a leap day', () => assert.equal(ms(parseTimestamp('2028-02-29 00:00', Date.UTC(2028, 5, 1))), new Date(2028, 1, 29).getTime()));
    it('checks the hour and minute', () => {
      assert.match(error(parseTimestamp('2026-11-23 24:00', NOW)), /Hour 24/);
      assert.match(error(parseTimestamp('2026-11-23 10:60', NOW)), /Minute 60/);
    });
    it('rejects a malformed date', () => assert.match(error(parseTimestamp('2026-1-23 10:00', NOW)), /not a date-time/));
  });

  describe('other inputs', () => {
    it('reads epoch seconds and milliseconds', () => {
      assert.equal(ms(parseTimestamp('1795000000', NOW)), 1_795_000_000_000);
      assert.equal(ms(parseTimestamp('1795000000123', NOW)), 1_795_000_000_123);
    });
    it('rejects epoch numbers of other lengths', () => assert.match(error(parseTimestamp('17950000001', NOW)), /10 \(seconds\) or 13/));
    it('reads "now"', () => assert.equal(ms(parseTimestamp('now', NOW)), NOW));
    it('explains an empty input', () => assert.match(error(parseTimestamp('  ', NOW)), /Enter a start time.*ISO-8601.*-15m/));
    it('explains garbage', () => assert.match(error(parseTimestamp('yesterday', NOW)), /"yesterday" is not a time/));
  });

  describe('out of range: never an Invalid Date', () => {
    const tooFar = (input: string): string => `"${input}" reaches back more than 365 days, the longest Kinesis keeps a record: use TRIM_HORIZON for the oldest record, or a date.`;
    for (const input of ['-99999999w', '-9999999999999d', '-999999999999999999999s', '-100000d', '-366d', '-1e400s'.replace('e400', '0'.repeat(400))]) {
      it(`refuses ${input.length > 30 ? `${input.slice(0, 30)}…` : input}`, () => assert.equal(error(parseTimestamp(input, NOW)), tooFar(input)));
    }
    it('accepts 365 days back', () => assert.equal(ms(parseTimestamp('-365d', NOW)), NOW - 365 * 86_400_000));
    it('describes an AT_TIMESTAMP position without throwing, even for an Invalid Date', () => {
      assert.equal(describePosition({ type: 'AT_TIMESTAMP', timestamp: new Date(Number.NaN) }), 'AT_TIMESTAMP (invalid date)');
    });
  });

  describe('the future: Kinesis refuses it', () => {
    const future = (iso: string): string => `${iso} is in the future: Kinesis refuses a start time later than its own clock ("Timestamp cannot be in the future"), and it is now about 2026-11-23T12:00:00.000Z. Use a past time, or LATEST.`;
    it('refuses 2030-01-01T00:00:00Z', () => assert.equal(error(parseTimestamp('2030-01-01T00:00:00Z', NOW)), future('2030-01-01T00:00:00.000Z')));
    it("refuses tomorrow's epoch milliseconds", () => assert.equal(error(parseTimestamp(String(NOW + 86_400_000), NOW)), future('2026-11-24T12:00:00.000Z')));
    it('allows the clock-skew margin', () => {
      assert.equal(ms(parseTimestamp(String(NOW + CLOCK_SKEW_MARGIN_MS), NOW)), NOW + CLOCK_SKEW_MARGIN_MS);
      assert.equal(error(parseTimestamp(String(NOW + CLOCK_SKEW_MARGIN_MS + 1), NOW)), future(new Date(NOW + CLOCK_SKEW_MARGIN_MS + 1).toISOString()));
    });
  });
});
