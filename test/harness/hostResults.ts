// Reads the JSON-lines result stream written by test/host/index.ts and prints a mocha-style
// summary. Shared by the code-server runner and the test-electron runner.
import { existsSync, readFileSync } from 'node:fs';
import type { ResultEvent } from '../host/index';

export function readEvents(file: string): ResultEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ResultEvent);
}

export function printEvent(e: ResultEvent): void {
  if (e.event === 'start') console.log(`  running inside VS Code ${e.vscodeVersion ?? '?'} (extension host on Node ${e.nodeVersion ?? '?'})`);
  else if (e.event === 'pass') console.log(`  ✔ ${e.title} (${e.duration ?? 0}ms)`);
  else if (e.event === 'fail') console.log(`  ✘ ${e.title}`);
  else if (e.event === 'pending') console.log(`  - ${e.title}`);
}

/** Prints the summary and returns the exit code: non-zero on failures, a crash, or no passing test. */
export function summarize(events: ResultEvent[], diagnostics: () => string): number {
  const crash = events.find((e) => e.event === 'crash');
  const end = events.find((e) => e.event === 'end');
  const fails = events.filter((e) => e.event === 'fail');
  const passes = events.filter((e) => e.event === 'pass').length;
  const pending = events.filter((e) => e.event === 'pending').length;
  console.log(`\n  ${passes} passing (${end?.stats?.duration ?? 0}ms)`);
  if (pending) console.log(`  ${pending} pending`);
  if (fails.length) console.log(`  ${fails.length} failing`);
  fails.forEach((f, i) => console.log(`\n  ${i + 1}) ${f.title}\n     ${(f.error ?? '').split('\n').join('\n     ')}`));
  if (crash) {
    console.error(`\nThe host test entry crashed: ${crash.error}\n${diagnostics()}`);
    return 1;
  }
  if (!end) {
    console.error(`\nThe host tests never reported their end.\n${diagnostics()}`);
    return 1;
  }
  if (passes === 0) {
    console.error('\nNo host test passed: treating an empty run as a failure.');
    return 1;
  }
  return fails.length > 0 ? 1 : 0;
}
