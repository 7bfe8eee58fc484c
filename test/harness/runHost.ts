// `npm run test:host`: runs the in-host mocha suite inside a real VS Code (code-server's
// extension host) driven by headless Chromium. Starts kinesis-local for the tests, waits for the
// result stream, prints a mocha-style summary, and exits non-zero on failures, on a crash, or if
// VS Code never starts the tests (a silent pass is impossible: zero tests is a failure).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { projectRoot } from './hostTools';
import { printEvent, readEvents, summarize } from './hostResults';
import { startKinesisLocal, type KinesisLocal } from './kinesisLocal';

const START_TIMEOUT_MS = Number(process.env.KINESIS_HOST_START_TIMEOUT_MS ?? 180_000);
const TOTAL_TIMEOUT_MS = Number(process.env.KINESIS_HOST_TIMEOUT_MS ?? 20 * 60_000);

/** The tail of the extension host's logs, printed when the run fails to start or crashes. */
function extHostLog(cs: CodeServer): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/exthost/i.test(p) && entry.name.endsWith('.log')) found.push(p);
    }
  };
  walk(join(cs.userDataDir, 'logs'));
  return found.map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-60).join('\n')}`).join('\n');
}

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'kinesis-host-'));
  const resultFile = join(work, 'result.jsonl');
  let kinesis: KinesisLocal | undefined;
  let cs: CodeServer | undefined;
  const browser = await launchChromium();
  try {
    kinesis = await startKinesisLocal();
    const server = await startCodeServer({
      env: {
        KINESIS_TEST_RESULT: resultFile,
        KINESIS_TEST_ENDPOINT: kinesis.endpoint,
        KINESIS_TEST_REGION: kinesis.region,
        ...(process.env.KINESIS_TEST_GREP ? { KINESIS_TEST_GREP: process.env.KINESIS_TEST_GREP } : {}),
      },
    });
    cs = server;
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[workbench] ${e.message}`));
    const url = server.url([
      ['extensionDevelopmentPath', server.remoteUri(projectRoot)],
      ['extensionTestsPath', server.remoteUri(process.env.KINESIS_TEST_ENTRY ?? join(projectRoot, 'out', 'test', 'host', 'index'))],
    ]);
    console.log(`host tests: VS Code at ${server.base}, kinesis-local at ${kinesis.endpoint}`);
    await page.goto(url);

    const started = Date.now();
    let printed = 0;
    for (;;) {
      const events = readEvents(resultFile);
      for (const e of events.slice(printed)) printEvent(e);
      printed = events.length;
      const end = events.find((e) => e.event === 'end' || e.event === 'crash');
      if (end) return summarize(events, () => extHostLog(server));
      const elapsed = Date.now() - started;
      if (events.length === 0 && elapsed > START_TIMEOUT_MS) {
        console.error(`\nVS Code did not start the host tests within ${START_TIMEOUT_MS / 1000} s.\n${server.output()}\n${extHostLog(server)}`);
        return 1;
      }
      if (elapsed > TOTAL_TIMEOUT_MS) {
        console.error(`\nHost tests did not finish within ${TOTAL_TIMEOUT_MS / 1000} s.\n${extHostLog(server)}`);
        return 1;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await browser.close().catch(() => undefined);
    await cs?.stop().catch(() => undefined);
    await kinesis?.stop().catch(() => undefined);
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
