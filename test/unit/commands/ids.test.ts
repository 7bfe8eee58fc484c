import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds } from '../../../src/commands/ids';

describe('command ids', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string }> } };
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();

  it('names exactly the commands package.json contributes', () => {
    assert.deepEqual(Object.values(CommandIds).sort(), contributed);
  });

  it('uses camelCase keys and kinesis. ids, each id once', () => {
    for (const [key, id] of Object.entries(CommandIds)) {
      assert.match(key, /^[a-z][A-Za-z]*$/, key);
      assert.match(id, /^kinesis\./, id);
    }
    assert.equal(new Set(Object.values(CommandIds)).size, Object.values(CommandIds).length);
  });
});
