// Fills the playground's demo streams with realistic JSON events: IoT sensor readings on a
// 1-shard stream and clickstream events on a 4-shard stream.
import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { randomUUID } from 'node:crypto';

export const SENSOR_STREAM = 'demo-iot-sensors';
export const CLICK_STREAM = 'demo-clickstream';

const SITES = ['plant-berlin', 'plant-austin', 'warehouse-osaka'];
const PAGES = ['/', '/search?q=boots', '/products/1042', '/products/2210', '/cart', '/checkout', '/account'];
const EVENTS = ['page_view', 'page_view', 'page_view', 'click', 'add_to_cart', 'purchase'];

let tick = 0;

function sensorReading(): { key: string; event: object } {
  const n = tick % 12;
  const sensor = `sensor-${String(n).padStart(3, '0')}`;
  const t = 20 + 6 * Math.sin(tick / 40 + n) + Math.random();
  return {
    key: sensor,
    event: {
      sensor_id: sensor,
      site: SITES[n % SITES.length],
      temperature: Math.round(t * 10) / 10,
      humidity: Math.round(40 + 10 * Math.random()),
      battery: Math.round((1 - (tick % 500) / 1000) * 100) / 100,
      status: t > 25.5 ? 'WARN' : 'OK',
      ts: new Date().toISOString(),
    },
  };
}

function clickEvent(): { key: string; event: object } {
  const user = `u${1000 + Math.floor(Math.random() * 60)}`;
  const type = EVENTS[Math.floor(Math.random() * EVENTS.length)] ?? 'page_view';
  return {
    key: user,
    event: {
      event_id: randomUUID(),
      type,
      user_id: user,
      session_id: `s-${user}-${Math.floor(tick / 300)}`,
      path: PAGES[Math.floor(Math.random() * PAGES.length)],
      ...(type === 'purchase' ? { amount: Math.round(Math.random() * 20000) / 100, currency: 'EUR' } : {}),
      device: Math.random() < 0.6 ? 'mobile' : 'desktop',
      ts: new Date().toISOString(),
    },
  };
}

async function put(client: KinesisClient, stream: string, events: Array<{ key: string; event: object }>): Promise<void> {
  await client.send(new PutRecordsCommand({
    StreamName: stream,
    Records: events.map((e) => ({ PartitionKey: e.key, Data: Buffer.from(JSON.stringify(e.event)) })),
  }));
}

/** Produces until the signal aborts: about 4 sensor readings and 12 click events per second. */
export async function runProducer(client: KinesisClient, signal: AbortSignal, onError: (err: unknown) => void): Promise<void> {
  while (!signal.aborted) {
    tick++;
    try {
      await Promise.all([
        put(client, SENSOR_STREAM, Array.from({ length: 2 }, sensorReading)),
        put(client, CLICK_STREAM, Array.from({ length: 6 }, clickEvent)),
      ]);
    } catch (err) {
      if (!signal.aborted) onError(err);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
