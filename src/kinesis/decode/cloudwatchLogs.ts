// Recognizes the CloudWatch Logs subscription envelope (gzipped JSON with messageType, logGroup,
// logStream and logEvents) and exposes its events, with JSON log messages also parsed.
import { isPlainObject, parseJsonContainer } from './text';

export interface LogEvent {
  id?: unknown;
  timestamp?: unknown;
  message?: unknown;
  /** The message parsed, when it is a JSON object or array; `message` keeps the original. */
  messageJson?: unknown;
}

export interface CloudWatchLogsEnvelope {
  messageType: string;
  owner?: unknown;
  logGroup: string;
  logStream: string;
  subscriptionFilters?: unknown;
  /** Normally LogEvent objects; anything else in the array is passed through untouched. */
  logEvents: unknown[];
}

export function isCloudWatchLogsEnvelope(value: unknown): value is CloudWatchLogsEnvelope {
  return (
    isPlainObject(value) &&
    typeof value.messageType === 'string' &&
    typeof value.logGroup === 'string' &&
    typeof value.logStream === 'string' &&
    Array.isArray(value.logEvents)
  );
}

/** A copy of the envelope whose events carry `messageJson` where the message is JSON. */
export function exposeLogEvents(envelope: CloudWatchLogsEnvelope): CloudWatchLogsEnvelope {
  return { ...envelope, logEvents: envelope.logEvents.map(withParsedMessage) };
}

function withParsedMessage(event: unknown): unknown {
  if (!isPlainObject(event) || typeof event.message !== 'string') return event;
  const parsed = parseJsonContainer(event.message);
  if (!parsed.ok) return event;
  const withJson: LogEvent = { ...event, messageJson: parsed.value };
  return withJson;
}
