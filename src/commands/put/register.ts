// The put commands: "Put Record…" (selection(s) or document, each one record),
// "Put Records (one per line)…" and "Put again" (from the tail panel's row action).
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { Services } from '../../services';
import { putAgain } from './again';
import { prepareEditorPut } from './flow';
import { putLines } from './lines';
import { sendAndReport } from './send';
import { CommandIds } from '../ids';
import { command, type CommandSpec } from '../registerCommand';

/**
 * `from` is what the command was run on: a stream node, a { connectionId, region, streamName }
 * target, or (from the editor's context menu) the document's URI, which says nothing about the stream.
 */
export function putCommands(services: Services, model: ExplorerModel): CommandSpec[] {
  return [
    command(CommandIds.putRecord, async (from?: unknown) => sendAndReport(services, await prepareEditorPut(services, model, 'whole', from, 'Put Record')), { what: 'put the record', action: 'kinesis:PutRecord' }),
    command(CommandIds.putRecords, async (from?: unknown) => putLines(services, await prepareEditorPut(services, model, 'lines', from, 'Put Records')), { what: 'put the records', action: 'kinesis:PutRecords' }),
    command(CommandIds.putAgain, (args?: unknown) => putAgain(services, args), { what: 'put the record again', action: 'kinesis:PutRecord' }),
  ];
}
