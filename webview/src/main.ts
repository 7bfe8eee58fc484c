// Tail panel front end (placeholder until the Tail panel issue): announces itself to the host.
interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi = acquireVsCodeApi();
vscodeApi.postMessage({ type: 'ready' });
