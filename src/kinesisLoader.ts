// Lazily loads the Kinesis layer (and with it the AWS SDK). In the bundle, the import below is
// rewritten to require('./kinesis.js'), a separate file, on first call rather than at activation.
import type * as Api from './kinesis/api';

export type KinesisApi = typeof Api;

let loading: Promise<KinesisApi> | undefined;

export function loadKinesis(): Promise<KinesisApi> {
  loading ??= import('./kinesis/api');
  return loading;
}
