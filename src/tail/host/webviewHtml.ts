// The tail panel's HTML shell: a strict CSP (no inline code, scripts only by nonce, styles and
// fonts only from the webview's own resource root) and the built bundle. Pure, so the host and
// the headless-Chromium tests serve exactly the same page.

export interface TailHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  /** A fresh random nonce per page load (crypto.randomBytes, base64). */
  nonce: string;
  /** asWebviewUri of dist/webview/tail.js, tail.css and codicon.css. */
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  title?: string;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function renderTailHtml(o: TailHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) throw new Error('The CSP nonce must be at least 16 base64 characters');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(o.codiconUri)}">
<link rel="stylesheet" href="${escapeAttr(o.styleUri)}">
<title>${escapeAttr(o.title ?? 'Kinesis Tail')}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>
`;
}
