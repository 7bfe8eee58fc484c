// Consumers against kinesis-local: register (waiting for ACTIVE), paged listing, deregister, and
// the sweep of this user's temporary consumers older than an hour.
import { strict as assert } from 'node:assert';
import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { deregisterConsumer, listConsumers, registerConsumer, waitForConsumerActive } from '../../../../src/kinesis/consumers/consumers';
import { sweepTemporaryConsumers, temporaryConsumerName } from '../../../../src/kinesis/consumers/temporary';
import { KinesisCallError } from '../../../../src/kinesis/call';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';

async function streamArn(name: string): Promise<string> {
  const out = await testClient().send(new DescribeStreamSummaryCommand({ StreamName: name }));
  return out.StreamDescriptionSummary?.StreamARN ?? '';
}

describe('consumers (kinesis-local)', function () {
  this.timeout(60_000);
  let stream: string;
  let arn: string;

  beforeEach(async () => {
    stream = await createStream(1, 'consumers');
    arn = await streamArn(stream);
  });
  afterEach(async () => {
    await deleteStream(stream);
  });

  it('registers consumers, waits until ACTIVE, lists them across pages, deregisters one', async () => {
    const client = testClient();
    const names = ['app-a', 'app.b', 'app_c'];
    const registered = [];
    for (const n of names) registered.push(await registerConsumer(client, arn, n));
    assert.deepEqual(registered.map((c) => c.name), names);
    for (const c of registered) assert.equal((await waitForConsumerActive(client, arn, c.name, { pollIntervalMs: 200 }))?.status, 'ACTIVE');

    const listed = await listConsumers(client, arn);
    assert.deepEqual(listed.map((c) => c.name).sort(), [...names].sort());
    // Pages of one follow NextToken. kinesis-local 0.6.2 leaves the token off one page early (its
    // last consumer is never listed when paging), so only the pages it announces are checked;
    // AWS allows 20 consumers per stream, so the default page (100) holds them all anyway.
    const paged = await listConsumers(client, arn, { pageSize: 1 });
    assert.deepEqual(paged.map((c) => c.name), listed.map((c) => c.name).slice(0, paged.length));
    assert.ok(paged.length >= 2, `followed NextToken (${paged.length} pages)`);
    for (const c of listed) {
      assert.equal(c.status, 'ACTIVE');
      assert.ok(c.createdAt > 0, 'creation time');
      assert.match(c.arn, /consumer\//);
    }

    await deregisterConsumer(client, arn, registered[0]!.name);
    await eventually(async () => !(await listConsumers(client, arn)).some((c) => c.name === 'app-a'), 'app-a gone from the listing');
    assert.deepEqual((await listConsumers(client, arn)).map((c) => c.name).sort(), ['app.b', 'app_c']);
  });

  it('refuses a bad name before calling, and names the IAM action when the service refuses', async () => {
    const client = testClient();
    await assert.rejects(registerConsumer(client, arn, 'has space'), /" " is not allowed in a consumer name/);
    await registerConsumer(client, arn, 'twice');
    await assert.rejects(registerConsumer(client, arn, 'twice'), (e: unknown) => e instanceof KinesisCallError && e.action === 'kinesis:RegisterStreamConsumer');
  });

  it("sweeps only this user's temporary consumers older than an hour", async () => {
    const client = testClient();
    const mineOld = await registerConsumer(client, arn, temporaryConsumerName('alice', '0000000a'));
    const theirs = await registerConsumer(client, arn, temporaryConsumerName('bob', '0000000b'));
    const app = await registerConsumer(client, arn, 'production-app');
    for (const c of [mineOld, theirs, app]) await waitForConsumerActive(client, arn, c.name, { pollIntervalMs: 200 });

    // Just created: nothing is an hour old yet.
    assert.deepEqual((await sweepTemporaryConsumers(client, arn, 'alice')).deregistered, []);
    // Two hours later, seen from the sweep's clock.
    const swept = await sweepTemporaryConsumers(client, arn, 'alice', { now: Date.now() + 2 * 3_600_000 });
    assert.deepEqual(swept.deregistered.map((c) => c.name), [mineOld.name]);
    assert.deepEqual(swept.failed, []);
    await eventually(async () => !(await listConsumers(client, arn)).some((c) => c.name === mineOld.name), 'the swept consumer gone');
    assert.deepEqual((await listConsumers(client, arn)).map((c) => c.name).sort(), [theirs.name, app.name].sort());
  });

  it('leaves an old temporary consumer alone while another window\'s heartbeat for it is fresh', async () => {
    const client = testClient();
    const inUse = await registerConsumer(client, arn, temporaryConsumerName('alice', '0000001a'));
    const abandoned = await registerConsumer(client, arn, temporaryConsumerName('alice', '0000001b'));
    for (const c of [inUse, abandoned]) await waitForConsumerActive(client, arn, c.name, { pollIntervalMs: 200 });
    const later = Date.now() + 2 * 3_600_000;
    // The other window refreshed its heartbeat five minutes before the sweep; the abandoned one's stopped an hour ago.
    const heartbeats = { [inUse.name]: later - 5 * 60_000, [abandoned.name]: later - 3_600_000 };

    const swept = await sweepTemporaryConsumers(client, arn, 'alice', { now: later, heartbeats: () => heartbeats });
    assert.deepEqual(swept.deregistered.map((c) => c.name), [abandoned.name]);
    await eventually(async () => !(await listConsumers(client, arn)).some((c) => c.name === abandoned.name), 'the abandoned consumer gone');
    assert.ok((await listConsumers(client, arn)).some((c) => c.name === inUse.name), 'the consumer in use is still registered');

    // Once that window stops refreshing, the next sweep takes it too.
    const afterwards = await sweepTemporaryConsumers(client, arn, 'alice', { now: later + 15 * 60_000, heartbeats: () => heartbeats });
    assert.deepEqual(afterwards.deregistered.map((c) => c.name), [inUse.name]);
  });
});
