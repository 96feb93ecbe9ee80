#!/usr/bin/env bash
# The README's first command as a new user meets it: `make run` on a screen (a virtual
# X server), with a fresh home folder. Passes when the main window appears on the
# bundled sample project; leaves a screenshot in build/first-run/window.png.
# `make run` installs whatever it needs first (scripts/setup.sh), so running this on a
# machine without Qt's xcb libraries checks that setup brings them: the check looks
# before it installs its own tools.
#
#   scripts/first-run-check.sh        (needs xvfb, xauth, x11-utils, imagemagick, xdotool;
#                                      installed with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/build/first-run
say() { printf 'first-run: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

rm -rf "$out"
mkdir -p "$out/home"
export HOME=$out/home XDG_CONFIG_HOME=$out/home/.config XDG_DATA_HOME=$out/home/.local/share
unset QT_QPA_PLATFORM
make --no-print-directory run PROJECT=--version >"$out/setup.log" 2>&1 ||
  fail "make's setup failed: $(tail -n 5 "$out/setup.log")"
# Before this check's own tools go in: Xvfb and ImageMagick bring many X libraries,
# which would hide one that setup forgot.
lacking=$(.venv/bin/python -m annotator.window_system)
[ -z "$lacking" ] || fail "after make's setup, Qt still lacks: $lacking"
say "ok: after make's setup, Qt finds every system library it loads"

tools=(xvfb xauth x11-utils imagemagick xdotool)
missing=()
for pkg in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null 2>&1
fi

# The first launch asks for the coder's name in a dialog; the command line sets it the
# same way, so the check sees the main window itself.
.venv/bin/annotator whoami "First Run" >/dev/null

xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  make --no-print-directory run >"$1/run.log" 2>&1 &
  for _ in $(seq 600); do
    window=$(xdotool search --onlyvisible --class Annotator 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && break
    sleep 0.1
  done
  [ -n "$window" ] || { echo "no window" >"$1/result"; exit 1; }
  sleep 3  # let it paint the document
  xdotool getwindowname "$window" >"$1/title.txt"
  import -window root "$1/window.png"
  .venv/bin/python scripts/close_window.py "$DISPLAY" "$window"
  rc=0; wait || rc=$?
  echo "$rc" >"$1/closed"
  echo ok >"$1/result"
' _ "$out" || true
[ "$(cat "$out/result" 2>/dev/null)" = ok ] || fail "no Annotator window appeared: $(tail -n 5 "$out/run.log")"
say "ok: the main window appeared: $(cat "$out/title.txt"); screenshot in $out/window.png"
[ "$(cat "$out/closed")" = 0 ] || fail "closing the window ended make run with exit $(cat "$out/closed")"
say "ok: closing the window ended make run with exit 0"
