// Validates the `kinesis.connections` setting ([{ name, endpoint, region, profile? }]) into
// connection models. A bad entry becomes a connection with a problem (an error node), never a throw.
import type { Connection, ConnectionProblem } from './types';
import type { ProfileInfo } from './profiles';

export interface CustomConnectionSetting {
  name: string;
  endpoint: string;
  region: string;
  profile?: string;
  /** SubscribeToShard transport: 'auto' (default: HTTP/1.1 unless the endpoint is AWS's), 'http1' or 'http2'. */
  efoTransport?: 'auto' | 'http1' | 'http2';
}

const REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Returns the error text for an endpoint URL, or undefined when it is usable. */
export function endpointProblem(endpoint: unknown): string | undefined {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') return 'endpoint is missing';
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return `"${endpoint}" is not a URL (expected e.g. http://localhost:4566)`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${endpoint}" must start with http:// or https://`;
  if (!url.hostname) return `"${endpoint}" has no host`;
  return undefined;
}

export function regionProblem(region: unknown): string | undefined {
  if (typeof region !== 'string' || region.trim() === '') return 'region is missing';
  return REGION.test(region.trim()) ? undefined : `"${region}" is not a region name (expected e.g. us-east-1)`;
}

function entryName(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : `Connection ${index + 1}`;
}

function str(raw: unknown, key: string): string | undefined {
  const v = (raw as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Maps the raw setting value (whatever the user typed) to connections, in setting order. */
export function customConnections(raw: unknown, profiles: ReadonlyMap<string, ProfileInfo>): Connection[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    return [invalid('custom:kinesis.connections', 'kinesis.connections', { code: 'InvalidSetting', message: 'kinesis.connections must be a list of { name, endpoint, region, profile? }' })];
  }
  const seen = new Set<string>();
  return raw.map((entry: unknown, index) => {
    const name = entryName(entry, index);
    const id = seen.has(name) ? `custom:${name}#${index}` : `custom:${name}`;
    const problem = entryProblem(entry, name, seen, profiles);
    seen.add(name);
    const profileName = str(entry, 'profile');
    const connection: Connection = {
      id,
      kind: 'custom',
      name,
      region: str(entry, 'region') ?? 'us-east-1',
      regionSource: 'setting',
      endpoint: str(entry, 'endpoint'),
      profile: profileName,
      profileKind: profileName ? profiles.get(profileName)?.kind : undefined,
      ssoLoginProfile: profileName ? profiles.get(profileName)?.ssoLoginProfile : undefined,
    };
    const transport = str(entry, 'efoTransport');
    if (transport === 'http1' || transport === 'http2') connection.efoTransport = transport;
    if (problem) connection.problem = problem;
    return connection;
  });
}

function entryProblem(entry: unknown, name: string, seen: Set<string>, profiles: ReadonlyMap<string, ProfileInfo>): ConnectionProblem | undefined {
  if (typeof entry !== 'object' || entry === null) return { code: 'InvalidSetting', message: 'each entry of kinesis.connections must be an object { name, endpoint, region }' };
  if (seen.has(name)) return { code: 'DuplicateName', message: `another entry of kinesis.connections is also named "${name}"` };
  const endpoint = endpointProblem((entry as Record<string, unknown>).endpoint);
  if (endpoint) return { code: 'InvalidEndpoint', message: endpoint };
  const region = regionProblem((entry as Record<string, unknown>).region);
  if (region) return { code: 'InvalidRegion', message: region };
  const transport = (entry as Record<string, unknown>).efoTransport;
  if (transport !== undefined && transport !== 'auto' && transport !== 'http1' && transport !== 'http2') return { code: 'InvalidSetting', message: `efoTransport must be "auto", "http1" or "http2", not ${JSON.stringify(transport)}` };
  const profile = (entry as Record<string, unknown>).profile;
  if (profile !== undefined && (typeof profile !== 'string' || !profile.trim())) return { code: 'InvalidSetting', message: 'profile must be a profile name' };
  if (typeof profile === 'string') {
    const info = profiles.get(profile.trim());
    if (!info) return { code: 'ProfileNotFound', message: `profile "${profile}" is not defined in the AWS config or credentials file` };
    if (info.problem) return info.problem;
  }
  return undefined;
}

function invalid(id: string, name: string, problem: ConnectionProblem): Connection {
  return { id, kind: 'custom', name, region: 'us-east-1', regionSource: 'default', problem };
}
