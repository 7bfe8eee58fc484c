import assert from 'node:assert/strict';
import { compactJsonPreview } from '../../../../src/tail/shared/jsonPreview';
import { parseJsonExact } from '../../../../src/tail/shared/exactJson';

describe('compact JSON preview', () => {
  it('shows every field of a typical event on one line, long strings shortened in the middle', () => {
    const event = { id: '3f2a61c0-9b1e-4c5d-8a7f-0e1d2c3b8d2e', user_id: 'u42', temperature: 71.5, ok: true, tags: ['a', 'b'], where: { site: 'plant-1' } };
    assert.equal(compactJsonPreview(event, 200), '{id: "3f2a61c0-9…3b8d2e", user_id: "u42", temperature: 71.5, ok: true, tags: ["a", "b"], where: {site: "plant-1"}}');
  });

  it('summarizes long arrays and deep nesting, quotes odd keys, keeps exact numbers', () => {
    assert.equal(compactJsonPreview([1, 2, 3, 4, 5, 6], 200), '[1, 2, 3, 4, …+2]');
    assert.equal(compactJsonPreview({ a: { b: { c: { d: { e: 1 } } } } }, 200), '{a: {b: {c: {d: {…}}}}}');
    assert.equal(compactJsonPreview({ 'a b': 1, '': 2 }, 200), '{"a b": 1, "": 2}');
    assert.equal(compactJsonPreview(parseJsonExact('{"big":12345678901234567890}'), 200), '{big: 12345678901234567890}');
  });

  it('stops at the length and leaves top-level primitives to the plain text', () => {
    const long = compactJsonPreview(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])), 50) ?? '';
    assert.equal(long.length, 50);
    assert.ok(long.endsWith('…'));
    assert.equal(compactJsonPreview('text', 200), undefined);
    assert.equal(compactJsonPreview(5, 200), undefined);
  });
});
