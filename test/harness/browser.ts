// Headless Debian Chromium through playwright-core (no browser download; installed from Debian on
// first use), with the flags this closed network needs.
import { chromium, type Browser } from 'playwright-core';
import { ensureChromium } from './hostTools';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}
