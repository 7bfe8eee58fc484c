// Lazily loads the Kinesis layer (and with it the AWS SDK). In the bundle, the import below is
// rewritten to require('./kinesis.js'), a separate file, on first call rather than at activation.
import type * as Api from './kinesis/api';

export type KinesisApi = typeof Api;

let loading: Promise<KinesisApi> | undefined;

export function loadKinesis(): Promise<KinesisApi> {
  // A plain require (not import()) so the bundle loads dist/kinesis.js as CommonJS, synchronously
  // on the first call; the promise keeps the call sites ready for an async loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => require('./kinesis/api') as KinesisApi);
  return loading;
}
