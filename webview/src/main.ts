// Tail panel front end: builds the panel, wires host messages to it, then sends the `ready`
// handshake (the host posts nothing before it).
import type { HostToWebview } from '../../src/tail/shared/protocol';
import { Panel } from './panel';
import { connectToHost } from './vscodeApi';
import './styles/base.css';
import './styles/table.css';
import './styles/detail.css';

const HOST_TYPES = new Set<string>(['init', 'records', 'status', 'reset', 'replay', 'exportResult', 'payload']);

function isHostMessage(x: unknown): x is HostToWebview {
  return typeof x === 'object' && x !== null && HOST_TYPES.has((x as { type?: unknown }).type as string);
}

// The snapshot callback runs later, from a timer, once the panel exists.
const host = connectToHost(() => p.snapshot());
const root = document.getElementById('app') ?? document.body;
const p = new Panel(root, host, host.restored);
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) p.receive(event.data);
});
host.post({ type: 'ready' });
