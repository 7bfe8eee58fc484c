// The contract between `npm run bench` (bench/run.ts) and each suite. A suite measures its subject
// and a baseline in the same run, on the same machine, and reports rows; the runner prints one
// table, writes bench-results.json and rewrites the README's Performance table from it.

export interface BenchRow {
  /** The suite's area, e.g. "drain", "decode", "api", "scale", "webview", "find", "activation". */
  group: string;
  /** What was measured, e.g. "StreamTail vs bare GetRecords loop, 8 shards, 100,000 records". */
  measure: string;
  /** The subject's figure, in `unit`. */
  value: number;
  unit: string;
  /** The figure measured for the baseline in the same run, when there is one. */
  baseline?: { label: string; value: number };
  /** value / baseline (or baseline / value for "lower is better"); what targets are stated against. */
  ratio?: number;
  /** The target as written in the issue, e.g. ">= 0.95x" or "p99 < 50 ms". */
  target?: string;
  /** Whether the target was met; undefined when the row has no target. */
  met?: boolean;
  /** One line of context: load average, profile finding, why a target was missed. */
  note?: string;
}

export interface BenchContext {
  /** --long: the full sizes (may take far longer than the default 10-minute budget). */
  long: boolean;
  /** Prints a progress line (to stderr, so the table stays clean). */
  log(line: string): void;
  /** Extra per-suite arguments after `--`, e.g. `npm run bench -- --only drain --records 50000`. */
  args: readonly string[];
}

export interface BenchSuite {
  /** Short name used by `--only`. */
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
