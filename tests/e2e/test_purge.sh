#!/usr/bin/env bash
# bilan purge and retention grant|show: the end of a bilan (R6313-7, décret 2023-1350). The
# working documents go and the synthesis with them, unless a basis keeps it (a written
# agreement, or its sending to the CEP operator), and what went is recorded without its content; a purge is refused before the end and on a folder that does not load, writes
# nothing with --dry-run, and an interrupted one is finished by a rerun.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/robust.sh"

GOLDEN=$SOURCE_DIR/tests/golden
export BILAN_ID_SEED=purge
export BILAN_TODAY=2026-07-15 # after the end of the bilans below: a purge is due

# A finished bilan whose content carries markers that must not survive a purge.
build_seeded_bilan() {
    local dir
    dir=$(new_bilan --demand "DEMANDE-SECRETE" "$@")
    "$BILAN" -C "$dir" set situation "SITUATION-SECRETE"
    "$BILAN" -C "$dir" set end 2026-06-30
    "$BILAN" -C "$dir" session add --date 2026-03-04 --phase preliminaire --duration 2h \
        --note "NOTE-SECRETE" >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-11 --phase investigation --duration 3h >/dev/null
    "$BILAN" -C "$dir" skill add "COMPETENCE-SECRETE" --type savoir >/dev/null
    "$BILAN" -C "$dir" trait add "VALEUR-SECRETE" --kind valeur >/dev/null
    "$BILAN" -C "$dir" project set --title "PROJET-SECRET" >/dev/null
    "$BILAN" -C "$dir" action add "ACTION-SECRETE" --horizon court >/dev/null
    printf '%s\n' "$dir"
}

seeded_bilan() { fixture "seeded_bilan $*" build_seeded_bilan "$@"; }

# What no file of a purged folder may still hold, the kept synthesis apart.
expect_no_secret_left() { # DIR
    local left
    left=$(grep -rl -e SECRET -e SECRETE "$1" --exclude=synthese.md)
    if [ -z "$left" ]; then ok; else fail "content left in: $left"; fi
}

test_purge_is_refused_before_the_end() {
    local dir snap
    dir=$(new_bilan --demand "DEMANDE-SECRETE")
    snap=$(fingerprint "$dir")
    run -C "$dir" purge
    expect_status 1
    expect_err_contains "le bilan n'est pas terminé (bilan set end DATE)"
    expect_err_one_line
    run -C "$dir" purge --dry-run
    expect_status 1
    expect_unchanged "$dir" "$snap"
    "$BILAN" -C "$dir" set end 2026-06-30
    snap=$(fingerprint "$dir")
    run -C "$dir" purge --date 2026-06-29
    expect_status 1
    expect_err_contains "avant la fin du bilan (2026-06-30) : rien n'est détruit"
    expect_unchanged "$dir" "$snap"
}

test_purge_is_refused_on_a_folder_that_does_not_load() {
    local dir snap
    dir=$(seeded_bilan)
    printf 'text = "sans type"\n' >"$dir/skills/0badbad0.toml"
    snap=$(fingerprint "$dir")
    run -C "$dir" purge
    expect_status 1
    expect_err_contains "skills/0badbad0.toml"
    expect_unchanged "$dir" "$snap"
}

test_dry_run_lists_what_would_go_and_writes_nothing() {
    local dir snap
    dir=$(seeded_bilan)
    snap=$(fingerprint "$dir")
    run -C "$dir" purge --dry-run
    expect_status 0
    expect_out "Serait détruit (rien n'est écrit) :
  compétences : 1
  valeurs, motivations et intérêts : 1
  actions : 1
  projet professionnel : 1
  notes de séance : 1
  champs personnels de bilan.toml : 2
Conservé : données administratives (identité, dates, financement, séances sans notes, consentements, preuves)
Synthèse à détruire : aucune base ne la garde (R6313-7)"
    expect_unchanged "$dir" "$snap"
}

# Issue 26, item 1: without a basis the synthesis goes with the rest (R6313-7); render says
# when, and the administrative records still serve.
test_purge_destroys_a_synthesis_no_basis_keeps() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" render -o "$dir/synthese.md"
    "$BILAN" -C "$dir" set handover 2026-06-30
    expect_file_contains "$dir/synthese-remise.md" "COMPETENCE-SECRETE"
    run -C "$dir" purge --date 2026-07-15
    expect_status 0
    expect_out_contains "synthèse (synthese.md, copie remise) : 2"
    expect_out_contains "Synthèse détruite le 2026-07-15 (aucune base ne la garde : R6313-7)"
    [ -e "$dir/synthese.md" ] || [ -e "$dir/synthese-remise.md" ] && fail "a synthesis file is left" || ok
    grep -q handover_sha256 "$dir/bilan.toml" && fail "the hash of the copy is left" || ok
    if grep -rqs -e SECRET "$dir"; then fail "content left: $(grep -rl SECRET "$dir")"; else ok; fi
    expect_file_contains "$dir/destruction.toml" 'synthesis_files = 2'
    expect_file_contains "$dir/destruction.toml" 'kept = ["administratif"]
synthesis_destroyed = 2026-07-15'
    run -C "$dir" render
    expect_status 1
    expect_err_contains "bilan: synthèse détruite le 2026-07-15 (R6313-7, destruction.toml) : elle ne peut plus être imprimée"
    expect_err_one_line
    for cmd in status emargement certificat "session list"; do
        run -C "$dir" $cmd
        expect_status 0 "$cmd after purge"
    done
    run -C "$dir" purge
    expect_status 0
    expect_out "Rien à détruire : purge faite le 2026-07-15"
}

# A basis keeps the synthesis until its end only: a later purge destroys it.
test_a_basis_keeps_the_synthesis_until_its_end() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-06-30 --until 2027-06-30 >/dev/null
    "$BILAN" -C "$dir" purge --date 2026-07-15 >/dev/null
    expect_file_contains "$dir/synthese.md" "COMPETENCE-SECRETE"
    expect_file_contains "$dir/destruction.toml" 'synthesis_kept_until = 2027-06-30'
    BILAN_TODAY=2027-06-30 run -C "$dir" check
    expect_err_lacks "synthèse conservée"
    BILAN_TODAY=2027-07-01 run -C "$dir" due
    expect_out_contains "destruction"
    BILAN_TODAY=2027-07-01 run -C "$dir" check
    expect_err_contains "synthèse conservée au-delà du 2027-06-30"
    BILAN_TODAY=2027-07-01 run -C "$dir" purge
    expect_status 0
    expect_out_contains "synthèse (synthese.md, copie remise) : 1"
    expect_file_contains "$dir/destruction.toml" 'synthesis_destroyed = 2027-07-01'
    [ -e "$dir/synthese.md" ] && fail "synthese.md kept past its basis" || ok
    BILAN_TODAY=2027-07-01 run -C "$dir" render
    expect_status 1
    expect_err_contains "synthèse détruite le 2027-07-01"
}

# A folder purged before this rule kept its synthesis without a basis: check says so, and the
# next purge destroys it.
test_a_synthesis_kept_without_basis_by_an_older_purge_goes() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-06-30 >/dev/null
    "$BILAN" -C "$dir" purge --date 2026-07-15 >/dev/null
    sed -i '/^synthesis_/d;/^retention_/d;/^synthesis_basis/d' "$dir/bilan.toml" "$dir/destruction.toml"
    run -C "$dir" check
    expect_err_contains "synthèse conservée sans accord écrit ni transmission à l'opérateur du CEP (R6313-7) : bilan purge la détruit"
    run -C "$dir" purge
    expect_status 0
    expect_out_contains "synthèse (synthese.md, copie remise) : 1"
    [ -e "$dir/synthese.md" ] && fail "synthese.md kept" || ok
}

# Grant: the scopes and motifs, the limit, a basis given after the end.
test_retention_grant_records_a_basis_for_the_synthesis() {
    local dir
    dir=$(seeded_bilan)
    run -C "$dir" retention grant --scope documents --motif cep --date 2026-06-30
    expect_status 2
    run -C "$dir" retention grant --scope synthese --motif autre --date 2026-06-30
    expect_status 2
    run -C "$dir" retention grant --scope synthese --date 2026-06-30 --until 2029-07-01
    expect_status 1
    expect_err_contains "au-delà du 2029-06-30"
    expect_file_contains "$dir/bilan.toml" "format = 1"
    run -C "$dir" retention grant --scope synthese --motif cep --date 2026-07-02 --ref "courriel du 2 juillet"
    expect_status 0
    expect_err_contains "accord du 2026-07-02, après la fin du bilan (2026-06-30) : la destruction était due à la fin (R6313-7)"
    expect_file_contains "$dir/bilan.toml" 'format = 5'
    expect_file_contains "$dir/bilan.toml" 'synthesis_agreed = 2026-07-02
synthesis_motif = "cep"
synthesis_until = 2029-06-30
synthesis_ref = "courriel du 2 juillet"'
    run -C "$dir" retention grant --scope documents --date 2026-06-30 --until 2027-06-30 --ref scan.pdf
    expect_status 0
    expect_err_lacks "après la fin"
    run -C "$dir" retention show
    expect_out_contains "Accord écrit du 2026-06-30 : documents conservés jusqu'au 2027-06-30 (pièce : scan.pdf)"
    expect_out_contains "Synthèse : transmise à l'opérateur du CEP le 2026-07-02, conservée jusqu'au 2029-06-30 (pièce : courriel du 2 juillet)"
}

# Action-plan items are content: after the end, due lists them only while an agreement keeps
# the documents.
test_due_lists_no_action_after_the_end_without_an_agreement() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" action add "ACTION-DATEE" --horizon court --due 2026-09-01 >/dev/null
    "$BILAN" -C "$dir" action add "ACTION-AVANT" --horizon court --due 2026-06-15 >/dev/null
    run -C "$dir" due
    expect_out_lacks "ACTION-DATEE"
    expect_out_contains "ACTION-AVANT"
    "$BILAN" -C "$dir" retention grant --scope documents --date 2026-06-30 --until 2027-06-30 >/dev/null
    run -C "$dir" due
    expect_out_contains "ACTION-DATEE"
}

test_purge_keeps_the_synthesis_a_basis_covers_and_the_administrative_data() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" session attest "$("$BILAN" -C "$dir" session list | awk 'NR==1{print $1}')" \
        --evidence emargement >/dev/null
    "$BILAN" -C "$dir" render >"$TMP_ROOT/before.md"
    run -C "$dir" retention grant --scope synthese --motif cep --date 2026-07-01 --ref "courriel au CEP"
    expect_status 0
    run -C "$dir" purge --date 2026-07-15
    expect_status 0
    expect_out_contains "Détruit le 2026-07-15 :"
    expect_out_contains "compétences : 1"
    expect_out_contains "synthèse (synthese.md, transmise à l'opérateur du CEP, jusqu'au 2029-06-30)"
    expect_file_contains "$dir/destruction.toml" 'synthesis_basis = "cep"'
    expect_err_lacks "git"
    run -C "$dir" render
    expect_status 0
    if cmp -s "$TMP_ROOT/.out" "$TMP_ROOT/before.md"; then ok; else fail "render after purge differs"; fi
    expect_equal "$(stat -c %a "$dir/synthese.md")" 600 "synthese.md mode"
    expect_no_secret_left "$dir"
    expect_equal "$(ls "$dir/sessions" | wc -l)" 2 "sessions stay"
    expect_file_contains "$dir/bilan.toml" "format = 5"
    expect_file_contains "$dir/destruction.toml" 'state = "faite"
date = 2026-07-15
skills = 1
experiences = 0
traits = 1
tests = 0
pistes = 0
actions = 1
project = 1
session_notes = 1
bilan_fields = 2'
    run -C "$dir" status
    expect_status 0
    run -C "$dir" emargement
    expect_status 0
    expect_out_contains "4 mars 2026"
    run -C "$dir" certificat
    expect_status 0
    run -C "$dir" session list
    expect_status 0
    run -C "$dir" check
    expect_err_lacks "synthèse incomplète"
    expect_out_lacks "synthèse incomplète"
    run -C "$dir" render --for "France Travail"
    expect_status 1
    expect_err_contains "dossier purgé le 2026-07-15"
    run -C "$dir" purge
    expect_status 0
    expect_out "Rien à détruire : purge faite le 2026-07-15"
    "$BILAN" -C "$dir" skill add "AJOUT-SECRET" --type savoir >/dev/null
    BILAN_TODAY=2026-07-20 run -C "$dir" purge
    expect_status 0
    expect_file_contains "$dir/destruction.toml" 'date = 2026-07-20
skills = 2'
    expect_no_secret_left "$dir"
    run -C "$dir" render -o "$dir/destruction.toml"
    expect_status 1
    expect_file_contains "$dir/destruction.toml" 'state = "faite"'
    run -C "$dir" render
    if cmp -s "$TMP_ROOT/.out" "$TMP_ROOT/before.md"; then ok; else fail "kept synthesis changed"; fi
}

test_check_says_when_destruction_and_the_synthesis_expiry_are_due() {
    local dir
    dir=$(seeded_bilan)
    BILAN_TODAY=2026-06-01 run -C "$dir" check
    expect_err_lacks "à détruire"
    BILAN_TODAY=2026-07-01 run -C "$dir" check
    expect_err_contains "documents de travail à détruire depuis la fin du bilan (2026-06-30) (R6313-7) : bilan purge"
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-06-30 >/dev/null
    "$BILAN" -C "$dir" purge --date 2026-07-01 >/dev/null
    BILAN_TODAY=2029-06-30 run -C "$dir" check
    expect_err_lacks "synthèse conservée"
    expect_err_lacks "à détruire"
    BILAN_TODAY=2029-07-01 run -C "$dir" check
    expect_err_contains "synthèse conservée au-delà du 2029-06-30 (article R6313-7 du Code du travail, modifié par le décret n° 2023-1350"
    expect_err_contains "bilan purge la détruit"
}

test_retention_agreement_keeps_the_documents_until_its_end() {
    local dir
    dir=$(seeded_bilan)
    run -C "$dir" retention grant --date 2026-06-30 --scope documents --until 2029-07-01
    expect_status 1
    expect_err_contains "au-delà du 2029-06-30, 3 ans après la fin (article R6313-7 du Code du travail, modifié par le décret n° 2023-1350"
    expect_file_contains "$dir/bilan.toml" "format = 1"
    run -C "$dir" retention grant --date 2026-06-30 --scope notes
    expect_status 2
    run -C "$dir" retention grant --date 2026-06-30 --scope documents --until 2027-06-30
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "format = 3"
    run -C "$dir" retention show
    expect_out_contains "Accord écrit du 2026-06-30 : documents conservés jusqu'au 2027-06-30"
    BILAN_TODAY=2026-08-01 run -C "$dir" check
    expect_err_lacks "à détruire"
    run -C "$dir" purge --date 2026-07-15
    expect_status 0
    expect_out_contains "documents de travail (accord écrit, jusqu'au 2027-06-30)"
    expect_file_contains "$dir/skills/"*.toml "COMPETENCE-SECRETE"
    expect_file_contains "$dir/destruction.toml" 'documents_kept_until = 2027-06-30'
    BILAN_TODAY=2027-01-01 run -C "$dir" purge
    expect_out "Rien à détruire : purge faite le 2026-07-15"
    BILAN_TODAY=2027-07-01 run -C "$dir" check
    expect_err_contains "documents de travail à détruire depuis la fin de l'accord de conservation (2027-06-30)"
    BILAN_TODAY=2027-07-01 run -C "$dir" purge
    expect_status 0
    expect_out_contains "Détruit le 2027-07-01 :"
    expect_no_secret_left "$dir"
    expect_file_contains "$dir/destruction.toml" 'synthesis_destroyed = 2026-07-15'
}

test_a_hand_written_agreement_past_the_limit_is_a_problem() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" retention grant --date 2026-06-30 --scope documents >/dev/null
    expect_file_contains "$dir/bilan.toml" "retention_until = 2029-06-30"
    sed -i 's/^retention_until = .*/retention_until = 2030-01-01/' "$dir/bilan.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "accord de conservation jusqu'au 2030-01-01 : au-delà du 2029-06-30"
}

test_inside_git_purge_says_the_history_keeps_the_content() {
    local dir
    mkdir -p "$TMP_ROOT/repo/.git"
    dir=$(seeded_bilan)
    mv "$dir" "$TMP_ROOT/repo/bilan"
    run -C "$TMP_ROOT/repo/bilan" purge --dry-run
    expect_status 0
    expect_err_contains "dépôt git : son historique garde tout ce que purge détruit"
    run -C "$TMP_ROOT/repo/bilan" purge
    expect_status 0
    expect_err_contains "git filter-repo"
}

# The state a clean purge leaves, to compare an interrupted one with.
clean_purge_of() { # BASE → prints the fingerprint
    local copy=$TMP_ROOT/clean.$RANDOM
    cp -a "$1" "$copy"
    "$BILAN" -C "$copy" purge --date 2026-07-15 >/dev/null 2>&1
    content_fingerprint "$copy"
    rm -rf "$copy"
}

test_a_purge_killed_half_way_is_finished_by_a_rerun() {
    local base copy clean n
    base=$(seeded_bilan)
    clean=$(clean_purge_of "$base")
    for n in 1 3 5 6; do
        copy=$TMP_ROOT/killed.$n
        cp -a "$base" "$copy"
        BILAN_PURGE_STOP_AFTER=$n run -C "$copy" purge --date 2026-07-15
        expect_status 137 "killed after $n files"
        expect_file_contains "$copy/destruction.toml" 'state = "en-cours"'
        run -C "$copy" render
        expect_status 1 "a purge under way destroys the synthesis"
        expect_err_contains "synthèse détruite le 2026-07-15"
        rm -f "$copy/.lock" # a killed writer's lock file: taken over by the next one
        BILAN_TODAY=2026-08-01 run -C "$copy" purge
        expect_status 0
        expect_out_contains "Purge reprise et terminée : détruit le 2026-07-15"
        expect_same_content "$copy" "$clean" "killed after $n, then rerun"
    done
}

# Issue 26: the synthesis' files are destroyed one step at a time too: killed at any step, a
# rerun leaves what a clean purge leaves — without a basis nothing of the synthesis, with one
# the synthesis kept as handed over.
test_a_purge_killed_while_destroying_the_synthesis_is_finished_by_a_rerun() {
    local base copy clean n basis
    for basis in none synthese; do
        base=$(seeded_bilan)
        "$BILAN" -C "$base" render -o "$base/synthese.md"
        "$BILAN" -C "$base" set handover 2026-06-30
        [ "$basis" = synthese ] &&
            "$BILAN" -C "$base" retention grant --scope synthese --date 2026-06-30 >/dev/null
        clean=$(clean_purge_of "$base")
        for n in 1 2 3 4 5 6 7 8; do
            copy=$TMP_ROOT/killed-synthesis.$basis.$n
            cp -a "$base" "$copy"
            BILAN_PURGE_STOP_AFTER=$n run -C "$copy" purge --date 2026-07-15
            if [ "$status" -eq 0 ]; then ok; else expect_status 137 "$basis: killed after $n files"; fi
            rm -f "$copy/.lock"
            BILAN_TODAY=2026-08-01 run -C "$copy" purge
            expect_status 0 "$basis: killed after $n, rerun"
            expect_same_content "$copy" "$clean" "$basis: killed after $n, then rerun"
            if [ "$basis" = none ]; then
                if grep -rqs SECRET "$copy"; then fail "$basis/$n: content left"; else ok; fi
            else
                expect_file_contains "$copy/synthese.md" "COMPETENCE-SECRETE"
            fi
        done
    done
}

# Issue 26, item 2: nothing left behind. What bilan rendered into the folder (known by its
# name, synthese*, or its header) goes with the rest; what it cannot classify stops the purge,
# listed with the override, until named (--aussi) or all is (--tout); a link is removed, never
# followed.
test_purge_leaves_nothing_behind() {
    local dir snap
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" render -o "$dir/synthese.md"
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-06-30 >/dev/null
    "$BILAN" -C "$dir" render --for "France Travail" -o "$dir/synthese-tiers.md"
    "$BILAN" -C "$dir" render -o "$dir/synthese.html"
    cp "$dir/synthese.md" "$dir/synthese (conflicted copy).md"
    "$BILAN" -C "$dir" render -o "$dir/bilan-beneficiaire.md" # by its header
    "$BILAN" -C "$dir" emargement -o "$dir/feuille.html" 2>/dev/null
    "$BILAN" -C "$dir" certificat -o "$dir/certificat.md" 2>/dev/null
    printf 'NOTES-SECRETES\n' >"$dir/notes.txt"
    cp "$dir/synthese.md" "$dir/synthese.md~" # an editor's backup: not a document
    printf '%%PDF-1.4 scan\n' >"$dir/convention-signee.pdf" # a scan, not rendered by bilan
    mkdir "$dir/scans" && printf 'SCAN-SECRET\n' >"$dir/scans/cv.pdf"
    printf 'DEHORS\n' >"$TMP_ROOT/outside.md"
    ln -s "$TMP_ROOT/outside.md" "$dir/lien.md"
    snap=$(fingerprint "$dir")
    run -C "$dir" purge
    expect_status 1
    expect_err_one_line
    expect_err_contains "convention-signee.pdf, lien.md (lien), notes.txt, scans/, synthese.md~"
    expect_err_contains "bilan purge --aussi FICHIER… (ou --tout) ; rien n'a été détruit"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" purge --dry-run
    expect_status 0
    expect_out_contains "Fichiers à détruire :
  synthese.md
  bilan-beneficiaire.md
  certificat.md
  feuille.html
  synthese (conflicted copy).md
  synthese-tiers.md
  synthese.html"
    expect_out_contains "Fichiers que bilan ne sait pas classer (purge refusée sans --aussi FICHIER… ou --tout) :
  convention-signee.pdf
  lien.md (lien)
  notes.txt
  scans/
  synthese.md~"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" purge --aussi notes.txt --aussi "$dir/scans/"
    expect_status 1
    expect_err_contains "convention-signee.pdf, lien.md (lien), synthese.md~ ;"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" purge --aussi "$TMP_ROOT/outside.md"
    expect_status 1
    expect_err_contains "pas à la racine du dossier"
    run -C "$dir" purge --aussi bilan.toml
    expect_status 1
    expect_unchanged "$dir" "$snap"
    run -C "$dir" purge --aussi notes.txt --aussi "$dir/scans/" --aussi lien.md \
        --aussi synthese.md~ --aussi ./convention-signee.pdf
    expect_status 0
    expect_out_contains "documents rendus par bilan : 6"
    expect_out_contains "autres fichiers (--aussi, --tout) : 5"
    expect_err_contains "lien.md est un lien vers $TMP_ROOT/outside.md"
    expect_file_contains "$TMP_ROOT/outside.md" "DEHORS"
    if grep -rqs -e SECRET "$dir"; then fail "content left: $(grep -rl SECRET "$dir")"; else ok; fi
    expect_equal "$(find "$dir" -type f -printf '%P\n' | grep -v '^sessions/\|^consents/' | LC_ALL=C sort | tr '\n' ' ')" \
        ".gitignore bilan.toml destruction.toml " "what stays"
    run -C "$dir" check
    expect_err_lacks "garde encore"
}

test_purge_tout_destroys_all_it_cannot_classify() {
    local dir
    dir=$(seeded_bilan)
    printf 'NOTES-SECRETES\n' >"$dir/notes.txt"
    mkdir "$dir/scans" && printf 'SCAN-SECRET\n' >"$dir/scans/cv.pdf"
    run -C "$dir" purge --tout
    expect_status 0
    expect_out_contains "autres fichiers (--aussi, --tout) : 2"
    if grep -rqs -e SECRET "$dir"; then fail "content left"; else ok; fi
}

# A purged folder that holds content again (a document rendered or copied into it since) is
# reported by check and due; the next purge destroys it.
test_check_and_due_report_a_purged_folder_that_holds_content() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" render -o "$TMP_ROOT/copie.md"
    "$BILAN" -C "$dir" purge --date 2026-07-15 >/dev/null
    run -C "$dir" check
    expect_err_lacks "garde encore"
    cp "$TMP_ROOT/copie.md" "$dir/synthese-copie.md"
    printf 'NOTES\n' >"$dir/notes.txt"
    run -C "$dir" check
    expect_err_contains "purge faite le 2026-07-15, mais le dossier garde encore : notes.txt, synthese-copie.md (R6313-7) : bilan purge les détruit"
    BILAN_TODAY=2026-07-20 run -C "$dir" due --json
    expect_out_contains '"what": "destruction",
      "date": "2026-07-15",
      "overdue": true,
      "detail": "fichiers restés après la purge : notes.txt, synthese-copie.md : bilan purge"'
    run -C "$dir" purge --aussi notes.txt
    expect_status 0
    expect_out_contains "documents rendus par bilan : 1"
    run -C "$dir" due --json
    expect_out_lacks "fichiers restés"
}

# The crash suite for the files: killed after any of them, the same command run again leaves
# what a clean purge leaves.
test_a_purge_killed_while_destroying_files_is_finished_by_a_rerun() {
    local base copy clean n
    base=$(seeded_bilan)
    "$BILAN" -C "$base" render -o "$base/synthese-a.md"
    "$BILAN" -C "$base" render -o "$base/synthese-b.html"
    printf 'NOTES\n' >"$base/notes.txt"
    mkdir "$base/scans" && printf 'SCAN\n' >"$base/scans/a.pdf"
    copy=$TMP_ROOT/clean-files
    cp -a "$base" "$copy"
    "$BILAN" -C "$copy" purge --date 2026-07-15 --tout >/dev/null 2>&1
    clean=$(content_fingerprint "$copy")
    for n in 1 2 3 4 5 6; do
        copy=$TMP_ROOT/killed-files.$n
        cp -a "$base" "$copy"
        BILAN_PURGE_STOP_AFTER=$n run -C "$copy" purge --date 2026-07-15 --tout
        expect_status 137 "killed after $n files"
        rm -f "$copy/.lock"
        BILAN_TODAY=2026-08-01 run -C "$copy" purge --tout
        expect_status 0
        expect_same_content "$copy" "$clean" "killed after $n, then rerun"
    done
}

test_a_purge_failing_on_a_write_is_finished_by_a_rerun() {
    local preload base copy clean n
    preload=$(fault_preload) || {
        skip "no fault shim (static build)"
        return
    }
    base=$(seeded_bilan)
    clean=$(clean_purge_of "$base")
    for n in 0 1 2 4 6 8; do
        copy=$TMP_ROOT/faulty.$n
        cp -a "$base" "$copy"
        env LD_PRELOAD="$preload" BILAN_FAULT=rename,unlink BILAN_FAULT_PATH="$copy" \
            BILAN_FAULT_AFTER=$n BILAN_FAULT_TIMES=1 "$BILAN" -C "$copy" purge --date 2026-07-15 \
            >/dev/null 2>"$TMP_ROOT/.err"
        status=$?
        if [ "$status" -eq 0 ]; then ok; else expect_status 3 "write $n failed"; fi
        run -C "$copy" purge --date 2026-07-15 # a purge not yet begun takes the rerun's date
        expect_status 0
        expect_same_content "$copy" "$clean" "write $n failed, then rerun"
        expect_no_litter "$copy"
    done
}

# The example's bases (build-example.sh): the documents until 2027-05-04, the synthesis until
# the law's limit; purged the day after the first ends, it keeps the synthesis handed over.
test_the_example_purged_is_pinned() {
    local dir
    dir=$(copy_example)
    BILAN_TODAY=2027-05-05 run -C "$dir" purge
    expect_status 0
    if cmp -s "$dir/synthese.md" "$GOLDEN/claire-martin.md"; then ok; else
        fail "synthese.md of the purged example differs from tests/golden/claire-martin.md"
    fi
    if cmp -s "$dir/destruction.toml" "$GOLDEN/claire-martin-purged/destruction.toml"; then ok; else
        fail "destruction.toml differs from tests/golden/claire-martin-purged/destruction.toml"
        diff -u "$GOLDEN/claire-martin-purged/destruction.toml" "$dir/destruction.toml" | head -20
    fi
    run -C "$dir" render
    if cmp -s "$TMP_ROOT/.out" "$GOLDEN/claire-martin.md"; then ok; else fail "render after purge"; fi
}

# Issue 22, item 1: the plan of a later pass counts what this pass destroys, not the earlier
# passes' account, so that an agreement granted since is honoured.
test_an_agreement_granted_between_two_passes_is_honoured() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" purge --date 2026-07-15 >/dev/null
    run -C "$dir" retention grant --date 2026-07-16 --scope documents --until 2027-06-30
    expect_status 0
    "$BILAN" -C "$dir" skill add "GARDEE-SECRETE" --type savoir >/dev/null
    run -C "$dir" purge
    expect_status 0
    expect_out "Rien à détruire : purge faite le 2026-07-15"
    expect_err_contains "documents de travail conservés jusqu'au 2027-06-30 (accord écrit)"
    if grep -rqs "GARDEE-SECRETE" "$dir/skills"; then ok; else fail "the skill the agreement keeps was destroyed"; fi
    expect_file_contains "$dir/destruction.toml" 'date = 2026-07-15
skills = 1'
    run -C "$dir" purge --date 2027-07-01
    expect_status 1 "a date after today"
    BILAN_TODAY=2027-07-01 run -C "$dir" purge
    expect_status 0
    expect_out_contains "Détruit le 2027-07-01 :"
    expect_file_contains "$dir/destruction.toml" 'skills = 2'
    expect_no_secret_left "$dir"
}

# Item 1: a purge killed half-way is planned again when resumed: an agreement granted since
# keeps what is left; meanwhile, bilan adds no content to the half-purged folder.
test_a_resumed_purge_honours_an_agreement_granted_after_the_crash() {
    local dir snap
    dir=$(seeded_bilan)
    BILAN_PURGE_STOP_AFTER=1 run -C "$dir" purge --date 2026-07-15
    expect_status 137
    rm -f "$dir/.lock"
    snap=$(fingerprint "$dir")
    run -C "$dir" skill add "AJOUT-SECRET" --type savoir
    expect_status 1 "content added to a half-purged folder"
    expect_err_contains "purge inachevée"
    expect_err_one_line
    run -C "$dir" set situation "AUTRE-SITUATION-SECRETE"
    expect_status 1 "a personal field set in a half-purged folder"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" retention grant --date 2026-07-16 --scope documents --until 2027-06-30
    expect_status 0 "an agreement is administrative: recorded during a purge"
    run -C "$dir" purge
    expect_status 0
    expect_out_contains "Purge reprise et terminée : détruit le 2026-07-15"
    expect_err_contains "documents de travail conservés jusqu'au 2027-06-30"
    expect_file_contains "$dir/destruction.toml" 'state = "faite"'
    expect_file_contains "$dir/destruction.toml" 'documents_kept_until = 2027-06-30'
    if grep -rqs "VALEUR-SECRETE" "$dir/traits"; then ok; else fail "the trait the agreement keeps was destroyed"; fi
}

# Item 1: content written by hand into a half-purged folder is destroyed by the resume.
test_a_resumed_purge_destroys_content_added_after_the_crash() {
    local dir
    dir=$(seeded_bilan)
    BILAN_PURGE_STOP_AFTER=2 run -C "$dir" purge --date 2026-07-15
    expect_status 137
    rm -f "$dir/.lock"
    printf 'text = "MAIN-SECRETE"\ntype = "savoir"\n' >"$dir/skills/0000abcd.toml"
    run -C "$dir" purge
    expect_status 0
    expect_no_secret_left "$dir"
    expect_file_contains "$dir/destruction.toml" 'state = "faite"'
}

# Item 6: a conflict copy or a backup holds content: purge refuses with their list, writing
# nothing, rather than leaving them behind under a record that says "faite".
test_conflict_copies_and_backups_stop_a_purge() {
    local dir id snap
    dir=$(seeded_bilan)
    id=$(basename "$(ls "$dir/skills/"*.toml | head -n 1)" .toml)
    cp "$dir/skills/$id.toml" "$dir/skills/$id (conflicted copy).toml"
    cp "$dir/skills/$id.toml" "$dir/skills/$id.toml~"
    cp "$dir/skills/$id.toml" "$dir/skills/.$id.toml.swp"
    cp "$dir/bilan.toml" "$dir/bilan.toml.orig"
    cp "$dir/bilan.toml" "$dir/.bilan.toml.swp" # vim's, at the top: hidden, yet a copy
    mkdir -m 700 "$dir/Skills" && cp "$dir/skills/$id.toml" "$dir/Skills/"
    snap=$(fingerprint "$dir")
    for args in "" "--dry-run"; do
        run -C "$dir" purge $args
        expect_status 1 "purge $args"
        expect_err_one_line
        expect_err_contains "skills/$id (conflicted copy).toml"
        expect_err_contains "skills/$id.toml~"
        expect_err_contains "skills/.$id.toml.swp"
        expect_err_contains "bilan.toml.orig"
        expect_err_contains ".bilan.toml.swp"
        expect_err_contains "/Skills"
        expect_err_contains "rien n'a été détruit"
        expect_unchanged "$dir" "$snap"
    done
    rm -r "$dir/skills/$id (conflicted copy).toml" "$dir/skills/$id.toml~" \
        "$dir/skills/.$id.toml.swp" "$dir/bilan.toml.orig" "$dir/.bilan.toml.swp" "$dir/Skills"
    run -C "$dir" purge
    expect_status 0
    expect_no_secret_left "$dir"
}

# Item 3: the synthesis kept is the one handed over, as the person left it (README: render,
# edit, hand over, purge), read-only or not; never a fresh render over it.
test_a_hand_edited_synthesis_is_kept_as_left() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" render -o "$dir/synthese.md"
    printf '\nRelu avec la bénéficiaire et complété à la main.\n' >>"$dir/synthese.md"
    chmod 400 "$dir/synthese.md"
    cp "$dir/synthese.md" "$TMP_ROOT/handed-over.md"
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-06-30 >/dev/null
    run -C "$dir" purge
    expect_status 0
    if cmp -s "$dir/synthese.md" "$TMP_ROOT/handed-over.md"; then ok; else fail "synthese.md was replaced"; fi
    expect_equal "$(stat -c %a "$dir/synthese.md")" 400 "synthese.md left untouched"
    run -C "$dir" render
    if cmp -s "$TMP_ROOT/.out" "$TMP_ROOT/handed-over.md"; then ok; else fail "render after purge"; fi
}

# Item 4: an abandonment without an end ends the bilan for destruction.
test_an_abandoned_bilan_without_end_is_due_and_purged() {
    local dir snap
    dir=$(new_bilan --demand "DEMANDE-SECRETE")
    "$BILAN" -C "$dir" skill add "COMPETENCE-SECRETE" --type savoir >/dev/null
    "$BILAN" -C "$dir" set abandoned 2026-05-15
    run -C "$dir" due
    expect_status 0
    expect_out_contains "2026-05-15"
    expect_out_contains "destruction"
    snap=$(fingerprint "$dir")
    run -C "$dir" purge --date 2026-05-14
    expect_status 1
    expect_err_contains "avant la fin du bilan (2026-05-15)"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" purge
    expect_status 0
    expect_out_contains "Détruit le 2026-07-15 :"
    expect_no_secret_left "$dir"
    expect_file_contains "$dir/destruction.toml" 'synthesis_destroyed = 2026-07-15'
}

# Item 11: what purge will rewrite is checked before its first deletion: a read-only or
# linked session file stops it with nothing destroyed.
test_a_session_file_it_cannot_rewrite_stops_purge_before_any_deletion() {
    local dir session snap
    dir=$(seeded_bilan)
    session=$(grep -l "NOTE-SECRETE" "$dir/sessions/"*.toml)
    chmod 400 "$session"
    snap=$(fingerprint "$dir")
    run -C "$dir" purge
    expect_status 1
    expect_err_contains "$(basename "$session") est en lecture seule"
    expect_err_one_line
    expect_unchanged "$dir" "$snap"
    chmod 600 "$session"
    mv "$session" "$TMP_ROOT/session-elsewhere.toml"
    ln -s "$TMP_ROOT/session-elsewhere.toml" "$session"
    snap=$(fingerprint "$dir")
    run -C "$dir" purge
    expect_status 1
    expect_err_contains "$(basename "$session") est un lien symbolique"
    expect_unchanged "$dir" "$snap"
}

# Item 12: a destruction is dated the day it happens, at the latest.
test_a_purge_dated_after_today_is_refused() {
    local dir snap
    dir=$(seeded_bilan)
    snap=$(fingerprint "$dir")
    run -C "$dir" purge --date 2026-07-16
    expect_status 1
    expect_err_contains "après aujourd'hui (2026-07-15)"
    expect_err_one_line
    expect_unchanged "$dir" "$snap"
}

# Item 18: the synthesis a purge kept is part of the record until its limit.
test_check_says_when_the_kept_synthesis_is_missing() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-06-30 >/dev/null
    "$BILAN" -C "$dir" purge >/dev/null
    rm "$dir/synthese.md"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "synthese.md"
    expect_out_contains "synthèse conservée introuvable"
    BILAN_TODAY=2029-07-01 run -C "$dir" check # its limit passed: removed as it should be
    expect_out_lacks "synthèse conservée introuvable"
}

# Item 19: the destruction done, a report that cannot be printed does not make it look undone.
test_a_purge_whose_report_cannot_be_printed_says_it_is_done() {
    local dir
    dir=$(seeded_bilan)
    "$BILAN" -C "$dir" purge >/dev/full 2>"$TMP_ROOT/.err"
    status=$?
    err=$(cat "$TMP_ROOT/.err")
    expect_status 0
    expect_err_contains "purge faite"
    expect_file_contains "$dir/destruction.toml" 'state = "faite"'
    expect_no_secret_left "$dir"
}

# Item 20: a hard link or a link to a file elsewhere keeps content alive beyond the folder:
# purge says which file.
test_links_that_keep_destroyed_content_alive_are_named() {
    local dir skill trait
    dir=$(seeded_bilan)
    skill=$(ls "$dir/skills/"*.toml | head -n 1)
    ln "$skill" "$TMP_ROOT/skill-hard-link.toml"
    trait=$(ls "$dir/traits/"*.toml | head -n 1)
    mv "$trait" "$TMP_ROOT/trait-elsewhere.toml"
    ln -s "$TMP_ROOT/trait-elsewhere.toml" "$trait"
    run -C "$dir" purge
    expect_status 0
    expect_err_contains "skills/$(basename "$skill")"
    expect_err_contains "lien physique"
    expect_err_contains "traits/$(basename "$trait")"
    expect_err_contains "$TMP_ROOT/trait-elsewhere.toml"
}

# A record folder that is a link (a link committed to git, a sync tool's doing) is never gone
# through: purge refuses before destroying anything, and the folder it names is left whole.
test_a_record_folder_that_is_a_link_stops_purge() {
    local dir outside snap
    dir=$(seeded_bilan)
    outside=$TMP_ROOT/outside-skills
    mv "$dir/skills" "$outside"
    ln -s "$outside" "$dir/skills"
    snap=$(fingerprint "$outside")
    for args in "" "--dry-run"; do
        run -C "$dir" purge $args
        expect_status 1 "purge $args"
        expect_err_one_line
        expect_err_contains "skills"
        expect_err_contains "lien symbolique"
        expect_unchanged "$outside" "$snap"
    done
    [ -e "$dir/destruction.toml" ] && fail "purge began" || ok
    grep -q NOTE-SECRETE "$dir"/sessions/*.toml && ok || fail "a session note was destroyed"
}

run_tests
