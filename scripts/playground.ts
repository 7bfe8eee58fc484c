// `npm start`: the product at work with no AWS account. Packages the extension, starts
// kinesis-local with one demo stream per decoder and a producer that keeps them filling, installs
// the .vsix into a throwaway code-server connected to that endpoint, and prints the URL. Ctrl-C
// (SIGINT) or SIGTERM stops the producer, code-server and kinesis-local, and leaves nothing running.
import { DescribeStreamSummaryCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKinesisClient } from '../src/kinesis/client';
import { startCodeServer, type CodeServer } from '../test/harness/codeServer';
import { projectRoot } from '../test/harness/hostTools';
import { startKinesisLocal, type KinesisLocal } from '../test/harness/kinesisLocal';
import { DEMO_STREAMS, initializeStreams, runProducer } from './demo/producer';

export const PLAYGROUND_CONNECTION = 'Playground (kinesis-local)';

function log(message: string): void {
  console.log(`[playground] ${message}`);
}

/** Waits until kinesis-local has made every demo stream ACTIVE (INITIALIZE_STREAMS creates them in the background). */
async function waitForStreams(client: KinesisClient): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const stream of DEMO_STREAMS) {
    for (;;) {
      const status = await client.send(new DescribeStreamSummaryCommand({ StreamName: stream.name })).then(
        (r) => r.StreamDescriptionSummary?.StreamStatus,
        (e: Error) => e.name,
      );
      if (status === 'ACTIVE') break;
      if (Date.now() > deadline) throw new Error(`demo stream ${stream.name} is not ACTIVE after 60 s (last: ${status})`);
      await sleep(200);
    }
  }
}

/** PORT from the environment: a port number, or undefined for a free one. */
function portFromEnv(): number | undefined {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number from 1 to 65535 (got "${raw}")`);
  return port;
}

async function main(): Promise<void> {
  let kinesis: KinesisLocal | undefined;
  let cs: CodeServer | undefined;
  let client: KinesisClient | undefined;
  const producing = new AbortController();
  let producer: Promise<void> | undefined;
  let stopping = false;
  // The workbench opens a throwaway folder holding the sample producer document.
  const workspace = mkdtempSync(join(tmpdir(), 'kinesis-playground-'));
  cpSync(join(projectRoot, 'samples', 'orders.kinesis'), join(workspace, 'orders.kinesis'));

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    producing.abort();
    await producer?.catch(() => undefined);
    client?.destroy();
    await cs?.stop().catch(() => undefined);
    await kinesis?.stop().catch(() => undefined);
    rmSync(workspace, { recursive: true, force: true });
    log('stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const port = portFromEnv();
    log('packaging the extension (npm run package)…');
    const vsix = join(projectRoot, 'dist', 'kinesis-explorer.vsix');
    execFileSync(process.execPath, [join(projectRoot, 'scripts', 'package.mjs')], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });

    kinesis = await startKinesisLocal({ initializeStreams: initializeStreams(), createDuration: '500ms' });
    client = createKinesisClient({ region: kinesis.region, endpoint: kinesis.endpoint, credentials: kinesis.credentials });
    await waitForStreams(client);
    log(`kinesis-local on ${kinesis.endpoint} with demo streams:`);
    for (const s of DEMO_STREAMS) log(`  ${s.name.padEnd(24)} ${String(s.shards).padStart(2)} shard${s.shards === 1 ? ' ' : 's'}  ${s.about}`);
    const producerClient = client;
    producer = runProducer(producerClient, producing.signal, (err) => log(`producer: ${(err as Error).message}`));

    cs = await startCodeServer({
      installVsix: [vsix],
      port,
      workspace,
      // A person uses this workbench: notifications must pop up, so no smoke-test driver.
      smokeTestDriver: false,
      settings: {
        'kinesis.connections': [{ name: PLAYGROUND_CONNECTION, endpoint: kinesis.endpoint, region: kinesis.region }],
      },
    });
    log(`VS Code with Kinesis Explorer is ready. Open this URL in your browser:\n\n    ${cs.url()}\n`);
    log('Press Ctrl-C to stop.');
  } catch (err) {
    console.error(`[playground] failed: ${err instanceof Error ? err.message : String(err)}`);
    await stop(1);
  }
}

void main();
