#!/usr/bin/env bash
# `make bundle`: builds Annotator as a one-folder bundle (dist/annotator/) with
# PyInstaller, then proves it runs where there is no Python: every check below runs
# the bundle with an empty environment (`env -i`), a PATH holding no python, and a
# fresh HOME, as on a researcher's new laptop.
#
#   1. `annotator --version` prints the version in annotator/__init__.py;
#   2. the bundled CLI creates a project and imports every bundled sample article
#      (plain text, web page, Word, PDF), and `annotator check` passes on it;
#   3. under Xvfb (a real X server, Qt's xcb plugin), `annotator --smoke` on a first
#      launch (the sample project) and on the imported project shows a window,
#      paints and exits 0; xwininfo confirms the window and a screenshot is kept.
#
# Output and the screenshots go to build/bundle-smoke/. Needs Debian's xvfb, xauth
# and x11-utils for step 3 (installed with apt-get when missing).
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
# Xvfb for the window check, and the X libraries Qt's xcb plugin loads (the bundle
# carries them, but PyInstaller can only copy what the build machine has).
apt_needed=(xvfb xauth x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0)
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
clean "$app" new "$project" >"$out/new.txt"
clean "$app" import "$project" "${samples[@]}" >"$out/import.txt" 2>&1 ||
  fail "importing the samples with the bundled CLI failed: $(tail -n 5 "$out/import.txt")"
clean "$app" documents "$project" --json >"$out/documents.json" 2>"$out/documents.err" ||
  fail "listing documents failed: $(cat "$out/documents.err")"
imported=$("$py" -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$out/documents.json")
[ "$imported" -eq "${#samples[@]}" ] || fail "imported $imported of ${#samples[@]} samples (see $out/import.txt)"
clean "$app" check "$project" >"$out/check.txt" || fail "annotator check failed: $(cat "$out/check.txt")"
say "ok: the bundled CLI imported all ${#samples[@]} samples (txt, html, docx, pdf); check passes"

# --- the window, under a real X server ----------------------------------------------
display=""
for n in $(seq 90 120); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp -fbdir "$work/fb" >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -display "$display" -root >/dev/null 2>&1 || fail "Xvfb did not start (see $out/xvfb.log)"

# Runs `annotator --smoke ARGS` on the X server, watching for its top-level window.
# Sets window_line (the xwininfo line), first_window_ms and total_ms.
smoke_on_x() {
  local name=$1
  shift
  local started rc=0 pid line=""
  started=$(now_ms)
  clean DISPLAY="$display" QT_QPA_PLATFORM=xcb "$app" --smoke "$@" >"$out/$name.log" 2>&1 &
  pid=$!
  first_window_ms=""
  while kill -0 "$pid" 2>/dev/null; do
    # A top-level window whose WM_CLASS class is the application name Qt was given.
    line=$(xwininfo -display "$display" -root -children 2>/dev/null | grep -E '\("[^"]*" "Annotator"\)' | head -n 1 || true)
    if [ -n "$line" ]; then
      [ -n "$first_window_ms" ] || { first_window_ms=$(($(now_ms) - started)); window_line=$line; }
      cp "$work/fb/Xvfb_screen0" "$work/$name.xwd" 2>/dev/null || true
    fi
    sleep 0.02
  done
  wait "$pid" || rc=$?
  total_ms=$(($(now_ms) - started))
  [ "$rc" -eq 0 ] || fail "annotator --smoke $* exited $rc: $(tail -n 5 "$out/$name.log")"
  [ -n "$first_window_ms" ] || fail "annotator --smoke $* exited 0 but no Annotator window appeared on $display"
  if [ -f "$work/$name.xwd" ]; then
    "$py" - "$work/$name.xwd" "$out/$name.png" <<'PY' || say "(could not convert the screenshot)"
import os, struct, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QImage
raw = open(sys.argv[1], "rb").read()
header = struct.unpack(">25I", raw[:100])
size, width, height, bytes_per_line, ncolors = header[0], header[4], header[5], header[12], header[19]
pixels = raw[size + 12 * ncolors : size + 12 * ncolors + bytes_per_line * height]
QImage(pixels, width, height, bytes_per_line, QImage.Format.Format_RGB32).save(sys.argv[2])
PY
  fi
}

smoke_on_x first-launch
say "ok: first launch opened the sample project: window after ${first_window_ms} ms, exit 0 after ${total_ms} ms"
say "    $window_line"
first_launch_ms=$total_ms
smoke_on_x imported "$project"
say "ok: the imported project opened: window after ${first_window_ms} ms, exit 0 after ${total_ms} ms"

cat >"$out/summary.txt" <<EOF
bundle: dist/annotator/ ($bundle_size), built in $((build_ms / 1000)) s
version: $got_version
samples imported by the bundled CLI: ${#samples[@]}
first launch (sample project) --smoke: $first_launch_ms ms
imported project --smoke: window after $first_window_ms ms, exit after $total_ms ms
window: $window_line
screenshots: $out/first-launch.png $out/imported.png
EOF
say "all checks passed; summary in build/bundle-smoke/summary.txt"
