// `npm run test:electron`: the same in-host suite through @vscode/test-electron, for machines
// that can download VS Code (not these: see ../shared/REAL-VSCODE-TESTS.md). Not part of npm test.
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './hostTools';
import { printEvent, readEvents, summarize } from './hostResults';
import { startKinesisLocal } from './kinesisLocal';

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'kinesis-electron-'));
  const resultFile = join(work, 'result.jsonl');
  const kinesis = await startKinesisLocal();
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: join(projectRoot, 'out', 'test', 'host', 'index'),
      launchArgs: [work, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { KINESIS_TEST_RESULT: resultFile, KINESIS_TEST_ENDPOINT: kinesis.endpoint, KINESIS_TEST_REGION: kinesis.region },
    }).catch((err: unknown) => console.error(`test-electron: ${err instanceof Error ? err.message : String(err)}`));
    const events = readEvents(resultFile);
    events.forEach(printEvent);
    return summarize(events, () => 'See the VS Code output above.');
  } finally {
    await kinesis.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
