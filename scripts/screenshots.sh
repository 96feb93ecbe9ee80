#!/usr/bin/env bash
# Screenshots of the real app under a virtual X display (Xvfb), saved in docs/screenshots/.
# Installs Xvfb and the fonts that emoji, Arabic and CJK text need, when missing (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
needed=(xvfb xauth libxcb-cursor0 fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing for screenshots: ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
PYTHON="${PYTHON:-.venv/bin/python}"
OUT="${1:-docs/screenshots}"
env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1400x900x24" "$PYTHON" scripts/screenshots.py "$OUT"
