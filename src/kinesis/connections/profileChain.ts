// Checks a profile before any credential call, the way the SDK would resolve it: source_profile
// chains (missing or cyclic links), and references to sso-session / services sections.
import type { IniSection, ParsedIniData } from '@smithy/types';

export interface ProfileProblem {
  /** Stable code shown on the error node, e.g. `SourceProfileCycle`. */
  code: string;
  message: string;
}

export interface ProfileCheck {
  problem?: ProfileProblem;
  /** First profile along the chain that logs in with SSO; `aws sso login --profile` needs it. */
  ssoLoginProfile?: string;
}

const MAX_CHAIN = 32;

function hasStaticKeys(s: IniSection): boolean {
  return s.aws_access_key_id !== undefined && s.aws_secret_access_key !== undefined;
}

function isSso(s: IniSection): boolean {
  return s.sso_session !== undefined || s.sso_start_url !== undefined || s.sso_account_id !== undefined;
}

function isAssumeRole(s: IniSection): boolean {
  return s.role_arn !== undefined && s.source_profile !== undefined && s.credential_source === undefined;
}

/** Can this profile, reached as a source_profile, hand out credentials without going further? */
function isTerminalSource(s: IniSection): boolean {
  return hasStaticKeys(s) || isSso(s) || s.credential_process !== undefined || s.credential_source !== undefined
    || (s.web_identity_token_file !== undefined && s.role_arn !== undefined) || s.login_session !== undefined;
}

export function validateProfileChain(name: string, all: ParsedIniData): ProfileCheck {
  const section = all[name] ?? {};
  const refs = sectionReferenceProblem(name, section, all);
  if (refs) return { problem: refs };
  if (isSso(section)) return { ssoLoginProfile: name };
  if (!isAssumeRole(section)) return {};
  return walkSourceChain(name, all);
}

function sectionReferenceProblem(name: string, s: IniSection, all: ParsedIniData): ProfileProblem | undefined {
  if (s.sso_session !== undefined && !all[`sso-session.${s.sso_session}`]) {
    return { code: 'SsoSessionNotFound', message: `Profile "${name}" uses sso_session "${s.sso_session}", but the config file has no [sso-session ${s.sso_session}] section` };
  }
  if (s.services !== undefined && !all[`services.${s.services}`]) {
    return { code: 'ServicesSectionNotFound', message: `Profile "${name}" uses services "${s.services}", but the config file has no [services ${s.services}] section` };
  }
  if (s.role_arn !== undefined && s.source_profile !== undefined && s.credential_source !== undefined) {
    return { code: 'InvalidProfile', message: `Profile "${name}" sets both source_profile and credential_source; use one` };
  }
  return undefined;
}

/**
 * Follows source_profile links as the SDK does: the first hop may point at the profile itself
 * (role on top of its own static keys); after that, revisiting a profile is a cycle.
 */
function walkSourceChain(start: string, all: ParsedIniData): ProfileCheck {
  const visited: string[] = [];
  let current = start;
  for (let hop = 0; hop < MAX_CHAIN; hop++) {
    const source = all[current]?.source_profile;
    if (source === undefined) return {};
    if (visited.includes(source)) {
      return { problem: { code: 'SourceProfileCycle', message: `source_profile cycle: ${cyclePath([start, ...visited, source])}` } };
    }
    visited.push(source);
    const sourceSection = all[source];
    if (!sourceSection) {
      return { problem: { code: 'SourceProfileNotFound', message: `Profile "${current}" has source_profile "${source}", which is not defined in the config or credentials file` } };
    }
    if (hasStaticKeys(sourceSection)) return {};
    if (isAssumeRole(sourceSection)) {
      current = source;
      continue;
    }
    if (isTerminalSource(sourceSection)) return isSso(sourceSection) ? { ssoLoginProfile: source } : {};
    return { problem: { code: 'SourceProfileWithoutCredentials', message: `source_profile "${source}" (used by "${current}") has no credentials: no keys, role, SSO or credential_process` } };
  }
  return { problem: { code: 'SourceProfileCycle', message: `source_profile chain of "${start}" is longer than ${MAX_CHAIN} profiles` } };
}

/** The chain up to the first profile that repeats: "a → b → a". */
function cyclePath(chain: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of chain) {
    out.push(name);
    if (seen.has(name)) break;
    seen.add(name);
  }
  return out.join(' → ');
}
