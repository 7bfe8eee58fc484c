// Test helper: an ExplorerModel on the real Kinesis layer (no VS Code), an in-memory region
// store, and small functions to walk the tree the way the TreeDataProvider does.
import { strict as assert } from 'node:assert';
import * as api from '../../../src/kinesis/api';
import { ExplorerModel, type ExplorerDeps, type RegionStore } from '../../../src/explorer/explorerModel';
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
  logs: string[];
}

export function testModel(overrides: Partial<ExplorerDeps> = {}): TestModel {
  const logs: string[] = [];
  const model = new ExplorerModel({
    kinesis: async () => api,
    customConnections: () => undefined,
    regions: memoryRegionStore(),
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), debug: () => undefined },
    requestTimeoutMs: 5_000,
    credentialTimeoutMs: 10_000,
    ...overrides,
  });
  return { model, logs };
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

