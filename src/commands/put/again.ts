// "Put again" for a record the tail panel shows: the same bytes, partition key and explicit hash
// key, sent as a new record after a confirmation, with the same result notification as Put Record.
import type { PreparedRecord } from '../../kinesis/put/prepare';
import { isStreamLocator, type StreamLocator } from '../../kinesis/types';
import type { Services } from '../../services';
import { Cancelled, InputProblem } from '../../ui/prompts';
import { sendAndReport, type PutSendResult } from './send';

/** A tail row's record: its stream, bytes (base64), partition key and explicit hash key. */
export type PutAgainArgs = StreamLocator & { data: string; partitionKey: string; explicitHashKey?: string };

export function isPutAgainArgs(v: unknown): v is PutAgainArgs {
  const a = v as Record<string, unknown> | undefined;
  return isStreamLocator(v) && typeof a?.data === 'string' && typeof a.partitionKey === 'string'
    && (a.explicitHashKey === undefined || typeof a.explicitHashKey === 'string');
}

export async function putAgain(services: Services, args: unknown): Promise<PutSendResult> {
  if (!isPutAgainArgs(args)) throw new InputProblem('Put again needs a record: run it from a record of the tail panel.');
  const api = await services.kinesis();
  const data = Buffer.from(args.data, 'base64');
  const keyProblem = api.partitionKeyProblem(args.partitionKey);
  if (keyProblem) throw new InputProblem(keyProblem);
  const hashProblem = args.explicitHashKey !== undefined ? api.validateExplicitHashKey(args.explicitHashKey) : undefined;
  if (hashProblem) throw new InputProblem(hashProblem);

  const connection = (await services.clients.connections()).find((c) => c.id === args.connectionId);
  if (!connection) throw new InputProblem(`The connection ${args.connectionId} is no longer configured; the record cannot be put again.`);
  const hash = args.explicitHashKey !== undefined ? ` and explicit hash key ${args.explicitHashKey}` : '';
  const choice = await services.prompts.current.confirm(
    `Put this record again to ${args.streamName}?`,
    `${data.length.toLocaleString('en-US')} bytes with partition key "${args.partitionKey}"${hash}, to ${connection.name} · ${args.region}. Kinesis stores it as a new record with a new sequence number.`,
    'Put Again',
  );
  if (choice !== 'Put Again') throw new Cancelled();

  const readClient = await services.clients.client(args);
  const putTarget = await api.getPutTarget(readClient, args.streamName);
  const bytes = data.length + Buffer.byteLength(args.partitionKey, 'utf8');
  if (bytes > putTarget.maxRecordBytes) throw new InputProblem(`The record is ${api.formatBytes(bytes)}; ${args.streamName} accepts at most ${api.formatBytes(putTarget.maxRecordBytes)} per record.`);
  const record: PreparedRecord = { index: 0, line: 1, source: 0, data, partitionKey: args.partitionKey, hashKey: api.effectiveHashKey(args.partitionKey, args.explicitHashKey), bytes };
  if (args.explicitHashKey !== undefined) record.explicitHashKey = args.explicitHashKey;
  const target = { connectionId: connection.id, connectionName: connection.name, region: args.region, streamName: args.streamName };
  const writeClient = await services.clients.client(args, 'write');
  return sendAndReport(services, { target, putTarget, records: [record], writeClient });
}
