// Locates (and, if missing, installs) the cached test host: Node 24 + code-server under
// .vscode-test/host, and Debian Chromium. The install itself is scripts/install-host.sh.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '..', '..', '..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface HostTools {
  nodeBin: string;
  codeServer: string;
}

export function ensureHostTools(): HostTools {
  const host = join(projectRoot, '.vscode-test', 'host');
  const tools = { nodeBin: join(host, 'node', 'bin'), codeServer: join(host, 'cs', 'node_modules', '.bin', 'code-server') };
  if (!existsSync(tools.codeServer) || !existsSync(chromiumPath)) {
    execFileSync('bash', [join(projectRoot, 'scripts', 'install-host.sh')], { stdio: 'inherit' });
  }
  if (!existsSync(tools.codeServer)) throw new Error(`code-server is missing after install: ${tools.codeServer}`);
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing: ${chromiumPath} (apt-get install chromium)`);
  return tools;
}
