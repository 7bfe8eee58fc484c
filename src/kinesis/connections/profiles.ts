// AWS profiles from the shared config and credentials files, read with the SDK's own ini loader
// so that what works in the user's terminal (CLI, SDK) shows up here the same way.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { IniSection, ParsedIniData, SharedConfigFiles } from '@smithy/types';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { validateProfileChain, type ProfileProblem } from './profileChain';

export type { ProfileProblem } from './profileChain';

export interface AwsFilePaths {
  configFile: string;
  credentialsFile: string;
}

/** How a profile gets its credentials, in the order the SDK's fromIni checks them. */
export type ProfileKind = 'role' | 'static' | 'web-identity' | 'process' | 'sso' | 'login' | 'none';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region?: string;
  /** Kinesis endpoint from `services` → `kinesis.endpoint_url`, else the profile's `endpoint_url`. */
  endpoint?: string;
  sourceProfile?: string;
  credentialSource?: string;
  roleArn?: string;
  mfaSerial?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  /** The profile whose SSO login feeds this one (itself, or a source_profile up its chain). */
  ssoLoginProfile?: string;
  /** Which files define it. */
  foundIn: Array<'config' | 'credentials'>;
  /** Set when the profile cannot work as written (broken source_profile chain, missing section). */
  problem?: ProfileProblem;
}

export interface ProfileSet {
  profiles: ProfileInfo[];
  paths: AwsFilePaths;
}

const SECTION_PREFIXES = ['sso-session.', 'services.'];

/** The files the CLI reads: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/*. */
export function awsFilePaths(env: NodeJS.ProcessEnv = process.env): AwsFilePaths {
  const home = env.HOME || env.USERPROFILE || homedir();
  const expand = (p: string) => (p.startsWith('~/') || p.startsWith('~\\') ? join(home, p.slice(2)) : p);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

/** Reads both files afresh (missing files count as empty, as in the CLI). */
export async function loadProfiles(paths: AwsFilePaths = awsFilePaths()): Promise<ProfileSet> {
  const files = await loadSharedConfigFiles({ filepath: paths.credentialsFile, configFilepath: paths.configFile, ignoreCache: true });
  return { profiles: profilesFromFiles(files), paths };
}

/** Merges the two files the way the SDK's parseKnownFiles does: credentials file keys win. */
export function mergeProfiles(files: SharedConfigFiles): ParsedIniData {
  const merged: ParsedIniData = {};
  for (const [name, section] of Object.entries(files.configFile)) merged[name] = { ...section };
  for (const [name, section] of Object.entries(files.credentialsFile)) merged[name] = { ...merged[name], ...section };
  return merged;
}

function isSectionKey(key: string): boolean {
  return SECTION_PREFIXES.some((p) => key.startsWith(p));
}

/** Pure: one ProfileInfo per profile, default first, then by name. */
export function profilesFromFiles(files: SharedConfigFiles): ProfileInfo[] {
  const merged = mergeProfiles(files);
  const names = Object.keys(merged).filter((name) => !(isSectionKey(name) && !(name in files.credentialsFile)));
  names.sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
  return names.map((name) => profileInfo(name, merged, files));
}

function profileInfo(name: string, all: ParsedIniData, files: SharedConfigFiles): ProfileInfo {
  const s = all[name] ?? {};
  const foundIn: ProfileInfo['foundIn'] = [];
  if (name in files.configFile) foundIn.push('config');
  if (name in files.credentialsFile) foundIn.push('credentials');
  const info: ProfileInfo = {
    name,
    kind: profileKind(s),
    region: s.region?.trim() || undefined,
    endpoint: profileEndpoint(s, all),
    sourceProfile: s.source_profile,
    credentialSource: s.credential_source,
    roleArn: s.role_arn,
    mfaSerial: s.mfa_serial,
    ssoSession: s.sso_session,
    ssoStartUrl: s.sso_start_url ?? (s.sso_session ? all[`sso-session.${s.sso_session}`]?.sso_start_url : undefined),
    foundIn,
  };
  const { problem, ssoLoginProfile } = validateProfileChain(name, all);
  if (problem) info.problem = problem;
  if (ssoLoginProfile) info.ssoLoginProfile = ssoLoginProfile;
  return info;
}

export function profileKind(s: IniSection): ProfileKind {
  if (s.role_arn && (s.source_profile !== undefined) !== (s.credential_source !== undefined)) return 'role';
  if (s.aws_access_key_id !== undefined && s.aws_secret_access_key !== undefined) return 'static';
  if (s.web_identity_token_file !== undefined && s.role_arn !== undefined) return 'web-identity';
  if (s.credential_process !== undefined) return 'process';
  if (isSsoSection(s)) return 'sso';
  if (s.login_session !== undefined) return 'login';
  return 'none';
}

export function isSsoSection(s: IniSection): boolean {
  return ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((k) => s[k] !== undefined);
}

/**
 * The Kinesis endpoint configured for a profile (the SDK's "service-specific endpoints"): the
 * `services` section's `kinesis.endpoint_url` wins over the profile's `endpoint_url`, and
 * `ignore_configured_endpoint_urls = true` turns both off.
 */
export function profileEndpoint(s: IniSection, all: ParsedIniData): string | undefined {
  if (s.ignore_configured_endpoint_urls?.trim().toLowerCase() === 'true') return undefined;
  if (s.services) {
    const url = all[`services.${s.services}`]?.['kinesis.endpoint_url'];
    if (url?.trim()) return url.trim();
  }
  return s.endpoint_url?.trim() || undefined;
}
