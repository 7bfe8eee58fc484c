import { strict as assert } from 'node:assert';
import { deflateSync, gzipSync } from 'node:zlib';
import { expandRecord } from '../../../../src/kinesis/decode';
import type { DecodeOptions, Decoded, UserRecord } from '../../../../src/kinesis/decode';
import { aggregateWithProducer, kplBody, kplFrame, seededRandom } from './fixtures';

const ITERATIONS = 100_000;
const OPTS: DecodeOptions = { maxDecompressedBytes: 64 * 1024, maxHexBytes: 1024 };
const KINDS = new Set(['json', 'text', 'binary']);

/** Reproduce a failure with DECODE_FUZZ_SEED=<seed printed by the failing run>. */
const seed = process.env.DECODE_FUZZ_SEED ? Number(process.env.DECODE_FUZZ_SEED) : Date.now() % 2 ** 32;

async function buildCorpus(): Promise<Buffer[]> {
  const json = Buffer.from(JSON.stringify({ id: 7, tags: ['a', 'b'], nested: { ok: true, n: -1.5e3 } }));
  const cloudWatch = gzipSync(
    JSON.stringify({
      messageType: 'DATA_MESSAGE',
      logGroup: 'g',
      logStream: 's',
      logEvents: [{ id: '1', timestamp: 1, message: '{"a":1}' }],
    }),
  );
  const dynamo = Buffer.from(
    JSON.stringify({ eventSource: 'aws:dynamodb', eventName: 'INSERT', dynamodb: { Keys: { pk: { S: 'x' } }, NewImage: { n: { N: '1' }, l: { L: [{ SS: ['a'] }] } } } }),
  );
  const [kpl] = await aggregateWithProducer([
    { partitionKey: 'a', explicitHashKey: '1', data: json },
    { partitionKey: 'b', data: gzipSync('text inside gzip inside KPL') },
    { partitionKey: 'a', data: Buffer.from([0, 1, 2, 3]) },
    { partitionKey: 'c', explicitHashKey: '2', data: cloudWatch },
  ]);
  // Each inflates to 40 KiB: one fits the 64 KiB fuzz cap, two together do not (shared budget).
  const [kplOfZips] = await aggregateWithProducer(
    ['x', 'y', 'z'].map((k) => ({ partitionKey: k, data: gzipSync(Buffer.alloc(40 * 1024, k.charCodeAt(0))) })),
  );
  return [
    json,
    dynamo,
    Buffer.from('plain log line ✓\n'),
    gzipSync(json),
    deflateSync('zlib text '.repeat(20)),
    cloudWatch,
    kpl.data,
    kplOfZips.data,
    gzipSync(Buffer.alloc(1024 * 1024)), // a bomb for the fuzz cap: 1 MiB of zeros vs a 64 KiB cap
    gzipSync(Buffer.alloc(100 * 1024, 0x61)), // just over the cap, where an off-by-a-factor cap would show
  ];
}

type Rand = () => number;
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);
const randomBytes = (rand: Rand, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(rand, 256)));

function mutate(rand: Rand, base: Buffer): Buffer {
  const out = Buffer.from(base);
  switch (int(rand, 7)) {
    case 0: // bit flips
      for (let i = 1 + int(rand, 8); i > 0 && out.length > 0; i--) out[int(rand, out.length)] ^= 1 << int(rand, 8);
      return out;
    case 1: // truncation
      return out.subarray(0, int(rand, out.length + 1));
    case 2: {
      // insertion
      const at = int(rand, out.length + 1);
      return Buffer.concat([out.subarray(0, at), randomBytes(rand, 1 + int(rand, 16)), out.subarray(at)]);
    }
    case 3: // random bytes after a magic number
      return Buffer.concat([out.subarray(0, Math.min(out.length, 4)), randomBytes(rand, int(rand, 200))]);
    case 4: // overwrite a run with 0xff (endless varints, huge lengths)
      out.fill(0xff, int(rand, out.length), int(rand, out.length + 1));
      return out;
    case 5: // concatenation of two inputs
      return Buffer.concat([out, out.subarray(int(rand, out.length + 1))]);
    default: // pure noise
      return randomBytes(rand, int(rand, 300));
  }
}

/** KPL mutations only reach the protobuf reader if the checksum still matches: re-frame half of them. */
function mutateKpl(rand: Rand, kpl: Buffer): Buffer {
  if (rand() < 0.5) return mutate(rand, kpl);
  return kplFrame(mutate(rand, kplBody(kpl)));
}

function checkDecoded(d: Decoded): void {
  assert.ok(KINDS.has(d.kind), `kind ${String(d.kind)}`);
  assert.ok(d.layers.length >= 1 && d.layers.at(-1) === d.kind, `layers ${d.layers.join(',')} end in ${d.kind}`);
  assert.ok(Number.isInteger(d.size) && d.size >= 0);
  const compressed = d.layers.includes('gzip') || d.layers.includes('zlib');
  if (compressed) assert.ok(d.size <= (OPTS.maxDecompressedBytes ?? 0), `decompressed ${d.size} bytes past the cap`);
  if (d.kind === 'binary') {
    assert.ok((d.hex ?? '').split('\n').length <= (OPTS.maxHexBytes ?? 0) / 16 + 1, 'hex dump past its cap');
  }
}

function checkExpansion(input: Buffer, out: UserRecord[]): void {
  assert.ok(out.length >= 1);
  let decompressed = 0;
  for (const rec of out) {
    assert.ok(rec.data.length <= input.length);
    assert.equal(typeof rec.partitionKey, 'string');
    assert.ok(rec.explicitHashKey === undefined || typeof rec.explicitHashKey === 'string');
    checkDecoded(rec.decoded);
    if (rec.decoded.layers.includes('gzip') || rec.decoded.layers.includes('zlib')) decompressed += rec.decoded.size;
  }
  assert.ok(decompressed <= (OPTS.maxDecompressedBytes ?? 0), `a record decompressed ${decompressed} bytes in total`);
}

describe('decode: fuzz', () => {
  it(`never throws and respects the caps on ${ITERATIONS} random and mutated inputs`, async function () {
    this.timeout(120_000);
    console.log(`      decode fuzz seed: ${seed} (rerun with DECODE_FUZZ_SEED=${seed})`);
    const corpus = await buildCorpus();
    const kpls = new Set([corpus[6], corpus[7]]);
    const rand = seededRandom(seed);
    let lastInput: Buffer = Buffer.alloc(0);
    let i = 0;
    try {
      for (; i < ITERATIONS; i++) {
        const base = corpus[int(rand, corpus.length)];
        lastInput = kpls.has(base) ? mutateKpl(rand, base) : mutate(rand, base);
        checkExpansion(lastInput, expandRecord({ data: lastInput, partitionKey: 'fuzz' }, OPTS));
      }
    } catch (e) {
      const hex = lastInput.subarray(0, 256).toString('hex');
      throw new Error(`fuzz failed at iteration ${i} with seed ${seed}; input (first 256 bytes) ${hex}: ${String(e)}`, { cause: e });
    }
  });
});
