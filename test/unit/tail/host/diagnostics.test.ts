import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIAGNOSTICS_ENV, HostDiagnostics, type HostFigures } from '../../../../src/tail/host/diagnostics';
import { eventually } from '../../../support/eventually';

describe('tail host diagnostics (KINESIS_EXPLORER_DIAGNOSTICS)', () => {
  it('is off unless the environment names a file', () => {
    assert.equal(HostDiagnostics.fromEnv({}), undefined);
  });

  it('writes event-loop delay, memory and what went to the webviews, and restarts on <file>.reset', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kx-diag-')), 'host.json');
    const diag = HostDiagnostics.fromEnv({ [DIAGNOSTICS_ENV]: file });
    assert.ok(diag);
    try {
      diag.countPost({ type: 'records', rows: [] });
      diag.countPost({ type: 'status', shards: [], paused: false, stopped: false, droppedByHost: 0 });
      const read = (): HostFigures | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HostFigures) : undefined);
      const first = await eventually(read, 'the figures file');
      assert.deepEqual(first.posts, { records: 1, status: 1 });
      assert.ok(first.rssMB > 0 && first.eventLoop.maxMs >= 0);
      assert.deepEqual(Object.keys(first).sort(), ['eventLoop', 'heapUsedMB', 'posts', 'rowsPosted', 'rssMB', 'shardStatusesPosted', 'windowMs', 'writtenAt'], 'numbers only');
      writeFileSync(`${file}.reset`, '');
      await eventually(() => !existsSync(`${file}.reset`) && read()?.posts.records === undefined, 'a new window');
    } finally {
      diag.dispose();
    }
  });
});
