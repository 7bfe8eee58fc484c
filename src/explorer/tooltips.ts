// Markdown tooltips for explorer nodes. Values that come from AWS or the user are escaped or put
// in code spans, so a name or message can never turn into a link or markup.
import type { Connection } from '../kinesis/connections/connections';
import type { ConsumerModel } from '../kinesis/consumers/consumers';
import type { NodeError } from '../kinesis/result';
import type { ShardModel } from '../kinesis/streams/shards';
import type { StreamModel } from '../kinesis/streams/streams';

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** A code span; double backticks when the value holds one. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function lines(title: string, rows: Array<[string, string | undefined]>): string {
  const body = rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `${k}: ${v}`);
  return [`**${title}**`, '', ...body.map((l, i) => (i < body.length - 1 ? `${l}  ` : l))].join('\n');
}

export function capacityModeText(mode: StreamModel['mode']): string | undefined {
  if (mode === 'ON_DEMAND') return 'on-demand';
  if (mode === 'PROVISIONED') return 'provisioned';
  return undefined;
}

export function streamTooltip(s: StreamModel): string {
  const encryption = s.encryption === 'KMS' ? `KMS${s.keyId ? ` (${code(s.keyId)})` : ''}` : s.encryption === 'NONE' ? 'none' : undefined;
  return lines(`Stream ${code(s.name)}`, [
    ['ARN', s.arn ? code(s.arn) : undefined],
    ['Status', s.status],
    ['Capacity mode', capacityModeText(s.mode)],
    ['Open shards', s.openShards?.toString()],
    ['Retention', s.retentionHours !== undefined ? `${s.retentionHours} hours` : undefined],
    ['Created', s.created ? s.created.toISOString() : undefined],
    ['Encryption', encryption],
    ['Consumers', s.consumers?.toString()],
  ]);
}

export function shardTooltip(s: ShardModel): string {
  const parents = [s.parentId, s.adjacentParentId].filter((p): p is string => Boolean(p));
  return lines(`Shard ${code(s.id)}`, [
    ['State', s.closed ? 'closed (no new records)' : 'open'],
    ['Hash key range', `${code(s.hashKeyStart)} – ${code(s.hashKeyEnd)}`],
    ['Starting sequence number', code(s.startingSequence)],
    ['Ending sequence number', s.endingSequence ? code(s.endingSequence) : undefined],
    ['Parent shards', parents.length ? parents.map(code).join(', ') : undefined],
    ['Child shards', s.children.length ? s.children.map(code).join(', ') : undefined],
  ]);
}

export function consumerTooltip(c: ConsumerModel): string {
  return lines(`Consumer ${code(c.name)}`, [
    ['ARN', code(c.arn)],
    ['Status', c.status],
    ['Created', c.createdAt > 0 ? new Date(c.createdAt).toISOString() : undefined],
  ]);
}

const CREDENTIAL_TEXT: Record<string, string> = {
  role: 'assumed role',
  static: 'access keys',
  'web-identity': 'web identity token',
  process: 'credential_process',
  sso: 'IAM Identity Center (SSO)',
  login: 'console login session',
  none: 'no credentials configured',
};

export function credentialText(c: Connection): string {
  if (c.kind === 'environment' && !c.profile) return 'AWS_ACCESS_KEY_ID from the environment';
  if (c.kind === 'custom' && !c.profile) return 'dummy credentials (emulator)';
  const kind = c.profileKind ? CREDENTIAL_TEXT[c.profileKind] : undefined;
  return kind ? `${kind}, profile ${code(c.profile ?? '')}` : `profile ${code(c.profile ?? '')}`;
}

export function connectionTooltip(c: Connection, regions: readonly string[]): string {
  const what = c.kind === 'custom' ? 'Custom endpoint' : c.kind === 'environment' ? 'Environment' : 'Profile';
  return lines(`${what} ${code(c.name)}`, [
    ['Credentials', credentialText(c)],
    ['Region', regions.length === 1 ? code(regions[0] as string) : regions.map(code).join(', ')],
    ['Endpoint', c.endpoint ? code(c.endpoint) : 'AWS'],
    ['Problem', c.problem ? `${c.problem.code}: ${escapeMarkdown(c.problem.message)}` : undefined],
  ]);
}

export function errorTooltip(e: NodeError): string {
  const parts = [`**${escapeMarkdown(e.code)}**`, '', escapeMarkdown(e.message)];
  if (e.nextStep) parts.push('', escapeMarkdown(e.nextStep));
  parts.push('', e.ssoLoginCommand ? 'Click to copy the login command.' : 'Click to show details in the Kinesis log.');
  return parts.join('\n');
}
