// Decoder badges: one small label per applied layer (JSON, gzip, KPL, CloudWatch Logs, …).
import type { DecodeLayer, RecordRow } from '../../src/tail/shared/protocol';
import { h } from './dom';

const LABELS: Record<DecodeLayer, { text: string; title: string }> = {
  kpl: { text: 'KPL', title: 'KPL aggregated record' },
  gzip: { text: 'gzip', title: 'gzip compressed' },
  zlib: { text: 'zlib', title: 'zlib compressed' },
  'cloudwatch-logs': { text: 'CWL', title: 'CloudWatch Logs subscription data' },
  control: { text: 'control', title: 'CloudWatch Logs CONTROL_MESSAGE: a health check sent when the subscription was set up, not log data' },
  dynamodb: { text: 'DDB', title: 'DynamoDB change record' },
  json: { text: 'JSON', title: 'JSON' },
  text: { text: 'text', title: 'UTF-8 text' },
  binary: { text: 'bin', title: 'Binary' },
};

export function badge(layer: DecodeLayer): HTMLSpanElement {
  // The layer name is checked against our table; an unknown one (a newer host) shows as plain text.
  const label = Object.prototype.hasOwnProperty.call(LABELS, layer) ? LABELS[layer] : { text: String(layer), title: String(layer) };
  const el = h('span', `badge badge-${Object.prototype.hasOwnProperty.call(LABELS, layer) ? layer : 'other'}`, label.text);
  el.title = label.title;
  return el;
}

export function badgesFor(row: RecordRow): HTMLSpanElement[] {
  const out = row.layers.slice(0, 6).map(badge);
  if (row.warnings && row.warnings.length > 0) {
    const warn = h('span', 'badge badge-warning', '!');
    warn.title = row.warnings.join('\n');
    out.push(warn);
  }
  return out;
}
