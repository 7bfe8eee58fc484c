// Locates, and installs when missing, what the real-VS-Code layers need: Debian Chromium (for the
// tests that drive a browser), and Node 24 + code-server in the host cache (.vscode-test/host, or $KINESIS_HOST_CACHE). Every
// entry point that launches Chromium or code-server goes through here first, so `npm test` and
// `npm start` work on a machine that has none of it. The install is scripts/install-host.sh.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '..', '..', '..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const installScript = join(projectRoot, 'scripts', 'install-host.sh');

export interface HostTools {
  nodeBin: string;
  codeServer: string;
}

export function hostCacheDir(): string {
  return process.env.KINESIS_HOST_CACHE ?? join(projectRoot, '.vscode-test', 'host');
}

function install(args: string[]): void {
  execFileSync('bash', [installScript, ...args], { stdio: 'inherit' });
}

/** Debian Chromium, installed on first use. */
export function ensureChromium(): string {
  if (!existsSync(chromiumPath)) install(['chromium']);
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing: ${chromiumPath} (apt-get install chromium)`);
  return chromiumPath;
}

/** Node 24 and code-server, installed on first use (Chromium is ensureChromium's: `npm start` needs none). */
export function ensureHostTools(): HostTools {
  const host = hostCacheDir();
  const tools = { nodeBin: join(host, 'node', 'bin'), codeServer: join(host, 'cs', 'node_modules', '.bin', 'code-server') };
  if (!existsSync(join(host, '.installed-4.139.1-node24'))) install(['host']);
  if (!existsSync(tools.codeServer)) throw new Error(`code-server is missing after install: ${tools.codeServer}`);
  return tools;
}
