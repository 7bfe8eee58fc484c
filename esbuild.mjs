// Builds the bundles: the extension (Node, CommonJS, `vscode` external), the lazily loaded Kinesis
// layer and view filter, and the tail panel's browser front end. `--watch` rebuilds both on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Logs each rebuild so that `npm run watch` can drive a VS Code problem matcher. */
const logPlugin = (name) => ({
  name: 'log',
  setup(build) {
    build.onStart(() => console.log(`[watch] ${name} build started`));
    build.onEnd((result) => {
      for (const e of result.errors) console.error(`✘ [ERROR] ${e.text} ${e.location ? `${e.location.file}:${e.location.line}` : ''}`);
      console.log(`[watch] ${name} build finished`);
    });
  },
});

const common = { bundle: true, sourcemap: true, minify: production, logLevel: 'warning', legalComments: 'linked' };

/**
 * The extension bundle reaches the Kinesis layer's entry (src/kinesis/api.ts) only through
 * src/kinesisLoader.ts. This plugin turns that into require('./kinesis.js'): a second bundle
 * that holds the AWS SDK and is loaded on first use, not at activation. It also refuses any
 * value import of the AWS SDK or Smithy in the activation bundle.
 */
const lazyKinesisPlugin = {
  name: 'lazy-kinesis',
  setup(build) {
    build.onResolve({ filter: /[\\/]kinesis[\\/]api$/ }, (args) => {
      if (!args.importer.endsWith('kinesisLoader.ts')) {
        return { errors: [{ text: `${args.importer} imports the Kinesis layer eagerly; go through loadKinesis()` }] };
      }
      return { path: './kinesis.js', external: true };
    });
    // The SDK must never reach the activation bundle, even through a small module of the layer.
    build.onResolve({ filter: /^@(aws-sdk|smithy)\// }, (args) => ({
      errors: [{ text: `${args.importer} pulls ${args.path} into the activation bundle; reach the SDK through loadKinesis()` }],
    }));
  },
};

/**
 * The view filter (src/tail/shared/filter.ts, with the CEL engine) is a third bundle,
 * dist/filter.js, that the host loads on first use: only src/tail/host/filterLoader.ts may
 * import it, and nothing else in the activation bundle may pull in @marcbachmann/cel-js.
 */
const lazyFilterPlugin = {
  name: 'lazy-filter',
  setup(build) {
    build.onResolve({ filter: /[\\/]shared[\\/]filter$/ }, (args) => {
      if (!args.importer.endsWith('filterLoader.ts')) {
        return { errors: [{ text: `${args.importer} imports the view filter eagerly; go through loadFilter() (src/tail/host/filterLoader.ts)` }] };
      }
      return { path: './filter.js', external: true };
    });
    build.onResolve({ filter: /^@marcbachmann\/cel-js/ }, (args) => ({
      errors: [{ text: `${args.importer} pulls the CEL engine into the activation bundle; reach the filter through loadFilter()` }],
    }));
  },
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

const extension = {
  ...node,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  // What is in the activation bundle, per input file: bench/activation.ts reports it.
  metafile: true,
  plugins: [lazyKinesisPlugin, lazyFilterPlugin, logPlugin('extension')],
};

const filter = {
  ...node,
  entryPoints: ['src/tail/shared/filter.ts'],
  outfile: 'dist/filter.js',
  plugins: [logPlugin('filter')],
};

const kinesis = {
  ...node,
  entryPoints: ['src/kinesis/api.ts'],
  outfile: 'dist/kinesis.js',
  // The AWS SDK ships sourcemaps of its own; keep ours small.
  plugins: [logPlugin('kinesis')],
};

const webview = {
  ...common,
  entryPoints: { tail: 'webview/src/main.ts' },
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  loader: { '.ttf': 'file' },
  plugins: [logPlugin('webview')],
};

/** Codicons are shipped next to the webview bundle, so localResourceRoots can stay that one folder. */
function copyCodicons() {
  mkdirSync('dist/webview', { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    cpSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/webview/${f}`);
  }
}

copyCodicons();
if (watch) {
  const contexts = await Promise.all([extension, kinesis, filter, webview].map((o) => esbuild.context(o)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const [built] = await Promise.all([extension, kinesis, filter, webview].map((o) => esbuild.build(o)));
  writeFileSync('dist/extension.meta.json', JSON.stringify(built.metafile));
}
