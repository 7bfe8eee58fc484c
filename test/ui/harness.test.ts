import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../harness/hostTools';

describe('host harness', () => {
  it('fails loudly when VS Code never reports a test result', async function () {
    this.timeout(150_000);
    const runner = join(projectRoot, 'out', 'test', 'harness', 'runHost.js');
    const child = spawn(process.execPath, [runner], {
      env: { ...process.env, KINESIS_TEST_ENTRY: join(projectRoot, 'out', 'test', 'harness', 'fixtures', 'silentEntry'), KINESIS_HOST_START_TIMEOUT_MS: '20000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1, `runner should exit 1, output:\n${output}`);
    assert.match(output, /did not start the host tests within 20 s/);
  });
});
