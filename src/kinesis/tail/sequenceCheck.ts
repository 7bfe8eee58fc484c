// Checks a typed sequence number against its shard before a tail opens: GetShardIterator with it
// is what Kinesis itself uses to refuse a number that belongs to no record of that shard.
import { GetShardIteratorCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { describeError, errorCode, formatError, notASequenceNumberOf } from '../errors';
import { iteratorParams, type StartPosition } from './position';

export interface SequenceCheckTarget {
  client: KinesisClient;
  streamName: string;
  streamARN?: string;
  shardId: string;
}

export { notASequenceNumberOf };

/**
 * Resolves undefined when the position can be read from, else the message for the input box.
 * Positions without a sequence number pass unchecked.
 */
export async function checkSequencePosition(target: SequenceCheckTarget, position: StartPosition, signal?: AbortSignal): Promise<string | undefined> {
  if (position.type !== 'AT_SEQUENCE_NUMBER' && position.type !== 'AFTER_SEQUENCE_NUMBER') return undefined;
  const ref = target.streamARN ? { StreamARN: target.streamARN } : { StreamName: target.streamName };
  try {
    await target.client.send(new GetShardIteratorCommand({ ...ref, ShardId: target.shardId, ...iteratorParams(position) }), { abortSignal: signal });
    return undefined;
  } catch (err) {
    const described = describeError(err, { action: 'kinesis:GetShardIterator', sequenceNumber: position.sequenceNumber, shardId: target.shardId });
    if (described.message === notASequenceNumberOf(position.sequenceNumber, target.shardId)) return described.message;
    // An emulator may answer "not found" for a number from no record: tell it apart from a
    // missing stream or shard by looking the shard up.
    if (errorCode(err) === 'ResourceNotFoundException' && (await shardExists(target, signal))) return notASequenceNumberOf(position.sequenceNumber, target.shardId);
    return formatError(described);
  }
}

async function shardExists(target: SequenceCheckTarget, signal?: AbortSignal): Promise<boolean> {
  const ref = target.streamARN ? { StreamARN: target.streamARN } : { StreamName: target.streamName };
  try {
    let token: string | undefined;
    do {
      const out = await target.client.send(new ListShardsCommand(token ? { NextToken: token } : ref), { abortSignal: signal });
      if ((out.Shards ?? []).some((s) => s.ShardId === target.shardId)) return true;
      token = out.NextToken;
    } while (token);
    return false;
  } catch {
    return false;
  }
}
