// Test helper: an ExplorerModel on the real Kinesis layer and its own KinesisClients (no VS Code),
// an in-memory region store, and small functions to walk the tree the way the TreeDataProvider does.
import { strict as assert } from 'node:assert';
import * as api from '../../../src/kinesis/api';
import { ExplorerModel, type ExplorerDeps, type RegionStore } from '../../../src/explorer/explorerModel';
import { KinesisClients, type KinesisClientsOptions } from '../../../src/kinesisClients';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import { itemSpec, type ItemSpec } from '../../../src/explorer/presentation';

export function memoryRegionStore(initial: Record<string, string[]> = {}): RegionStore {
  const saved = new Map(Object.entries(initial));
  return {
    get: (id) => saved.get(id),
    set: async (id, regions) => {
      if (regions) saved.set(id, regions);
      else saved.delete(id);
    },
  };
}

export interface TestModel {
  model: ExplorerModel;
  /** The client service the model draws from; model.dispose() disposes it too. */
  clients: KinesisClients;
  logs: string[];
}

export function testModel(overrides: Partial<Omit<ExplorerDeps, 'clients'> & Omit<KinesisClientsOptions, 'kinesis'>> = {}): TestModel {
  const logs: string[] = [];
  const { customConnections, mfaCodeProvider, env, credentialTimeoutMs, requestTimeoutMs, ...deps } = overrides;
  const clients = new KinesisClients({
    kinesis: async () => api,
    customConnections: customConnections ?? (() => undefined),
    requestTimeoutMs: requestTimeoutMs ?? 5_000,
    credentialTimeoutMs: credentialTimeoutMs ?? 10_000,
    ...(mfaCodeProvider ? { mfaCodeProvider } : {}),
    ...(env ? { env } : {}),
  });
  const model = new ExplorerModel({
    clients,
    regions: memoryRegionStore(),
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), debug: () => undefined },
    ...deps,
  });
  const disposeModel = model.dispose.bind(model);
  model.dispose = () => {
    disposeModel();
    clients.dispose();
  };
  return { model, clients, logs };
}

export interface Shown {
  node: ExplorerNode;
  spec: ItemSpec;
}

export async function shown(model: ExplorerModel, node?: ExplorerNode): Promise<Shown[]> {
  const children = await model.children(node);
  return children.map((n) => ({ node: n, spec: itemSpec(n) }));
}

export function byLabel(items: Shown[], label: string): Shown {
  const found = items.find((i) => i.spec.label === label);
  assert.ok(found, `no item "${label}" among: ${items.map((i) => i.spec.label).join(', ')}`);
  return found;
}

/** The children of the connection called `name`, which must be a root. */
export async function connectionChildren(model: ExplorerModel, name: string): Promise<Shown[]> {
  const root = byLabel(await shown(model), name);
  return shown(model, root.node);
}

