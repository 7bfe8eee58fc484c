// README's Performance section as `npm run bench` rewrites it: the default run's table and a
// `--long` run's table each keep their own marked section.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEGIN, END, LONG_BEGIN, LONG_END, updateReadme, type Machine } from '../../../bench/report';
import type { BenchRow } from '../../../bench/types';

const machine: Machine = { cpus: 2, cpuModel: 'Test CPU', memoryGB: 4, loadBefore: [1, 1, 1], loadAfter: [2, 2, 2], node: 'v20.0.0', commit: 'abc1234', date: '2026-11-30 07:00 UTC' };
const row = (measure: string, value: number): BenchRow => ({ group: 'drain', measure, value, unit: 'records/s' });

describe('bench report: README sections', () => {
  let dir = '';
  let readme = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    readme = join(dir, 'README.md');
    writeFileSync(readme, `# Title\n\n## Performance\n\n${BEGIN}\nold table\n${END}\n\n## After\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a default run replaces only its own table', () => {
    assert.equal(updateReadme(readme, [row('default drain', 6000)], machine, ['drain'], false), true);
    const text = readFileSync(readme, 'utf8');
    assert.doesNotMatch(text, /old table/);
    assert.match(text, /default drain/);
    assert.match(text, /## After/);
    assert.equal(text.includes(LONG_BEGIN), false, 'no long section until a long run');
  });

  it('a long run adds its section after the default one, then replaces it; the default table stays', () => {
    updateReadme(readme, [row('default drain', 6000)], machine, ['drain'], false);
    updateReadme(readme, [row('long drain one', 7000)], machine, ['drain'], true);
    updateReadme(readme, [row('long drain two', 7100)], machine, ['drain'], true);
    const text = readFileSync(readme, 'utf8');
    assert.match(text, /default drain/);
    assert.doesNotMatch(text, /long drain one/);
    assert.equal(text.split(LONG_BEGIN).length, 2, 'one long section');
    assert.ok(text.indexOf(END) < text.indexOf(LONG_BEGIN) && text.indexOf(LONG_BEGIN) < text.indexOf('long drain two') && text.indexOf('long drain two') < text.indexOf(LONG_END));
    assert.match(text, /`npm run bench` --long \(suites: drain\)/);
    assert.ok(text.indexOf(LONG_END) < text.indexOf('## After'));
  });

  it('leaves a README without the markers alone', () => {
    writeFileSync(readme, '# No markers\n');
    assert.equal(updateReadme(readme, [row('x', 1)], machine, ['drain'], true), false);
    assert.equal(readFileSync(readme, 'utf8'), '# No markers\n');
  });
});
