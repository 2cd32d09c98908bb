#!/usr/bin/env bash
# Real-editor tests (npm run test:e2e):
#   1. VS Code: the packaged nianbao.vsix installed into code-server 4.100.3 (VS Code 1.100.3),
#      driven like a user by playwright-core through Debian's /usr/bin/chromium (vscode-e2e.mjs);
#   2. Neovim 0.7 headless as an LSP client of `node server/dist/server.js --stdio` (nvim/);
#   3. the CLI's HTML summary of the corpus opened in chromium (html-summary.mjs).
# Everything listens on 127.0.0.1 only, runs under setsid and is stopped by process group,
# also on failure and Ctrl-C. State is fresh every run (.state/); screenshots and logs go to artifacts/.
#
# Environment:
#   NIANBAO_E2E_PORT        code-server port (default 18431); chromium's DevTools port is PORT+1
#   NIANBAO_E2E_NO_EXTENSION=1  negative run: do not install the .vsix (every editor check must fail)
#   NIANBAO_E2E_ONLY=vscode|nvim|html  run one part (html: the CLI's HTML summary in chromium)
#   NIANBAO_E2E_HEADED=1    (needs a display) show the browser
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STATE="$HERE/.state"
ART="$HERE/artifacts"
PORT="${NIANBAO_E2E_PORT:-18431}"
CDP_PORT=$((PORT + 1))
ONLY="${NIANBAO_E2E_ONLY:-}"
CS="$HERE/node_modules/code-server/out/node/entry.js"

T0=$(date +%s.%N)
declare -a TIMINGS=()
lap() { # lap NAME START
  local d; d=$(awk -v a="$2" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  TIMINGS+=("$1 ${d}s"); echo "e2e: [$1] ${d}s"
}

# ---- process groups we started; stopped on any exit --------------------------------------------
declare -a GROUPS_STARTED=()
stop_group() { # stop_group PGID NAME
  local pg=$1 name=$2 i
  kill -0 -- "-$pg" 2>/dev/null || return 0
  kill -TERM -- "-$pg" 2>/dev/null
  for i in $(seq 1 50); do kill -0 -- "-$pg" 2>/dev/null || return 0; sleep 0.1; done
  echo "e2e: $name (process group $pg) ignored SIGTERM for 5 s; sending SIGKILL" >&2
  kill -KILL -- "-$pg" 2>/dev/null
  return 0
}
cleanup() {
  local i
  for ((i = ${#GROUPS_STARTED[@]} - 1; i >= 0; i--)); do
    stop_group "${GROUPS_STARTED[$i]%%:*}" "${GROUPS_STARTED[$i]#*:}"
  done
  GROUPS_STARTED=()
}
trap cleanup EXIT
trap 'echo "e2e: interrupted" >&2; exit 130' INT
trap 'echo "e2e: terminated" >&2; exit 143' TERM
trap 'echo "e2e: hangup" >&2; exit 129' HUP

# wait_up NAME URL PID LOG: polls URL until it answers (20 s), failing early when PID has exited.
wait_up() {
  local name=$1 url=$2 pid=$3 log=$4 i
  for i in $(seq 1 200); do
    curl -sf -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "e2e: $name exited at start" >&2; return 1; }
    sleep 0.1
  done
  echo "e2e: $name not up after 20 s ($url)" >&2
  return 1
}

# start_group NAME LOGFILE CMD... : runs CMD in a new session (its own process group) in the
# background; sets LAST_PID (= its process group id). The script is not interactive (no job
# control), so setsid execs in place and $! is the group leader.
start_group() {
  local name=$1 log=$2; shift 2
  setsid "$@" >"$log" 2>&1 </dev/null &
  LAST_PID=$!
  GROUPS_STARTED+=("$LAST_PID:$name")
}
# wait_group PID: waits for a group leader we started (interruptible by the traps above).
wait_group() { local rc=0; wait "$1" || rc=$?; return $rc; }

fatal() { echo "e2e: FATAL: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

rm -rf "$STATE" "$ART"
mkdir -p "$STATE" "$ART"
echo "e2e: state $STATE, artifacts $ART, code-server on 127.0.0.1:$PORT"

# ---- tooling, extension, fixtures ---------------------------------------------------------------
t=$(date +%s.%N)
"$HERE/install.sh" || fatal "installing the e2e tooling failed"
command -v /usr/bin/chromium >/dev/null || fatal "/usr/bin/chromium is missing: apt-get install -y chromium"
command -v nvim >/dev/null || fatal "nvim is missing: apt-get install -y neovim"
lap install "$t"

t=$(date +%s.%N)
(cd "$ROOT" && npm run --silent package >"$ART/package.log" 2>&1) || { cat "$ART/package.log" >&2; fatal "npm run package failed"; }
[[ -f "$ROOT/nianbao.vsix" && -f "$ROOT/server/dist/server.js" ]] || fatal "npm run package did not produce nianbao.vsix and server/dist/server.js"
lap package "$t"

node "$HERE/fixtures.mjs" "$STATE" || fatal "building the workspace from the corpus failed"

# ---- VS Code (code-server + chromium + playwright) ----------------------------------------------
run_vscode() {
  local R="$STATE/code-server" t rc=0
  mkdir -p "$R/user-data/User" "$R/extensions" "$R/xdg-data" "$R/xdg-config" "$R/xdg-cache" "$R/tmp"
  cp "$HERE/settings.json" "$R/user-data/User/settings.json"
  cp "$HERE/keybindings.json" "$R/user-data/User/keybindings.json"
  printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" >"$R/config.yaml"
  # code-server writes into $HOME's XDG dirs even with --user-data-dir: keep it all in the state dir.
  local -a env_cs=(env XDG_DATA_HOME="$R/xdg-data" XDG_CONFIG_HOME="$R/xdg-config" XDG_CACHE_HOME="$R/xdg-cache" TMPDIR="$R/tmp")
  local -a cs_args=(--config "$R/config.yaml" --user-data-dir "$R/user-data" --extensions-dir "$R/extensions")

  t=$(date +%s.%N)
  if [[ "${NIANBAO_E2E_NO_EXTENSION:-}" == 1 ]]; then
    echo "e2e: *** NEGATIVE RUN: NIANBAO_E2E_NO_EXTENSION=1, the extension is NOT installed; the editor checks must fail ***"
  else
    "${env_cs[@]}" node "$CS" "${cs_args[@]}" --install-extension "$ROOT/nianbao.vsix" >"$ART/install-extension.log" 2>&1 \
      || { cat "$ART/install-extension.log" >&2; echo "e2e: installing nianbao.vsix into code-server failed" >&2; return 1; }
    ls "$R/extensions" | grep -q '^nianbao\.nianbao-' || { echo "e2e: nianbao.vsix did not land in $R/extensions" >&2; return 1; }
  fi
  lap install-extension "$t"

  t=$(date +%s.%N)
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz"; then
    echo "e2e: port $PORT is already in use (another run?); set NIANBAO_E2E_PORT" >&2; return 1
  fi
  start_group code-server "$ART/code-server.log" "${env_cs[@]}" node "$CS" "${cs_args[@]}" \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override --ignore-last-opened
  wait_up code-server "http://127.0.0.1:$PORT/healthz" "$LAST_PID" "$ART/code-server.log" || return 1

  # Chromium under our own process group; Playwright attaches over the DevTools protocol.
  local C="$STATE/chromium"
  mkdir -p "$C/home" "$C/profile"
  start_group chromium "$ART/chromium.log" env HOME="$C/home" XDG_CONFIG_HOME="$C/home/.config" XDG_CACHE_HOME="$C/home/.cache" \
    /usr/bin/chromium $([[ "${NIANBAO_E2E_HEADED:-}" == 1 ]] || echo --headless) --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --no-default-browser-check --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --remote-debugging-address=127.0.0.1 --remote-debugging-port="$CDP_PORT" \
    --user-data-dir="$C/profile" --window-size=1400,1000 about:blank
  wait_up chromium "http://127.0.0.1:$CDP_PORT/json/version" "$LAST_PID" "$ART/chromium.log" || return 1
  lap start-editor "$t"

  t=$(date +%s.%N)
  start_group playwright "$ART/vscode-e2e.log" env NIANBAO_E2E_URL="http://127.0.0.1:$PORT" \
    NIANBAO_E2E_CDP="http://127.0.0.1:$CDP_PORT" NIANBAO_E2E_STATE="$STATE" NIANBAO_E2E_ART="$ART" NIANBAO_E2E_ROOT="$ROOT" \
    node "$HERE/vscode-e2e.mjs"
  local pw_pid=$LAST_PID
  tail -n +1 -f --pid="$pw_pid" "$ART/vscode-e2e.log" &   # show progress live
  local tail_pid=$!
  wait_group "$pw_pid" || rc=$?
  wait "$tail_pid" 2>/dev/null
  lap vscode-tests "$t"

  t=$(date +%s.%N)
  cleanup   # stop playwright (already gone), chromium and code-server, newest first
  # Keep the extension host's logs: they show whether the extension and its server started.
  cp -r "$R/user-data/logs" "$ART/code-server-logs" 2>/dev/null
  lap stop-editor "$t"
  return $rc
}

# ---- Neovim -------------------------------------------------------------------------------------
run_nvim() {
  local N="$STATE/nvim" t rc=0
  mkdir -p "$N/xdg-config" "$N/xdg-data" "$N/xdg-state" "$N/xdg-cache"
  t=$(date +%s.%N)
  start_group nvim "$ART/nvim.log" env XDG_CONFIG_HOME="$N/xdg-config" XDG_DATA_HOME="$N/xdg-data" \
    XDG_STATE_HOME="$N/xdg-state" XDG_CACHE_HOME="$N/xdg-cache" \
    NIANBAO_SERVER="$ROOT/server/dist/server.js" NIANBAO_DOC="$ROOT/docs/other-editors.md" \
    NIANBAO_E2E_STATE="$STATE" NIANBAO_E2E_RESULT="$ART/nvim-results.json" NIANBAO_E2E_NO_EXTENSION="${NIANBAO_E2E_NO_EXTENSION:-}" \
    timeout -k 5 90 nvim --headless --clean -c "luafile $HERE/nvim/lsp-check.lua"
  wait_group "$LAST_PID" || rc=$?
  cat "$ART/nvim.log"
  cp "$N/xdg-state/nvim/lsp.log" "$ART/nvim-lsp.log" 2>/dev/null || cp "$N/xdg-cache/nvim/lsp.log" "$ART/nvim-lsp.log" 2>/dev/null
  lap nvim-tests "$t"
  return $rc
}

VS_RC=skip NV_RC=skip
if [[ -z "$ONLY" || "$ONLY" == vscode ]]; then
  run_vscode && VS_RC=0 || VS_RC=$?
fi
if [[ -z "$ONLY" || "$ONLY" == nvim ]]; then
  run_nvim && NV_RC=0 || NV_RC=$?
fi

# ---- the CLI's HTML summary in chromium (html-summary.mjs) -------------------------------------
HTML_RC=skip
if [[ -z "$ONLY" || "$ONLY" == html ]]; then
  start_group html "$ART/html-summary.log" env NIANBAO_E2E_ROOT="$ROOT" NIANBAO_E2E_ART="$ART" timeout -k 5 180 node "$HERE/html-summary.mjs"
  wait_group "$LAST_PID" && HTML_RC=0 || HTML_RC=$?; cat "$ART/html-summary.log"; cleanup
fi
export NIANBAO_E2E_HTML_RC=$HTML_RC

# ---- summary ------------------------------------------------------------------------------------
node "$HERE/summary.mjs" "$ART" "$VS_RC" "$NV_RC" "${ONLY:-all}"
SUMMARY_RC=$?
lap total "$T0"
echo "e2e: timings: ${TIMINGS[*]}"
echo "e2e: screenshots and logs in $ART"
node "$HERE/summary.mjs" --line "$ART" "$VS_RC" "$NV_RC" "${ONLY:-all}"
exit $SUMMARY_RC
