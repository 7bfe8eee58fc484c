// Every suite `npm run bench` runs, in order. Each lives in its own file under bench/.
import { suite as find } from './find';
import type { BenchSuite } from './types';

export const suites: BenchSuite[] = [
  find,
];
