// A JSON syntax check that says where the text goes wrong (the offset of the first bad
// character), since JSON.parse's messages no longer carry a position for most errors.

export type JsonCheck = { ok: true } | { ok: false; offset: number; message: string };

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function checkJson(text: string): JsonCheck {
  const p = new Checker(text);
  try {
    p.skipSpace();
    p.value();
    p.skipSpace();
    if (p.i < text.length) p.fail(`Unexpected ${p.describe()} after the JSON value.`);
    return { ok: true };
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { ok: false, offset: err.offset, message: err.message };
    throw err;
  }
}

class Checker {
  i = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(Math.min(this.i, this.text.length), message);
  }

  describe(): string {
    const c = this.text[this.i];
    return c === undefined ? 'end of the body' : `${JSON.stringify(c)}`;
  }

  skipSpace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i] as string)) this.i++;
  }

  value(): void {
    const c = this.text[this.i];
    if (c === '{') return this.container('}', true);
    if (c === '[') return this.container(']', false);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    const unquoted = c !== undefined && /[A-Za-z]/.test(c) ? ' (text in JSON needs double quotes)' : '';
    this.fail(`Expected a JSON value, found ${this.describe()}${unquoted}.`);
  }

  private container(close: string, object: boolean): void {
    if (++this.depth > 512) this.fail('The JSON nests deeper than 512 levels.');
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === close) {
      this.i++;
      this.depth--;
      return;
    }
    for (;;) {
      if (object) {
        if (this.text[this.i] !== '"') this.fail(`Expected a property name in double quotes, found ${this.describe()}.`);
        this.string();
        this.skipSpace();
        if (this.text[this.i] !== ':') this.fail(`Expected ":" after the property name, found ${this.describe()}.`);
        this.i++;
        this.skipSpace();
      }
      this.value();
      this.skipSpace();
      const c = this.text[this.i];
      if (c === close) {
        this.i++;
        this.depth--;
        return;
      }
      if (c !== ',') this.fail(`Expected "," or "${close}", found ${this.describe()}.`);
      this.i++;
      this.skipSpace();
      if (this.text[this.i] === close) this.fail(`A trailing comma before "${close}" is not allowed in JSON.`);
    }
  }

  private string(): void {
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i] as string;
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\n' || c === '\r') this.fail('A JSON string cannot span lines: close it with " or write \\n.');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail('\\u needs four hex digits.');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`Invalid escape \\${e ?? ''} in a JSON string.`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.fail('This JSON string is not closed: add ".');
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (!m) this.fail(`Invalid number at ${this.describe()}.`);
    this.i += m[0].length;
  }
}
