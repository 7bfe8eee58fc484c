import assert from 'node:assert/strict';
import { contentSecurityPolicy, renderTailHtml } from '../../../../src/tail/host/webviewHtml';

const opts = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'q0pXb2k1TqWfX0cG6ZbB7w==',
  scriptUri: 'https://x/dist/webview/tail.js', styleUri: 'https://x/dist/webview/tail.css', codiconUri: 'https://x/dist/webview/codicon.css',
};

describe('tail panel HTML', () => {
  it('has a strict CSP: nothing by default, scripts by nonce, styles and fonts from the resource root', () => {
    assert.equal(contentSecurityPolicy(opts.cspSource, opts.nonce),
      "default-src 'none'; script-src 'nonce-q0pXb2k1TqWfX0cG6ZbB7w=='; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net");
    const html = renderTailHtml(opts);
    assert.ok(html.includes(`content="default-src 'none'; script-src 'nonce-q0pXb2k1TqWfX0cG6ZbB7w==';`.replace(/'/g, '&#39;')));
    assert.match(html, /<script nonce="q0pXb2k1TqWfX0cG6ZbB7w==" src="https:\/\/x\/dist\/webview\/tail.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline styles or handlers');
    assert.doesNotMatch(html, /unsafe-/);
  });

  it('escapes attribute values and refuses weak nonces', () => {
    const html = renderTailHtml({ ...opts, scriptUri: 'https://x/"><script>alert(1)</script>' });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.throws(() => renderTailHtml({ ...opts, nonce: 'abc' }), /nonce/);
    assert.throws(() => renderTailHtml({ ...opts, nonce: "x'; script-src *; '12345678901234" }), /nonce/);
  });
});
