// Runs the test layers in order (`npm run test:<layer>`), streams their output, and prints a
// per-layer table of mocha's counts. A layer that fails, or that ran no test, fails the run.
// The last line is the plain "N passed, N failed" total.
import { spawn } from 'node:child_process';

const layers = process.argv.slice(2);
if (layers.length === 0) {
  console.error('usage: node scripts/test-layers.mjs <layer>...');
  process.exit(2);
}

function runLayer(layer) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', `test:${layer}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const forward = (stream) => (chunk) => {
      stream.write(chunk);
      tail = (tail + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code) => {
      // Mocha prints one summary per run; the last one is this layer's.
      const count = (word) => {
        const all = [...tail.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
        return all.length ? Number(all[all.length - 1][1]) : 0;
      };
      resolve({ layer, code: code ?? 1, passed: count('passing'), failed: count('failing'), pending: count('pending'), seconds: (Date.now() - started) / 1000 });
    });
  });
}

const results = [];
for (const layer of layers) {
  console.log(`\n━━━ ${layer} ━━━`);
  results.push(await runLayer(layer));
}

console.log('\nlayer         passed  failed  pending  seconds  result');
let ok = true;
for (const r of results) {
  const empty = r.passed === 0;
  const good = r.code === 0 && r.failed === 0 && !empty;
  ok &&= good;
  const verdict = good ? 'ok' : empty ? 'FAILED (no test ran)' : `FAILED (exit ${r.code})`;
  console.log(`${r.layer.padEnd(12)} ${String(r.passed).padStart(7)} ${String(r.failed).padStart(7)} ${String(r.pending).padStart(8)} ${r.seconds.toFixed(0).padStart(8)}  ${verdict}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
// A layer that exited non-zero without mocha counting a failure (a crash) still counts as one.
const failed = results.reduce((n, r) => n + (r.failed || (r.code !== 0 || r.passed === 0 ? 1 : 0)), 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
