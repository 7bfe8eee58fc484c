// The one result type of the Kinesis layer, and the one place that captures a failed call in it:
// settle() turns any failure of a connection, a listing or a describe into a NodeError (code, one
// line, next step, SSO login command), so callers that must never throw (the tree) get a value.
// Calls that throw go through callKinesis() (call.ts); commands let those reach the command wrapper (registerCommands()).
import type { Connection, ConnectionProblem } from './connections/connections';
import { describeError, errorCode, isCredentialError } from './errors';

export interface NodeError {
  code: string;
  /** One line, for the node's description. */
  message: string;
  nextStep?: string;
  /** Set when re-authenticating with SSO fixes it: `aws sso login --profile X`. */
  ssoLoginCommand?: string;
  /** Everything known, for the log ("Show details"). */
  detail: string;
}

/** Success with a value, or the failure: a NodeError for calls, a one-line message for input checks. */
export type Result<T, E = NodeError> = { ok: true; value: T } | { ok: false; error: E };

const MAX_LINE = 200;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

function detailOf(err: unknown): string {
  if (err instanceof Error) return err.stack ? `${err.name}: ${err.message}\n${err.stack.split('\n').slice(1, 8).join('\n')}` : `${err.name}: ${err.message}`;
  try {
    return JSON.stringify(err);
  } catch {
    return Object.prototype.toString.call(err);
  }
}

/** SSO token problems surface as several SDK errors; all mean "log in again". */
export function isSsoTokenError(err: unknown, connection?: Connection): boolean {
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : '';
  if (code === 'TokenProviderError' || (/sso/i.test(message) && /token|session|expired|invalid|refresh/i.test(message))) return true;
  // An SSO-backed profile whose credentials fail cannot be fixed any other way.
  return Boolean(connection?.ssoLoginProfile) && (code === 'CredentialsProviderError' || isCredentialError(err));
}

export function toNodeError(err: unknown, connection?: Connection): NodeError {
  const described = describeError(err, { profile: connection?.ssoLoginProfile ?? connection?.profile, endpoint: connection?.endpoint });
  const nodeError: NodeError = {
    code: described.code,
    message: oneLine(described.message || described.code),
    detail: detailOf(err),
  };
  if (described.nextStep) nodeError.nextStep = described.nextStep;
  if (isSsoTokenError(err, connection)) {
    const profile = connection?.ssoLoginProfile ?? connection?.profile;
    nodeError.ssoLoginCommand = profile ? `aws sso login --profile ${profile}` : 'aws sso login';
    nodeError.nextStep = `The SSO session is missing or expired. Run \`${nodeError.ssoLoginCommand}\`, then refresh.`;
  } else if (connection && (described.code === 'CredentialsProviderError' || isCredentialError(err))) {
    nodeError.nextStep = credentialNextStep(connection) ?? nodeError.nextStep;
  }
  return nodeError;
}

/** What to check when a profile's credentials fail, by how the profile gets them. */
function credentialNextStep(c: Connection): string | undefined {
  const p = c.profile;
  if (!p) return c.kind === 'environment' ? 'Check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in the environment VS Code was started from.' : undefined;
  switch (c.profileKind) {
    case 'process':
      return `The credential_process of profile "${p}" failed. Run it in a terminal to see why, then refresh.`;
    case 'static':
      return `Check the access keys of profile "${p}" in the credentials file; temporary keys also need aws_session_token.`;
    case 'role':
      return `Profile "${p}" could not assume its role. Check role_arn, the source profile's credentials and the MFA code.`;
    case 'web-identity':
      return `Check web_identity_token_file and role_arn of profile "${p}".`;
    case 'none':
      return `Profile "${p}" has no credentials: add keys, SSO, a role or credential_process.`;
    default:
      return undefined;
  }
}

export function problemToNodeError(problem: ConnectionProblem, connection?: Connection): NodeError {
  return {
    code: problem.code,
    message: oneLine(problem.message),
    nextStep: connection?.kind === 'custom' ? 'Fix the entry in the kinesis.connections setting.' : 'Fix the profile in the AWS config or credentials file.',
    detail: `${connection ? `${connection.name}: ` : ''}${problem.code}: ${problem.message}`,
  };
}

/** Runs `work` and captures any failure as a NodeError; for callers that must never throw. */
export async function settle<T>(work: () => Promise<T>, connection?: Connection): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: toNodeError(err, connection) };
  }
}
