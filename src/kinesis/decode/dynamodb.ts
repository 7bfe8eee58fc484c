// Recognizes DynamoDB change records delivered through Kinesis Data Streams for DynamoDB and
// unmarshalls Keys/NewImage/OldImage from attribute values ({"S": ...}) to plain JSON.
import { convertToNative } from '@aws-sdk/util-dynamodb';
import { isPlainObject } from './text';

const IMAGE_FIELDS = ['Keys', 'NewImage', 'OldImage'] as const;

export interface DynamoDbChange {
  eventSource: 'aws:dynamodb';
  dynamodb: Record<string, unknown>;
  [field: string]: unknown;
}

export function isDynamoDbChange(value: unknown): value is DynamoDbChange {
  return isPlainObject(value) && value.eventSource === 'aws:dynamodb' && isPlainObject(value.dynamodb);
}

/** A copy of the record with its images unmarshalled; an image that cannot be is kept as is, with a warning. */
export function unmarshallChange(change: DynamoDbChange): { json: DynamoDbChange; warnings: string[] } {
  const warnings: string[] = [];
  const dynamodb: Record<string, unknown> = { ...change.dynamodb };
  for (const field of IMAGE_FIELDS) {
    if (!(field in dynamodb)) continue;
    const image = dynamodb[field];
    try {
      if (!isPlainObject(image)) throw new Error('not an object of attribute values');
      dynamodb[field] = nativeMap(image, field, warnings);
    } catch (e) {
      warnings.push(`DynamoDB ${field} kept as attribute values: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { json: { ...change, dynamodb }, warnings };
}

type AttributeValue = Parameters<typeof convertToNative>[0];

/**
 * Unmarshalls a map of attribute values into an object with own properties only. unmarshall()
 * assigns keys, so an attribute named `__proto__` would set the prototype and vanish; here it is
 * kept as an ordinary field, with a warning.
 */
function nativeMap(map: Record<string, unknown>, path: string, warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, av] of Object.entries(map)) {
    const at = `${path}.${key}`;
    if (key === '__proto__') warnings.push(`DynamoDB ${at}: the attribute "__proto__" is kept as an ordinary field; code that copies it into a plain object may drop it.`);
    Object.defineProperty(out, key, { value: nativeValue(av, at, warnings), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function nativeValue(av: unknown, path: string, warnings: string[]): unknown {
  if (isPlainObject(av) && isPlainObject(av.M)) return nativeMap(av.M, path, warnings);
  if (isPlainObject(av) && Array.isArray(av.L)) return av.L.map((item, i) => nativeValue(item, `${path}[${i}]`, warnings));
  return toPlainJson(convertToNative(av as AttributeValue, { wrapNumbers: exactNumber }));
}

/**
 * DynamoDB numbers carry up to 38 significant digits. A JS number is exact to 15, so longer ones
 * stay strings rather than silently losing digits (or making unmarshall throw, as it does by default).
 */
export function exactNumber(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  return significantDigits(text) <= 15 ? n : text;
}

function significantDigits(text: string): number {
  let digits = 0;
  let trailingZeros = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65 || c === 0x45) break; // exponent: does not add precision
    if (c < 0x30 || c > 0x39) continue; // sign, decimal point
    if (leading && c === 0x30) continue;
    leading = false;
    digits++;
    trailingZeros = c === 0x30 ? trailingZeros + 1 : 0;
  }
  return digits - trailingZeros;
}

/** unmarshall yields Sets for SS/NS/BS and may yield binary; JSON (and the webview) want arrays and strings. */
function toPlainJson(value: unknown): unknown {
  if (value instanceof Set) return Array.from(value, toPlainJson);
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: toPlainJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
