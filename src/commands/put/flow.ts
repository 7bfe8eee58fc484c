// The steps both editor puts share, in the order that keeps bad input away from AWS: read the
// editor, pick the stream, ask the keys, check every record, then read the stream's limits and
// check sizes against them. Problems throw InputProblem; the user backing out throws Cancelled.
import * as vscode from 'vscode';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { PreparedRecord, PutIssue } from '../../kinesis/put/prepare';
import type { SplitMode } from '../../kinesis/put/input';
import type { PutTarget } from '../../kinesis/put/target';
import type { KinesisApi } from '../../kinesisLoader';
import type { Services } from '../../services';
import { Cancelled, InputProblem } from '../../ui/prompts';
import { expectsJson, readEditorInput } from './editorInput';
import { askExplicitHashKey, askPartitionKey } from './keyPrompts';
import { pickStreamTarget } from '../pickTarget';
import type { StreamRef } from '../../kinesis/types';

export interface ReadyPut {
  target: StreamRef;
  putTarget: PutTarget;
  records: PreparedRecord[];
  /** maxAttempts 1: the put operations retry themselves and never resend an unknown outcome. */
  writeClient: KinesisClient;
}

export async function prepareEditorPut(services: Services, model: ExplorerModel, mode: SplitMode, from: unknown, title: string): Promise<ReadyPut> {
  const api = await services.kinesis();
  const input = readEditorInput(vscode.window.activeTextEditor);
  const texts = api.splitRecords(input.sources, mode);
  if (texts.length === 0) throw new InputProblem(`Nothing to send: the ${input.label} is empty or only blank.`);

  const target = await pickStreamTarget(services, model, { title, from });
  const partitionKey = await askPartitionKey(services, api, title);
  const explicitHashKey = await askExplicitHashKey(services, api, title);
  const options = { partitionKey, explicitHashKey, expectJson: expectsJson(input.languageId, mode), inputLabel: input.label };

  // Keys, JSON paths and JSON syntax depend on the text alone: report them before any call.
  const early = api.preparePut(texts, { ...options, maxRecordBytes: Number.MAX_SAFE_INTEGER });
  refuseErrors(api, early.errors, target.streamName);
  await confirmWarnings(services, api, early.warnings, input.label);

  const readClient = await services.clients.client(target);
  const putTarget = await api.getPutTarget(readClient, target.streamName);
  const sized = api.preparePut(texts, { ...options, maxRecordBytes: putTarget.maxRecordBytes });
  refuseErrors(api, sized.errors, target.streamName);
  const writeClient = await services.clients.client(target, 'write');
  return { target, putTarget, records: sized.records, writeClient };
}

function refuseErrors(api: KinesisApi, errors: readonly PutIssue[], streamName: string): void {
  if (errors.length === 0) return;
  throw new InputProblem(`Nothing was sent to ${streamName}. ${api.summarizeIssues(errors, 3)}`);
}

async function confirmWarnings(services: Services, api: KinesisApi, warnings: readonly PutIssue[], label: string): Promise<void> {
  if (warnings.length === 0) return;
  const what = warnings.length === 1 ? `The ${label} is not valid JSON` : `${warnings.length} records are not valid JSON`;
  const choice = await services.prompts.current.confirm(what, `${api.summarizeIssues(warnings, 5)}\n\nThe text is sent exactly as it is.`, 'Send anyway');
  if (choice !== 'Send anyway') throw new Cancelled();
}
