#!/usr/bin/env bash
# bilan emargement and bilan certificat: the proof of service. Who met whom, when and for how
# long, and nothing of the substance; the provider from the practice folder; the refusals and
# warnings of the contract; -o as safe as render's. The example's two documents are pinned
# byte for byte; after a deliberate change, regenerate them and review the diff:
#   build/bilan -C examples/claire-martin emargement >tests/golden/claire-martin-emargement.md
#   build/bilan -C examples/claire-martin certificat --date 2026-05-06 --place Paris \
#       >tests/golden/claire-martin-certificat.md
. "$(dirname "$0")/lib.sh" "$@"

session() { held -C "$1" session add "${@:2}" >/dev/null || echo "session add failed" >&2; }

# A bilan with sessions of every kind and substance everywhere a document could pick it up.
build_seeded_bilan() {
    local dir
    dir=$(new_bilan --counsellor "Hélène Rocher" --organisation "Cabinet Horizons" \
        --funding cpf --demand "DEMANDE-SECRETE") || return 1
    "$BILAN" -C "$dir" set situation "SITUATION-SECRETE" >/dev/null
    session "$dir" --date 2026-02-23 --phase prealable --duration 1h --note "NOTE-PREALABLE"
    session "$dir" --date 2026-03-02 --phase preliminaire --duration 3h --note "NOTE-SECRETE"
    session "$dir" --date 2026-03-09 --phase investigation --from 09:30 --to 12:00 --kind test \
        --note "Passation du RIASEC"
    session "$dir" --date 2026-03-12 --phase investigation --duration 1h --kind enquete \
        --note "NOTE-ENQUETE"
    session "$dir" --date 2026-03-13 --phase investigation --duration 2h --kind travail-personnel
    session "$dir" --date 2026-03-23 --phase investigation --duration 1h30 --mode distance
    session "$dir" --date 2026-04-27 --phase conclusion --duration 2h
    "$BILAN" -C "$dir" test add "INSTRUMENT-SECRET" --date 2026-03-09 --result "RESULTAT-SECRET" \
        >/dev/null
    "$BILAN" -C "$dir" skill add "COMPETENCE-SECRETE" --type savoir >/dev/null
    "$BILAN" -C "$dir" piste add "PISTE-SECRETE" >/dev/null
    printf '%s\n' "$dir"
}

seeded_bilan() { fixture "seeded_bilan $*" build_seeded_bilan "$@"; }

# A practice folder with a full identity, named by BILAN_PRACTICE in the tests that use it.
practice_dir() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/practice.XXXXXX")
    cp "$SOURCE_DIR/examples/practice.toml" "$dir/practice.toml"
    chmod 600 "$dir/practice.toml"
    printf '%s\n' "$dir"
}

# ---- the attendance sheet ----------------------------------------------------------------

test_the_sheet_lists_the_sessions_held_with_the_counsellor() {
    local dir
    dir=$(seeded_bilan)
    run -C "$dir" emargement
    expect_status 0
    expect_doc_contains "Bilan de compétences"
    expect_doc_contains "**Bénéficiaire :** Test Bénéficiaire"
    expect_doc_contains "**Conseiller·ère :** Hélène Rocher"
    expect_doc_contains "| Date | Horaires | Durée | Phase | Modalité | Signature bénéficiaire | Signature conseiller·ère |"
    expect_doc_contains "| lundi 23 février 2026 |  | 1 h | Entretien préalable (hors durée du bilan) | présentiel |  |  |
| lundi 2 mars 2026 |  | 3 h | Phase préliminaire | présentiel |  |  |
| lundi 9 mars 2026 | 9 h 30 – 12 h 00 | 2 h 30 | Phase d'investigation | présentiel |  |  |
| lundi 23 mars 2026 |  | 1 h 30 | Phase d'investigation | à distance |  |  |
| lundi 27 avril 2026 |  | 2 h | Phase de conclusion | présentiel |  |  |"
    expect_equal "$(printf '%s\n' "$out" | grep -c '^| [a-z]*di ')" 5 "one row per session held"
    # The CPF file's number, once there is one, heads the sheet.
    expect_out_lacks "Dossier EDOF"
    "$BILAN" -C "$dir" edof set --dossier 7412589630 >/dev/null 2>&1
    run -C "$dir" emargement
    expect_doc_contains "- **Dossier EDOF (Mon Compte Formation) :** 7412589630"
}

test_a_workshop_led_by_the_counsellor_is_signed_and_counted() {
    local dir
    dir=$(new_bilan)
    session "$dir" --date 2026-03-02 --phase preliminaire --duration 3h
    session "$dir" --date 2026-03-05 --phase investigation --duration 2h --kind atelier
    run -C "$dir" emargement
    expect_doc_contains "| jeudi 5 mars 2026 |  | 2 h | Phase d'investigation | présentiel |  |  |"
    run -C "$dir" certificat
    expect_doc_contains "pour une durée de **5 h** (1)."
}

test_nothing_of_the_substance_is_on_either_document() {
    local dir what
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" set end 2026-04-27 >/dev/null
    for what in emargement certificat; do
        run -C "$dir" "$what"
        expect_status 0 "$what"
        for secret in SECRET NOTE- RIASEC ENQUETE "12 mars" "13 mars" cpf CPF "€" \
            "travail-personnel" "enquête"; do
            case $out in *"$secret"*) fail "$what shows $secret" ;; *) ok ;; esac
        done
    done
}

test_no_session_with_the_counsellor_no_sheet() {
    local dir before
    dir=$(new_bilan)
    session "$dir" --date 2026-03-12 --phase investigation --duration 1h --kind enquete
    session "$dir" --date 2026-03-13 --phase investigation --duration 2h --kind travail-personnel
    before=$(fingerprint "$dir")
    run -C "$dir" emargement
    expect_status 1
    expect_out ""
    expect_err_one_line
    expect_err_contains "aucune séance avec le conseiller"
    run -C "$dir" emargement -o "$TMP_ROOT/vide.md"
    expect_status 1
    [ ! -e "$TMP_ROOT/vide.md" ] && ok || fail "a refused sheet was written"
    expect_unchanged "$dir" "$before"
}

test_a_blank_sheet_for_the_coming_sessions() {
    local dir
    dir=$(new_bilan --counsellor "Hélène Rocher")
    run -C "$dir" emargement --blank
    expect_status 0
    expect_equal "$(printf '%s\n' "$out" | grep -c '^|  |  |  |  |  |  |  |$')" 10 "10 empty rows"
    expect_doc_contains "**Bénéficiaire :** Test Bénéficiaire"
    session "$dir" --date 2026-03-02 --phase preliminaire --duration 3h
    run -C "$dir" emargement --blank 3
    expect_status 0
    expect_equal "$(printf '%s\n' "$out" | grep -c '^|  |  |  |  |  |  |  |$')" 3 "3 empty rows"
    expect_out_lacks "2 mars 2026"
    for bad in 0 101 -1 abc ""; do
        run -C "$dir" emargement --blank "$bad"
        expect_status 2 "--blank '$bad'"
        expect_out ""
    done
    run -C "$dir" emargement 3
    expect_status 2 "a number of rows without --blank"
}

test_a_hostile_name_cannot_change_the_documents() {
    local dir
    dir=$(new_bilan --counsellor '# Titre | y')
    "$BILAN" -C "$dir" set beneficiary '| **x** <b>' >/dev/null
    session "$dir" --date 2026-03-02 --phase preliminaire --duration 3h
    run -C "$dir" emargement
    expect_status 0
    expect_doc_contains '**Bénéficiaire :** \| \*\*x\*\* \<b>'
    expect_doc_contains '**Conseiller·ère :** \# Titre \| y'
    expect_doc_contains "beneficiary: '\\| \\*\\*x\\*\\* \\<b>'"
    expect_equal "$(printf '%s\n' "$out" | grep -cE '(^|[^\\])<b>')" 0 "raw HTML"
    # Every table line still has its 8 pipes: nothing typed added a cell.
    expect_equal "$(printf '%s\n' "$out" | grep '^|' | sed 's/\\|//g' | awk -F'|' 'NF != 9' | wc -l)" \
        0 "table shape"
    run -C "$dir" certificat
    expect_status 0
    expect_doc_contains 'atteste que **\| \*\*x\*\* \<b>**'
    if command -v cmark >/dev/null; then
        "$BILAN" -C "$dir" emargement 2>/dev/null | cmark --to html >"$TMP_ROOT/sheet.html"
        grep -q '<b>' "$TMP_ROOT/sheet.html" && fail "raw HTML went through" || ok
        grep -q '<h1>' "$TMP_ROOT/sheet.html" && fail "a heading was opened" || ok
    fi
}

test_output_files_are_private_atomic_and_never_the_bilan() {
    local dir what before
    dir=$(seeded_bilan)
    for what in emargement certificat; do
        printf 'ancien\n' >"$TMP_ROOT/$what.md"
        chmod 644 "$TMP_ROOT/$what.md"
        (umask 022 && "$BILAN" -C "$dir" "$what" -o "$TMP_ROOT/$what.md" >"$TMP_ROOT/.out" 2>/dev/null)
        status=$?
        expect_status 0 "$what -o"
        expect_equal "$(cat "$TMP_ROOT/.out")" "" "$what -o prints nothing"
        expect_equal "$(stat -c %a "$TMP_ROOT/$what.md")" 600 "$what mode"
        expect_equal "$(cat "$TMP_ROOT/$what.md")" "$("$BILAN" -C "$dir" "$what" 2>/dev/null)" \
            "$what: same bytes as stdout"
        (umask 022 && "$BILAN" -C "$dir" "$what" -o "$TMP_ROOT/new-$what.md" 2>/dev/null)
        expect_equal "$(stat -c %a "$TMP_ROOT/new-$what.md")" 600 "$what new file mode"
        before=$(fingerprint "$dir")
        for target in bilan.toml sessions "sessions/x.md" .gitignore; do
            run -C "$dir" "$what" -o "$dir/$target"
            expect_status 1 "$what -o $target"
            expect_err_one_line
        done
        expect_unchanged "$dir" "$before"
    done
    expect_equal "$(find "$TMP_ROOT" -maxdepth 1 -name '*.tmp*' | wc -l)" 0 "no temp file left"
}

# After a purge, synthese.md is the synthesis kept as handed over and destruction.toml the
# record of what went: no document's -o replaces them (issue 22, item 2). Before a purge,
# synthese.md is the user's own rendered document, theirs to write again.
test_no_document_replaces_the_kept_synthesis_after_a_purge() {
    local dir what target before
    dir=$(new_bilan --funding employeur)
    session "$dir" --date 2026-03-02 --phase preliminaire --duration 3h 2>/dev/null
    "$BILAN" -C "$dir" convention set --employer "Transports Durand" >/dev/null
    run -C "$dir" render -o "$dir/synthese.md"
    expect_status 0 "render -o synthese.md before the purge"
    "$BILAN" -C "$dir" set end 2026-03-31 >/dev/null
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-03-31 >/dev/null
    BILAN_TODAY=2026-07-15 "$BILAN" -C "$dir" purge >/dev/null 2>&1 || fail "purge"
    [ -f "$dir/synthese.md" ] && [ -f "$dir/destruction.toml" ] || fail "nothing kept"
    mkdir "$dir/x"
    before=$(fingerprint "$dir")
    for what in emargement certificat "convention render" render; do
        for target in synthese.md destruction.toml ./x/../synthese.md; do
            # shellcheck disable=SC2086
            BILAN_TODAY=2026-07-15 run -C "$dir" $what -o "$dir/$target"
            expect_status 1 "$what -o $target after a purge"
            expect_err_one_line
        done
    done
    expect_unchanged "$dir" "$before"
}

test_documents_are_the_same_bytes_in_any_locale() {
    local dir what a b
    dir=$(seeded_bilan)
    for what in emargement certificat; do
        a=$(LC_ALL=C "$BILAN" -C "$dir" "$what" 2>/dev/null | sha256sum)
        b=$(LC_ALL=fr_FR.UTF-8 TZ=Pacific/Kiritimati "$BILAN" -C "$dir" "$what" 2>/dev/null | sha256sum)
        expect_equal "$a" "$b" "$what"
    done
}

test_without_a_practice_the_provider_is_left_out_and_said() {
    local dir
    dir=$(seeded_bilan)
    run -C "$dir" emargement
    expect_status 0
    expect_out_lacks "SIRET"
    expect_doc_contains "**Cabinet Horizons**"
    expect_err_contains "bilan: attention : aucun dossier de cabinet (practice.toml) : la feuille ne porte ni SIRET ni NDA"
    run -C "$dir" certificat
    expect_status 0
    expect_err_contains "aucun dossier de cabinet (practice.toml) : le certificat ne porte ni SIRET ni NDA"
    expect_doc_contains "Je soussigné(e) **……………………**"
}

test_the_practice_names_the_provider() {
    local dir practice
    dir=$(seeded_bilan)
    practice=$(practice_dir)
    BILAN_PRACTICE=$practice run -C "$dir" emargement
    expect_status 0
    expect_doc_contains "**Cabinet Horizons Mosaïque**\\
12 rue des Lilas, 75011 Paris\\
SIRET : 999 123 456 00017 — NDA : 11 75 99999 75"
    case $err in *"dossier de cabinet"*) fail "warned with a practice" ;; *) ok ;; esac
    BILAN_PRACTICE=$practice run -C "$dir" certificat --date 2026-05-06
    expect_doc_contains "Je soussigné(e) **Hélène Moreau, gérante**, représentant légal du dispensateur de l'action"
    expect_doc_contains "Fait à Paris, le 6 mai 2026."
    BILAN_PRACTICE=$practice run -C "$dir" certificat --date 2026-05-06 --place "Nantes"
    expect_doc_contains "Fait à Nantes, le 6 mai 2026."
    # A practice without SIRET, NDA or signatory: the documents leave them out and say so.
    grep -v '^siret\|^nda\|^signatory' "$practice/practice.toml" >"$practice/p" &&
        mv "$practice/p" "$practice/practice.toml" && chmod 600 "$practice/practice.toml"
    BILAN_PRACTICE=$practice run -C "$dir" emargement
    expect_status 0
    expect_doc_contains "**Cabinet Horizons Mosaïque**"
    expect_out_lacks "SIRET"
    expect_err_contains "attention : le cabinet n'a pas de SIRET : la feuille n'en porte pas"
    expect_err_contains "attention : le cabinet n'a pas de numéro de déclaration d'activité"
    BILAN_PRACTICE=$practice run -C "$dir" certificat
    expect_status 0
    expect_err_contains "attention : le cabinet n'a pas de signataire"
    expect_doc_contains "Je soussigné(e) **……………………**"
}

# ---- the certificate ---------------------------------------------------------------------

test_the_certificate_states_dates_and_hours_realised() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" set end 2026-04-27 >/dev/null
    run -C "$dir" certificat --date 2026-05-06 --place Nantes
    expect_status 0
    expect_doc_contains "title: 'Certificat de réalisation'"
    expect_doc_contains "- [ ] action de formation
- [x] bilan de compétences
- [ ] action de validation des acquis de l'expérience
- [ ] action de formation par apprentissage"
    # 3h + 2h30 (test) + 1h30 + 2h of accompaniment; not the préalable, the enquête, the
    # personal work. Dates: the counted phases' first and last sessions.
    expect_doc_contains "du **2 mars 2026** au **27 avril 2026**, pour une durée de **9 h** (1)."
    # The model's note on the duration, last.
    case $out in
        *"
(1) Pour les formations à distance, prendre en compte la réalisation des activités pédagogiques et le temps estimé pour les réaliser.") ok ;;
        *) fail "the model's note (1) does not end the certificate" ;;
    esac
    expect_doc_contains "3 ans à compter de la fin de l'année du dernier paiement"
    expect_doc_contains "Fait à Nantes, le 6 mai 2026."
    expect_doc_contains "représentant légal du dispensateur de l'action"
    session "$dir" --date 2026-04-27 --phase conclusion --duration 7h30
    run -C "$dir" certificat
    expect_doc_contains "pour une durée de **16 h 30** (1)."
    expect_doc_contains "Fait à ……………………, le ……………………."
    run -C "$dir" certificat --date today
    expect_doc_contains "le 10 mars 2026." # BILAN_TODAY
    run -C "$dir" certificat --date 2026-02-30
    expect_status 2
    expect_out ""
}

test_no_counted_session_no_certificate() {
    local dir before
    dir=$(new_bilan)
    run -C "$dir" certificat
    expect_status 1
    expect_err_one_line
    session "$dir" --date 2026-02-23 --phase prealable --duration 1h
    session "$dir" --date 2026-11-02 --phase suivi --duration 1h
    before=$(fingerprint "$dir")
    run -C "$dir" certificat -o "$TMP_ROOT/cert.md"
    expect_status 1
    expect_out ""
    expect_err_one_line
    expect_err_contains "aucune séance dans une phase comptée du bilan"
    [ ! -e "$TMP_ROOT/cert.md" ] && ok || fail "a refused certificate was written"
    expect_unchanged "$dir" "$before"
}

test_the_certificate_warns_and_still_certifies() {
    local dir
    dir=$(seeded_bilan)
    BILAN_TODAY=2026-05-10 run -C "$dir" certificat --date 2026-04-01
    expect_status 0
    expect_doc_contains "## Certificat de réalisation"
    expect_err_contains "attention : la fin du bilan n'est pas renseignée (bilan set end DATE)"
    expect_err_contains "attention : sous le plancher : 9h en entretiens"
    expect_err_contains "pour 13h au moins (R6313-4, décret 2026, date d'effet à vérifier)"
    expect_err_contains "attention : certificat daté du 2026-04-01, avant la dernière séance comptée (2026-04-27)"
    # Only the sessions held with the counsellor in counted phases need evidence: four here,
    # said in one line past three, as status says them.
    expect_err_contains "attention : 4 séances passées sans preuve de présence ("
    case $err in *"à venir"*) fail "sessions to come, all held" ;; *) ok ;; esac
    # On 10 March, two of them are still to come: counted, and said.
    run -C "$dir" certificat
    expect_status 0
    expect_err_contains "attention : 2 séances comptées sont encore à venir (jusqu'au 2026-04-27) : le certificat les compte comme réalisées"
    "$BILAN" -C "$dir" set end 2026-04-27 >/dev/null
    session "$dir" --date 2026-04-27 --phase conclusion --duration 5h
    BILAN_TODAY=2026-05-10 run -C "$dir" certificat --date 2026-05-06
    expect_status 0
    case $err in *"fin du bilan"* | *plancher* | *"avant la dernière"*) fail "warned for nothing" ;; *) ok ;; esac
}

test_attested_sessions_need_no_warning() {
    local dir id
    dir=$(new_bilan)
    id=$(held -C "$dir" session add --date 2026-03-02 --phase preliminaire --duration 3h)
    run -C "$dir" certificat
    expect_err_contains "séance du 2026-03-02 ($id) sans preuve de présence"
    "$BILAN" -C "$dir" session attest "$id" --evidence emargement --ref "scan-1.pdf" >/dev/null
    run -C "$dir" certificat
    expect_status 0
    case $err in *"sans preuve"*) fail "warned about an attested session" ;; *) ok ;; esac
    # A remote session proved by a paper sheet alone proves no presence in a room.
    id=$(held -C "$dir" session add --date 2026-03-09 --phase investigation --duration 2h \
        --mode distance)
    "$BILAN" -C "$dir" session attest "$id" --evidence emargement >/dev/null
    run -C "$dir" certificat
    expect_status 0
    expect_err_contains "séance à distance du 2026-03-09 ($id) prouvée par une feuille d'émargement seule"
}

test_a_belgian_bilan_gets_an_attestation_de_participation() {
    local dir
    dir=$(new_bilan --framework be)
    session "$dir" --date 2026-03-02 --phase preliminaire --duration 2h
    session "$dir" --date 2026-03-09 --phase investigation --duration 1h30 --kind travail-personnel
    run -C "$dir" certificat
    expect_status 0
    expect_doc_contains "## Attestation de participation"
    # Its dates are those of the accompaniment: the personal work of 9 March is no day of it.
    expect_doc_contains "a participé à un bilan de compétences du **2 mars 2026** au **2 mars 2026**, dont **2 h** d'entretiens"
    expect_out_lacks "Certificat de réalisation"
    expect_out_lacks "(1) Pour les formations à distance" # the French model's note
    expect_out_lacks "R6313"
    case $err in *R6313*) fail "a French article cited for a be bilan" ;; *) ok ;; esac
}

# ---- the example -------------------------------------------------------------------------

test_the_example_documents_are_pinned() {
    local what golden
    for what in emargement certificat; do
        golden=$SOURCE_DIR/tests/golden/claire-martin-$what.md
        if [ "$what" = certificat ]; then
            "$BILAN" -C "$EXAMPLE" certificat --date 2026-05-06 --place Paris >"$TMP_ROOT/$what.md" 2>/dev/null
        else
            "$BILAN" -C "$EXAMPLE" emargement >"$TMP_ROOT/$what.md" 2>/dev/null
        fi
        status=$?
        expect_status 0 "$what"
        if cmp -s "$TMP_ROOT/$what.md" "$golden"; then
            ok
        else
            fail "the example's $what differs from tests/golden/claire-martin-$what.md"
            diff -u "$golden" "$TMP_ROOT/$what.md" | head -40
        fi
    done
}

run_tests
