// `npm run bench`: every suite in bench/suites.ts, in order, in this one process; one table,
// bench-results.json (gitignored) and README's Performance section. Flags: bench/runner.ts.
import { runSuites } from './runner';
import { suites } from './suites';

void runSuites(suites, process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Suites close what they open; a stray handle must not keep a finished bench alive.
  setTimeout(() => process.exit(code), 2000).unref();
});
