// Every suite `npm run bench` runs, in order. Each lives in its own file under bench/.
import type { BenchSuite } from './types';
import { suite as filter } from './filter';
import { suite as webview } from './webview';

export const suites: BenchSuite[] = [
  webview,
  filter,
];
