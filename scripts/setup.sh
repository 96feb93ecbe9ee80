#!/usr/bin/env bash
# `make`'s setup on a new machine, in the order a fresh Debian/Ubuntu needs it:
#   1. a Python 3.11 or newer (PYTHON, else the first of python3.11/3.12/3.13/python3);
#   2. its venv module (Debian ships it apart, as python3.X-venv);
#   3. the virtual environment with the project (editable) and its test tools, with the
#      pip that comes with Python: what users have, so an old pip fails here first;
#   4. the system libraries Qt needs to open a window (X11 or Wayland) and to run
#      offscreen, read off Qt's own files by annotator/window_system.py, so the list
#      follows the installed PySide6. A short hand list is only the fallback.
# apt-get runs (with sudo unless root) only when something is missing.
#
#   scripts/setup.sh VENV [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
python=${2:-}

say() { printf 'setup: %s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

# apt-get needs root: sudo (which asks for the password) unless we are root already.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then env DEBIAN_FRONTEND=noninteractive "$@"; return; fi
  command -v sudo >/dev/null 2>&1 || { echo "sudo is not installed, and this is not root" >&2; return 1; }
  sudo env DEBIAN_FRONTEND=noninteractive "$@"
}
apt_log=$(mktemp)
trap 'rm -f "$apt_log"' EXIT
cannot_install() {
  say "error: installing system packages needs administrator rights, and that failed:"
  tail -n 3 "$apt_log" | sed 's/^/  /' >&2
  fail "ask an administrator to run 'apt-get install $*', then run make again"
}
apt_updated=""
apt_update() {
  [ -n "$apt_updated" ] && return 0
  as_root apt-get update -qq >"$apt_log" 2>&1 || cannot_install "$@"
  apt_updated=1
}
apt_install() {
  say "installing system packages: $*"
  apt_update "$@"
  as_root apt-get install -y -qq --no-install-recommends "$@" >"$apt_log" 2>&1 || cannot_install "$@"
}
apt_knows() { apt-cache show --no-all-versions "$1" >/dev/null 2>&1; }

# --- 1. Python ------------------------------------------------------------------------
supported() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }
# pyenv's shim for python3.12 fails unless 3.12 is selected; the interpreter is there.
under_pyenv() {
  local found
  found=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"${1#python}".*/bin/"$1" 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] && printf '%s' "$found"
}
if [ -n "$python" ] && ! supported "$python" && found=$(under_pyenv "$python"); then
  python=$found
fi
if [ -z "$python" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if supported "$candidate"; then python=$candidate; break; fi
  done
  [ -n "$python" ] || fail "Annotator needs Python 3.11 or newer; none found (tried python3.11, python3.12, python3.13, python3)"
elif ! supported "$python"; then
  fail "$python is not a Python 3.11 or newer"
fi

# --- 2. venv --------------------------------------------------------------------------
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || fail "$python has no venv module; install it with your package manager"
    version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python$version-venv"
  fi
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi

# --- 3. the project -------------------------------------------------------------------
say "installing Annotator and its test tools into $venv"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --quiet -e '.[test]'

# --- 4. system libraries Qt needs -----------------------------------------------------
if ! command -v ldd >/dev/null 2>&1; then
  say "no ldd here: cannot check the system libraries Qt needs"
  exit 0
fi
mapfile -t needed < <("$venv/bin/python" -m annotator.window_system --debian-packages)
[ ${#needed[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  say "Qt needs system libraries that are missing; install these with your package manager:"
  "$venv/bin/python" -m annotator.window_system >&2
  exit 0
fi
apt_update "${needed[@]}"
known=() unknown=()
for package in "${needed[@]}"; do
  if apt_knows "$package"; then known+=("$package"); else unknown+=("$package"); fi
done
if [ ${#unknown[@]} -gt 0 ]; then
  say "apt does not know ${unknown[*]}; adding the fallback list"
  mapfile -t fallback < <("$venv/bin/python" -c \
    'from annotator.window_system import FALLBACK_PACKAGES as f; print("\n".join(f))')
  for package in "${fallback[@]}"; do apt_knows "$package" && known+=("$package"); done
fi
[ ${#known[@]} -gt 0 ] && apt_install "${known[@]}"
mapfile -t still < <("$venv/bin/python" -m annotator.window_system)
if [ ${#still[@]} -gt 0 ]; then
  say "Qt still lacks these system libraries (the package names are guesses):"
  printf '  %s\n' "${still[@]}" >&2
  exit 1
fi
