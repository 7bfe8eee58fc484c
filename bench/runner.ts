// Runs bench suites one after the other in this process: parses the flags, turns a suite that
// throws into a failed row, prints one table, writes bench-results.json and README's section.
// bench/run.ts runs every suite in bench/suites.ts; each suite file runs itself through runAlone().
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { machineNow, textTable, updateReadme, type Machine } from './report';
import type { BenchContext, BenchRow, BenchSuite } from './types';

/**
 * A full garbage collection, for memory figures that should count what is still held rather than
 * garbage V8 has not collected yet. Works without `node --expose-gc` (suites also run alone).
 */
export const fullGc: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export interface RunnerOptions {
  only?: string[];
  long: boolean;
  /** Where bench-results.json goes; README is updated only for a run of every suite by default. */
  json: string;
  readme: boolean;
  args: string[];
}

const USAGE = 'usage: npm run bench -- [--only a,b] [--long] [--json file] [--no-readme] [--readme] [suite args...]';

/** Runner flags first; anything else (and everything after a bare `--`) goes to the suites. */
export function parseRunnerArgs(argv: readonly string[]): RunnerOptions {
  const o: RunnerOptions = { long: false, json: resolve('bench-results.json'), readme: true, args: [] };
  let readmeSet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      o.args.push(...argv.slice(i + 1));
      break;
    } else if (a === '--only') o.only = (argv[++i] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--only=')) o.only = a.slice(7).split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--long') o.long = true;
    else if (a === '--json') o.json = resolve(argv[++i] ?? 'bench-results.json');
    else if (a === '--no-readme' || a === '--readme') {
      o.readme = a === '--readme';
      readmeSet = true;
    }
    else if (a === '--help' || a === '-h') throw new Error(USAGE);
    else o.args.push(a);
  }
  // A partial run should not replace the README's full table unless asked to.
  if (o.only && !readmeSet) o.readme = false;
  return o;
}

/** `--name value` from a suite's args, as a number; the fallback when absent. */
export function numberArg(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number, got "${args[i + 1] ?? ''}"`);
  return v;
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

export async function runSuite(suite: BenchSuite, ctx: BenchContext): Promise<BenchRow[]> {
  const started = Date.now();
  log(`${suite.name}: starting`);
  try {
    const rows = await suite.run(ctx);
    log(`${suite.name}: ${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return rows;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`${suite.name}: FAILED: ${e instanceof Error ? (e.stack ?? message) : message}`);
    return [{ group: suite.name, measure: 'suite failed', value: Number.NaN, unit: '', met: false, note: message.split('\n')[0] ?? message }];
  }
}

export async function runSuites(all: readonly BenchSuite[], argv: readonly string[]): Promise<number> {
  let opts: RunnerOptions;
  try {
    opts = parseRunnerArgs(argv);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const unknown = (opts.only ?? []).filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`unknown suite${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const chosen = opts.only ? all.filter((s) => opts.only?.includes(s.name)) : all;
  const before = machineNow();
  const started = Date.now();
  const ctx: BenchContext = { long: opts.long, log, args: opts.args };
  const rows: BenchRow[] = [];
  for (const suite of chosen) rows.push(...(await runSuite(suite, ctx)));
  const machine: Machine = { ...before, loadAfter: loadavg().map((n) => Math.round(n * 100) / 100) };
  console.log(textTable(rows));
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${chosen.length} suites in ${seconds} s; load average ${machine.loadBefore.join(' / ')} before, ${machine.loadAfter.join(' / ')} after`);
  writeFileSync(opts.json, `${JSON.stringify({ machine, long: opts.long, suites: chosen.map((s) => s.name), seconds, rows }, null, 2)}\n`);
  log(`wrote ${opts.json}`);
  if (opts.readme) {
    const readme = resolve('README.md');
    if (updateReadme(readme, rows, machine, chosen.map((s) => s.name), opts.long)) log(`updated ${readme} (Performance)`);
    else log(`README.md has no bench markers; left as is`);
  }
  return rows.some((r) => r.measure === 'suite failed') ? 1 : 0;
}

/** For a suite file run on its own: `node out/bench/decode.js [--long] [args]`. */
export function runAlone(suite: BenchSuite): void {
  void runSuites([suite], ['--no-readme', '--json', `bench-${suite.name}.json`, ...process.argv.slice(2)]).then((code) => {
    process.exitCode = code;
  });
}
