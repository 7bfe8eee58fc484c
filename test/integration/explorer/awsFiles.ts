// Test helper: a temporary AWS config/credentials pair, with AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE pointing at it and the ambient AWS_* variables cleared (they would
// add an "Environment" connection); restore() puts the environment back and removes the files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempAwsFiles {
  dir: string;
  configFile: string;
  credentialsFile: string;
  paths: { configFile: string; credentialsFile: string };
  /** Rewrites the files (e.g. to test the watcher). */
  write(config: string, credentials?: string): void;
  restore(): void;
}

const AMBIENT = [
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_KINESIS', 'HOME',
];

export interface TempAwsOptions {
  /** Applied after clearing, e.g. { AWS_PROFILE: 'dev' }. */
  env?: Record<string, string>;
  /** Point HOME into the temp dir, so the SSO token cache (~/.aws/sso/cache) is empty. */
  isolateHome?: boolean;
}

export function useTempAwsFiles(config: string, credentials = '', opts: TempAwsOptions = {}): TempAwsFiles {
  const dir = mkdtempSync(join(tmpdir(), 'kinesis-explorer-aws-'));
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  const saved = new Map(AMBIENT.map((k) => [k, process.env[k]]));
  const write = (c: string, cr = credentials) => {
    writeFileSync(configFile, c);
    writeFileSync(credentialsFile, cr);
  };
  write(config, credentials);
  for (const k of AMBIENT) delete process.env[k];
  process.env.AWS_CONFIG_FILE = configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsFile;
  if (saved.get('HOME') !== undefined) process.env.HOME = saved.get('HOME');
  if (opts.isolateHome) process.env.HOME = dir;
  Object.assign(process.env, opts.env ?? {});
  return {
    dir,
    configFile,
    credentialsFile,
    paths: { configFile, credentialsFile },
    write,
    restore() {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
