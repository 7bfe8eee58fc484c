// `npm start`: the product at work with no AWS account. Starts kinesis-local with two demo
// streams fed by a producer, packages the extension, installs it into a throwaway code-server
// connected to that endpoint, prints the URL, and stops everything cleanly on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createKinesisClient } from '../src/kinesis/client';
import { startCodeServer, type CodeServer } from '../test/harness/codeServer';
import { projectRoot } from '../test/harness/hostTools';
import { startKinesisLocal, type KinesisLocal } from '../test/harness/kinesisLocal';
import { CLICK_STREAM, SENSOR_STREAM, runProducer } from './demoProducer';

function log(message: string): void {
  console.log(`[playground] ${message}`);
}

async function main(): Promise<void> {
  const vsix = join(projectRoot, 'dist', 'kinesis-explorer.vsix');
  log('packaging the extension…');
  execFileSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: projectRoot, stdio: 'ignore' });

  let kinesis: KinesisLocal | undefined;
  let cs: CodeServer | undefined;
  const producing = new AbortController();
  let producer: Promise<void> | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    producing.abort();
    await producer?.catch(() => undefined);
    await cs?.stop().catch(() => undefined);
    await kinesis?.stop().catch(() => undefined);
    log('stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    kinesis = await startKinesisLocal({ initializeStreams: `${SENSOR_STREAM}:1,${CLICK_STREAM}:4`, createDuration: '500ms' });
    log(`kinesis-local on ${kinesis.endpoint} with streams ${SENSOR_STREAM} (1 shard) and ${CLICK_STREAM} (4 shards)`);
    const client = createKinesisClient({ region: kinesis.region, endpoint: kinesis.endpoint, credentials: kinesis.credentials });
    await new Promise((r) => setTimeout(r, 1500)); // let INITIALIZE_STREAMS settle to ACTIVE
    producer = runProducer(client, producing.signal, (err) => log(`producer: ${(err as Error).message}`)).finally(() => client.destroy());

    cs = await startCodeServer({
      installVsix: [vsix],
      port: process.env.PORT ? Number(process.env.PORT) : undefined,
      settings: {
        'kinesis.connections': [{ name: 'Playground (kinesis-local)', endpoint: kinesis.endpoint, region: kinesis.region }],
      },
    });
    log(`VS Code with Kinesis Explorer is ready. Open this URL in your browser:\n\n    ${cs.url()}\n`);
    log('Press Ctrl-C to stop.');
  } catch (err) {
    console.error(err);
    await stop(1);
  }
}

void main();
