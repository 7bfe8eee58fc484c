// Every suite `npm run bench` runs, in order. Each lives in its own file under bench/.
import { suite as scale } from './scale';
import type { BenchSuite } from './types';
import { suite as webview } from './webview';

export const suites: BenchSuite[] = [
  webview,
  scale,
];
