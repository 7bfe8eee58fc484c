// What a connection is: the explorer's root, the key of its clients and saved regions. Types only,
// so that discovery and the custom-endpoint parser can share them without importing each other.
import type { ProfileKind } from './profiles';

export type ConnectionKind = 'profile' | 'environment' | 'custom';

export interface ConnectionProblem {
  code: string;
  message: string;
}

export interface Connection {
  /** Stable id: `profile:<name>`, `environment`, `custom:<name>`; keys clients and saved regions. */
  id: string;
  kind: ConnectionKind;
  /** Label in the tree. */
  name: string;
  /** Profile whose credentials are used (profile connections, custom ones with `profile`, AWS_PROFILE). */
  profile?: string;
  profileKind?: ProfileKind;
  /** Profile to pass to `aws sso login --profile` when its SSO token is missing or expired. */
  ssoLoginProfile?: string;
  /** Region used when the user has not chosen any. */
  region: string;
  regionSource: 'profile' | 'environment' | 'setting' | 'default';
  /** Custom endpoint; absent means the AWS regional endpoint. */
  endpoint?: string;
  /** SubscribeToShard over HTTP/1.1 or HTTP/2 (custom connections' `efoTransport`); default by endpoint. */
  efoTransport?: 'auto' | 'http1' | 'http2';
  /** Why the connection cannot work as configured; shown as an error node instead of streams. */
  problem?: ConnectionProblem;
}
