// Test entry loaded by the extension host (extensionTestsPath). Runs every out/test/host/**/*.test.js
// with mocha and streams the results as JSON lines to the file named by KINESIS_TEST_RESULT,
// because nothing reports an in-host run back to the page in code-server.
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface ResultEvent {
  event: 'start' | 'pass' | 'fail' | 'pending' | 'end' | 'crash';
  title?: string;
  duration?: number;
  error?: string;
  vscodeVersion?: string;
  nodeVersion?: string;
  stats?: { passes: number; failures: number; pending: number; tests: number; duration: number };
}

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

export function run(): Promise<void> {
  const resultFile = process.env.KINESIS_TEST_RESULT;
  const emit = (e: ResultEvent) => {
    if (resultFile) appendFileSync(resultFile, `${JSON.stringify(e)}\n`);
  };
  if (resultFile) writeFileSync(resultFile, '');

  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.KINESIS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTests(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const vscodeVersion = (require('vscode') as { version: string }).version;
      emit({ event: 'start', vscodeVersion, nodeVersion: process.version });
      const runner = mocha.run((failures) => {
        emit({ event: 'end', stats: { passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? failures, pending: runner.stats?.pending ?? 0, tests: runner.stats?.tests ?? 0, duration: runner.stats?.duration ?? 0 } });
        if (failures > 0) reject(new Error(`${failures} host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => emit({ event: 'pass', title: t.fullTitle(), duration: t.duration }));
      runner.on('fail', (t, err: Error) => emit({ event: 'fail', title: t.fullTitle(), error: `${err.message}\n${err.stack ?? ''}` }));
      runner.on('pending', (t) => emit({ event: 'pending', title: t.fullTitle() }));
    } catch (err) {
      emit({ event: 'crash', error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
