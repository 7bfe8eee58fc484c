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
  /** What the items are, for "No streams match …" (default "items"). */
  noun?: string;
  /** Says why typed text matches nothing (e.g. an out-of-range count); replaces "No … match". */
  noMatch?(text: string): string | undefined;
  /** Accept a typed value that is not in the list: the pick offers "Use "…"" and resolves this. */
  typed?: { describe: string; value(text: string): unknown };
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

// Command bodies run from dist/features.js, which has its own copy of these classes, so the
// command wrapper (in the activation bundle) recognises them by name rather than with instanceof.
export function isCancelled(err: unknown): boolean {
  return err instanceof Error && err.name === 'Cancelled';
}

export function isInputProblem(err: unknown): err is InputProblem {
  return err instanceof Error && err.name === 'InputProblem';
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
  pick: (items, opts) => pickWithTyped(items, opts),
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

type QuickItem<T> = vscode.QuickPickItem & { item?: PickItem<T>; typed?: string };

/** A character-by-character (fuzzy) match, close to the quick pick's own filter. */
function fuzzyMatches(text: string, query: string): boolean {
  let i = 0;
  const t = text.toLowerCase();
  for (const c of query.toLowerCase()) {
    i = t.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/**
 * The quick pick every command uses: it says when nothing matches what was typed, and with
 * `typed` it offers the typed text itself ("Use "name"") for values the list does not show.
 */
function pickWithTyped<T>(items: PickItem<T>[], opts: PickOptions): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<QuickItem<T>>();
  const base: Array<QuickItem<T>> = items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, item: i }));
  qp.title = opts.title;
  qp.placeholder = opts.placeHolder;
  qp.ignoreFocusOut = opts.ignoreFocusOut ?? true;
  qp.matchOnDescription = true;
  qp.items = base;
  const refresh = (value: string): void => {
    const q = value.trim();
    if (q === '') {
      qp.items = base;
      return;
    }
    const matches = items.some((i) => fuzzyMatches(i.label, q) || fuzzyMatches(i.description ?? '', q));
    const exact = items.some((i) => i.label === q);
    const extra: Array<QuickItem<T>> = [];
    if (opts.typed && !exact) extra.push({ label: `$(edit) Use "${q}"`, description: 'not in the list', detail: opts.typed.describe, alwaysShow: true, typed: q });
    else if (!matches) {
      const why = opts.noMatch?.(q);
      extra.push(why ? { label: `$(warning) ${why}`, alwaysShow: true } : { label: `No ${opts.noun ?? 'items'} match "${q}"`, description: 'clear the filter to see them all', alwaysShow: true });
    }
    qp.items = [...base, ...extra];
  };
  return new Promise<T | undefined>((resolve) => {
    let done = false;
    const finish = (v: T | undefined): void => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue(refresh);
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0];
      if (chosen?.item) finish(chosen.item.value);
      else if (chosen?.typed !== undefined && opts.typed) finish(opts.typed.value(chosen.typed) as T);
      // The "No … match" line is only a message: accepting it does nothing.
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
