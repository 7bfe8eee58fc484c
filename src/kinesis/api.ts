// The Kinesis layer's entry point for the VS Code glue. esbuild builds it as its own bundle
// (dist/kinesis.js) that the extension loads on first use, so activation never parses the SDK.
// Glue code imports values from here only through `loadKinesis()` (src/kinesisLoader.ts).
export * from './client';
export * from './errors';
export * from './connections';
export * from './connectionsClients';
export * from './connectionsCustom';
export * from './connectionsErrors';
export * from './credentials';
export * from './profiles';
export * from './shards';
export * from './streams';
export * from './decode';
export * from './hashKey';
export * from './partitionKey';
export * from './partitionKeyJsonPath';
export * from './putInput';
export * from './putPrepare';
export * from './putBatches';
export * from './putRetry';
export * from './putTarget';
export * from './putRecord';
export * from './putRecords';
export * from './putReport';
export * from './validateStream';
export * from './streamAdminCall';
export * from './streamAdminResult';
export * from './streamAdminWait';
export * from './streamAdminRead';
export * from './streamAdmin';
export * from './streamAdminUpdate';
export * from './tail';
export * from './producerDoc/run';
export * from './put/forward';
