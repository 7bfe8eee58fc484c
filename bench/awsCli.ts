// The AWS CLI drain loop, a user's point of comparison: `aws kinesis get-records --limit 10000`
// per shard until the stream is read. Installs Debian's awscli when `aws` is missing and this
// process may (root, apt-get present); otherwise the drain suite reports it as skipped.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { KinesisLocal } from '../test/harness/kinesisLocal';

const run = promisify(execFile);

export type CliDrain = { ok: true; seconds: number; version: string } | { ok: false; reason: string };

async function cliVersion(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run('aws', ['--version'], { timeout: 30_000 });
    return `${stdout}${stderr}`.trim().split(' ')[0];
  } catch {
    return undefined;
  }
}

let installTried = false;

async function ensureCli(log: (line: string) => void): Promise<string | { reason: string }> {
  const have = await cliVersion();
  if (have) return have;
  if (installTried) return { reason: 'aws not found and the install failed earlier' };
  installTried = true;
  if (process.getuid?.() !== 0) return { reason: 'aws not found; install awscli (apt-get install awscli) to include it' };
  log('aws CLI not found: apt-get install -y awscli');
  try {
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'awscli'], { timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (e) {
    return { reason: `apt-get install awscli failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
  }
  return (await cliVersion()) ?? { reason: 'awscli installed but aws does not run' };
}

export async function awsCliDrain(local: KinesisLocal, streamName: string, expected: number, log: (line: string) => void): Promise<CliDrain> {
  const version = await ensureCli(log);
  if (typeof version !== 'string') return { ok: false, reason: version.reason };
  const env = { ...process.env, AWS_ACCESS_KEY_ID: local.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: local.credentials.secretAccessKey, AWS_DEFAULT_REGION: local.region, AWS_PAGER: '' };
  const aws = async (args: string[]): Promise<Record<string, unknown>> => {
    const { stdout } = await run('aws', ['--endpoint-url', local.endpoint, '--output', 'json', 'kinesis', ...args], { env, maxBuffer: 512 * 1024 * 1024, timeout: 300_000 });
    return JSON.parse(stdout) as Record<string, unknown>;
  };
  try {
    const started = performance.now();
    const shards = ((await aws(['list-shards', '--stream-name', streamName])).Shards as { ShardId: string }[]).map((s) => s.ShardId);
    let records = 0;
    await Promise.all(
      shards.map(async (shard) => {
        let it = (await aws(['get-shard-iterator', '--stream-name', streamName, '--shard-id', shard, '--shard-iterator-type', 'TRIM_HORIZON'])).ShardIterator as string | undefined;
        while (it && records < expected) {
          const out = await aws(['get-records', '--limit', '10000', '--shard-iterator', it]);
          const got = (out.Records as { Data: string }[] | undefined) ?? [];
          for (const r of got) JSON.parse(Buffer.from(r.Data, 'base64').toString());
          records += got.length;
          if (got.length === 0 && !out.MillisBehindLatest) break;
          it = out.NextShardIterator as string | undefined;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    log(`aws CLI drain ${streamName}: ${records} records in ${seconds.toFixed(1)} s`);
    return { ok: true, seconds, version };
  } catch (e) {
    return { ok: false, reason: `aws CLI loop failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
  }
}
