// Turns bench rows into what people read: the one table printed by `npm run bench`, the machine
// it ran on, and README.md's Performance section (rewritten between two marker comments).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchRow } from './types';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  loadBefore: number[];
  loadAfter: number[];
  node: string;
  commit: string;
  date: string;
}

export function machineNow(): Omit<Machine, 'loadAfter'> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout (an unpacked copy): the table still stands, without a commit.
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadBefore: loadavg().map(round2),
    node: process.version,
    commit,
    date: new Date().toISOString(),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A figure with sensible precision: 0.953, 12.4, 1,234. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1000) return String(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

const HEADERS = ['group', 'measure', 'value', 'baseline', 'ratio', 'target', 'met'];

function cells(r: BenchRow): string[] {
  const baseline = r.baseline ? `${formatNumber(r.baseline.value)} (${r.baseline.label})` : '';
  const met = r.met === undefined ? '' : r.met ? 'yes' : 'NO';
  return [r.group, r.measure, `${formatNumber(r.value)} ${r.unit}`.trim(), baseline, r.ratio === undefined ? '' : `${formatNumber(r.ratio)}×`, r.target ?? '', met];
}

/** The console table: aligned columns, notes on their own indented line. */
export function textTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((r, i) => {
    out.push(line(body[i] ?? []));
    if (r.note) out.push(`    ${r.note}`);
  });
  return out.join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function machineLine(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, load average ${m.loadBefore.join(' / ')} before and ${m.loadAfter.join(' / ')} after, commit ${m.commit}, ${m.date.slice(0, 16).replace('T', ' ')} UTC`;
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const out = [`| ${HEADERS.join(' | ')} | note |`, `|${HEADERS.map(() => '---').join('|')}|---|`];
  for (const r of rows) out.push(`| ${[...cells(r), r.note ?? ''].map(escapeCell).join(' | ')} |`);
  return out.join('\n');
}

export const BEGIN = '<!-- bench:begin (written by npm run bench; edit bench/report.ts instead) -->';
export const END = '<!-- bench:end -->';
/** A `--long` run has a section of its own, so the default table and the full sizes both stay. */
export const LONG_BEGIN = '<!-- bench-long:begin (written by npm run bench -- --long; edit bench/report.ts instead) -->';
export const LONG_END = '<!-- bench-long:end -->';

/**
 * Rewrites README's table between the markers (the `--long` section for a long run, added after
 * the default one the first time). A partial run (`--only`) keeps the other groups' rows out of
 * it rather than inventing them: the section says which suites ran.
 */
export function updateReadme(path: string, rows: readonly BenchRow[], machine: Machine, suites: readonly string[], long: boolean): boolean {
  let text = readFileSync(path, 'utf8');
  const [begin, end] = long ? [LONG_BEGIN, LONG_END] : [BEGIN, END];
  if (long && !text.includes(LONG_BEGIN)) {
    const after = text.indexOf(END);
    if (after < 0) return false;
    const at = after + END.length;
    text = `${text.slice(0, at)}\n\n${LONG_BEGIN}\n${LONG_END}${text.slice(at)}`;
  }
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < start) return false;
  const section = [
    begin,
    `Measured by \`npm run bench\`${long ? ' --long' : ''} (suites: ${suites.join(', ')}) on ${machineLine(machine)}.`,
    'Every ratio compares the subject with a baseline measured in the same run (1.00× = as fast as the baseline).',
    '',
    markdownTable(rows),
    end,
  ].join('\n');
  writeFileSync(path, text.slice(0, start) + section + text.slice(stop + end.length));
  return true;
}
