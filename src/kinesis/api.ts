// The Kinesis layer's entry point for the VS Code glue. esbuild builds it as its own bundle
// (dist/kinesis.js) that the extension loads on first use, so activation never parses the SDK.
// Glue code imports values from here only through `loadKinesis()` (src/kinesisLoader.ts).
export * from './client';
export * from './errors';
export * from './connections/connections';
export * from './connections/clients';
export * from './connections/custom';
export * from './result';
export * from './connections/credentials';
export * from './connections/profiles';
export * from './streams/shards';
export * from './streams/streams';
export * from './decode';
export * from './put/hashKey';
export * from './put/partitionKey';
export * from './put/partitionKeyJsonPath';
export * from './put/input';
export * from './put/prepare';
export * from './put/batches';
export * from './put/retry';
export * from './put/target';
export * from './put/putRecord';
export * from './put/putRecords';
export * from './put/report';
export * from './admin/validate';
export * from './call';
export * from './admin/result';
export * from './admin/wait';
export * from './admin/read';
export * from './admin/createDelete';
export * from './admin/update';
export * from './tail';
