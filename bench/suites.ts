// Every suite `npm run bench` runs, in order. Each lives in its own file under bench/.
import type { BenchSuite } from './types';
import { suite as decode } from './decode';
import { suite as drain } from './drain';
import { suite as api } from './api';
import { suite as activation } from './activation';

export const suites: BenchSuite[] = [
  drain,
  decode,
  api,
  activation,
];
