// Connections: the explorer's roots. Every profile of the shared files, an "Environment"
// connection when AWS_ACCESS_KEY_ID or AWS_PROFILE is set, and the custom endpoints setting.
import { customConnections, endpointProblem } from './custom';
import { awsFilePaths, loadProfiles, type AwsFilePaths, type ProfileInfo } from './profiles';
import type { Connection, ConnectionProblem } from './types';

export type { Connection, ConnectionKind, ConnectionProblem } from './types';

export interface DiscoverOptions {
  /** Value of the `kinesis.connections` setting, unvalidated. */
  custom?: unknown;
  env?: NodeJS.ProcessEnv;
  paths?: AwsFilePaths;
}

export interface Discovery {
  connections: Connection[];
  paths: AwsFilePaths;
  /** Set when the shared files could not be read at all (they are then treated as empty). */
  filesProblem?: ConnectionProblem;
}

export const DEFAULT_REGION = 'us-east-1';

/** Reads the shared files and the setting; never throws for bad user configuration. */
export async function discoverConnections(opts: DiscoverOptions = {}): Promise<Discovery> {
  const env = opts.env ?? process.env;
  const paths = opts.paths ?? awsFilePaths(env);
  let profiles: ProfileInfo[] = [];
  let filesProblem: ConnectionProblem | undefined;
  try {
    profiles = (await loadProfiles(paths)).profiles;
  } catch (err) {
    filesProblem = { code: 'ConfigFileUnreadable', message: `Cannot read ${paths.configFile} or ${paths.credentialsFile}: ${(err as Error).message}` };
  }
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const connections: Connection[] = [];
  const environment = environmentConnection(env, byName);
  if (environment) connections.push(environment);
  connections.push(...customConnections(opts.custom, byName));
  connections.push(...profiles.map(profileConnection));
  return filesProblem ? { connections, paths, filesProblem } : { connections, paths };
}

export function profileConnection(p: ProfileInfo): Connection {
  const connection: Connection = {
    id: `profile:${p.name}`,
    kind: 'profile',
    name: p.name,
    profile: p.name,
    profileKind: p.kind,
    ssoLoginProfile: p.ssoLoginProfile,
    region: p.region ?? DEFAULT_REGION,
    regionSource: p.region ? 'profile' : 'default',
    endpoint: p.endpoint,
  };
  const badEndpoint = p.endpoint ? endpointProblem(p.endpoint) : undefined;
  if (p.problem) connection.problem = p.problem;
  else if (badEndpoint) connection.problem = { code: 'InvalidEndpoint', message: `endpoint_url of profile "${p.name}": ${badEndpoint}` };
  return connection;
}

/**
 * The connection the CLI would use in this environment: keys from AWS_ACCESS_KEY_ID, or the
 * AWS_PROFILE profile. Region and endpoint follow the CLI's precedence (env before profile).
 */
export function environmentConnection(env: NodeJS.ProcessEnv, profiles: ReadonlyMap<string, ProfileInfo>): Connection | undefined {
  const hasKeys = Boolean(env.AWS_ACCESS_KEY_ID);
  const profileName = env.AWS_PROFILE?.trim() || undefined;
  if (!hasKeys && !profileName) return undefined;
  const profile = !hasKeys && profileName ? profiles.get(profileName) : undefined;
  const envRegion = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim();
  const endpoint = env.AWS_ENDPOINT_URL_KINESIS?.trim() || env.AWS_ENDPOINT_URL?.trim() || profile?.endpoint;
  const connection: Connection = {
    id: 'environment',
    kind: 'environment',
    name: 'Environment',
    profile: hasKeys ? undefined : profileName,
    profileKind: profile?.kind,
    ssoLoginProfile: profile?.ssoLoginProfile,
    region: envRegion || profile?.region || DEFAULT_REGION,
    regionSource: envRegion ? 'environment' : profile?.region ? 'profile' : 'default',
    endpoint,
  };
  if (!hasKeys && profileName && !profile) {
    connection.problem = { code: 'ProfileNotFound', message: `AWS_PROFILE is "${profileName}", which is not defined in the AWS config or credentials file` };
  } else if (profile?.problem) {
    connection.problem = profile.problem;
  } else if (endpoint && endpointProblem(endpoint)) {
    connection.problem = { code: 'InvalidEndpoint', message: `Kinesis endpoint of the environment: ${endpointProblem(endpoint) ?? ''}` };
  }
  return connection;
}
