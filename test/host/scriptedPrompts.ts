// Test helper: a Prompts implementation that answers from a queue and records every prompt it saw.
// An unexpected prompt (wrong kind, or none left) is recorded as a problem and answered as a
// cancel, so the command ends instead of hanging; assertDone() then fails with what happened.
// Scripted input answers must pass the command's own validate(), as they would in VS Code.
import { strict as assert } from 'node:assert';
import type { InputOptions, PickItem, PickOptions, Prompts } from '../../src/ui/prompts';

export type InputStep = {
  kind: 'input';
  /** undefined: the user presses Escape. */
  answer: string | undefined;
  /** Title must match, to be sure the right box is being answered. */
  title?: RegExp;
  /** Values typed before the answer, each with the validation message expected for it. */
  rejects?: Array<[string, RegExp]>;
};

export type PickStep = {
  kind: 'pick';
  /** The label to choose (exact string or pattern); undefined: Escape. */
  choose: string | RegExp | undefined;
  title?: RegExp;
};

export type ConfirmStep = {
  kind: 'confirm';
  /** The action title to click; undefined: Cancel. */
  answer: string | undefined;
  message?: RegExp;
  detail?: RegExp;
};

export type Step = InputStep | PickStep | ConfirmStep;

export interface SeenPrompt {
  kind: 'input' | 'pick' | 'pickMany' | 'confirm';
  title: string;
  /** Input: the prompt text; confirm: the detail. */
  text: string;
  value?: string;
  labels?: string[];
  descriptions?: Array<string | undefined>;
  actions?: string[];
  validate?: (value: string) => string | undefined;
}

export class ScriptedPrompts implements Prompts {
  readonly seen: SeenPrompt[] = [];
  readonly problems: string[] = [];
  private readonly steps: Step[];

  constructor(...steps: Step[]) {
    this.steps = steps;
  }

  async input(opts: InputOptions): Promise<string | undefined> {
    this.seen.push({ kind: 'input', title: opts.title ?? '', text: opts.prompt ?? '', value: opts.value, validate: opts.validate });
    const step = this.next('input', opts.title ?? '');
    if (!step) return undefined;
    if (step.title && !step.title.test(opts.title ?? '')) this.problems.push(`input "${opts.title ?? ''}" does not match ${step.title}`);
    for (const [value, expected] of step.rejects ?? []) {
      const message = opts.validate?.(value);
      if (message === undefined) this.problems.push(`input "${opts.title ?? ''}": "${value}" was accepted, expected a message matching ${expected}`);
      else if (!expected.test(message)) this.problems.push(`input "${opts.title ?? ''}": "${value}" gave "${message}", expected ${expected}`);
    }
    if (step.answer !== undefined) {
      const message = opts.validate?.(step.answer);
      if (message !== undefined) this.problems.push(`input "${opts.title ?? ''}": the scripted answer "${step.answer}" is refused by validate: ${message}`);
    }
    return step.answer;
  }

  async pick<T>(items: PickItem<T>[], opts: PickOptions): Promise<T | undefined> {
    this.seen.push({ kind: 'pick', title: opts.title ?? '', text: opts.placeHolder ?? '', labels: items.map((i) => i.label), descriptions: items.map((i) => i.description) });
    const step = this.next('pick', opts.title ?? '');
    if (!step || step.choose === undefined) return undefined;
    if (step.title && !step.title.test(opts.title ?? '')) this.problems.push(`pick "${opts.title ?? ''}" does not match ${step.title}`);
    const choose = step.choose;
    const item = items.find((i) => (typeof choose === 'string' ? i.label === choose : choose.test(i.label)));
    if (!item) {
      this.problems.push(`pick "${opts.title ?? ''}": no item ${String(choose)} among ${items.map((i) => i.label).join(', ')}`);
      return undefined;
    }
    return item.value;
  }

  async pickMany<T>(items: PickItem<T>[], opts: PickOptions): Promise<T[] | undefined> {
    this.seen.push({ kind: 'pickMany', title: opts.title ?? '', text: opts.placeHolder ?? '', labels: items.map((i) => i.label) });
    this.problems.push(`unexpected pickMany "${opts.title ?? ''}"`);
    return undefined;
  }

  async confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    this.seen.push({ kind: 'confirm', title: message, text: detail, actions });
    const step = this.next('confirm', message);
    if (!step) return undefined;
    if (step.message && !step.message.test(message)) this.problems.push(`confirm "${message}" does not match ${step.message}`);
    if (step.detail && !step.detail.test(detail)) this.problems.push(`confirm detail "${detail}" does not match ${step.detail}`);
    if (step.answer !== undefined && !actions.includes(step.answer)) this.problems.push(`confirm "${message}" has no action "${step.answer}" (has ${actions.join(', ')})`);
    return step.answer;
  }

  /** Every step was used and nothing unexpected happened. */
  assertDone(): void {
    const left = this.steps.map((s) => s.kind);
    assert.deepEqual(this.problems, [], `prompt problems; prompts seen: ${this.describeSeen()}`);
    assert.deepEqual(left, [], `scripted steps not reached: ${left.join(', ')}; prompts seen: ${this.describeSeen()}`);
  }

  /** The last prompt of a kind, e.g. to call its validate() with more values. */
  last(kind: SeenPrompt['kind']): SeenPrompt {
    const found = [...this.seen].reverse().find((s) => s.kind === kind);
    assert.ok(found, `no ${kind} prompt was shown; seen: ${this.describeSeen()}`);
    return found;
  }

  private next<K extends Step['kind']>(kind: K, title: string): Extract<Step, { kind: K }> | undefined {
    const step = this.steps[0];
    if (!step) {
      this.problems.push(`unexpected ${kind} "${title}": no scripted step left`);
      return undefined;
    }
    if (step.kind !== kind) {
      this.problems.push(`unexpected ${kind} "${title}": the next scripted step is a ${step.kind}`);
      return undefined;
    }
    this.steps.shift();
    return step as Extract<Step, { kind: K }>;
  }

  private describeSeen(): string {
    return this.seen.map((s) => `${s.kind} "${s.title}"`).join(' → ') || '(none)';
  }
}
