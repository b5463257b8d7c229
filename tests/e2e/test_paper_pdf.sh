#!/usr/bin/env bash
# Paper, measured: the PDFs bilan has WeasyPrint make, read as a person meets them printed. The
# attendance sheet's rows and columns are measured between the rules drawn on the page (the
# page rasterised by pdftoppm): room to sign in every cell, on every page, whatever the name
# typed; the header on every page, no row cut by a page break, no word of the table cut; the
# certificate's ticked box found in the ink; a Belgian attestation saying in PDF what it says in
# Markdown. test_paper.sh checks the pages as HTML and that each document becomes a PDF; this
# suite checks what the PDF shows. Skipped where weasyprint, poppler-utils or python3 is missing.
. "$(dirname "$0")/lib.sh" "$@"

# The system's python3 first: a version manager's shim in front of it costs half a second a run.
PYTHON=
for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null; then PYTHON=$candidate; break; fi
done

tools_missing() {
    local tool
    for tool in weasyprint pdftotext pdfinfo pdftoppm; do
        command -v "$tool" >/dev/null || { echo "$tool"; return 0; }
    done
    [ -n "$PYTHON" ] || { echo python3; return 0; }
    return 1
}

# The measures, in python3 alone (no imaging library): `grid PDF` and `boxes PDF LABEL…`.
read -r -d '' MEASURE <<'PY'
import glob, html, re, subprocess, sys, tempfile

DPI = 150  # a 0.6 pt rule is 1.25 pixels wide: at least one pixel of it comes out dark
MM = DPI / 25.4  # pixels in a millimetre
PT = DPI / 72  # pixels in a point
INK = 35  # '#': a pixel darker than mid-grey (the header's grey, #e8e8e8, is no ink)
SHADES = bytes(INK if v < 128 else 32 for v in range(256))


def pages(pdf, *only):
    """The PDF's pages in grey, each (width, height, pixels as '#' inked or ' ' blank)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-gray', '-r', str(DPI), *only, pdf, tmp + '/p'], check=True)
        found = []
        for name in sorted(glob.glob(tmp + '/p-*.pgm'), key=lambda n: int(n[n.rindex('-') + 1:-4])):
            data = open(name, 'rb').read()
            head = re.match(rb'P5\s+(\d+)\s+(\d+)\s+255\s', data)
            found.append((int(head[1]), int(head[2]), data[head.end():].translate(SHADES)))
        return found


def rules(strips, length):
    """Where the strips (rows or columns of pixels) hold an inked run of at least length mm, in
    mm from the page's edge: a table's rules, which no text draws; neighbouring strips are one."""
    found = []
    for i, strip in enumerate(strips):
        if max(map(len, strip.split()), default=0) >= length * MM:
            if found and found[-1][-1] == i - 1:
                found[-1].append(i)
            else:
                found.append([i])
    return [sum(rule) / len(rule) / MM for rule in found]


def grid(pdf):
    """One line a page: the heights of the table's rows, a /, the widths of its columns, in mm
    between the rules drawn."""
    for width, height, ink in pages(pdf):
        across = rules((ink[y * width:(y + 1) * width] for y in range(height)), 30)
        down = rules((ink[x::width] for x in range(width)), 20)
        gaps = lambda at: ' '.join('%.1f' % (b - a) for a, b in zip(at, at[1:]))
        print(gaps(across), '/', gaps(down))


def boxes(pdf, labels):
    """For each line of page 1 that reads one of labels, a line: the label, then the box drawn
    before it, its width and height in mm and how much of its middle (the central half, across
    and down) is inked, in %; tab-separated."""
    width, height, ink = pages(pdf, '-f', '1', '-l', '1')[0]
    layout = subprocess.run(['pdftotext', '-bbox-layout', '-f', '1', '-l', '1', pdf, '-'],
                            capture_output=True, text=True, check=True).stdout
    for x0, y0, y1, words in re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
            layout, re.S):
        text = ' '.join(html.unescape(word) for word in re.findall(r'>([^<]*)</word>', words))
        if text not in labels:
            continue
        # The box stands left of the text, 3.4 mm wide and 2 mm away: look 8 mm to the left.
        left, right = int(float(x0) * PT - 8 * MM), int(float(x0) * PT - 0.5 * MM)
        top, bottom = int((float(y0) - 2) * PT), int((float(y1) + 2) * PT)
        inked = [(x, y) for y in range(top, bottom) for x in range(left, right)
                 if ink[y * width + x] == INK]
        if not inked:
            print(text + '\t0\t0\t0')
            continue
        xs, ys = [x for x, _ in inked], [y for _, y in inked]
        bw, bh = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
        middle = [ink[y * width + x] == INK
                  for y in range(min(ys) + bh // 4, max(ys) - bh // 4 + 1)
                  for x in range(min(xs) + bw // 4, max(xs) - bw // 4 + 1)]
        print('%s\t%.1f\t%.1f\t%d' % (text, bw / MM, bh / MM, 100 * sum(middle) // len(middle)))


if sys.argv[1] == 'grid':
    grid(sys.argv[2])
else:
    boxes(sys.argv[2], sys.argv[3:])
PY

# grid PDF: the sheet's table as drawn, one line a page: "ROW ROW … / COLUMN COLUMN …", in mm;
# the first row is the header. Kept beside the PDF for the next test that asks.
grid() {
    [ -s "$1.grid" ] || "$PYTHON" -c "$MEASURE" grid "$1" >"$1.grid" || return 1
    printf '%s\n' "$(<"$1.grid")"
}

# expect_room_to_sign PDF: on every page the table has its seven columns, every row under the
# header is at least 15 mm high (room for a signature, the size the sheet asks: 15 mm = 42.52
# pt), and the two signature columns are at least 50 mm wide. The sheet asks 48 mm of room
# plus 1.6 mm of padding each side: 51.4 mm between the rules as drawn; 50 mm leaves a pixel or
# two of rounding and fails any squeeze of the column (a table laid out to its content would
# give it the header's width, about 25 mm).
expect_room_to_sign() {
    local measures verdict
    measures=$(grid "$1") || { fail "$1 could not be measured"; return; }
    verdict=$(awk -F' / ' '{
        rows = split($1, row, " "); columns = split($2, column, " ")
        if (columns != 7) print "page " NR ": " columns " columns, not 7;"
        if (rows < 2) print "page " NR ": no row under the header;"
        for (i = 2; i <= rows; i++) if (row[i] < 15) print "page " NR ": a row " row[i] " mm high;"
        for (i = 6; i <= 7 && i <= columns; i++)
            if (column[i] < 50) print "page " NR ": a signature column " column[i] " mm wide;"
    }' <<<"$measures")
    if [ -z "$verdict" ]; then ok; else fail "$1: ${verdict//$'\n'/ } (rows / columns in mm: ${measures//$'\n'/, })"; fi
}

# rows_under_headers PDF: the table's rows under the header, all pages together.
rows_under_headers() { grid "$1" | awk -F' / ' '{ n += split($1, row, " ") - 1 } END { print n + 0 }'; }

# markdown_rows MD: the rows of a sheet's table in its Markdown, header and rule aside.
markdown_rows() { grep -c '^| ' "$1" | awk '{ print $1 - 1 }'; }

pages_of() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# letters PDF [pdftotext options]: the PDF's text with no space nor line end at all, to find a
# phrase in whatever lines the page cut it into (pdftotext also gives a no-break space as a
# space or as nothing, as the gap drawn looks).
letters() { pdftotext "${@:2}" "$1" - | plain_spaces | tr -d ' \n\f'; }

# occurrences TEXT PART: how many times PART is in TEXT.
occurrences() {
    local rest=${1//"$2"/}
    echo $(((${#1} - ${#rest}) / ${#2}))
}

# The example's sheet, made once for the tests that read it (a weasyprint run costs a second),
# with its Markdown beside it. From a copy, as the hostile name's sheet is, to compare them.
example_sheet() {
    local pdf=$TMP_ROOT/example-sheet.pdf dir
    if [ ! -s "$pdf" ]; then
        dir=$(copy_example) &&
            "$BILAN" -C "$dir" emargement >"${pdf%.pdf}.md" 2>/dev/null &&
            "$BILAN" -C "$dir" emargement -o "$pdf" 2>/dev/null || return 1
    fi
    printf '%s\n' "$pdf"
}

# A sheet of one session from 10:00 to 15:30 (signed per half-day: two rows) and one the next
# morning, made once, with its Markdown beside it; the folder is kept for the blank sheet.
midday_sheet() {
    local pdf=$TMP_ROOT/midday/sheet.pdf dir=$TMP_ROOT/midday/bilan
    if [ ! -s "$pdf" ]; then
        mkdir -p "$TMP_ROOT/midday"
        "$BILAN" init "$dir" --beneficiary "Test Bénéficiaire" --start 2026-03-02 >/dev/null &&
            held -C "$dir" session add --date 2026-03-04 --phase investigation \
                --from 10:00 --to 15:30 >/dev/null &&
            held -C "$dir" session add --date 2026-03-05 --phase investigation \
                --from 09:00 --to 12:00 >/dev/null &&
            "$BILAN" -C "$dir" emargement >"${pdf%.pdf}.md" 2>/dev/null &&
            "$BILAN" -C "$dir" emargement -o "$pdf" 2>/dev/null || return 1
    fi
    printf '%s\n' "$pdf"
}

test_signature_cells_are_15_mm_high_and_50_mm_wide_on_paper() {
    local pdf
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    pdf=$(example_sheet) || { fail "the example's sheet: no PDF"; return; }
    expect_room_to_sign "$pdf"
    # Every row of the sheet's Markdown is drawn: none lost between the pages.
    expect_equal "$(rows_under_headers "$pdf")" "$(markdown_rows "${pdf%.pdf}.md")" \
        "rows drawn in the example's sheet, as in its Markdown"
}

test_a_40_session_sheet_repeats_its_header_on_every_page_and_splits_no_row() {
    local dir day pdf=$TMP_ROOT/forty.pdf pages page text dates date
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    dir=$(new_bilan) || return
    for day in 2026-03-{02..31} 2026-04-{01..10}; do
        held -C "$dir" session add --date "$day" --phase investigation --from 09:00 \
            --to 11:00 >/dev/null 2>&1 || fail "session add --date $day"
    done
    # The rows' dates as the sheet writes them: its Markdown's first column.
    dates=$("$BILAN" -C "$dir" emargement 2>/dev/null | plain_spaces |
        awk -F' *[|] *' '/^[|] / && $2 != "Date" { gsub(/ /, "", $2); print $2 }')
    expect_equal "$(wc -l <<<"$dates")" 40 "rows in the Markdown"
    run -C "$dir" emargement -o "$pdf"
    expect_status 0
    pages=$(pages_of "$pdf")
    if [ "${pages:-0}" -ge 2 ]; then ok; else fail "40 sessions on ${pages:-no} page(s)"; fi
    for ((page = 1; page <= ${pages:-0}; page++)); do
        text=$(pdftotext -f "$page" -l "$page" "$pdf" - | plain_spaces)
        case $text in
            *"Signature bénéficiaire"*"Signature conseiller·ère"*) ok ;;
            *) fail "page $page has no column header" ;;
        esac
    done
    # A row cut by a page break shows its date on neither page whole, or on both.
    text=$(letters "$pdf")
    for date in $dates; do
        expect_equal "$(occurrences "$text" "$date")" 1 "$date in the PDF"
    done
    # And in the ink: forty rows, each as high as a whole one (a cut row's pieces are not).
    expect_equal "$(rows_under_headers "$pdf")" 40 "rows drawn"
    expect_room_to_sign "$pdf"
}

# Each word of the table, header and cells, as the sheet's Markdown writes it, is whole in the
# PDF: neither hyphenated ("béné-" "ficiaire") nor cut where a narrow column ran out of room
# ("présentie" "l"). Words of four letters or more with no digit: pdftotext joins "1 h" into
# "1h" as the narrow no-break space leaves them close.
test_no_word_of_the_sheet_is_hyphenated_or_cut() {
    local pdf words word printed header cut
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    for pdf in "$(example_sheet)" "$(midday_sheet)"; do
        [ -s "$pdf" ] || { fail "a sheet: no PDF"; continue; }
        # The table's lines only, from its header down, on each page: the paragraph above it
        # has words of the cells too ("en présentiel sur cette feuille").
        printed=" $(pdftotext -layout "$pdf" - | plain_spaces |
            awk '/\f/ { table = 0 } /^[\f ]*Date / { table = 1 } table' | tr -s ' \n\f' '   ') "
        words=$(plain_spaces <"${pdf%.pdf}.md" | awk -F'|' '/^[|]/ && !/^[|]:/ {
            for (i = 2; i < NF; i++) print $i }' | tr -s ' ' '\n' |
            grep -E '^[^0-9]{4,}$' | LC_ALL=C sort -u)
        header=() cut=()
        for word in $words; do
            case $printed in *" $word "*) continue ;; esac
            case $word in Date | Horaires | Durée | Phase | Modalité | Signature | bénéficiaire | conseiller·ère)
                header+=("$word") ;;
            *) cut+=("$word") ;;
            esac
        done
        if [ -z "$words" ]; then fail "${pdf#"$TMP_ROOT"/}: no word read in its Markdown"
        elif [ ${#header[@]} -eq 0 ]; then ok
        else fail "${pdf#"$TMP_ROOT"/}: a header's words not whole in the PDF: ${header[*]}"; fi
        if [ ${#cut[@]} -eq 0 ]; then ok; else
            fail "${pdf#"$TMP_ROOT"/}: words of the rows cut in the PDF: ${cut[*]}"
        fi
    done
}

test_a_blank_sheet_of_6_prints_six_empty_rows_to_sign() {
    local pdf=$TMP_ROOT/blank.pdf
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    midday_sheet >/dev/null || { fail "the midday sheet: no PDF"; return; }
    run -C "$TMP_ROOT/midday/bilan" emargement --blank 6 -o "$pdf"
    expect_status 0
    expect_equal "$(pages_of "$pdf")" 1 "pages of a blank sheet of 6"
    expect_equal "$(rows_under_headers "$pdf")" 6 "rows drawn"
    expect_room_to_sign "$pdf"
    # Empty: the folder's sessions are not in it.
    out=$(pdftotext "$pdf" - | plain_spaces)
    expect_out_contains "Signature bénéficiaire"
    expect_out_lacks "mars 2026"
}

test_a_session_across_midday_prints_a_morning_and_an_afternoon_row() {
    local pdf text
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    pdf=$(midday_sheet) || { fail "the midday sheet: no PDF"; return; }
    expect_equal "$(rows_under_headers "$pdf")" 3 "rows drawn for two sessions, one across midday"
    expect_room_to_sign "$pdf"
    text=$(letters "$pdf")
    expect_equal "$(occurrences "$text" "mercredi4mars2026")" 2 "rows of the day across midday"
    expect_equal "$(occurrences "$text" "(matin)")" 1 "(matin)"
    expect_equal "$(occurrences "$text" "(après-midi)")" 1 "(après-midi)"
    expect_equal "$(occurrences "$text" "jeudi5mars2026")" 1 "rows of the morning session"
    case $text in *"10h00–15h30(matin)"*) ok ;; *) fail "the morning row lacks its hours" ;; esac
}

# The four natures of the ministry's model are boxes drawn in CSS, the ticked one crossed by two
# gradients: no glyph pdftotext could read. The ink says which is ticked.
test_the_certificat_ticks_one_box_on_paper_next_to_bilan_de_competences() {
    local pdf=$TMP_ROOT/certificat.pdf nature width height inked ticked=() natures measures
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    natures=("action de formation" "bilan de compétences"
        "action de validation des acquis de l'expérience" "action de formation par apprentissage")
    run -C "$EXAMPLE" certificat --date 2026-05-06 --place Paris -o "$pdf"
    expect_status 0
    measures=$("$PYTHON" -c "$MEASURE" boxes "$pdf" "${natures[@]}")
    expect_equal "$(grep -c . <<<"$measures")" 4 "natures found in the PDF"
    while IFS=$'\t' read -r nature width height inked; do
        # The box is 3.4 mm; a ticked one's gradients spill a pixel over its border.
        if awk -v w="$width" -v h="$height" 'BEGIN { exit !(w >= 3 && w <= 4 && h >= 3 && h <= 4) }'
        then ok; else fail "$nature: a box of ${width} x ${height} mm before it, not 3.4 mm"; fi
        # An empty box's middle holds no ink; the cross fills most of it (70 % here).
        if [ "$inked" -ge 30 ]; then ticked+=("$nature")
        elif [ "$inked" -le 3 ]; then ok
        else fail "$nature: its box is $inked % inked, neither empty nor ticked"; fi
    done <<<"$measures"
    expect_equal "${ticked[*]}" "bilan de compétences" \
        "the natures ticked (nature, box width and height in mm, % of its middle inked: ${measures//$'\n'/; })"
}

# A Belgian bilan gets an attestation de participation, not the French ministry's certificate.
test_a_belgian_attestation_says_the_same_in_its_three_formats_and_cites_no_french_law() {
    local dir pdf=$TMP_ROOT/attestation.pdf md facts fact printed text session day from to phase
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    dir=$(new_bilan --framework be --funding fonds-social) || return
    for session in 2026-03-02,09:00,12:00,preliminaire 2026-03-04,09:00,11:00,investigation \
        2026-03-06,14:00,16:30,conclusion; do
        IFS=, read -r day from to phase <<<"$session"
        held -C "$dir" session add --date "$day" --phase "$phase" --from "$from" --to "$to" \
            >/dev/null 2>&1 || fail "session add --date $day"
    done
    run -C "$dir" certificat --date 2026-03-20 --place Liège --format md
    expect_status 0 "Markdown"
    md=$(plain_spaces <<<"$out")
    expect_doc_contains "## Attestation de participation"
    expect_doc_contains "**Test Bénéficiaire**"
    expect_doc_contains "**7 h 30**" # 3 h + 2 h + 2 h 30
    run -C "$dir" certificat --date 2026-03-20 --place Liège --format html
    expect_status 0 "HTML"
    expect_doc_contains "<h2>Attestation de participation</h2>"
    expect_doc_contains "<strong>Test Bénéficiaire</strong>"
    expect_doc_contains "<strong>7 h 30</strong>"
    text=$out$'\n'$md
    run -C "$dir" certificat --date 2026-03-20 --place Liège -o "$pdf"
    expect_status 0 "PDF"
    # What the Markdown sets in bold (who, from, to, how long, who signs, the blanks to fill)
    # is in the PDF.
    printed=$(letters "$pdf")
    facts=$(grep -o '[*][*][^*]*[*][*]' <<<"$md" | tr -d '* ')
    expect_equal "$(wc -l <<<"$facts")" 7 "facts in bold in the Markdown"
    while read -r fact; do
        case $printed in *"$fact"*) ok ;; *) fail "the PDF lacks what the Markdown says: $fact" ;; esac
    done <<<"$facts"
    expect_equal "$(pdfinfo "$pdf" | sed -n 's/^Title: *//p')" "Attestation de participation" \
        "the PDF's title"
    text+=$'\n'$(pdftotext "$pdf" - | plain_spaces)
    for fact in "L6313" "Code du travail" "Certificat de réalisation"; do
        case $text in *"$fact"*) fail "a Belgian attestation says: $fact" ;; *) ok ;; esac
    done
}

# A name that is markup, quotes and a right-to-left override (refused by `set`, as by every
# command: it comes in by a hand edit of bilan.toml), then a word of 80 letters: the sheet keeps
# its pages and its cells, and prints the name as text, inside the page.
test_a_hostile_name_keeps_the_sheet_whole_on_paper() {
    local dir pdf=$TMP_ROOT/hostile.pdf plain long=Wolfeschlegelsteinhausenbergerdorff
    local rlo=$'\xe2\x80\xae' text edge
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    plain=$(example_sheet) || { fail "the example's sheet: no PDF"; return; }
    long+=welchevoralternwarengewissenhaftschaferswesse # 80 letters
    dir=$(copy_example)
    "$BILAN" -C "$dir" set beneficiary "<script>alert(\"x\")</script> & l'« Ève » O'Brien $long" ||
        fail "set beneficiary"
    sed -i "s/^beneficiary = \"/beneficiary = \"Ève${rlo}Inverse /" "$dir/bilan.toml"
    run -C "$dir" emargement -o "$pdf"
    expect_status 0
    expect_equal "$(pages_of "$pdf")" "$(pages_of "$plain")" "pages, as with a plain name"
    expect_room_to_sign "$pdf"
    text=$(letters "$pdf")
    case $text in
        *"Ève"*"Inverse<script>alert(\"x\")</script>&l'«Ève»O'Brien$long"*) ok ;;
        *) fail "the PDF does not print the name as typed" ;;
    esac
    case $text in *"$rlo"*) fail "the PDF holds the right-to-left override" ;; *) ok ;; esac
    # The long word whole on one line, and inside the right margin (297 - 15 mm = 799.37 pt).
    edge=$(pdftotext -bbox-layout "$pdf" - | sed -n "s/.*xMax=\"\([0-9.]*\)\"[^>]*>$long<.*/\1/p")
    if [ -n "$edge" ] && awk -v x="$edge" 'BEGIN { exit !(x <= 799.37) }'; then ok; else
        fail "the 80-letter word is not whole inside the page (its right edge: ${edge:-not found} pt)"
    fi
}

# The widest word a name can hold (80 × "W", 1.3 times the line of a portrait page): it breaks
# at the line's end rather than run into the margin or off the page, on the sheet (landscape)
# and on the certificat (portrait). Before, the certificat showed 54 of its 80 letters.
test_a_name_wider_than_the_line_breaks_inside_the_margins() {
    local dir wide edge pdf kind limit
    if missing=$(tools_missing); then skip "$missing is not installed"; return; fi
    wide=$(printf 'W%.0s' {1..80})
    dir=$(copy_example)
    "$BILAN" -C "$dir" set beneficiary "$wide" || fail "set beneficiary"
    # The right margin: 15 mm from the edge, 841.89 - 42.52 and 595.28 - 42.52 pt.
    for kind in emargement:799.37 certificat:552.76; do
        pdf=$TMP_ROOT/wide-${kind%%:*}.pdf limit=${kind#*:}
        if [ "${kind%%:*}" = emargement ]; then
            "$BILAN" -C "$dir" emargement -o "$pdf" 2>/dev/null || fail "emargement"
        else
            "$BILAN" -C "$dir" certificat --date 2026-05-06 -o "$pdf" 2>/dev/null || fail "certificat"
        fi
        edge=$(pdftotext -bbox "$pdf" - | sed -n 's/.*xMax="\([0-9.]*\)".*/\1/p' | sort -n | tail -1)
        if [ -n "$edge" ] && awk -v x="$edge" -v m="$limit" 'BEGIN { exit !(x <= m) }'; then ok; else
            fail "${kind%%:*}: a word ends at ${edge:-?} pt, past the margin ($limit pt)"
        fi
        expect_equal "$(letters "$pdf" | grep -o W | wc -l)" 80 "${kind%%:*}: the name's letters printed"
    done
}

run_tests
