// Realistic demo payloads for the playground, one generator per decoder the tail panel has: JSON
// sensor readings and clickstream events, KPL-aggregated orders, gzip CloudWatch Logs envelopes
// from a fake Lambda, DynamoDB change records, and binary telemetry frames.
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface DemoRecord {
  key: string;
  data: Buffer;
}

const SITES = ['plant-berlin', 'plant-austin', 'warehouse-osaka'];
const PAGES = ['/', '/search?q=boots', '/products/1042', '/products/2210', '/cart', '/checkout', '/account'];
const EVENTS = ['page_view', 'page_view', 'page_view', 'click', 'add_to_cart', 'purchase'];
const SKUS = ['BOOT-42', 'SOCK-07', 'HAT-11', 'COAT-03', 'BELT-19'];
const SENSORS = 12;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const json = (key: string, value: unknown): DemoRecord => ({ key, data: Buffer.from(JSON.stringify(value)) });

/** The n-th sensor reading: sensors take turns, so each reading of a tick is a different sensor. */
export function sensorReading(n: number): DemoRecord {
  const id = n % SENSORS;
  const sensor = `sensor-${String(id).padStart(3, '0')}`;
  const t = 20 + 6 * Math.sin(n / 80 + id) + Math.random();
  return json(sensor, {
    sensor_id: sensor,
    site: SITES[id % SITES.length],
    temperature: Math.round(t * 10) / 10,
    humidity: Math.round(40 + 10 * Math.random()),
    battery: Math.round((1 - (n % 1000) / 2000) * 100) / 100,
    status: t > 25.5 ? 'WARN' : 'OK',
    ts: new Date().toISOString(),
  });
}

export function clickEvent(n: number): DemoRecord {
  const user = `u${1000 + Math.floor(Math.random() * 60)}`;
  const type = pick(EVENTS);
  return json(user, {
    event_id: randomUUID(),
    type,
    user_id: user,
    session_id: `s-${user}-${Math.floor(n / 600)}`,
    path: pick(PAGES),
    ...(type === 'purchase' ? { amount: Math.round(Math.random() * 20000) / 100, currency: 'EUR' } : {}),
    device: Math.random() < 0.6 ? 'mobile' : 'desktop',
    ts: new Date().toISOString(),
  });
}

/** An order event; the KPL stream aggregates many of these into one Kinesis record. */
export function orderEvent(n: number): DemoRecord {
  const orderId = `o-${100000 + n}`;
  const lines = 1 + (n % 3);
  return json(orderId, {
    order_id: orderId,
    customer_id: `c-${2000 + (n % 97)}`,
    items: Array.from({ length: lines }, (_, i) => ({ sku: SKUS[(n + i) % SKUS.length], qty: 1 + ((n + i) % 4) })),
    total: Math.round((20 + (n % 50) * 3.7) * 100) / 100,
    currency: 'EUR',
    status: n % 17 === 0 ? 'PAYMENT_FAILED' : 'PLACED',
    ts: new Date().toISOString(),
  });
}

const LAMBDA = 'checkout-api';

/**
 * A CloudWatch Logs subscription envelope (gzip JSON) from a fake Lambda: one invocation's START,
 * application lines in the Lambda text form `<time>\t<request id>\t<LEVEL>\t<message>` (JSON or
 * plain), END and REPORT. Every 25th envelope is the CONTROL_MESSAGE CloudWatch sends as a health check.
 */
export function lambdaLogEnvelope(n: number): DemoRecord {
  const now = Date.now();
  const logStream = `2026/11/30/[$LATEST]${(n % 4).toString(16).padStart(32, 'a')}`;
  if (n % 25 === 0) {
    return { key: logStream, data: gzipSync(JSON.stringify({ messageType: 'CONTROL_MESSAGE', owner: 'CloudwatchLogs', logGroup: '', logStream: '', subscriptionFilters: [], logEvents: [{ id: '', timestamp: now, message: 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.' }] })) };
  }
  const request = randomUUID();
  const at = new Date(now).toISOString();
  const status = n % 9 === 0 ? 'WARN' : n % 31 === 0 ? 'ERROR' : 'INFO';
  const messages = [
    `START RequestId: ${request} Version: $LATEST`,
    `${at}\t${request}\tINFO\t${JSON.stringify({ level: 'info', msg: 'checkout started', cart_items: 1 + (n % 5), user_id: `u${1000 + (n % 60)}` })}`,
    `${at}\t${request}\t${status}\t${JSON.stringify({ level: status.toLowerCase(), status, msg: status === 'INFO' ? 'payment authorized' : 'payment provider slow', latency_ms: 80 + (n % 7) * 45 })}`,
    `END RequestId: ${request}`,
    `REPORT RequestId: ${request}\tDuration: ${(40 + (n % 13) * 7.3).toFixed(2)} ms\tBilled Duration: ${50 + (n % 13) * 8} ms\tMemory Size: 256 MB\tMax Memory Used: ${70 + (n % 20)} MB`,
  ];
  const envelope = {
    messageType: 'DATA_MESSAGE',
    owner: '123456789012',
    logGroup: `/aws/lambda/${LAMBDA}`,
    logStream,
    subscriptionFilters: ['to-kinesis'],
    // CloudWatch Logs event ids are 56-digit numbers.
    logEvents: messages.map((message, i) => ({ id: `${now}${Array.from(randomBytes(43), (b) => b % 10).join('')}`.slice(0, 56), timestamp: now + i, message })),
  };
  return { key: logStream, data: gzipSync(JSON.stringify(envelope)) };
}

/** A DynamoDB change record as Kinesis Data Streams for DynamoDB delivers it (typed attribute values). */
export function dynamoDbChange(n: number): DemoRecord {
  const id = `o-${100000 + (n % 40)}`;
  const eventName = n % 40 < 20 && n < 40 ? 'INSERT' : n % 11 === 0 ? 'REMOVE' : 'MODIFY';
  const image = (status: string) => ({ order_id: { S: id }, status: { S: status }, total: { N: String(20 + (n % 50) * 3) }, items: { L: [{ M: { sku: { S: SKUS[n % SKUS.length] }, qty: { N: String(1 + (n % 3)) } } }] } });
  return json(id, {
    awsRegion: 'eu-central-1',
    eventID: randomUUID(),
    eventName,
    userIdentity: null,
    recordFormat: 'application/json',
    tableName: 'Orders',
    dynamodb: {
      ApproximateCreationDateTime: Date.now(),
      Keys: { order_id: { S: id } },
      ...(eventName !== 'INSERT' ? { OldImage: image('PLACED') } : {}),
      ...(eventName !== 'REMOVE' ? { NewImage: image(eventName === 'INSERT' ? 'PLACED' : 'SHIPPED') } : {}),
      SizeBytes: 180,
    },
    eventSource: 'aws:dynamodb',
  });
}

/** A binary telemetry frame: a magic, a version, a little-endian timestamp and counter, then raw bytes. */
export function binaryFrame(n: number): DemoRecord {
  const head = Buffer.alloc(16);
  head.write('TLM1', 0, 'latin1');
  head.writeUInt16LE(2, 4);
  head.writeUInt16LE(n % 65536, 6);
  head.writeDoubleLE(Date.now(), 8);
  return { key: `device-${n % 5}`, data: Buffer.concat([head, randomBytes(24 + (n % 24))]) };
}
