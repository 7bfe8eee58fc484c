// Keyboard: arrows / Page / Home / End move between rows, Enter expands, Escape closes the detail
// (or leaves a filter box), Ctrl/Cmd+F focuses the filter, Ctrl/Cmd+Alt+F starts a Find in Stream.

export interface KeyboardTargets {
  /** Where arrow keys act: the table, or the page itself when nothing has focus. */
  tableHasFocus(): boolean;
  move(delta: number | 'first' | 'last'): void;
  pageSize(): number;
  toggleSelected(): void;
  closeDetail(): boolean;
  focusFilter(): void;
  /** Find in Stream with the panel's filters (the toolbar's Find…). */
  find(): void;
  focusTable(): void;
}

const isEditable = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

export function installKeyboard(targets: KeyboardTargets): void {
  document.addEventListener('keydown', (e) => {
    // e.code as well: on macOS Alt turns the key into 'ƒ'.
    if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'f' || e.code === 'KeyF')) {
      e.preventDefault();
      if (e.altKey) targets.find();
      else targets.focusFilter();
      return;
    }
    if (isEditable(e.target)) {
      if (e.key === 'Escape' || (e.key === 'ArrowDown' && e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        targets.focusTable();
      }
      return;
    }
    if (e.key === 'Escape' && targets.closeDetail()) {
      e.preventDefault();
      return;
    }
    if (!targets.tableHasFocus() || e.altKey || e.ctrlKey || e.metaKey) return;
    const move: Record<string, number | 'first' | 'last'> = {
      ArrowDown: 1, ArrowUp: -1, PageDown: targets.pageSize(), PageUp: -targets.pageSize(), Home: 'first', End: 'last',
    };
    if (e.key in move) {
      e.preventDefault();
      targets.move(move[e.key]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      targets.toggleSelected();
    }
  });
}
