#!/usr/bin/env bash
# Installs the e2e tooling (code-server 4.100.3 = VS Code 1.100.3 server + workbench, and
# playwright-core) into test/e2e/node_modules, without any download other than the npm registry.
# Idempotent: does nothing when node_modules already matches package-lock.json.
#
# Needs (Debian): chromium ripgrep neovim build-essential python3 pkg-config libkrb5-dev
# libsecret-1-dev libx11-dev libxkbfile-dev, and Node's headers in /usr/include/node
# (.ci/run installs them; see /work/shared/e2e/RECIPE.md for why each is needed).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"

die() { echo "e2e install: $*" >&2; exit 1; }

STAMP=node_modules/.nianbao-e2e-stamp
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
CS=node_modules/code-server
if [[ -f $STAMP && "$(cat $STAMP)" == "$want" && -x $CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ]]; then
  echo "e2e install: up to date"
  exit 0
fi

# Things code-server's postinstall needs and cannot fetch itself.
command -v rg >/dev/null || die "ripgrep (rg) is missing: apt-get install -y ripgrep"
command -v make >/dev/null && command -v g++ >/dev/null || die "a C++ toolchain is missing: apt-get install -y build-essential"
command -v python3 >/dev/null || die "python3 is missing (node-gyp)"
command -v pkg-config >/dev/null || die "pkg-config is missing: apt-get install -y pkg-config"
[[ -f /usr/include/node/node.h ]] || die "Node's headers are missing in /usr/include/node (Debian nodejs package ships them)"
for h in /usr/include/krb5.h /usr/include/X11/Xlib.h /usr/include/X11/extensions/XKBfile.h; do
  [[ -f $h ]] || die "$h is missing: apt-get install -y libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev"
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the tarball:
# seed the cache with Debian's rg (byte-identical copy ends up in lib/vscode/.../bin/rg).
RGCACHE="$TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RGCACHE" "$TMP/rgpkg"
cp "$(command -v rg)" "$TMP/rgpkg/rg"
tar czf "$RGCACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMP/rgpkg" rg

# unsafe_perm: code-server's postinstall.sh refuses to run as root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, and ~/.npmrc may say yes=false.
# nodedir: node-gyp builds against /usr/include/node instead of downloading headers.
# The package.json's allowScripts lets code-server's (and argon2's) install scripts run under npm 11.
start=$(date +%s)
rc=0
TMPDIR="$TMP" npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true \
  npm ci --no-audit --no-fund > "$TMP/npm-ci.log" 2>&1 || rc=$?
grep -v 'Unknown \(env\|user\) config' "$TMP/npm-ci.log" | tail -40 || true
[[ $rc -eq 0 ]] || die "npm ci failed (exit $rc)"

# code-server's postinstall can fail half-way without failing npm; check what the tests need.
for f in \
  $CS/out/node/entry.js \
  $CS/lib/vscode/out/server-main.js \
  $CS/lib/vscode/node_modules/node-pty/build/Release/pty.node \
  $CS/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node \
  $CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg \
  node_modules/playwright-core/package.json; do
  [[ -e $f ]] || die "incomplete install: $f is missing (code-server's postinstall did not finish)"
done
echo "$want" > $STAMP
echo "e2e install: done in $(( $(date +%s) - start ))s"
