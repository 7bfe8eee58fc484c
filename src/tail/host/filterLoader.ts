// Loads the view filter (the CEL engine, about 85 KB minified) on first use instead of at
// activation: in the bundle, the require below becomes require('./filter.js'), a separate file
// (esbuild.mjs, lazy-bundles plugin). Tests running from out/ load the module itself.
import type * as Filter from '../shared/filter';

export type FilterModule = typeof Filter;

let loaded: FilterModule | undefined;

/** The filter module (compileView, compileFieldFilter), loaded synchronously once. */
export function loadFilter(): FilterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('../shared/filter') as FilterModule;
  return loaded;
}
