// The text a put sends: every non-empty selection of the active editor (in document order), or the
// whole document when nothing is selected, with the line each starts on for messages.
import type * as vscode from 'vscode';
import type { RecordSource, SplitMode } from '../../kinesis/put/input';
import { InputProblem } from '../../ui/prompts';

export interface EditorInput {
  sources: RecordSource[];
  /** Names the input in messages ("the selection is empty"). */
  label: 'selection' | 'document';
  languageId: string;
}

export function readEditorInput(editor: vscode.TextEditor | undefined): EditorInput {
  if (!editor) throw new InputProblem('There is no text editor to put records from: open a document (or select text in it), then run the command again.');
  const doc = editor.document;
  const selected = editor.selections.filter((s) => !s.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  if (selected.length === 0) return { sources: [{ text: doc.getText(), startLine: 1 }], label: 'document', languageId: doc.languageId };
  return {
    sources: selected.map((s) => ({ text: doc.getText(s), startLine: s.start.line + 1 })),
    label: 'selection',
    languageId: doc.languageId,
  };
}

const JSON_LINES_LANGUAGES = new Set(['jsonl', 'ndjson', 'jsonlines']);

/** Records that should parse as JSON: a JSON document, or JSON Lines split by line. (JSONC allows comments, so not it.) */
export function expectsJson(languageId: string, mode: SplitMode): boolean {
  return languageId === 'json' || (mode === 'lines' && JSON_LINES_LANGUAGES.has(languageId));
}
