// Masks credentials in text bound for logs or notifications: access keys, secrets, session and
// SSO tokens, bearer tokens and signed headers, in ini, JSON, key=value, `=>` and header forms,
// including the SDK's own error messages that echo a request's canonical headers.

/** Field names whose value is a secret, as the AWS files, the SDK and the SSO token cache spell them. */
const SECRET_FIELDS = [
  '(?:aws_)?secret_access_key', 'secretAccessKey', 'SecretAccessKey',
  '(?:aws_)?session_token', 'sessionToken', 'SessionToken', '(?:aws_)?security_token',
  // The SSO token cache (~/.aws/sso/cache/*.json) and OIDC client registrations.
  'accessToken', 'refreshToken', 'clientSecret', 'access_token', 'refresh_token', 'client_secret',
].join('|');

/** `name = v`, `"name": "v"`, `name: v`, `name => v`, `:name => v`. */
const SEPARATOR = `["']?\\s*(?:=>|[:=])\\s*["']?`;

const PATTERNS: Array<[RegExp, string]> = [
  // Access key ids: AKIA…, ASIA… (temporary), AROA… etc.
  [/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{12,}\b/g, '$1****************'],
  [new RegExp(`((?<![A-Za-z])(?:${SECRET_FIELDS})${SEPARATOR})[^\\s"',}]+`, 'gi'), '$1****'],
  // Whole Authorization header values (Bearer, Basic, AWS4-HMAC-SHA256 …), to the end of the line.
  [/(\bAuthorization["']?\s*[:=]\s*["']?(?:(?:Bearer|Basic|AWS4-HMAC-SHA256)\s+)?)[^\r\n"']+/gi, '$1****'],
  // A bearer token anywhere else.
  [/(\bBearer\s+)[A-Za-z0-9\-._~+/]{8,}=*/g, '$1****'],
  // Session tokens as headers, also lowercase in the SDK's canonical-request echoes.
  [/(X-Amz-Security-Token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1****'],
  [/(Signature=)[0-9a-f]{16,}/gi, '$1****'],
];

export function redact(text: string): string {
  let out = text;
  for (const [re, repl] of PATTERNS) out = out.replace(re, repl);
  return out;
}
