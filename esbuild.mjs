// Builds the bundles: the extension's activation bundle and the three it loads on first use (Node,
// CommonJS, `vscode` external), and the tail panel's browser front end. `--watch` rebuilds them
// on change; `--production` minifies.
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
 * Bundles that activation does not load. Each entry is reached only through its loader, whose
 * require() of it this plugin leaves as require('./<out>'): a separate file, loaded on first use.
 * - dist/kinesis.js: the Kinesis layer (src/kinesis/api.ts) with the AWS SDK, via loadKinesis().
 * - dist/features.js: command bodies, tail panels and producer documents (src/features.ts), via
 *   LazyFeatures (src/featuresLoader.ts).
 * - dist/filter.js: the view filter with the CEL engine (src/tail/shared/filter.ts), via loadFilter()
 *   (src/tail/host/filterLoader.ts, itself in dist/features.js).
 */
const lazyBundles = [
  { request: /[\\/]kinesis[\\/]api$/, loader: 'kinesisLoader.ts', out: './kinesis.js', via: 'go through loadKinesis()' },
  { request: /^\.[\\/]features$/, loader: 'featuresLoader.ts', out: './features.js', via: 'go through LazyFeatures (featuresLoader.ts)' },
  { request: /[\\/]shared[\\/]filter$/, loader: 'filterLoader.ts', out: './filter.js', via: 'go through loadFilter() (src/tail/host/filterLoader.ts)' },
];

/** Packages that only a lazy bundle may hold, and the way to reach them. */
const lazyPackages = [
  { request: /^@(aws-sdk|smithy)\//, via: 'reach the SDK through loadKinesis()' },
  { request: /^@marcbachmann\/cel-js/, via: 'reach the CEL engine through loadFilter()' },
];

/**
 * Turns each lazy entry into an external require from its loader, and refuses any other import of
 * it. It also refuses any value import of the AWS SDK, Smithy or the CEL engine outside their bundles.
 */
const lazyBundlesPlugin = {
  name: 'lazy-bundles',
  setup(build) {
    for (const lazy of lazyBundles) {
      build.onResolve({ filter: lazy.request }, (args) => {
        if (!args.importer.endsWith(lazy.loader)) {
          return { errors: [{ text: `${args.importer} imports ${lazy.out} eagerly; ${lazy.via}` }] };
        }
        return { path: lazy.out, external: true };
      });
    }
    // The SDK and the CEL engine must never reach these bundles, even through a small module.
    for (const pkg of lazyPackages) {
      build.onResolve({ filter: pkg.request }, (args) => ({
        errors: [{ text: `${args.importer} pulls ${args.path} into ${build.initialOptions.outfile}; ${pkg.via}` }],
      }));
    }
  },
};

/**
 * What activation must not load: the areas that dist/features.js holds (and what only they use).
 * Checked against esbuild's metafile after each build, so an eager import fails the build.
 */
const NOT_AT_ACTIVATION = [/^src\/tail\/host\/(?!viewType\.ts$)/, /^src\/producerDoc\/(?!language\.ts$)/, /^src\/commands\/(?!(ids|registerCommand)\.ts$)/, /^node_modules\/lossless-json\//];

function checkActivationBundle(metafile) {
  const inputs = Object.keys(metafile.inputs);
  const eager = inputs.filter((i) => NOT_AT_ACTIVATION.some((re) => re.test(i)));
  if (eager.length > 0) throw new Error(`dist/extension.js must not contain ${eager.join(', ')}: reach it through dist/features.js (src/featuresLoader.ts)`);
}

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

const extension = {
  ...node,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  // What is in the activation bundle, per input file: bench/activation.ts reports it.
  metafile: true,
  plugins: [lazyBundlesPlugin, logPlugin('extension')],
};

const features = {
  ...node,
  entryPoints: ['src/features.ts'],
  outfile: 'dist/features.js',
  plugins: [lazyBundlesPlugin, logPlugin('features')],
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
  const contexts = await Promise.all([extension, features, kinesis, filter, webview].map((o) => esbuild.context(o)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const [built] = await Promise.all([extension, features, kinesis, filter, webview].map((o) => esbuild.build(o)));
  checkActivationBundle(built.metafile);
  writeFileSync('dist/extension.meta.json', JSON.stringify(built.metafile));
}
