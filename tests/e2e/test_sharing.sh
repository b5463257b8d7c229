#!/usr/bin/env bash
# What a version of the synthesis tells its recipient: each section gives its own records and
# nothing of another's; a session's note is in no document; a consent's earlier grant stays as
# evidence; the notice and the figures follow the folder's framework.
. "$(dirname "$0")/lib.sh" "$@"

# Distinctive strings of the example's records, by the section that may show them.
declare -A STRINGS=(
    [circonstances]="confronter deux ou trois pistes|neuf séances hebdomadaires|CPF (Mon Compte Formation)|du 2 mars 2026 au 4 mai 2026"
    [situation]="deux enfants au collège|Situation au démarrage"
    [calendrier]="**23 février 2026**|Calendrier des séances|entretien à distance de 2 h 30"
    [competences]="Tableur avancé|Certification bureautique niveau avancé"
    [parcours]="Assistante comptable stagiaire|BTS Comptabilité|Menuiseries Arnaud SAS"
    [valeurs]="baisse de salaire|Plutôt réservée|moins de 40 minutes"
    [tests]="RIASEC (Strong)|Code SCE|Intérêts sociaux nettement dominants"
    [pistes]="chantier d'insertion en menuiserie|Métier d'accompagnement global|Responsable administrative et financière"
    [projet]="Titre professionnel Formateur professionnel d'adultes (niveau 5)|Expertise technique solide"
    [plan]="Transitions Pro|congé de transition professionnelle"
)
# Session notes: the counsellor's working notes, in no document at all.
NOTES="Présentation de la démarche|Débriefing des enquêtes métiers|tri entre critères fondamentaux"

# expect_strings SECTION present|absent
expect_strings() {
    local s
    IFS='|' read -ra list <<<"${STRINGS[$1]}"
    for s in "${list[@]}"; do
        case $2 in
        present) expect_doc_contains "$s" ;;
        absent) expect_doc_lacks "$s" ;;
        esac
    done
}

test_the_full_document_has_every_section_and_no_note() {
    local section s
    run -C "$EXAMPLE" render
    expect_status 0
    for section in "${!STRINGS[@]}"; do
        current="test_the_full_document_has_every_section_and_no_note/$section"
        expect_strings "$section" present
    done
    IFS='|' read -ra list <<<"$NOTES"
    for s in "${list[@]}"; do expect_out_lacks "$s"; done
}

test_each_section_alone_gives_its_content_and_nothing_else() {
    local dir section other s
    dir=$(copy_example)
    for section in "${!STRINGS[@]}"; do
        "$BILAN" -C "$dir" consent grant "Seul $section" --date 2026-05-04 --sections "$section" \
            >/dev/null || fail "grant $section"
        run -C "$dir" render --for "Seul $section"
        current="test_each_section_alone/$section"
        expect_status 0
        expect_strings "$section" present
        for other in "${!STRINGS[@]}"; do
            [ "$other" = "$section" ] || expect_strings "$other" absent
        done
        IFS='|' read -ra list <<<"$NOTES"
        for s in "${list[@]}"; do expect_out_lacks "$s"; done
    done
}

test_tout_grants_every_section_as_a_list() {
    local dir section
    dir=$(copy_example)
    run -C "$dir" consent grant "Tout" --date 2026-05-04 --sections tout
    expect_status 0
    expect_file_contains "$dir/consents/tout.toml" '"calendrier",'
    run -C "$dir" consent list
    expect_doc_contains "circonstances,situation,competences,parcours,valeurs,tests,pistes,projet,plan,calendrier"
    run -C "$dir" render --for "Tout"
    for section in "${!STRINGS[@]}"; do expect_strings "$section" present; done
}

# A consent written before the sections were split keeps its words, and gives less than it
# did: `circonstances` no longer the situation or the sessions, `competences` only the skills.
test_an_old_consent_gives_less_never_more() {
    local dir
    dir=$(copy_example)
    printf 'recipient = "Ancien"\ndate = 2026-05-04\nsections = ["circonstances", "competences"]\n' \
        >"$dir/consents/ancien.toml"
    run -C "$dir" render --for "Ancien"
    expect_status 0
    expect_strings circonstances present
    expect_strings competences present
    expect_strings situation absent
    expect_strings calendrier absent
    expect_strings parcours absent
    expect_strings valeurs absent
    expect_strings tests absent
    run -C "$dir" check
    expect_out_lacks "consents/"
}

test_granting_again_keeps_the_grant_in_force_as_evidence() {
    local dir file snapshot
    dir=$(new_bilan)
    file=$dir/consents/france-travail.toml
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    run -C "$dir" consent grant "France Travail" --date 2026-06-01 --sections plan
    expect_status 0
    expect_file_contains "$file" 'date = 2026-06-01'
    expect_file_contains "$file" '[[history]]
date = 2026-05-04
sections = [
    "projet",
    "plan",
]
replaced_on = 2026-06-01'
    run -C "$dir" consent list
    expect_out "france-travail  France Travail  2026-06-01  plan  (accord antérieur remplacé : 2026-05-04)"
    run -C "$dir" consent list --json
    expect_doc_contains '"replaced_on": "2026-06-01"'
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent grant "France Travail" --date 2026-05-20 --sections projet
    expect_status 1 "before the grant in force"
    expect_err_one_line
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" consent revoke "France Travail" --date 2026-07-01
    run -C "$dir" consent grant "France Travail" --date 2026-08-01
    expect_status 0
    expect_file_contains "$file" 'replaced_on = 2026-06-01

[[history]]
date = 2026-06-01
sections = ["plan"]
revoked = true
revoked_on = 2026-07-01'
    run -C "$dir" check --json
    expect_out_lacks "consents/"
}

test_a_consent_before_the_bilan_started_is_refused() {
    local dir snapshot
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent grant "France Travail" --date 2026-03-01
    expect_status 1
    expect_err_one_line
    expect_err_contains "accord du 2026-03-01 refusé : le bilan n'a commencé que le 2026-03-02"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" consent grant "France Travail" --date 2026-03-02
    expect_status 0 "the first day is fine"
}

# A Belgian bilan: 3 h of tests and 10 h of interviews, ended; `be` counts interviews only.
be_bilan() {
    local dir
    dir=$(new_bilan --framework be --funding fonds-social) || return 1
    "$BILAN" -C "$dir" session add --date 2026-03-02 --phase preliminaire --duration 3h \
        --kind test >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 10h >/dev/null
    "$BILAN" -C "$dir" set end 2026-04-01 >/dev/null
    "$BILAN" -C "$dir" consent grant "Employeur" --date 2026-04-01 --sections tout >/dev/null
    printf '%s\n' "$dir"
}

test_a_belgian_synthesis_cites_no_french_article() {
    local dir
    dir=$(be_bilan)
    for version in "" "--for Employeur"; do
        # shellcheck disable=SC2086
        run -C "$dir" render $version
        expect_status 0
        expect_out_lacks "L6313"
        expect_out_lacks "Code du travail"
        expect_doc_contains "appartiennent à Test Bénéficiaire"
        expect_doc_contains "sans son accord."
        expect_doc_contains "**Financement :** fonds social sectoriel"
    done
    run -C "$dir" render
    # check finds the 12 h of interviews unmet: the document never says otherwise.
    expect_out_lacks "12h au moins selon le cadre"
    expect_out_lacks "13h au moins"
    expect_doc_contains "Le cadre en demande au moins 12 h en entretiens : 10 h réalisées."
    run -C "$dir" check
    expect_doc_contains "sous le plancher : 10h en entretiens pour 12h au moins"
    run -C "$EXAMPLE" render
    expect_doc_contains "sans son accord (article L6313-4 du Code du travail)."
}

test_each_framework_has_its_own_fundings() {
    local dir snapshot
    dir=$(new_bilan --framework be --funding "fonds social")
    expect_file_contains "$dir/bilan.toml" 'funding = "fonds-social"'
    for funding in fonds-social employeur personnel autre; do
        run -C "$dir" set funding "$funding"
        expect_status 0 "be funding $funding"
    done
    snapshot=$(fingerprint "$dir")
    run -C "$dir" set funding cpf
    expect_status 2 "cpf is French"
    expect_err_contains "attendu fonds-social, employeur, personnel, autre"
    run -C "$dir" set framework fr
    expect_status 0 "autre exists in both"
    "$BILAN" -C "$dir" set funding cpf >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" set framework be
    expect_status 1 "cpf does not exist in be"
    expect_err_one_line
    expect_unchanged "$dir" "$snapshot"
    run init "$TMP_ROOT/fr-fonds" --beneficiary A --funding fonds-social
    expect_status 2 "fonds-social is Belgian"
    # A hand-written funding that the framework lacks is located, like any bad value.
    dir=$(new_bilan --framework be)
    printf 'funding = "cpf"\n' >>"$dir/bilan.toml"
    run -C "$dir" render
    expect_status 1
    expect_out ""
    expect_err_contains "bilan.toml:8:11: financement inconnu « cpf »"
    run -C "$dir" check
    expect_doc_contains "bilan.toml:8:11: financement inconnu « cpf »"
}

test_a_providers_framework_gives_its_notice_and_fundings() {
    local dir file=$TMP_ROOT/cadre.toml
    cp "$SOURCE_DIR/examples/framework-cabinet.toml" "$file"
    sed -i 's/^notice = .*/notice = "article 7 de la charte du cabinet"/' "$file"
    printf '\n[[funding]]\nkey = "mecenat"\nlabel = "mécénat d'"'"'entreprise"\n' >>"$file"
    dir=$(new_bilan --framework "$file" --funding mécénat)
    expect_file_contains "$dir/bilan.toml" 'funding = "mecenat"'
    run -C "$dir" render
    expect_status 0
    expect_doc_contains "sans son accord (article 7 de la charte du cabinet)."
    expect_doc_contains "**Financement :** mécénat d'entreprise"
    expect_out_lacks "L6313-4 du Code du travail"
}

test_recipients_fold_without_dropping_a_letter() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" consent grant "Straße AG" --date 2026-05-04
    expect_status 0
    expect_equal "$(ls "$dir/consents")" "strasse-ag.toml" "ß is ss"
    run -C "$dir" render --for "Strae AG"
    expect_status 1 "another recipient"
    expect_out ""
    run -C "$dir" render --for "STRASSE ag"
    expect_status 0 "the same recipient"
    for r in "Œuvres Sociales" "Ærø Kommune" "Łódź SA" "Αθηνά Α.Ε." "北京公司" "Αθηνά Β.Ε."; do
        run -C "$dir" consent grant "$r" --date 2026-05-04
        expect_status 0 "grant to $r"
    done
    expect_equal "$(ls "$dir/consents" | LC_ALL=C sort | tr '\n' ' ')" \
        "aero-kommune.toml lodz-sa.toml oeuvres-sociales.toml strasse-ag.toml αθηνα-αε.toml αθηνα-βε.toml 北京公司.toml " \
        "one file each, named after the letters"
    run -C "$dir" render --for "北京公司"
    expect_status 0
    expect_doc_contains "Version communiquée à 北京公司"
    run -C "$dir" render --for "北京"
    expect_status 1 "a part of a name is another recipient"
    run -C "$dir" consent revoke "Αθηνά  Β.Ε" --date 2026-06-01
    expect_status 0
    expect_file_contains "$dir/consents/αθηνα-βε.toml" "revoked = true"
    run -C "$dir" render --for "Αθηνά Α.Ε."
    expect_status 0 "the other one stays in force"
    run -C "$dir" consent grant "«…»" --date 2026-05-04
    expect_status 2 "punctuation alone is no recipient"
    run -C "$dir" check
    expect_out_lacks "consents/"
}

run_tests
