#!/usr/bin/env bash
# Paper: render, emargement, certificat and convention render as Markdown, as one HTML page to
# print, and as a PDF typeset by WeasyPrint (`--format`, or the extension of -o). The page is
# parsed by a real HTML parser (html5lib, strict), holds nothing to fetch, and keeps what a
# person typed as text; a missing or failing weasyprint leaves nothing behind.
. "$(dirname "$0")/lib.sh" "$@"

# The Python that has html5lib (Debian's python3-html5lib is for Debian's python3).
PYTHON=
for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import html5lib' 2>/dev/null; then PYTHON=$candidate; break; fi
done

# strict_html FILE: html5lib's verdict ("valid" or its first parse error).
strict_html() {
    "$PYTHON" -c '
import sys, html5lib
try:
    html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb").read().decode("utf-8"))
    print("valid")
except Exception as e:
    print("invalid:", e)' "$1"
}
html5lib_missing() { [ -z "$PYTHON" ]; }

test_the_extension_of_o_picks_the_format_and_format_wins() {
    local dir=$TMP_ROOT/ext
    mkdir -p "$dir"
    run -C "$EXAMPLE" render -o "$dir/s.html"
    expect_status 0
    expect_file_contains "$dir/s.html" '<!DOCTYPE html>
<html lang="fr">'
    expect_equal "$(stat -c %a "$dir/s.html")" 600 "the page's mode"
    run -C "$EXAMPLE" render -o "$dir/s.HTML"
    expect_file_contains "$dir/s.HTML" '<!DOCTYPE html>'
    run -C "$EXAMPLE" render --format md -o "$dir/explicit.html"
    expect_status 0
    expect_file_contains "$dir/explicit.html" "---
title: 'Bilan de compétences"
    run -C "$EXAMPLE" render -o "$dir/s.txt"
    expect_file_contains "$dir/s.txt" "---
title:"
    run -C "$EXAMPLE" emargement --format html
    expect_status 0
    expect_out_contains "@page { size: A4 landscape; }"
    expect_out_contains '<th class="signature">Signature bénéficiaire</th>'
    run -C "$EXAMPLE" certificat --date 2026-05-06 --place Paris --format html
    expect_out_contains '<li><span class="box checked"></span>bilan de compétences</li>'
    expect_out_lacks "@page { size: A4 landscape; }"
}

# The example's pages, pinned: after a deliberate change, regenerate them with
#   build/bilan -C examples/claire-martin render --format html >tests/golden/claire-martin.html
#   build/bilan -C examples/claire-martin emargement --format html \
#       >tests/golden/claire-martin-emargement.html
#   build/bilan -C examples/claire-martin certificat --date 2026-05-06 --place Paris \
#       --format html >tests/golden/claire-martin-certificat.html
# and review the diff.
test_the_example_pages_are_pinned() {
    local golden=$SOURCE_DIR/tests/golden doc
    "$BILAN" -C "$EXAMPLE" render --format html >"$TMP_ROOT/claire-martin.html"
    "$BILAN" -C "$EXAMPLE" emargement --format html >"$TMP_ROOT/claire-martin-emargement.html" 2>/dev/null
    "$BILAN" -C "$EXAMPLE" certificat --date 2026-05-06 --place Paris --format html \
        >"$TMP_ROOT/claire-martin-certificat.html" 2>/dev/null
    for doc in claire-martin claire-martin-emargement claire-martin-certificat; do
        if cmp -s "$golden/$doc.html" "$TMP_ROOT/$doc.html"; then ok; else
            fail "$doc.html differs from tests/golden: $(diff "$golden/$doc.html" "$TMP_ROOT/$doc.html" | head -10)"
        fi
    done
}

test_an_unknown_format_is_a_usage_error_and_writes_nothing() {
    local dir=$TMP_ROOT/unknown
    mkdir -p "$dir"
    run -C "$EXAMPLE" render --format docx -o "$dir/s.docx"
    expect_status 2
    expect_err_contains "--format « docx » : attendu md, html ou pdf"
    expect_err_one_line
    expect_equal "$(ls -A "$dir")" "" "files written"
}

test_the_page_is_valid_html_with_nothing_to_fetch() {
    local dir=$TMP_ROOT/valid doc
    if html5lib_missing; then skip "python3-html5lib is not installed"; return; fi
    mkdir -p "$dir"
    "$BILAN" -C "$EXAMPLE" render -o "$dir/synthese.html" || fail "render"
    "$BILAN" -C "$EXAMPLE" emargement -o "$dir/emargement.html" 2>/dev/null || fail "emargement"
    "$BILAN" -C "$EXAMPLE" certificat --date 2026-05-06 -o "$dir/certificat.html" 2>/dev/null ||
        fail "certificat"
    for doc in synthese emargement certificat; do
        expect_equal "$(strict_html "$dir/$doc.html")" valid "$doc.html"
        if grep -Eiq '<script|<img|<link|src=|href=|url\(|@import' "$dir/$doc.html"; then
            fail "$doc.html fetches or runs something"
        else ok; fi
    done
}

test_typed_text_stays_text_in_the_page() {
    local dir page
    dir=$(new_bilan) || return
    "$BILAN" -C "$dir" set beneficiary '<script>alert("x")</script> & Ève' || fail "set"
    "$BILAN" -C "$dir" set demand $'**gras** <b>\n| a | b |\n- [x] case' || fail "set demand"
    page=$TMP_ROOT/hostile.html
    run -C "$dir" render -o "$page"
    expect_status 0
    expect_file_contains "$page" '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Ève'
    expect_file_contains "$page" '**gras** &lt;b&gt;'
    if grep -q '<script\|<b>\|class="box' "$page"; then fail "typed text became markup"; else ok; fi
    if html5lib_missing; then return; fi
    expect_equal "$(strict_html "$page")" valid "the page with hostile text"
}

test_pdf_without_weasyprint_says_which_package_and_leaves_nothing() {
    local dir=$TMP_ROOT/nopdf
    mkdir -p "$dir"
    PATH=$TMP_ROOT/empty-path run -C "$EXAMPLE" render -o "$dir/s.pdf"
    expect_status 3
    expect_err_contains "installez weasyprint (apt install weasyprint)"
    expect_err_one_line
    expect_equal "$(ls -A "$dir")" "" "files left"
}

test_a_failing_weasyprint_is_passed_on_and_leaves_nothing() {
    local dir=$TMP_ROOT/badpdf bin=$TMP_ROOT/fake-bin
    mkdir -p "$dir" "$bin"
    printf '#!/bin/sh\ncat >/dev/null\necho "ERROR: Failed to load font" >&2\nexit 1\n' >"$bin/weasyprint"
    chmod +x "$bin/weasyprint"
    PATH=$bin:$PATH run -C "$EXAMPLE" certificat --date 2026-05-06 -o "$dir/c.pdf"
    expect_status 3
    expect_err_contains "weasyprint a échoué : ERROR: Failed to load font"
    expect_equal "$(ls -A "$dir")" "" "files left"
    # One that says it succeeded but gives no PDF is no better.
    printf '#!/bin/sh\ncat >/dev/null\necho pas un pdf\n' >"$bin/weasyprint"
    PATH=$bin:$PATH run -C "$EXAMPLE" certificat --date 2026-05-06 -o "$dir/c.pdf"
    expect_status 3
    expect_equal "$(ls -A "$dir")" "" "files left"
}

test_every_document_becomes_a_pdf_and_the_same_folder_the_same_bytes() {
    local dir=$TMP_ROOT/pdf copy
    if ! command -v weasyprint >/dev/null; then skip "weasyprint is not installed"; return; fi
    if ! command -v pdftotext >/dev/null; then skip "pdftotext (poppler-utils) is not installed"; return; fi
    mkdir -p "$dir"
    run -C "$EXAMPLE" render -o "$dir/synthese.pdf"
    expect_status 0
    "$BILAN" -C "$EXAMPLE" render --format pdf >"$dir/stdout.pdf"
    expect_equal "$?:$(head -c 5 "$dir/stdout.pdf")" "0:%PDF-" "a PDF on standard output"
    # A second later, and whatever SOURCE_DATE_EPOCH says: the fonts embedded carry no clock.
    sleep 1.1
    if cmp -s "$dir/synthese.pdf" <(SOURCE_DATE_EPOCH=1234567890 "$BILAN" -C "$EXAMPLE" render --format pdf); then
        ok
    else fail "two PDFs of one folder differ"; fi
    out=$(pdfinfo "$dir/synthese.pdf" | plain_spaces | tr -s ' ')
    expect_out_contains "Title: Bilan de compétences : document de synthèse"
    expect_out_contains "Author: Hélène Rocher, Cabinet Horizons Mosaïque"
    expect_out_contains "Subject: Claire Martin"
    expect_out_lacks "CreationDate"
    out=$(pdftotext -layout "$dir/synthese.pdf" - | plain_spaces)
    expect_out_contains "Circonstances du bilan"
    expect_out_contains "page 1 sur"
    "$BILAN" -C "$EXAMPLE" emargement -o "$dir/emargement.pdf" 2>/dev/null || fail "emargement"
    out=$(pdfinfo "$dir/emargement.pdf" | tr -s ' ')
    expect_out_contains "Page size: 841.89 x 595.276 pts (A4)" # landscape
    out=$(pdftotext -layout "$dir/emargement.pdf" - | plain_spaces)
    expect_out_contains "Signature bénéficiaire"
    "$BILAN" -C "$EXAMPLE" certificat --date 2026-05-06 -o "$dir/certificat.pdf" 2>/dev/null ||
        fail "certificat"
    out=$(pdftotext -layout "$dir/certificat.pdf" - | plain_spaces)
    expect_out_contains "bilan de compétences"
    copy=$(copy_example)
    "$BILAN" -C "$copy" convention set --employer "Établissements Leœuvre" --sent 2026-02-20 \
        >/dev/null 2>&1 || fail "convention set"
    # Room to sign under each of the three signatures, as the documents write them (a no-break
    # space before the colon).
    expect_equal "$("$BILAN" -C "$copy" convention render --format html | grep -c '<p class="signature">')" \
        3 "signature blocks with room to sign"
    "$BILAN" -C "$copy" convention render -o "$dir/convention.pdf" || fail "convention render"
    out=$(pdftotext -layout "$dir/convention.pdf" - | plain_spaces)
    expect_out_contains "Leœuvre"
}

test_a_session_across_midday_is_signed_per_half_day_and_one_session_has_its_own_sheet() {
    local dir id other
    dir=$(new_bilan) || return
    id=$("$BILAN" -C "$dir" session add --date 2026-03-04 --phase investigation --from 10:00 --to 15:30)
    "$BILAN" -C "$dir" session add --date 2026-03-05 --phase investigation --from 09:00 --to 12:00 >/dev/null
    other=$("$BILAN" -C "$dir" session add --date 2026-03-06 --phase investigation --duration 2h \
        --kind travail-personnel)
    run -C "$dir" emargement
    expect_status 0
    expect_doc_contains "| mercredi 4 mars 2026 | 10 h 00 – 15 h 30 (matin) | 5 h 30 |"
    expect_doc_contains "| mercredi 4 mars 2026 | (après-midi) |  |"
    expect_doc_contains "| jeudi 5 mars 2026 | 9 h 00 – 12 h 00 | 3 h |"
    run -C "$dir" emargement --session "${id:0:4}" --format html
    expect_status 0
    expect_out_contains "4 mars 2026"
    expect_out_lacks "5 mars 2026"
    run -C "$dir" emargement --session "$other"
    expect_status 1
    expect_err_contains "n'est pas une séance avec le conseiller"
    expect_err_one_line
    run -C "$dir" emargement --session "$id" --blank 3
    expect_status 2
    run -C "$dir" emargement --blank 6 --format html
    expect_status 0
    expect_equal "$(grep -c '^<tr><td></td>' <<<"$out")" 6 "empty rows of --blank 6"
}

run_tests
