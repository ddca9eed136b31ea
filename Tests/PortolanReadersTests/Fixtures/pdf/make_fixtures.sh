#!/usr/bin/env bash
# Makes the PDF and DOCX fixtures with real engines: HTML pages (make_html.py) printed by
# headless Chromium, and converted by LibreOffice. Run from anywhere; rewrites the fixtures.
# Needs: chromium, libreoffice-writer-nogui, python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docx="$here/../docx"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
python3 "$here/make_html.py" "$build"

print() {  # chromium prints an HTML page to PDF (untagged: the structure tree would triple the size)
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --disable-pdf-tagging \
    --print-to-pdf="$here/$2" "file://$build/$1" 2>/dev/null
}
print seed-000.html seed-000.chromium.pdf
print seed-002.html seed-002.landscape.pdf
print seed-003.html seed-003.pages.pdf
print kafka.html kafka.pdf
print consul.html consul.two-tables.pdf
print elastic.html elastic.landscape.pdf
print rabbitmq.html rabbitmq.ruled-tight.pdf
print vault.html vault.tight.pdf
print newsletter.html newsletter.two-column.pdf
print prose.html prose.two-column.pdf

office() {  # LibreOffice converts: office <input> <filter> <output name> (HTML read as a Writer document)
  local out="$build/office"; mkdir -p "$out"
  local infilter=(); [[ "$1" == *.html ]] && infilter=(--infilter="HTML (StarWriter)")
  soffice --headless --norestore "-env:UserInstallation=file://$build/profile" \
    "${infilter[@]}" --convert-to "$2" --outdir "$out" "$1" >/dev/null 2>&1
  local made="$out/$(basename "${1%.*}").${2%%:*}"
  mv "$made" "$3"
}
office "$build/seed-004.html" pdf "$here/seed-004.libreoffice.pdf"
office "$build/rabbitmq-writer.html" pdf "$here/rabbitmq.writer-borders.pdf"
office "$build/seed-004.html" 'docx:MS Word 2007 XML' "$docx/seed-004.docx"
office "$here/../layouts/000.html" 'docx:MS Word 2007 XML' "$docx/seed-000.merged.docx"
office "$build/kafka.html" 'docx:MS Word 2007 XML' "$docx/kafka.docx"
office "$build/merged.html" 'docx:MS Word 2007 XML' "$docx/merged.docx"
office "$build/caption.html" 'docx:MS Word 2007 XML' "$docx/caption.docx"
# Word's own cell margins (none above and below a cell's text): rows only the ruled lines part.
python3 - "$docx/caption.docx" "$build/tight.docx" <<'PY'
import re, sys, zipfile
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as z:
    parts = {name: z.read(name) for name in z.namelist()}
xml = parts["word/document.xml"].decode()
margins = ('<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
           '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>')
parts["word/document.xml"] = re.sub(r"<w:tblCellMar>.*?</w:tblCellMar>", margins, xml).encode()
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
office "$build/tight.docx" pdf "$here/word-tight.libreoffice.pdf"

# Bad PDFs: one that needs a password, one scanned (an image of a table, no text), one cut short.
mkdir -p "$here/bad"
printf '<html><body><table border=1><tr><th>Source</th><th>Destination</th><th>Port</th></tr><tr><td>Agent</td><td>Server</td><td>443</td></tr></table></body></html>' > "$build/small.html"
office "$build/small.html" 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' "$here/bad/encrypted.pdf"
convert -size 500x120 xc:white -pointsize 18 -draw "text 20 40 'Source   Destination   Port'" -draw "text 20 80 'Agent    Server        443'" "$build/scan.png"
printf '<html><body style="margin:0"><img src="scan.png"></body></html>' > "$build/scan.html"
print scan.html bad/scanned.pdf
head -c 2000 "$here/kafka.pdf" > "$here/bad/truncated.pdf"
ls -l "$here"/*.pdf "$here"/bad/*.pdf "$docx"/*.docx
