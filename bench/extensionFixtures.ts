// The two extensions the activation suite installs into code-server, built from the packaged
// .vsix: Kinesis Explorer with a timing shim as its `main` (it requires dist/extension.js, calls
// its activate() and appends the load and activate() durations, wall and CPU, to a file), and an empty
// extension with one activity-bar view and a one-item tree, timed by the same shim.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EMPTY_TITLE = 'Bench Empty';

function shim(id: string, target: string, out: string): string {
  return `// Written by bench/extensionFixtures.ts: times loading and activating ${target}.
const { performance } = require('perf_hooks');
const cpuMs = (since) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
const t0 = performance.now();
const c0 = process.cpuUsage();
const ext = require(${JSON.stringify(target)});
const loadMs = performance.now() - t0;
const loadCpuMs = cpuMs(c0);
exports.activate = async function (context) {
  const a = performance.now();
  const c = process.cpuUsage();
  const api = await ext.activate(context);
  const activateMs = performance.now() - a;
  const activateCpuMs = cpuMs(c);
  require('fs').appendFileSync(${JSON.stringify(out)}, JSON.stringify({ id: ${JSON.stringify(id)}, loadMs, activateMs, loadCpuMs, activateCpuMs, at: Date.now() }) + '\\n');
  return api;
};
exports.deactivate = function () { return ext.deactivate && ext.deactivate(); };
`;
}

const EMPTY_MAIN = `const vscode = require('vscode');
exports.activate = function (context) {
  const item = new vscode.TreeItem('empty');
  context.subscriptions.push(vscode.window.registerTreeDataProvider('benchEmpty.tree', { getChildren: () => [item], getTreeItem: (i) => i }));
};
`;

function zipDir(dir: string, vsix: string): void {
  execFileSync('zip', ['-q', '-r', '-X', vsix, '.'], { cwd: dir });
}

/** Returns the two .vsix files and where their timings are written (one JSON line per activation). */
export function buildFixtures(kinesisVsix: string): { kinesis: string; empty: string; timings: string } {
  const root = mkdtempSync(join(tmpdir(), 'kinesis-bench-activation-'));
  const timings = join(root, 'activations.jsonl');
  writeFileSync(timings, '');
  const k = join(root, 'kinesis');
  mkdirSync(k);
  execFileSync('unzip', ['-q', kinesisVsix, '-d', k]);
  const pkgPath = join(k, 'extension', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { main: string };
  writeFileSync(join(k, 'extension', 'bench-timing.js'), shim('kinesis', `./${pkg.main.replace(/^\.\//, '')}`, timings));
  pkg.main = './bench-timing.js';
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  const kinesis = join(root, 'kinesis-timed.vsix');
  zipDir(k, kinesis);

  const e = join(root, 'empty');
  mkdirSync(join(e, 'extension'), { recursive: true });
  cpSync(join(k, '[Content_Types].xml'), join(e, '[Content_Types].xml'));
  // The manifest's assets (readme, licence, icon) keep their names; the code is replaced.
  for (const f of readdirSync(join(k, 'extension'))) {
    if (!['package.json', 'dist', 'bench-timing.js'].includes(f)) cpSync(join(k, 'extension', f), join(e, 'extension', f), { recursive: true });
  }
  const manifest = readFileSync(join(k, 'extension.vsixmanifest'), 'utf8')
    .replace(/<Identity [^>]*\/>/, '<Identity Language="en-US" Id="bench-empty" Version="0.0.1" Publisher="bench" />')
    .replace(/<DisplayName>[^<]*<\/DisplayName>/, `<DisplayName>${EMPTY_TITLE}</DisplayName>`);
  writeFileSync(join(e, 'extension.vsixmanifest'), manifest);
  writeFileSync(join(e, 'extension', 'real.js'), EMPTY_MAIN);
  writeFileSync(join(e, 'extension', 'bench-timing.js'), shim('empty', './real.js', timings));
  writeFileSync(join(e, 'extension', 'package.json'), JSON.stringify({
    name: 'bench-empty', displayName: EMPTY_TITLE, publisher: 'bench', version: '0.0.1', license: 'MIT', engines: { vscode: '^1.90.0' },
    main: './bench-timing.js', activationEvents: [],
    contributes: {
      viewsContainers: { activitybar: [{ id: 'benchEmpty', title: EMPTY_TITLE, icon: 'media/kinesis.svg' }] },
      views: { benchEmpty: [{ id: 'benchEmpty.tree', name: 'Empty' }] },
    },
  }, null, 2));
  const empty = join(root, 'empty.vsix');
  zipDir(e, empty);
  return { kinesis, empty, timings };
}
