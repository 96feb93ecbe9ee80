#!/usr/bin/env bash
# Render Word exports to PDF (LibreOffice) and PNG pages (pdftoppm) to look at them.
#
#   bash scripts/render_docx.sh                 # sample and mixed-script exports
#   bash scripts/render_docx.sh REPORT.docx ... # your own exports
#
# PNGs land in build/render/ (or $RENDER_DIR). Installs LibreOffice Writer, poppler
# and the Noto (Latin, Arabic, CJK) and emoji fonts when missing (Debian; needs root
# or sudo), so every script in a report shows. LibreOffice 7.4 (Debian 12) writes
# colour-bitmap emoji as blank glyphs into a PDF, so for the rendering only, the
# colour emoji font is set aside and Symbola's outline emoji stand in. Not part of
# the default tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$here/.venv/bin/python}"
out="${RENDER_DIR:-$here/build/render}"
mkdir -p "$out"

packages=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-symbola)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ $# -eq 0 ]; then
  mapfile -t documents < <("$python" "$here/scripts/render_docx_sample.py" "$out")
else
  documents=("$@")
fi

# a private LibreOffice profile: no first-run dialogs, no clash with a running office
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
cat > "$profile/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*NotoColorEmoji*</glob></rejectfont></selectfont>
</fontconfig>
CONF
export FONTCONFIG_FILE="$profile/fonts.conf"
for docx in "${documents[@]}"; do
  name="$(basename "${docx%.docx}")"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
    --outdir "$out" "$docx" >/dev/null
  rm -f "$out/$name"-*.png
  pdftoppm -png -r 70 "$out/$name.pdf" "$out/$name"
  echo "$out/$name.pdf -> $(ls "$out/$name"-*.png | wc -l) PNG pages"
done
