// Hex-and-ASCII view of a record's raw bytes (offset, 16 bytes in two groups, printable ASCII),
// rendered a page of lines at a time.
import { h } from './dom';

const LINES_PER_PAGE = 512;
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function decodeBase64(b64: string): Uint8Array {
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return new Uint8Array(0);
  }
}

function line(bytes: Uint8Array, offset: number): HTMLDivElement {
  let hex = '';
  let ascii = '';
  for (let i = offset; i < offset + 16; i++) {
    if (i < bytes.length) {
      hex += HEX[bytes[i]] + ' ';
      ascii += bytes[i] >= 0x20 && bytes[i] < 0x7f ? String.fromCharCode(bytes[i]) : '.';
    } else {
      hex += '   ';
    }
    if (i === offset + 7) hex += ' ';
  }
  const row = h('div', 'hex-line');
  // Spaced like `hexdump -C`, so that copied text reads the same as what is shown.
  row.append(h('span', 'hex-offset', `${offset.toString(16).padStart(8, '0')}  `), h('span', 'hex-bytes', hex), h('span', 'hex-ascii', `|${ascii}|`));
  return row;
}

/** The view; `total` is the record's full size when only a prefix of the bytes was sent. */
export function renderHexView(bytes: Uint8Array, total: number = bytes.length): HTMLElement {
  const view = h('div', 'hex-view');
  let next = 0;
  const more = h('div', 'jmore');
  more.setAttribute('role', 'button');
  more.tabIndex = 0;
  const page = (): void => {
    const frag = document.createDocumentFragment();
    const end = Math.min(bytes.length, next + LINES_PER_PAGE * 16);
    for (; next < end; next += 16) frag.append(line(bytes, next));
    view.insertBefore(frag, more);
    more.hidden = next >= bytes.length;
    more.textContent = `Show more (${Math.max(0, bytes.length - next)} bytes)`;
  };
  view.append(more);
  more.addEventListener('click', page);
  page();
  if (total > bytes.length) view.append(h('div', 'hex-note', `${total - bytes.length} more bytes not shown (${bytes.length} of ${total}).`));
  if (bytes.length === 0) view.prepend(h('div', 'hex-note', total === 0 ? 'Empty record.' : 'No bytes available.'));
  return view;
}
