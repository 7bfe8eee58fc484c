// The regions chosen per connection ("Kinesis: Select Regions…"), kept in globalState so they
// survive restarts and apply in every window.
import type * as vscode from 'vscode';
import type { RegionStore } from './explorerModel';

const KEY = 'kinesis.explorer.regions';

export function mementoRegionStore(memento: vscode.Memento): RegionStore {
  const all = () => memento.get<Record<string, string[]>>(KEY) ?? {};
  return {
    get: (connectionId) => {
      const regions = all()[connectionId];
      return Array.isArray(regions) ? regions : undefined;
    },
    set: async (connectionId, regions) => {
      const next = { ...all() };
      if (regions && regions.length > 0) next[connectionId] = regions;
      else delete next[connectionId];
      await memento.update(KEY, next);
    },
  };
}
