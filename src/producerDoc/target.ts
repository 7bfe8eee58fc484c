// Which connection and region a producer document writes to: its file header (# @connection,
// # @region), else the explorer's selection, else the stream used last; the CodeLens says which.
import type * as vscode from 'vscode';
import { pickRegionTarget, lastStreamTarget } from '../commands/pickTarget';
import { toStreamRef } from '../explorer/nodes';
import type { RegionRef } from '../kinesis/types';
import { InputProblem } from '../ui/prompts';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { Connection } from '../kinesis/connections/types';
import type { ProducerDoc } from '../kinesis/producerDoc/parse';
import type { Services } from '../services';

export type TargetSource = 'file header' | 'explorer selection' | 'last used';

export type DocTarget = { ok: true; target: RegionRef; source: TargetSource } | { ok: false; problem: string } | { ok: false; problem?: undefined };

export interface TargetDeps {
  services: Services;
  model: ExplorerModel;
  view: vscode.TreeView<unknown>;
}

/** Resolves without asking; { ok: false } without a problem means "nothing chosen yet". */
export async function resolveDocTarget(deps: TargetDeps, doc: ProducerDoc): Promise<DocTarget> {
  const { model } = deps;
  const all = await deps.services.clients.connections();
  if (doc.connection) {
    const wanted = doc.connection.name;
    const found = all.find((c) => c.name === wanted || c.id === wanted);
    if (!found) return { ok: false, problem: `No connection named ${wanted} (# @connection, line ${doc.connection.range.start.line + 1}). Connections: ${all.map((c) => c.name).join(', ') || 'none'}.` };
    if (found.problem) return { ok: false, problem: `${found.name} cannot be used: ${found.problem.message}` };
    return { ok: true, target: regionTarget(found, doc.region?.name ?? defaultRegion(model, found)), source: 'file header' };
  }
  const selected = toStreamRef(deps.view.selection[0]);
  const fromSelection = selected.connectionId ? all.find((c) => c.id === selected.connectionId && !c.problem) : undefined;
  if (fromSelection) return { ok: true, target: regionTarget(fromSelection, doc.region?.name ?? selected.region ?? defaultRegion(model, fromSelection)), source: 'explorer selection' };
  const last = lastStreamTarget(deps.services);
  const fromLast = last ? all.find((c) => c.id === last.connectionId && !c.problem) : undefined;
  if (fromLast && last) return { ok: true, target: regionTarget(fromLast, doc.region?.name ?? last.region), source: 'last used' };
  return { ok: false };
}

/** For a put: the resolved target, or the connection pick when nothing says which. */
export async function docTargetOrAsk(deps: TargetDeps, doc: ProducerDoc, title: string): Promise<RegionRef> {
  const resolved = await resolveDocTarget(deps, doc);
  if (resolved.ok) return resolved.target;
  if (resolved.problem) throw new InputProblem(resolved.problem);
  const picked = await pickRegionTarget(deps.services, deps.model, { title });
  return doc.region ? { ...picked, region: doc.region.name } : picked;
}

function regionTarget(c: Connection, region: string): RegionRef {
  return { connectionId: c.id, connectionName: c.name, region };
}

function defaultRegion(model: ExplorerModel, c: Connection): string {
  return model.regionsOf(c)[0] ?? c.region;
}
