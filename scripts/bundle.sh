#!/usr/bin/env bash
# `make bundle`: builds Annotator as a one-folder bundle (dist/annotator/) with
# PyInstaller, then proves it runs where there is no Python: every check below runs
# the bundle with an empty environment (`env -i`), a PATH holding no python, and a
# fresh HOME, as on a researcher's new laptop.
#
#   1. `annotator --version` prints the version in annotator/__init__.py;
#   2. the bundled CLI creates a project and imports every bundled sample article
#      (plain text, web page, Word, PDF), and `annotator check` passes on it;
#   3. `annotator --smoke` (open the window, paint, exit) exits 0 on a first launch,
#      which opens the sample project, and on the imported project;
#   4. under Xvfb (a real X server, Qt's xcb plugin) the app opens the imported
#      project in a window (found with xwininfo, kept as a screenshot) and exits 0
#      when the window is closed the way a window manager closes it.
#
# Output and the screenshots go to build/bundle-smoke/. Needs Debian's xvfb, xauth
# and x11-utils for step 4 (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py=$root/.venv/bin/python
out=$root/build/bundle-smoke
app=$root/dist/annotator/annotator

say() { printf 'bundle: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
now_ms() { date +%s%3N; }

[ -x "$py" ] || fail "no .venv; run 'make bundle', which creates it"

# --- tools --------------------------------------------------------------------------
# PyInstaller is a build tool, not a dependency of the app: it goes into the venv here.
"$py" -c "import PyInstaller" 2>/dev/null || "$py" -m pip install --quiet "pyinstaller>=6.10,<7"
# Xvfb for the window check. The X libraries Qt's xcb plugin loads, which the bundle
# carries (PyInstaller copies what the build machine has), are make's setup's
# (scripts/setup.sh, read off Qt's files).
apt_needed=(xvfb xauth x11-utils)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${apt_needed[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
"$py" -m annotator.window_system | grep . && fail "Qt lacks the system libraries above; run make's setup (scripts/setup.sh)"
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null || fail "Xvfb and xwininfo are needed"

# --- build --------------------------------------------------------------------------
say "building with PyInstaller (about a minute)"
started=$(now_ms)
rm -rf "$root/dist/annotator"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" packaging/annotator.spec
build_ms=$(($(now_ms) - started))
[ -x "$app" ] || fail "PyInstaller did not produce $app"
bundle_size=$(du -sh "$root/dist/annotator" | cut -f1)
say "built dist/annotator/ ($bundle_size) in $((build_ms / 1000)) s"

# --- a clean machine ----------------------------------------------------------------
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home" "$work/bin" "$work/run" "$work/fb"
chmod 700 "$work/run"
# Nothing on PATH at all: the bundle must not need python, nor any other program.
clean() {
  env -i PATH="$work/bin" HOME="$work/home" LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/run" "$@"
}

want_version=$("$py" -c "import re,sys; print(re.search(r'__version__ = \"(.+)\"', open('annotator/__init__.py').read()).group(1))")
got_version=$(clean "$app" --version)
[ "$got_version" = "annotator $want_version" ] || fail "--version said '$got_version', expected 'annotator $want_version'"
say "ok: $got_version"

# The samples the bundle itself carries, found where the resource locator looks.
samples_dir=$(find "$root/dist/annotator" -type d -path '*/annotator/resources/samples' | head -n 1)
[ -n "$samples_dir" ] || fail "the bundle has no annotator/resources/samples folder"
mapfile -t samples < <(find "$samples_dir" -type f ! -name 'README*' | sort)
project=$work/study.annotator
# Writing commands record who did them; a first launch of the app asks the same once.
clean "$app" whoami "Bundle Check" >/dev/null
clean "$app" new "$project" >"$out/new.txt"
clean "$app" import "$project" "${samples[@]}" >"$out/import.txt" 2>&1 ||
  fail "importing the samples with the bundled CLI failed: $(tail -n 5 "$out/import.txt")"
clean "$app" documents "$project" --json >"$out/documents.json" 2>"$out/documents.err" ||
  fail "listing documents failed: $(cat "$out/documents.err")"
imported=$("$py" -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$out/documents.json")
[ "$imported" -eq "${#samples[@]}" ] || fail "imported $imported of ${#samples[@]} samples (see $out/import.txt)"
clean "$app" check "$project" >"$out/check.txt" || fail "annotator check failed: $(cat "$out/check.txt")"
say "ok: the bundled CLI imported all ${#samples[@]} samples (txt, html, docx, pdf); check passes"

# --- smoke runs: open, paint, exit ---------------------------------------------------
# `--smoke` opens the window (offscreen), paints the current document and exits 0.
timed() {  # timed NAME COMMAND...: runs it, sets took_ms, fails on a non-zero exit
  local name=$1 started rc=0
  shift
  started=$(now_ms)
  "$@" >"$out/$name.log" 2>&1 || rc=$?
  took_ms=$(($(now_ms) - started))
  [ "$rc" -eq 0 ] || fail "$name: exit $rc: $(tail -n 5 "$out/$name.log")"
}
timed smoke-first-launch clean "$app" --smoke
first_launch_ms=$took_ms
say "ok: first launch (the sample project) --smoke: exit 0 in $first_launch_ms ms: $(tail -n 1 "$out/smoke-first-launch.log")"
timed smoke-imported clean "$app" --smoke "$project"
smoke_ms=$took_ms
say "ok: imported project --smoke: exit 0 in $smoke_ms ms: $(tail -n 1 "$out/smoke-imported.log")"

# --- the real window, under an X server ---------------------------------------------
display=""
for n in $(seq 90 120); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp -fbdir "$work/fb" >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -display "$display" -root >/dev/null 2>&1 || fail "Xvfb did not start (see $out/xvfb.log)"

started=$(now_ms)
clean DISPLAY="$display" QT_QPA_PLATFORM=xcb "$app" "$project" >"$out/window.log" 2>&1 &
app_pid=$!
window_line=""
# A mapped top-level window whose WM_CLASS class is the application name Qt was given.
while kill -0 "$app_pid" 2>/dev/null && [ $(($(now_ms) - started)) -lt 60000 ]; do
  window_line=$(xwininfo -display "$display" -root -children 2>/dev/null |
    grep -E '\("[^"]*" "Annotator"\)' | grep -v ' 1x1+' | head -n 1 || true)
  [ -n "$window_line" ] && break
  sleep 0.02
done
window_ms=$(($(now_ms) - started))
[ -n "$window_line" ] || fail "no Annotator window appeared on $display: $(tail -n 5 "$out/window.log")"
say "ok: the window appeared after $window_ms ms: $window_line"
window_id=$(printf '%s' "$window_line" | awk '{print $1}')
sleep 2 # let it paint the document before the screenshot
"$py" - "$work/fb/Xvfb_screen0" "$out/window.png" <<'PY' || say "(could not save the screenshot)"
import os, struct, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QImage  # Xvfb's frame buffer is an XWD file; Qt writes the PNG
raw = open(sys.argv[1], "rb").read()
header = struct.unpack(">25I", raw[:100])
size, width, height, bytes_per_line, ncolors = header[0], header[4], header[5], header[12], header[19]
start = size + 12 * ncolors
pixels = raw[start : start + bytes_per_line * height]
image = QImage(pixels, width, height, bytes_per_line, QImage.Format.Format_RGB32)
sys.exit(0 if image.save(sys.argv[2]) else 1)
PY
# Close it as a window manager does when its close button is clicked (WM_DELETE_WINDOW).
"$py" scripts/close_window.py "$display" "$window_id"
rc=0
for _ in $(seq 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
  kill "$app_pid"
  fail "the window did not close within 30 s of WM_DELETE_WINDOW"
fi
wait "$app_pid" || rc=$?
[ "$rc" -eq 0 ] || fail "closing the window ended the app with exit $rc: $(tail -n 5 "$out/window.log")"
say "ok: closing the window ended the app with exit 0"

cat >"$out/summary.txt" <<EOF
bundle: dist/annotator/ ($bundle_size), built in $((build_ms / 1000)) s
version: $got_version
samples imported by the bundled CLI: ${#samples[@]}
--smoke, first launch (sample project): exit 0 in $first_launch_ms ms
--smoke, imported project: exit 0 in $smoke_ms ms
window under Xvfb: after $window_ms ms: $window_line
screenshot: build/bundle-smoke/window.png
EOF
say "all checks passed; summary in build/bundle-smoke/summary.txt"
