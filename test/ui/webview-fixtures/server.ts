// A tiny local HTTP server for the tail panel's test page: the same HTML the host builds
// (renderTailHtml, real CSP and nonce), the built bundle, codicons and an emulated theme.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { renderTailHtml } from '../../../src/tail/host/webviewHtml';
import { THEMES, type ThemeName } from './themes';

const ASSETS: Record<string, string> = {
  '/tail.js': 'text/javascript', '/tail.js.map': 'application/json', '/tail.css': 'text/css',
  '/codicon.css': 'text/css', '/codicon.ttf': 'font/ttf',
};

/** dist/webview as built by `node esbuild.mjs`; WEBVIEW_DIST points elsewhere (e.g. a private build). */
export function webviewDist(): string {
  const dir = resolve(process.env.WEBVIEW_DIST ?? join(__dirname, '..', '..', '..', '..', 'dist', 'webview'));
  for (const f of ['tail.js', 'tail.css', 'codicon.css', 'codicon.ttf']) {
    if (!existsSync(join(dir, f))) throw new Error(`${join(dir, f)} is missing: run \`node esbuild.mjs\` (or set WEBVIEW_DIST)`);
  }
  return dir;
}

export interface PanelServer {
  origin: string;
  url(theme: ThemeName): string;
  /** The nonce of the last page served. */
  lastNonce: string;
  close(): Promise<void>;
}

export async function startPanelServer(dist = webviewDist()): Promise<PanelServer> {
  let lastNonce = '';
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      const theme: ThemeName = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
      lastNonce = randomBytes(16).toString('base64');
      const html = renderTailHtml({
        cspSource: origin, nonce: lastNonce,
        scriptUri: `${origin}/tail.js`, styleUri: `${origin}/tail.css`, codiconUri: `${origin}/codicon.css`,
      })
        // What VS Code adds around our HTML: the theme's variables and a body class.
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/theme-${theme}.css">\n<link rel="stylesheet"`)
        .replace('<body>', `<body class="${THEMES[theme].bodyClass}">`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    const theme = /^\/theme-(dark|light)\.css$/.exec(url.pathname);
    if (theme) {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(THEMES[theme[1] as ThemeName].css);
      return;
    }
    const type = ASSETS[url.pathname];
    if (!type) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(readFileSync(join(dist, url.pathname.slice(1))));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (theme) => `${origin}/?theme=${theme}`,
    get lastNonce() { return lastNonce; },
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
