// The kinesis.tail.* settings. Their defaults live only in package.json (contributes.configuration)
// and VS Code applies them, so nothing here types a default a second time.
import * as vscode from 'vscode';
import type { PanelSettings } from '../shared/protocol';

/** What the tail engine reads per GetRecords call and how long an idle shard waits. */
export interface EngineSettings {
  limit: number;
  idleIntervalMs: number;
  idleMaxIntervalMs: number;
}

function tailSetting<T>(key: string): T {
  const value = vscode.workspace.getConfiguration('kinesis.tail').get<T>(key);
  // Only a package.json without this setting's default gets here.
  if (value === undefined) throw new Error(`The setting kinesis.tail.${key} has no default in package.json.`);
  return value;
}

export function readPanelSettings(): PanelSettings {
  return {
    maxRecords: Math.max(1000, Math.min(1_000_000, tailSetting<number>('maxRecords'))),
    timeZone: tailSetting<string>('timeZone') === 'utc' ? 'utc' : 'local',
    autoScroll: tailSetting<boolean>('autoScroll'),
    autoPauseWhenFull: tailSetting<boolean>('autoPauseWhenFull'),
  };
}

export function readEngineSettings(): EngineSettings {
  return { limit: tailSetting<number>('limit'), idleIntervalMs: tailSetting<number>('idleIntervalMs'), idleMaxIntervalMs: tailSetting<number>('idleMaxIntervalMs') };
}
