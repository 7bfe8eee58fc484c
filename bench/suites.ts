// Every suite `npm run bench` runs, in order. Each lives in its own file under bench/.
import { suite as activation } from './activation';
import { suite as api } from './api';
import { suite as decode } from './decode';
import { suite as drain } from './drain';
import { suite as scale } from './scale';
import { suite as find } from './find';
import type { BenchSuite } from './types';
import { suite as filter } from './filter';
import { suite as webview } from './webview';
import { suite as hostReplay } from './hostReplay';

export const suites: BenchSuite[] = [
  drain,
  decode,
  api,
  webview,
  hostReplay,
  scale,
  activation,
  find,
  filter,
];
