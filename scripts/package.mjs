// `npm run package`: builds the production bundles and dist/kinesis-explorer.vsix, then prints
// the package's size and every file in it, and fails when it is over the 2 MB budget. Tools run
// with their output shown, so a vsce refusal reads as vsce wrote it.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsix = join(root, 'dist', 'kinesis-explorer.vsix');
const BUDGET = 2 * 1024 * 1024;

const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run(process.execPath, ['esbuild.mjs', '--production']);
run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix]);

/** Entries of a zip file, read from its central directory (a .vsix is a zip). */
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${vsix} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${vsix}: bad central directory`);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const entries = zipEntries(readFileSync(vsix));
console.log(`\n${entries.length} files in ${vsix.slice(root.length + 1)}:`);
for (const e of entries.sort((a, b) => b.size - a.size)) console.log(`  ${kb(e.size).padStart(10)}  ${e.name}`);
const size = statSync(vsix).size;
console.log(`\n.vsix size: ${kb(size)} (budget ${kb(BUDGET)})`);
if (size > BUDGET) {
  console.error(`The .vsix is over its ${kb(BUDGET)} budget.`);
  process.exit(1);
}
