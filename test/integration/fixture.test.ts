import { strict as assert } from 'node:assert';
import { DescribeStreamSummaryCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { createStream, testClient } from './fixture';

describe('integration fixture', () => {
  it('starts kinesis-local and creates a uniquely named ACTIVE stream', async () => {
    const name = await createStream(2);
    const client = testClient();
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    assert.equal(summary.StreamDescriptionSummary?.StreamStatus, 'ACTIVE');
    assert.equal(summary.StreamDescriptionSummary?.OpenShardCount, 2);
    const list = await client.send(new ListStreamsCommand({}));
    assert.ok(list.StreamNames?.includes(name));
  });
});
