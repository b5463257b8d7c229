#!/usr/bin/env bash
# Every document (synthesis, attendance sheet, certificate, convention) to PDF on a bare
# Debian, with the commands README gives (pandoc's groff ms output, typeset by groff: no
# LaTeX), and to DOCX; accented letters survive into the PDF.
# Skipped where pandoc, groff's PDF device or pdftotext (poppler-utils) is missing.
. "$(dirname "$0")/lib.sh" "$@"

# to_pdf MD PDF: README's command.
to_pdf() {
    pandoc "$1" -s -t ms --shift-heading-level-by=-1 |
        groff -t -ms -k -KUTF-8 -Tpdf >"$2" 2>"$TMP_ROOT/groff.err"
}

tools_missing() {
    local tool
    for tool in pandoc groff gropdf pdftotext pdfinfo; do
        command -v "$tool" >/dev/null || { echo "$tool"; return 0; }
    done
    return 1
}

# check_pdf MD PAGES TEXT… : the PDF of MD has at least PAGES pages and every TEXT.
check_pdf() {
    local md=$1 pages=$2 pdf text got
    shift 2
    pdf=${md%.md}.pdf
    if to_pdf "$md" "$pdf"; then ok; else fail "$md: pandoc | groff failed: $(head -3 "$TMP_ROOT/groff.err")"; return; fi
    got=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
    if [ "${got:-0}" -ge "$pages" ]; then ok; else fail "$pdf: $got pages, expected $pages or more"; fi
    out=$(pdftotext -layout "$pdf" - | plain_spaces)
    for text in "$@"; do expect_out_contains "$text"; done
}

test_the_example_documents_become_pdf() {
    local missing dir
    if missing=$(tools_missing); then skip "$missing is not installed (apt install pandoc groff poppler-utils)"; return; fi
    dir=$TMP_ROOT/docs
    mkdir -p "$dir"
    "$BILAN" -C "$EXAMPLE" render -o "$dir/synthese.md" || fail "render"
    "$BILAN" -C "$EXAMPLE" emargement -o "$dir/emargement.md" 2>/dev/null || fail "emargement"
    "$BILAN" -C "$EXAMPLE" certificat --date 2026-05-06 --place Paris -o "$dir/certificat.md" 2>/dev/null ||
        fail "certificat"
    check_pdf "$dir/synthese.md" 5 "Bilan de compétences : document de synthèse" \
        "Cabinet Horizons Mosaïque" "mise en œuvre" "Établir" "Numérique" "16 h 30" \
        "Circonstances du bilan" "Plan d’action"
    out=$(pdfinfo "$dir/synthese.pdf")
    expect_out_contains "Hélène Rocher; Cabinet Horizons Mosaïque" # the author, not Claire
    check_pdf "$dir/emargement.md" 1 "Feuille d’émargement" "Mosaïque" "Signature" \
        "Horaires" "2 h 30" "février" # its table cells wrap
    check_pdf "$dir/certificat.md" 1 "Certificat de réalisation" "Mosaïque" "20 h"
    # The convention (the example is funded by the CPF: a copy gets one).
    local copy
    copy=$(copy_example)
    "$BILAN" -C "$copy" convention set --employer "Établissements Leœuvre" --sent 2026-02-20 \
        --signed-employee 2026-02-23 --signed-employer 2026-02-24 --signed-provider 2026-02-25 \
        >/dev/null 2>&1 || fail "convention set"
    "$BILAN" -C "$copy" convention render -o "$dir/convention.md" 2>/dev/null || fail "convention render"
    check_pdf "$dir/convention.md" 1 "Convention de bilan de compétences" "Leœuvre" "Mosaïque"
}

test_the_synthesis_becomes_docx() {
    command -v pandoc >/dev/null || { skip "pandoc is not installed"; return; }
    command -v unzip >/dev/null || { skip "unzip is not installed"; return; }
    "$BILAN" -C "$EXAMPLE" render -o "$TMP_ROOT/synthese.md" || fail "render"
    if pandoc "$TMP_ROOT/synthese.md" -o "$TMP_ROOT/synthese.docx"; then ok; else fail "pandoc docx"; return; fi
    out=$(unzip -p "$TMP_ROOT/synthese.docx" docProps/core.xml)
    expect_out_contains "<dc:creator>Hélène Rocher; Cabinet Horizons Mosaïque</dc:creator>"
    expect_out_contains "Claire Martin" # the subject
    out=$(unzip -p "$TMP_ROOT/synthese.docx" word/document.xml)
    expect_out_contains "œuvre"
}

run_tests
