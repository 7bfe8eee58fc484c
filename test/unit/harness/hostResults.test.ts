import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvents, summarize } from '../../harness/hostResults';
import type { ResultEvent } from '../../host/index';

describe('host result summary', () => {
  const quiet = <T>(fn: () => T): T => {
    const [log, error] = [console.log, console.error];
    console.log = console.error = () => undefined;
    try {
      return fn();
    } finally {
      [console.log, console.error] = [log, error];
    }
  };
  const end: ResultEvent = { event: 'end', stats: { passes: 1, failures: 0, pending: 0, tests: 1, duration: 5 } };

  it('passes only when tests passed and the run ended', () => {
    assert.equal(quiet(() => summarize([{ event: 'start' }, { event: 'pass', title: 't' }, end], () => '')), 0);
  });

  it('fails a run with a failing test', () => {
    assert.equal(quiet(() => summarize([{ event: 'pass', title: 'a' }, { event: 'fail', title: 'b', error: 'x' }, end], () => '')), 1);
  });

  it('fails a run in which no test ran', () => {
    assert.equal(quiet(() => summarize([{ event: 'start' }, { ...end, stats: { passes: 0, failures: 0, pending: 0, tests: 0, duration: 0 } }], () => '')), 1);
  });

  it('fails a run that never reported its end, or crashed', () => {
    assert.equal(quiet(() => summarize([{ event: 'start' }, { event: 'pass', title: 'a' }], () => '')), 1);
    assert.equal(quiet(() => summarize([{ event: 'pass', title: 'a' }, { event: 'crash', error: 'boom' }], () => '')), 1);
  });

  it('reads the JSON-lines stream, and nothing from a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kx-results-'));
    try {
      const file = join(dir, 'r.jsonl');
      assert.deepEqual(readEvents(file), []);
      writeFileSync(file, `${JSON.stringify({ event: 'start' })}\n${JSON.stringify({ event: 'pass', title: 'x' })}\n`);
      assert.deepEqual(readEvents(file).map((e) => e.event), ['start', 'pass']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
