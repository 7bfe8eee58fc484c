// "Find in Stream…" (palette, stream and shard menus, and a tail panel's "Find…"): asks for a
// range and a filter, opens a tail panel in find mode (a bounded read whose records are filtered
// in the host), and shows the progress in a notification with Cancel until the find ends, then
// why it ended. From a tail panel the panel's filters are taken and only the range is asked; the
// find opens beside the tail, which keeps running.
import * as vscode from 'vscode';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { Services } from '../services';
import { promptFind, type FindAnswers } from '../tail/host/findPrompt';
import type { TailPanel, TailRequest } from '../tail/host/panel';
import type { FindRequest, TailPanels } from '../tail/host/panels';
import { describeFindProgress, describeStop } from '../tail/shared/findProgress';
import { notify } from '../ui/notify';
import { withCancellableProgress } from '../ui/progress';
import { CommandIds } from './ids';
import { pickStreamTarget } from './pickTarget';
import { command, runCommand, type CommandSpec } from './registerCommand';

const TITLE = 'Find in Stream';

type FindTarget = Pick<TailRequest, 'connectionId' | 'connectionName' | 'region' | 'streamName' | 'shardIds'>;

function maxMatches(): number {
  const v = vscode.workspace.getConfiguration('kinesis.find').get<number>('maxMatches');
  if (v === undefined) throw new Error('The setting kinesis.find.maxMatches has no default in package.json.');
  return Math.max(1, Math.min(1_000_000, Math.floor(v)));
}

export function findCommands(services: Services, model: ExplorerModel, tails: TailPanels): CommandSpec[] {
  return [
    command(CommandIds.findInStream, async (from?: unknown) => {
      const target = await pickStreamTarget(services, model, { title: TITLE, from, pickShard: true });
      const a = await promptFind(services.prompts.current, TITLE);
      return startFind(services, tails, { ...target, shardIds: target.shardId ? [target.shardId] : [] }, a, vscode.ViewColumn.Active);
    }),
  ];
}

/** Answers the tail panels' "Find…" for as long as they live. */
export function followFindRequests(services: Services, tails: TailPanels): vscode.Disposable {
  return tails.onDidRequestFind((r) => void findFromTail(services, tails, r));
}

/** A tail panel's "Find…": the same prompts (the range only) and the same scan, beside the tail. */
function findFromTail(services: Services, tails: TailPanels, r: FindRequest): Promise<unknown> {
  const { connectionId, connectionName, region, streamName, shardIds } = r.from.req;
  // The command wrapper's failure handling: Cancelled is quiet, a bad input is a warning.
  return runCommand(services.log, CommandIds.findInStream, async () => {
    const a = await promptFind(services.prompts.current, TITLE, Date.now, { text: r.text, field: r.field });
    return startFind(services, tails, { connectionId, connectionName, region, streamName, shardIds }, a, vscode.ViewColumn.Beside);
  });
}

async function startFind(services: Services, tails: TailPanels, target: FindTarget, a: FindAnswers, column: vscode.ViewColumn): Promise<TailPanel> {
  const panel = await tails.openTail({
    ...target,
    position: a.position,
    positionLabel: a.label,
    find: { end: a.end, spec: { text: a.text, field: a.field, matchCap: maxMatches(), untilMs: a.untilMs, label: a.label, ...(a.fromMs === undefined ? {} : { fromMs: a.fromMs }) } },
  }, column);
  void followFind(services, target.streamName, panel);
  return panel;
}

/** The notification with Cancel; the panel header shows the same figures and its own Cancel. */
async function followFind(services: Services, stream: string, panel: TailPanel): Promise<void> {
  const find = panel.find;
  if (!find) return;
  await withCancellableProgress(`${TITLE}: ${stream}`, async (signal, progress) => {
    let shown = 0;
    const off = find.onProgress((p) => {
      const increment = Math.max(0, Math.floor(p.percent) - shown);
      shown += increment;
      progress.report({ message: describeFindProgress(p), increment });
    });
    const cancel = (): void => void panel.session.stop();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      await panel.session.done;
    } finally {
      off();
      signal.removeEventListener('abort', cancel);
    }
  });
  const p = find.progress();
  if (!p.stop) return;
  const severity = p.stop.kind === 'range-done' ? 'info' : p.stop.kind === 'shard-error' ? 'error' : 'warning';
  notify(services.log, severity, `${TITLE} ${stream}: ${describeStop(p.stop, p.matches)}`);
}
