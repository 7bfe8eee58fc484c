// "Find in Stream…" (palette, stream and shard menus): asks for a range and a filter, opens a tail
// panel in find mode (a bounded read whose records are filtered in the host), and shows the
// progress in a notification with Cancel until the find ends, then why it ended.
import * as vscode from 'vscode';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { Services } from '../services';
import { promptFind } from '../tail/host/findPrompt';
import type { TailPanel } from '../tail/host/panel';
import type { TailPanels } from '../tail/host/panels';
import { describeFindProgress, describeStop } from '../tail/shared/findProgress';
import { notify } from '../ui/notify';
import { withCancellableProgress } from '../ui/progress';
import { CommandIds } from './ids';
import { pickStreamTarget } from './pickTarget';
import { command, type CommandSpec } from './registerCommand';

const TITLE = 'Find in Stream';

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
      const panel = await tails.openTail({
        connectionId: target.connectionId,
        connectionName: target.connectionName,
        region: target.region,
        streamName: target.streamName,
        shardIds: target.shardId ? [target.shardId] : [],
        position: a.position,
        positionLabel: a.label,
        find: { end: a.end, spec: { text: a.text, field: a.field, matchCap: maxMatches(), untilMs: a.untilMs, label: a.label, ...(a.fromMs === undefined ? {} : { fromMs: a.fromMs }) } },
      });
      void followFind(services, target.streamName, panel);
      return panel;
    }),
  ];
}

/** The notification with Cancel; the panel header shows the same figures. */
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
