#!/usr/bin/env bash
# Installs Annotator's desktop integration for the current user on Linux: the menu
# entry, the icons, the .annotator file type (so double-clicking a project opens it
# in Annotator) and the AppStream metainfo. Safe to run again: it rewrites the same
# files. Prints what it did.
#
#   scripts/install-desktop.sh [--exec COMMAND]   install (or refresh)
#   scripts/install-desktop.sh --uninstall        remove what install put there
#
# COMMAND is the program the menu entry runs. Without --exec: the bundle in
# dist/annotator/ if it was built, else the `annotator` on PATH (pip/pipx install),
# else this checkout's .venv. It is written as an absolute path, because a desktop
# session's PATH is often not the shell's.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
app_id=org.example.annotator
mime_type=application/x-annotator-project
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes=(16 24 32 48 64 128 256 512)

say() { printf '%s\n' "$*"; }
run_if_present() {  # a cache tool that is missing only means a slower first lookup
  if command -v "$1" >/dev/null 2>&1; then "$@" && say "ran: $*"; else say "skipped (not installed): $1"; fi
}

desktop_file="$data/applications/$app_id.desktop"
mime_file="$data/mime/packages/$app_id.xml"
metainfo_file="$data/metainfo/$app_id.metainfo.xml"
icon_file() { printf '%s/icons/hicolor/%s/apps/%s.%s' "$data" "$1" "$app_id" "$2"; }

refresh_caches() {
  run_if_present update-mime-database "$data/mime"
  run_if_present update-desktop-database -q "$data/applications"
  if [ -f "$data/icons/hicolor/index.theme" ]; then
    run_if_present gtk-update-icon-cache -q -t "$data/icons/hicolor"
  fi
  touch "$data/icons/hicolor" 2>/dev/null || true  # icon themes notice a newer folder
}

uninstall() {
  for path in "$desktop_file" "$mime_file" "$metainfo_file" "$(icon_file scalable svg)"; do
    [ -e "$path" ] && rm -f "$path" && say "removed: $path"
  done
  for size in "${sizes[@]}"; do
    path=$(icon_file "${size}x${size}" png)
    [ -e "$path" ] && rm -f "$path" && say "removed: $path"
  done
  mkdir -p "$data/mime" "$data/applications" "$data/icons/hicolor"
  refresh_caches
}

# Quote a program path for a .desktop Exec line: the spec's quoting inside double
# quotes, then the backslash escaping every desktop-file string value gets.
desktop_exec_quote() {
  printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g' -e 's/^/"/' -e 's/$/"/' \
    -e 's/\\/\\\\/g'
}

desktop_string() {
  printf '%s' "$1" | sed -e 's/\\/\\\\/g'
}

find_command() {
  if [ -x "$root/dist/annotator/annotator" ]; then
    printf '%s' "$root/dist/annotator/annotator"
  elif command -v annotator >/dev/null 2>&1; then
    command -v annotator
  elif [ -x "$root/.venv/bin/annotator" ]; then
    printf '%s' "$root/.venv/bin/annotator"
  else
    return 1
  fi
}

install() {
  local command=$1
  case "$command" in /*) ;; *) command="$(cd "$(dirname "$command")" && pwd)/$(basename "$command")" ;; esac
  if [ ! -x "$command" ]; then
    say "install-desktop: error: $command is not an executable program" >&2
    exit 1
  fi
  local exec_value try_exec_value
  exec_value=$(desktop_exec_quote "$command")
  try_exec_value=$(desktop_string "$command")

  mkdir -p "$data/applications"
  # Only Exec and TryExec change; everything else is the file from packaging/linux.
  EXEC_VALUE=$exec_value TRY_EXEC_VALUE=$try_exec_value awk '
    /^Exec=/ { print "Exec=" ENVIRON["EXEC_VALUE"] " %f"; next }
    /^TryExec=/ { print "TryExec=" ENVIRON["TRY_EXEC_VALUE"]; next }
    { print }
  ' "$root/packaging/linux/$app_id.desktop" >"$desktop_file.partial"
  mv "$desktop_file.partial" "$desktop_file"
  say "installed: $desktop_file (runs $command)"
  if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop_file"
  fi

  for size in "${sizes[@]}"; do
    path=$(icon_file "${size}x${size}" png)
    mkdir -p "$(dirname "$path")"
    cp "$root/resources/icons/annotator-$size.png" "$path"
    say "installed: $path"
  done
  path=$(icon_file scalable svg)
  mkdir -p "$(dirname "$path")"
  cp "$root/resources/icons/annotator.svg" "$path"
  say "installed: $path"

  mkdir -p "$(dirname "$mime_file")" "$(dirname "$metainfo_file")"
  cp "$root/packaging/linux/$app_id-mime.xml" "$mime_file"
  say "installed: $mime_file"
  cp "$root/packaging/linux/$app_id.metainfo.xml" "$metainfo_file"
  say "installed: $metainfo_file"

  refresh_caches
  if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$app_id.desktop" "$mime_type"
    say "ran: xdg-mime default $app_id.desktop $mime_type"
  else
    set_default_app
    say "set: Annotator opens $mime_type in $mimeapps (xdg-mime is not installed)"
  fi
}

# What `xdg-mime default` writes, for desktops without xdg-utils: the one line under
# [Default Applications] in the user's mimeapps.list, every other line kept. Without it
# (and without update-desktop-database's cache) GLib finds no application at all.
mimeapps="${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list"
set_default_app() {
  mkdir -p "$(dirname "$mimeapps")"
  touch "$mimeapps"
  awk -v key="$mime_type" -v value="$app_id.desktop" '
    function put() { if (!done) { print key "=" value; done = 1 } }
    /^\[/ { if (section == "[Default Applications]") put(); section = $0; print; next }
    section == "[Default Applications]" && index($0, key "=") == 1 { put(); next }
    { print }
    END {
      if (!done) { if (section != "[Default Applications]") print "[Default Applications]"; put() }
    }
  ' "$mimeapps" >"$mimeapps.partial"
  mv "$mimeapps.partial" "$mimeapps"
}

case "${1:-}" in
  --uninstall) uninstall ;;
  --exec)
    [ $# -eq 2 ] || { say "usage: $0 [--exec COMMAND | --uninstall]" >&2; exit 2; }
    install "$2"
    ;;
  "")
    if ! command=$(find_command); then
      say "install-desktop: error: no annotator program found; run 'make bundle' or 'pipx install .' first, or pass --exec COMMAND" >&2
      exit 1
    fi
    install "$command"
    ;;
  *) say "usage: $0 [--exec COMMAND | --uninstall]" >&2; exit 2 ;;
esac
