// Measures what exact JSON numbers cost the decoder: native JSON.parse (the decoder before exact
// numbers) against parseJsonExact on typical payloads (the fast path: one regex scan, then
// JSON.parse) and on payloads with big numbers (the slow path: lossless-json), plus the writer.
// Run: npm run compile-tests && node out/bench/decodeCost.js
import { decodePayload } from '../src/kinesis/decode';
import { parseJsonExact, stringifyJson } from '../src/kinesis/decode/exactJson';

function payload(i: number, big: boolean): string {
  return JSON.stringify({
    orderId: `ORD-${i}`, customer: { id: 1000 + i, name: `Customer ${i}`, tier: i % 3 === 0 ? 'gold' : 'silver' },
    items: [{ sku: 'A-1', qty: 2, price: 12.5 }, { sku: 'B-7', qty: 1, price: 3.99 }],
    total: 28.99, currency: 'EUR', createdAt: '2026-11-30T00:00:00.000Z', ts: 1795000000000 + i,
    ...(big ? { traceId: 0 } : {}),
  }).replace('"traceId":0', `"traceId":${12345678901234567890n + BigInt(i)}`);
}

type Case = [label: string, fn: (i: number) => unknown];

/** Runs the cases interleaved, round after round, and keeps each one's best: a noisy machine slows all alike. */
function measure(n: number, cases: Case[], rounds = 7): number[] {
  for (const [, fn] of cases) for (let i = 0; i < 20_000; i++) fn(i); // warm-up
  const best = cases.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    cases.forEach(([, fn], k) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn(i);
      best[k] = Math.min(best[k] ?? Number.POSITIVE_INFINITY, Number(process.hrtime.bigint() - t) / n);
    });
  }
  cases.forEach(([label], k) => console.log(`${label.padEnd(58)} ${((best[k] ?? 0) / 1000).toFixed(2).padStart(7)} µs/record`));
  return best;
}

const N = 100_000;
const typical = Array.from({ length: 1000 }, (_, i) => payload(i, false));
const withBig = Array.from({ length: 1000 }, (_, i) => payload(i, true));
const typicalBytes = typical.map((t) => Buffer.from(t));
const bigBytes = withBig.map((t) => Buffer.from(t));
console.log(`payload ~${typical[0]?.length ?? 0} characters, ${N} records per case and round, best of 7 interleaved rounds`);
const [before = 1, fast = 1, slow = 1, decodeFast = 1, decodeSlow = 1] = measure(N, [
  ['JSON.parse (the decoder before)', (i) => JSON.parse(typical[i % 1000] ?? '')],
  ['parseJsonExact, no long digit run (fast path)', (i) => parseJsonExact(typical[i % 1000] ?? '')],
  ['parseJsonExact, with a 20-digit integer (slow path)', (i) => parseJsonExact(withBig[i % 1000] ?? '')],
  ['decodePayload, typical JSON (fast path)', (i) => decodePayload(typicalBytes[i % 1000] ?? Buffer.alloc(0))],
  ['decodePayload, JSON with a 20-digit integer (slow path)', (i) => decodePayload(bigBytes[i % 1000] ?? Buffer.alloc(0))],
]);
const values = typical.map((t) => JSON.parse(t) as unknown);
const exactValues = withBig.map((t) => parseJsonExact(t));
const [sBefore = 1, sFast = 1, sSlow = 1] = measure(N, [
  ['JSON.stringify (before)', (i) => JSON.stringify(values[i % 1000])],
  ['stringifyJson, no exact number', (i) => stringifyJson(values[i % 1000])],
  ['stringifyJson, with an exact number', (i) => stringifyJson(exactValues[i % 1000])],
]);
console.log(`parse: fast path ${(fast / before).toFixed(2)}x JSON.parse, slow path ${(slow / before).toFixed(2)}x; decodePayload slow/fast ${(decodeSlow / decodeFast).toFixed(2)}x`);
console.log(`stringify: fast ${(sFast / sBefore).toFixed(2)}x JSON.stringify, exact ${(sSlow / sBefore).toFixed(2)}x`);
