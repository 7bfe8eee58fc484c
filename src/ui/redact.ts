// Masks credentials in text bound for logs or notifications.

const PATTERNS: Array<[RegExp, string]> = [
  // Access key ids: AKIA…, ASIA… (temporary), AROA… etc.
  [/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{12,}\b/g, '$1****************'],
  // key = value pairs for secrets and tokens, in ini, JSON or header form.
  [/((?:aws_)?(?:secret_access_key|secretAccessKey|session_token|sessionToken|security_token|SecretAccessKey|SessionToken)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1****'],
  [/(X-Amz-Security-Token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1****'],
  [/(Signature=)[0-9a-f]{16,}/gi, '$1****'],
];

export function redact(text: string): string {
  let out = text;
  for (const [re, repl] of PATTERNS) out = out.replace(re, repl);
  return out;
}
