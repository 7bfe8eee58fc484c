// Shared by the manage-stream commands: a cancellable progress notification around an operation
// that waits for the stream to settle, the result notification, and keeping the tree current.
import type * as vscode from 'vscode';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { StreamNode } from '../../explorer/nodes';
import type { AdminOptions, AdminResult } from '../../kinesis/admin/result';
import type { Services } from '../../services';
import { notify, type NotifyAction } from '../../ui/notify';
import { withCancellableProgress } from '../../ui/progress';
import type { RegionRef, StreamRef } from '../../kinesis/types';

export type AdminCommandResult<T> = AdminResult<T> & { target: StreamRef };

/**
 * Cancelling stops the wait only: the operation's own calls are never aborted half-way, and the
 * result then says that the stream keeps its state and settles on its own.
 */
export function withAdminProgress<T>(title: string, run: (opts: AdminOptions) => Promise<AdminResult<T>>): Thenable<AdminResult<T>> {
  return withCancellableProgress(title, (signal, progress) => run({ signal, onProgress: (p) => progress.report({ message: p.message }) }));
}

/** Done: information with the next steps; refused, cancelled or timed out: a warning; failed: an error. */
export function showAdminResult(services: Services, result: AdminResult<unknown>, actions: NotifyAction[] = []): void {
  const severity = result.status === 'done' ? 'info' : result.status === 'failed' || result.status === 'connectionLost' ? 'error' : 'warning';
  notify(services.log, severity, result.message, result.status === 'done' ? actions : []);
}

/** Reloads the streams of (connection, region), when that region is shown. */
export async function refreshRegion(model: ExplorerModel, where: RegionRef): Promise<void> {
  const node = await model.regionNode(where.connectionId, where.region);
  if (node) model.refresh(node);
}

/**
 * Re-describes a stream and drops its shards so they are listed again (closed parents and new
 * children after resharding). Resolves once the node's model is current.
 */
export async function refreshStream(model: ExplorerModel, target: StreamRef): Promise<void> {
  const node = await model.streamNode(target.connectionId, target.region, target.streamName);
  if (!node) {
    await refreshRegion(model, target);
    return;
  }
  model.refresh(node);
  await model.describeForTooltip(node, 0);
}

const REVEAL_TIMEOUT_MS = 5_000;

/**
 * Selects the node in the tree, opening the view. Bounded: revealing is a convenience, and a view
 * that is slow to render must not hold the command's result back.
 */
export async function revealNode(services: Services, view: vscode.TreeView<unknown> | undefined, node: StreamNode): Promise<void> {
  if (!view) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), REVEAL_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([Promise.resolve(view.reveal(node, { select: true, focus: false, expand: false })).then(() => 'revealed' as const), timeout]);
    if (outcome === 'timeout') services.log.warn(`revealing ${node.name} in the explorer took over ${REVEAL_TIMEOUT_MS / 1000} s; not waiting for it`);
  } catch (err) {
    services.log.warn(`could not reveal ${node.name} in the explorer: ${String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

