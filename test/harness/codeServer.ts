// Starts code-server (real VS Code server + web workbench) on a free loopback port with a
// throwaway user-data and extensions dir, and stops its whole process group afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureHostTools } from './hostTools';
import { freePort } from './ports';

export interface CodeServerOptions {
  /** Folder opened in the workbench. A temp folder when absent. */
  workspace?: string;
  /** User settings.json contents (merged over quiet defaults). */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and its extension host. */
  env?: Record<string, string>;
  /** VSIX files installed into the throwaway extensions dir before start. */
  installVsix?: string[];
  /** Fixed port; a free one when absent. */
  port?: number;
  /**
   * Start with VS Code's smoke-test driver (default true). Tests need it: without it the built
   * workbench ignores a development payload. It also hides notification toasts, so the
   * playground, which a person uses, runs without it.
   */
  smokeTestDriver?: boolean;
}

export interface CodeServer {
  port: number;
  base: string;
  workspace: string;
  userDataDir: string;
  /** Workbench URL, optionally with a development payload (extensionDevelopmentPath etc.). */
  url(payload?: Array<[string, string]>): string;
  /** vscode-remote URI for a path on this machine, as the payload needs. */
  remoteUri(path: string): string;
  /** Last lines of server output, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) killGroup(child);
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const tools = ensureHostTools();
  const root = mkdtempSync(join(tmpdir(), 'kinesis-cs-'));
  const userDataDir = join(root, 'ud');
  const extensionsDir = join(root, 'ext');
  const workspace = opts.workspace ?? join(root, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${tools.nodeBin}:${process.env.PATH ?? ''}`, ...opts.env };
  // The server must not inherit the test runner's Node options (e.g. source-map hooks).
  delete env.NODE_OPTIONS;

  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of opts.installVsix ?? []) {
    await runToEnd(tools.codeServer, [...common, '--install-extension', vsix], env);
  }

  const port = opts.port ?? (await freePort());
  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', ...common,
    ...(opts.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']), workspace,
  ];
  const child = spawn(tools.codeServer, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 90_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`code-server did not answer on port ${port} within 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    base,
    workspace,
    userDataDir,
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    url(payload) {
      const q = new URLSearchParams({ folder: workspace });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${base}/?${q.toString()}`;
    },
    output: () => out,
    async stop() {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child), 5000);
      await exited;
      clearTimeout(timer);
      live.delete(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}
