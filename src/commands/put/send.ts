// Sends prepared records one PutRecord at a time (stopping at the first that is not written) and
// shows the result: ShardId and SequenceNumber, with "Tail from this record", "Copy sequence
// number" and "Put again". A failure says whether the record may have been written.
import * as vscode from 'vscode';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { formatError } from '../../kinesis/errors';
import type { PreparedRecord } from '../../kinesis/put/prepare';
import type { PutOneResult } from '../../kinesis/put/putRecord';
import type { PutTarget } from '../../kinesis/put/target';
import type { Services } from '../../services';
import { notify, type NotifyAction } from '../../ui/notify';
import { withCancellableProgress } from '../../ui/progress';
import { CommandIds } from '../ids';
import type { CommandResult } from '../registerCommand';
import type { StreamRef } from '../../kinesis/types';


export interface PutSendResult extends CommandResult {
  status: 'sent' | 'failed' | 'unknown' | 'cancelled';
  target: StreamRef;
  results: PutOneResult[];
}

export interface PutBatch {
  target: StreamRef;
  putTarget: PutTarget;
  records: PreparedRecord[];
  writeClient: KinesisClient;
}

export async function sendAndReport(services: Services, batch: PutBatch): Promise<PutSendResult> {
  const results = await send(services, batch);
  const result = outcomeOf(batch.target, results);
  showResult(services, batch, result);
  return result;
}

async function send(services: Services, batch: PutBatch): Promise<PutOneResult[]> {
  const api = await services.kinesis();
  const { records, putTarget, writeClient } = batch;
  const putAll = async (signal?: AbortSignal, onDone?: (n: number) => void): Promise<PutOneResult[]> => {
    const out: PutOneResult[] = [];
    for (const record of records) {
      const r = await api.putRecord(writeClient, putTarget, record, { signal });
      out.push(r);
      onDone?.(out.length);
      if (r.status !== 'sent' || signal?.aborted) break;
    }
    return out;
  };
  if (records.length === 1) {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Putting a record to ${putTarget.streamName}` }, () => putAll());
  }
  return withCancellableProgress(`Putting ${records.length} records to ${putTarget.streamName}`, (signal, progress) =>
    putAll(signal, (n) => progress.report({ increment: 100 / records.length, message: `${n} of ${records.length}` })));
}

function outcomeOf(target: StreamRef, results: PutOneResult[]): PutSendResult {
  const bad = results.find((r) => r.status !== 'sent');
  if (!bad) return { status: 'sent', target, results, message: sentMessage(target, results) };
  const sentBefore = results.filter((r) => r.status === 'sent').length;
  const before = sentBefore > 0 ? ` ${sentBefore} record${sentBefore === 1 ? ' was' : 's were'} sent before it; the rest were not sent.` : '';
  const detail = bad.error ? ` ${formatError(bad.error)}` : '';
  const result: PutSendResult = { status: bad.status === 'sent' ? 'failed' : bad.status, target, results, message: `${bad.message}${detail}${before}` };
  if (bad.error) result.error = bad.error;
  return result;
}

function sentMessage(target: StreamRef, results: PutOneResult[]): string {
  if (results.length === 1) {
    const r = results[0] as PutOneResult;
    return `Put to ${target.streamName}: ${r.shardId ?? ''}, sequence number ${r.sequenceNumber ?? ''}.`;
  }
  const shown = results.slice(0, 3).map((r) => `line ${r.line} → ${r.shardId ?? ''} #${r.sequenceNumber ?? ''}`);
  const more = results.length > 3 ? `; and ${results.length - 3} more` : '';
  return `Put ${results.length} records to ${target.streamName}: ${shown.join('; ')}${more}.`;
}

function showResult(services: Services, batch: PutBatch, result: PutSendResult): void {
  const sent = result.results.filter((r) => r.status === 'sent');
  const actions: NotifyAction[] = [];
  const first = sent[0];
  if (first?.shardId && first.sequenceNumber) {
    actions.push({ title: 'Tail from this record', run: () => tailFromRecord(batch.target, first.shardId as string, first.sequenceNumber as string) });
    actions.push({ title: 'Copy sequence number', run: () => copySequenceNumbers(sent) });
  }
  if (result.status === 'sent') actions.push({ title: 'Put again', run: () => sendAndReport(services, batch) });
  const severity = result.status === 'sent' ? 'info' : result.status === 'unknown' || result.status === 'cancelled' ? 'warning' : 'error';
  notify(services.log, severity, result.message ?? '', actions);
}

async function copySequenceNumbers(sent: PutOneResult[]): Promise<void> {
  const text = sent.map((r) => r.sequenceNumber ?? '').join('\n');
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(sent.length === 1 ? `Copied ${text}` : `Copied ${sent.length} sequence numbers`, 3000);
}

/** Opens the tail at AT_SEQUENCE_NUMBER on that shard, through the tail panel's command. */
export async function tailFromRecord(target: StreamRef, shardId: string, sequenceNumber: string): Promise<void> {
  await vscode.commands.executeCommand(CommandIds.tailFromRecord, { connectionId: target.connectionId, region: target.region, streamName: target.streamName, shardId, sequenceNumber });
}
