import { strict as assert } from 'node:assert';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { BodyArena, type BodyRef, type ChunkPacker } from '../../../../src/tail/shared/byteArena';

describe('BodyArena', () => {
  it('packs each chunk once it is full and reads every entry back unchanged', () => {
    let packs = 0;
    const packer: ChunkPacker = { pack: (b) => (packs++, deflateRawSync(b, { level: 1 })), unpack: (p) => inflateRawSync(p) };
    const arena = new BodyArena(packer);
    const plain = new BodyArena();
    const refs: Array<{ ref: BodyRef; text: string }> = [];
    for (let i = 0; i < 12_000; i++) {
      const text = JSON.stringify({ i, note: `event ${i} é ✓`, pad: 'x'.repeat(i % 300) });
      refs.push({ ref: arena.put(text), text });
      plain.put(text);
    }
    assert.ok(packs >= 2, `packed ${packs} chunks`);
    assert.ok(arena.bytes * 2 < plain.bytes, `packed ${arena.bytes} bytes vs ${plain.bytes}`);
    // Out of order too: a read of another chunk in between must not mix them up.
    for (const { ref, text } of [...refs].reverse()) assert.equal(arena.get(ref.chunk, ref.offset, ref.length), text);
  });

  it('drops a packed chunk once none of its entries is left', () => {
    const arena = new BodyArena({ pack: (b) => deflateRawSync(b), unpack: (p) => inflateRawSync(p) });
    const refs = Array.from({ length: 5000 }, (_, i) => arena.putBytes(new Uint8Array(500).fill(i & 255)));
    const chunks = new Set(refs.map((r) => r.chunk));
    assert.ok(chunks.size >= 3);
    for (const r of refs.filter((x) => x.chunk === refs[0].chunk)) arena.release(r.chunk);
    assert.deepEqual([...arena.bytesAt(refs[0].chunk, refs[0].offset, 4)], [], 'the first chunk is gone');
    const last = refs[refs.length - 1];
    assert.deepEqual([...arena.bytesAt(last.chunk, last.offset, 3)], [4999 & 255, 4999 & 255, 4999 & 255]);
  });
});
