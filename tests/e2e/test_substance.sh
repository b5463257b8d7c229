#!/usr/bin/env bash
# Skills, parcours, traits, tests, pistes, project and actions: every command, every error path.
. "$(dirname "$0")/lib.sh" "$@"

B() { "$BILAN" -C "$dir" "$@"; }

test_skill_add_list_rm_and_json_fields() {
    dir=$(new_bilan)
    local exp id
    exp=$(B experience add "Comptable" --kind poste --org "Fiduciaire" --from 2004-09-01 --to 31/08/2012)
    run -C "$dir" skill add "Établir les paies" --type savoir-faire --domain technique \
        --experience "$exp" --evidence "45 salariés" --transferable
    expect_status 0
    id=$out
    expect_equal "${#id}" 8 "id of 8 characters"
    B skill add "Rigoureuse" --type "savoir-être" --source "Questionnaire" >/dev/null
    B skill add "Plan comptable" --type knowledge >/dev/null
    run -C "$dir" skill list --json
    expect_out_contains '"skills": ['
    expect_out_contains "\"source\": null,
      \"experience\": \"$exp\"" # fields named after the options that set them
    expect_out_contains '"source": "Questionnaire",
      "experience": null'
    expect_out_contains '"transferable": true'
    expect_out_contains '"type": "savoir-etre"'
    expect_out_contains '"evidence": "45 salariés"'
    run -C "$dir" skill list --type savoir
    expect_equal "$(printf '%s\n' "$out" | wc -l)" 1 "filter by type"
    run -C "$dir" skill rm "$id"
    expect_status 0
    run -C "$dir" skill list --json
    expect_out_lacks "Établir les paies"
    run -C "$dir" check
    if printf '%s\n' "$out" | grep -q "skills/"; then fail "skill files reported"; else ok; fi
}

test_every_text_comes_back_exactly() {
    dir=$(new_bilan)
    local text
    text=$'Accents éàç « guillemets » "doubles" \\ antislash 🎉\nseconde ligne\ttab'
    B skill add "$text" --type savoir --domain "$text" >/dev/null
    B trait add "$text" --kind valeur --note "$text" >/dev/null
    B action add "$text" --horizon court >/dev/null
    local expected
    expected=$(printf '%s' "$text" | sed 's/\\/\\\\/g; s/"/\\"/g' | awk 'BEGIN{ORS="\\n"} {print}' | sed 's/\\n$//; s/\t/\\t/g')
    run -C "$dir" skill list --json
    expect_out_contains "\"text\": \"$expected\""
    expect_out_contains "\"domain\": \"$expected\""
    run -C "$dir" trait list --json
    expect_out_contains "\"note\": \"$expected\""
    run -C "$dir" action list --json
    expect_out_contains "\"text\": \"$expected\""
    run -C "$dir" skill list
    expect_equal "$(printf '%s\n' "$out" | wc -l)" 1 "one line in the table"
}

test_experience_trait_test() {
    dir=$(new_bilan)
    run -C "$dir" experience add "Stage" --kind internship --from 2004-01-05 --to 2004-02-27 --note "Saisie"
    expect_status 0
    run -C "$dir" experience list --json
    expect_out_contains '"kind": "stage"'
    expect_out_contains '"from": "2004-01-05"'
    expect_out_contains '"org": null'
    run -C "$dir" experience add "Inversée" --kind poste --from 2010-01-01 --to 2009-01-01
    expect_status 2 "to before from"
    run -C "$dir" trait add "Transmettre" --kind critère
    expect_status 0
    run -C "$dir" trait list --json
    expect_out_contains '"kind": "critere"'
    run -C "$dir" test add "RIASEC" --date 16/03/2026 --result "Code SCE" --note "Strong"
    expect_status 0
    run -C "$dir" test list --json
    expect_out_contains '"instrument": "RIASEC"'
    expect_out_contains '"date": "2026-03-16"'
    expect_out_contains '"result": "Code SCE"'
    run -C "$dir" test add "RIASEC" --date 2026-03-16
    expect_status 2 "--result is required"
}

test_piste_survey_decide_and_the_single_retained_rule() {
    dir=$(new_bilan)
    local a b
    a=$(B piste add "Formatrice" --desire 5 --feasibility 4 --for "Expertise" --for "Tutorat" --against "Titre à obtenir")
    b=$(B piste add "RAF dans l'ESS" --desire 3 --feasibility 5)
    run -C "$dir" piste survey "$a" --date 2026-04-09 --with "Une formatrice" --note "Besoin confirmé"
    expect_status 0
    run -C "$dir" piste decide "$a" retained --why "Meilleur équilibre"
    expect_status 0
    run -C "$dir" piste list --json
    expect_out_contains '"for": ['
    expect_out_contains '"Tutorat"'
    expect_out_contains '"with": "Une formatrice"'
    expect_out_contains '"decision": "retained"'
    expect_out_contains '"why": "Meilleur équilibre"'
    expect_out_contains '"desire": 5'
    local snapshot
    snapshot=$(fingerprint "$dir")
    run -C "$dir" piste decide "$b" retenue
    expect_status 1 "a second retained piste"
    expect_err_contains "--replace"
    expect_err_contains "$a"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" piste decide "$b" retained --replace
    expect_status 0
    expect_err_contains "plan B"
    expect_file_contains "$dir/pistes/$a.toml" 'decision = "backup"'
    expect_file_contains "$dir/pistes/$b.toml" 'decision = "retained"'
    run -C "$dir" project show --json
    expect_out_contains "\"id\": \"$a\""
}

test_piste_bad_values() {
    dir=$(new_bilan)
    local snapshot a
    a=$(B piste add "Formatrice")
    snapshot=$(fingerprint "$dir")
    run -C "$dir" piste add "X" --desire 6
    expect_status 2 "desire 6"
    run -C "$dir" piste add "X" --feasibility zero
    expect_status 2 "feasibility zero"
    run -C "$dir" piste decide "$a" maybe
    expect_status 2 "unknown decision"
    run -C "$dir" piste decide ffffffff retained
    expect_status 1 "unknown id"
    run -C "$dir" piste survey "$a" --date 2026-02-30 --with "X"
    expect_status 2 "bad survey date"
    run -C "$dir" piste survey "$a" --date 2026-03-01
    expect_status 2 "--with required"
    expect_unchanged "$dir" "$snapshot"
}

test_hand_edits_survive_decide_survey_done_and_project_set() {
    dir=$(new_bilan)
    local p a
    p=$(B piste add "Formatrice" --for "Expertise")
    printf '# Notes de séance : à garder\n' | cat - "$dir/pistes/$p.toml" >"$TMP_ROOT/p" && cat "$TMP_ROOT/p" >"$dir/pistes/$p.toml"
    sed -i 's/^title = .*/&   # titre provisoire/' "$dir/pistes/$p.toml"
    B piste decide "$p" backup --why "Financement incertain"
    B piste survey "$p" --date 2026-04-09 --with "Mme X"
    expect_file_contains "$dir/pistes/$p.toml" "# Notes de séance : à garder"
    expect_file_contains "$dir/pistes/$p.toml" "# titre provisoire"
    expect_file_contains "$dir/pistes/$p.toml" "[[surveys]]"
    run -C "$dir" piste list --json
    expect_out_contains '"decision": "backup"'
    a=$(B action add "Déposer le dossier" --horizon court --due 2026-06-15)
    printf '# relancer en juin\n' >>"$dir/actions/$a.toml"
    run -C "$dir" action done "$a"
    expect_status 0
    expect_file_contains "$dir/actions/$a.toml" "# relancer en juin"
    expect_file_contains "$dir/actions/$a.toml" "done = true"
    local inode
    inode=$(stat -c %i "$dir/actions/$a.toml")
    run -C "$dir" action done "${a:0:4}"
    expect_status 0 "done twice"
    expect_equal "$(stat -c %i "$dir/actions/$a.toml")" "$inode" "not rewritten when already done"
    B project set --title "Formatrice d'adultes" --strength "Expertise" --strength "Tutorat"
    printf '# Projet discuté le 27 avril\n' >>"$dir/project.toml"
    B project set --watch "Financement" --title "Formatrice d'adultes en paie"
    expect_file_contains "$dir/project.toml" "# Projet discuté le 27 avril"
    run -C "$dir" project show --json
    expect_out_contains '"title": "Formatrice d'"'"'adultes en paie"'
    expect_out_contains '"strength": ['
    expect_out_contains '"watch": ['
    expect_out_contains '"backup": ['
    run -C "$dir" project set --title ""
    run -C "$dir" project show --json
    expect_out_contains '"title": null'
    run -C "$dir" project set
    expect_status 2 "nothing to set"
}

test_project_set_empty_values_remove_or_are_dropped() {
    dir=$(new_bilan)
    B project set --title "Formatrice" --strength "Expertise" --strength "Tutorat" --watch "Financement"
    printf '# Projet discuté le 27 avril\n' >>"$dir/project.toml"
    run -C "$dir" project set --strength ""
    expect_status 0 '--strength "" alone'
    run -C "$dir" project show --json
    expect_out_contains '"strength": []'
    expect_out_contains '"watch": [
      "Financement"
    ]'
    expect_file_contains "$dir/project.toml" "# Projet discuté le 27 avril"
    run -C "$dir" project set --watch "" --watch "Mobilité" --watch " "
    expect_status 0 "empty values among others"
    run -C "$dir" project show --json
    expect_out_contains '"watch": [
      "Mobilité"
    ]'
    run -C "$dir" project set --watch "" --title ""
    expect_status 0
    run -C "$dir" project show --json
    expect_out_contains '"title": null'
    expect_out_contains '"watch": []'
    expect_equal "$(cat "$dir/project.toml")" "# Projet professionnel : « bilan project set » ou à la main.
# Projet discuté le 27 avril" "every key removed, the comments kept"
}

# Issue 30.3: a past job known to the month, stored as a month, said as one.
test_experience_dated_to_the_month() {
    dir=$(new_bilan)
    run -C "$dir" experience add "Comptable" --kind poste --from 09/2008 --to 2012-03
    expect_status 0 "--from 09/2008 --to 2012-03"
    expect_file_contains "$(ls "$dir"/experiences/*.toml)" 'from = "2008-09"'
    expect_file_contains "$dir/bilan.toml" "format = 5"
    run -C "$dir" experience add "Aide" --kind stage --from 04/2007 --to 2008-06-30
    expect_status 0 "a month, then a day"
    run -C "$dir" experience list --json
    expect_out_contains '"from": "2008-09"'
    expect_out_contains '"to": "2008-06-30"'
    run -C "$dir" render
    expect_out_contains "**Comptable** — poste, de septembre 2008 à mars 2012"
    expect_out_contains "**Aide** — stage, d'avril 2007 au 30 juin 2008"
    run -C "$dir" experience add "Faux" --kind poste --from 13/2008
    expect_status 2 "month 13"
    expect_err_contains "ou un mois (MM/AAAA, AAAA-MM)"
    run -C "$dir" experience add "Inversée" --kind poste --from 2012-03 --to 09/2008
    expect_status 2 "a month before the start"
}

test_experience_rm_refused_while_skills_cite_it() {
    dir=$(new_bilan)
    local exp k1 k2 snapshot
    exp=$(B experience add "Comptable" --kind poste)
    k1=$(B skill add "Établir les paies" --type savoir-faire --experience "$exp")
    k2=$(B skill add "Plan comptable" --type savoir --experience "${exp:0:5}")
    B skill add "Rigueur" --type savoir-etre --source "Comptable" >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" experience rm "${exp:0:4}"
    expect_status 1
    expect_err_one_line
    expect_err_contains "l'expérience $exp est la source de 2 compétences ("
    expect_err_contains "retirez leur lien (clé experience de skills/ID.toml) ou supprimez-les d'abord"
    expect_err_contains "$k1"
    expect_err_contains "$k2"
    expect_unchanged "$dir" "$snapshot"
    B skill rm "$k1"
    run -C "$dir" experience rm "$exp"
    expect_status 1 "one skill left"
    expect_err_contains "est la source de 1 compétence ($k2) : retirez son lien"
    B skill rm "$k2"
    run -C "$dir" experience rm "$exp"
    expect_status 0 "no skill cites it any more"
    expect_equal "$(ls "$dir/experiences" | wc -l)" 0 "removed"
    run -C "$dir" check --json
    expect_out_lacks "n'existe pas"
}

test_actions_list_and_errors() {
    dir=$(new_bilan)
    B action add "Long" --horizon long >/dev/null
    B action add "Court" --horizon short --due 2026-06-01 >/dev/null
    run -C "$dir" action list --json
    expect_out_contains '"horizon": "court"'
    expect_out_contains '"due": "2026-06-01"'
    expect_out_contains '"done": false'
    run -C "$dir" action list
    expect_equal "$(printf '%s\n' "$out" | head -1 | grep -c Court)" 1 "court terme first"
    run -C "$dir" action add "X" --horizon demain
    expect_status 2
    run -C "$dir" action add "" --horizon court
    expect_status 2 "empty text"
    run -C "$dir" action done 0000
    expect_status 1
    run -C "$dir" action rm 0000
    expect_status 1
}

test_unknown_ids_exit_1_everywhere() {
    dir=$(new_bilan)
    local group
    for group in skill experience trait test piste action; do
        run -C "$dir" "$group" rm deadbeef
        expect_status 1 "$group rm"
        expect_err_one_line
    done
}

test_bad_text_is_refused() {
    dir=$(new_bilan)
    run -C "$dir" skill add $'escape \e[31m' --type savoir
    expect_status 2 "control character"
    run -C "$dir" skill add $'\xff\xfe' --type savoir
    expect_status 2 "invalid UTF-8"
    run -C "$dir" skill add "X" --type savoir-vivre
    expect_status 2 "unknown type"
    expect_equal "$(ls -A "$dir" | grep -c skills)" 0 "nothing created"
}

test_check_follows_references_and_types() {
    dir=$(new_bilan)
    mkdir -p "$dir/skills" "$dir/pistes"
    printf 'text = "X"\ntype = "savoir"\nexperience = "deadbeef"\n' >"$dir/skills/aaaa0001.toml"
    printf 'title = "X"\ndesire = 9\n' >"$dir/pistes/aaaa0002.toml"
    printf 'title = "Y"\nfor = "pas une liste"\n' >"$dir/pistes/aaaa0003.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "skills/aaaa0001.toml:3:14: l'expérience « deadbeef » n'existe pas"
    expect_out_contains "pistes/aaaa0002.toml:2:10: « desire » vaut 9"
    expect_out_contains "pistes/aaaa0003.toml:2:7: « for » doit être une liste de textes"
}

test_status_summarises_the_substance() {
    run -C "$EXAMPLE" status --json
    expect_out_contains '"savoir-faire": 12'
    expect_out_contains '"retained": 1'
    expect_out_contains '"open_actions": 4'
    run -C "$EXAMPLE" status
    expect_out_contains "Compétences : 9 savoirs, 12 savoir-faire, 9 savoir-être"
}

test_status_counts_agree_in_number() {
    local dir p a
    dir=$(new_bilan)
    "$BILAN" -C "$dir" experience add "Comptable" --kind poste >/dev/null
    p=$("$BILAN" -C "$dir" piste add "Formatrice")
    "$BILAN" -C "$dir" piste decide "$p" dropped >/dev/null
    a=$("$BILAN" -C "$dir" action add "Appeler" --horizon court)
    "$BILAN" -C "$dir" action done "$a" >/dev/null
    run -C "$dir" status
    expect_out_contains "Compétences : 0 savoir, 0 savoir-faire, 0 savoir-être"
    expect_out_contains "Parcours : 1 expérience ·"
    expect_out_contains "(0 retenue, 0 plan B, 1 abandonnée, 0 à l'étude)"
    expect_out_contains "Plan d'action : 0 à faire, 1 faite"
    "$BILAN" -C "$dir" experience add "Formatrice" --kind poste >/dev/null
    p=$("$BILAN" -C "$dir" piste add "Paie")
    "$BILAN" -C "$dir" piste decide "$p" dropped >/dev/null
    run -C "$dir" status
    expect_out_contains "Parcours : 2 expériences ·"
    expect_out_contains "2 abandonnées"
}

run_tests
