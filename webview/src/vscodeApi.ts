// The webview's side of the host channel: typed postMessage, and the small UI state kept with
// vscode.setState (never the records), saved at most twice a second.
import { parsePersistedState, type PersistedState, type WebviewToHost } from '../../src/tail/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface HostChannel {
  post(message: WebviewToHost): void;
  /** The saved state, or undefined on a fresh panel. */
  readonly restored: PersistedState | undefined;
  /** Schedules a save of the state returned by `snapshot`. */
  saveSoon(): void;
}

const SAVE_DELAY_MS = 500;

export function connectToHost(snapshot: () => PersistedState): HostChannel {
  const api = acquireVsCodeApi();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    post: (message) => api.postMessage(message),
    restored: parsePersistedState(api.getState()),
    saveSoon() {
      if (timer !== undefined) return;
      // Whether a save is pending shows on the root element, so that a reload can wait for it.
      document.documentElement.dataset.stateSave = 'pending';
      timer = setTimeout(() => {
        timer = undefined;
        api.setState(snapshot());
        document.documentElement.dataset.stateSave = 'saved';
      }, SAVE_DELAY_MS);
    },
  };
}
