// The Kinesis layer's entry point for the VS Code glue. esbuild builds it as its own bundle
// (dist/kinesis.js) that the extension loads on first use, so activation never parses the SDK.
// Glue code imports values from here only through `loadKinesis()` (src/kinesisLoader.ts).
export * from './client';
export * from './errors';
