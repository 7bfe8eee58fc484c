// An injectable layer over showInputBox / showQuickPick / modal warnings. Commands ask through
// `Prompts`; tests swap in scripted answers through the extension's test API instead of
// monkey-patching vscode.window.
import * as vscode from 'vscode';
import type { MfaCodeProvider } from '../kinesis/connections/credentials';
import type { Result } from '../kinesis/result';

export interface InputOptions {
  title?: string;
  prompt?: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  ignoreFocusOut?: boolean;
  /** Returns an error message for invalid input, or undefined when valid. */
  validate?: (value: string) => string | undefined;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
}

export interface PickOptions {
  title?: string;
  placeHolder?: string;
  canPickMany?: boolean;
  ignoreFocusOut?: boolean;
}

export interface Prompts {
  /** Resolves undefined when the user cancels. */
  input(opts: InputOptions): Promise<string | undefined>;
  pick<T>(items: PickItem<T>[], opts: PickOptions): Promise<T | undefined>;
  pickMany<T>(items: PickItem<T>[], opts: PickOptions): Promise<T[] | undefined>;
  /** A modal warning; resolves the chosen action's title or undefined. */
  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
}

/** Thrown by commands when the user dismisses a prompt, so callers can tell cancel from failure. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/** A problem found before calling AWS (bad input, nothing to act on); shown as a warning where the user is. */
export class InputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputProblem';
  }
}

export const windowPrompts: Prompts = {
  async input(opts) {
    return vscode.window.showInputBox({
      title: opts.title,
      prompt: opts.prompt,
      placeHolder: opts.placeHolder,
      value: opts.value,
      password: opts.password,
      ignoreFocusOut: opts.ignoreFocusOut ?? true,
      validateInput: opts.validate ? (v) => opts.validate?.(v) ?? null : undefined,
    });
  },
  async pick(items, opts) {
    const chosen = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, item: i })),
      { title: opts.title, placeHolder: opts.placeHolder, ignoreFocusOut: opts.ignoreFocusOut ?? true, matchOnDescription: true },
    );
    return chosen?.item.value;
  },
  async pickMany(items, opts) {
    const chosen = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, picked: i.picked, item: i })),
      { title: opts.title, placeHolder: opts.placeHolder, ignoreFocusOut: opts.ignoreFocusOut ?? true, canPickMany: true },
    );
    return chosen?.map((c) => c.item.value);
  },
  async confirm(message, detail, ...actions) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  },
};

/** Holder so tests can replace the prompts of a running extension. */
export class PromptHost {
  current: Prompts = windowPrompts;
}

/** Asks for a profile's MFA code when assuming its role needs one (an ignoreFocusOut input box). */
export function mfaCodePrompt(prompts: PromptHost): MfaCodeProvider {
  return (profile, serial) => prompts.current.input({
    title: `MFA code for profile ${profile}`,
    prompt: `Enter the current code of ${serial}`,
    placeHolder: '123456',
    ignoreFocusOut: true,
    validate: (v) => (/^\d{6}$/.test(v.trim()) ? undefined : 'Enter the 6-digit code from your MFA device'),
  });
}

/**
 * Asks for text and parses it: the box checks each keystroke (with `opts.validate`, else with
 * `parse`), so the user is asked again until it parses. Dismissed: Cancelled. A scripted or
 * programmatic answer that still does not parse: InputProblem with the parser's message.
 */
export async function askParsed<T>(prompts: Prompts, opts: InputOptions, parse: (text: string) => Result<T, string>): Promise<T> {
  const validate = opts.validate ?? ((v: string) => {
    const r = parse(v);
    return r.ok ? undefined : r.error;
  });
  const typed = await prompts.input({ ...opts, validate });
  if (typed === undefined) throw new Cancelled();
  const parsed = parse(typed);
  if (!parsed.ok) throw new InputProblem(parsed.error);
  return parsed.value;
}
