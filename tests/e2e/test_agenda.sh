#!/usr/bin/env bash
# bilan agenda: the sessions and deadlines of many bilans as one iCalendar file, parsed here by
# a real iCalendar library (Debian's python3-icalendar, which .ci/install-deps installs).
. "$(dirname "$0")/lib.sh" "$@"

# The system's python3 first: Debian's python3-icalendar is for it.
PYTHON=""
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import icalendar' 2>/dev/null; then PYTHON=$candidate; break; fi
done
no_icalendar() { [ -z "$PYTHON" ]; }

# A practice of three bilans: Anne's (French, planned sessions across the change to summer time,
# one cancelled, one with a link, a hostile name), Bruno's (Belgian) and Claire's (ended: its
# deadlines). Built once (fixture).
build_practice() {
    local p=$TMP_ROOT/build.$$ a b c
    "$BILAN" practice init "$p" --name "Cabinet Test" >/dev/null
    "$BILAN" init "$p/anne" --beneficiary $'Anne-Sophie Roux, dite « A; B »\nX' \
        --start 2026-03-02 >/dev/null
    a=$p/anne
    "$BILAN" -C "$a" session add --date 2026-03-27 --phase investigation --from 09:30 \
        --to 12:00 --lieu "Salle 2, 12 rue des Lilas; Paris" >/dev/null 2>&1
    "$BILAN" -C "$a" session add --date 2026-03-30 --phase investigation --from 14:00 \
        --to 16:00 --lien https://visio.exemple.fr/salle-12 >/dev/null 2>&1
    local cancelled
    cancelled=$("$BILAN" -C "$a" session add --date 2026-03-31 --phase investigation \
        --duration 1h 2>/dev/null)
    "$BILAN" -C "$a" session annule "$cancelled" --motif report >/dev/null
    held -C "$a" session add --date 2026-03-04 --phase preliminaire --from 10:00 --to 12:00 \
        --note "note privée" >/dev/null
    "$BILAN" init "$p/bruno" --beneficiary "Bruno Léger" --framework be --start 2026-03-01 \
        >/dev/null
    b=$p/bruno
    held -C "$b" session add --date 2026-03-03 --phase investigation --from 10:00 --to 11:00 \
        >/dev/null
    "$BILAN" init "$p/claire" --beneficiary "Claire Martin" --start 2025-09-01 --funding cpf \
        >/dev/null
    c=$p/claire
    held -C "$c" session add --date 2025-09-05 --phase preliminaire --duration 2h >/dev/null
    "$BILAN" -C "$c" set end 2026-01-15
    # Due before the end: after it, an action is no deadline unless a basis keeps the documents.
    "$BILAN" -C "$c" action add "Déposer le dossier secret" --horizon court --due 2026-01-10 \
        >/dev/null
    printf '%s\n' "$p"
}

# py SCRIPT FILE [ARG…]: runs SCRIPT (on stdin) with the calendar parsed as `cal`; its output
# into $out, its exit status into $status.
py() {
    out=$("$PYTHON" - "$@" 2>&1 <<PY
import sys, icalendar, datetime
raw = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(raw)
events = [c for c in cal.walk('VEVENT')]
def by_uid(suffix):
    found = [e for e in events if str(e['UID']).endswith(suffix)]
    assert len(found) == 1, (suffix, [str(e['UID']) for e in events])
    return found[0]
def utc(e, key):
    return e[key].dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M')
$(cat)
PY
)
    status=$?
}

test_sessions_are_events_with_their_state_and_dst() {
    if no_icalendar; then skip "python3-icalendar is not installed"; return; fi
    local p
    p=$(fixture practice build_practice)
    run agenda "$p" -o "$p/agenda.ics"
    expect_status 0 "agenda"
    py "$p/agenda.ics" <<'PY'
a = [e for e in events if '/anne-' in '/' + str(e['UID']) and 'investigation' in str(e['SUMMARY'])]
assert len(a) == 3, len(a)
s27 = [e for e in a if e['DTSTART'].dt.isoformat().startswith('2026-03-27')][0]
s30 = [e for e in a if e['DTSTART'].dt.isoformat().startswith('2026-03-30')][0]
# 09:30 in Paris is 08:30 UTC before the change (27 March), 14:00 is 12:00 UTC after (30 March)
assert utc(s27, 'DTSTART') == '2026-03-27 08:30', utc(s27, 'DTSTART')
assert utc(s27, 'DTEND') == '2026-03-27 11:00', utc(s27, 'DTEND')
assert utc(s30, 'DTSTART') == '2026-03-30 12:00', utc(s30, 'DTSTART')
assert str(s27['STATUS']) == 'TENTATIVE' and str(s30['STATUS']) == 'TENTATIVE'
assert str(s27['LOCATION']) == 'Salle 2, 12 rue des Lilas; Paris', str(s27['LOCATION'])
assert str(s30['URL']) == 'https://visio.exemple.fr/salle-12'
assert str(s30['LOCATION']) == 'https://visio.exemple.fr/salle-12'
c = [e for e in a if str(e['STATUS']) == 'CANCELLED']
assert len(c) == 1 and c[0]['DTSTART'].dt == datetime.date(2026, 3, 31), c
held = [e for e in events if str(e.get('STATUS')) == 'CONFIRMED']
assert len(held) == 3, len(held)
assert len(set(str(e['UID']) for e in events)) == len(events)
assert all(str(e['UID']).endswith('@bilan') for e in events)
assert all('DTSTAMP' in e for e in events)
zones = sorted(str(z['TZID']) for z in cal.walk('VTIMEZONE'))
assert zones == ['Europe/Brussels', 'Europe/Paris'], zones
b = [e for e in events if str(e['UID']).startswith('bruno-')][0]
assert b['DTSTART'].params['TZID'] == 'Europe/Brussels'
assert utc(b, 'DTSTART') == '2026-03-03 09:00', utc(b, 'DTSTART')
print('ok')
PY
    expect_equal "$out" "ok" "python"
    # The note is content: never in the calendar.
    expect_file_contains "$p/agenda.ics" "BEGIN:VCALENDAR"
    if grep -q "note privée" "$p/agenda.ics"; then fail "the note is in the calendar"; else ok; fi
}

test_deadlines_are_all_day_events_as_due_gives_them() {
    if no_icalendar; then skip "python3-icalendar is not installed"; return; fi
    local p
    p=$(fixture practice build_practice)
    run agenda "$p/claire" -o "$p/claire.ics"
    expect_status 0
    run due "$p/claire" --json
    printf '%s' "$out" >"$p/due.json"
    py "$p/claire.ics" "$p/due.json" <<'PY'
import json
due = json.load(open(sys.argv[2]))['due']
deadlines = [e for e in events if str(e.get('TRANSP')) == 'TRANSPARENT']
assert len(deadlines) == len(due) >= 5, (len(deadlines), len(due))
got = sorted((e['DTSTART'].dt.isoformat(), str(e['SUMMARY'])) for e in deadlines)
want = sorted(d['date'] for d in due)
assert [g[0] for g in got] == want, (got, want)
assert all(isinstance(e['DTSTART'].dt, datetime.date) and not isinstance(e['DTSTART'].dt, datetime.datetime) for e in deadlines)
s = by_uid('claire-suivi@bilan')
assert str(s['SUMMARY']) == 'Bilan — C. M. — entretien de suivi', str(s['SUMMARY'])
assert s['DTSTART'].dt == datetime.date(2026, 7, 15)
print('ok')
PY
    expect_equal "$out" "ok" "python"
    # An action's text is the beneficiary's plan: only with the names.
    if grep -q "secret" "$p/claire.ics"; then fail "an action's text without --noms"; else ok; fi
    run agenda "$p/claire" --noms
    expect_out_contains "Déposer le dossier secret"
}

test_a_hostile_name_is_initials_or_escaped() {
    if no_icalendar; then skip "python3-icalendar is not installed"; return; fi
    local p
    p=$(fixture practice build_practice)
    run agenda "$p/anne" -o "$p/a.ics"
    if grep -q "Roux" "$p/a.ics"; then fail "a name without --noms"; else ok; fi
    expect_file_contains "$p/a.ics" "SUMMARY:Bilan — A.-S. R. D. A. B. X. — investigation"
    run agenda "$p/anne" --noms -o "$p/n.ics"
    expect_status 0
    py "$p/n.ics" <<'PY'
s = [str(e['SUMMARY']) for e in events if 'investigation' in str(e['SUMMARY'])]
want = 'Bilan — Anne-Sophie Roux, dite « A; B »\nX — investigation'
assert s and all(x == want for x in s), s
# a name cannot open a property of its own
assert all(k in ('UID','DTSTAMP','DTSTART','DTEND','SEQUENCE','SUMMARY','DESCRIPTION','LOCATION','URL','STATUS','TRANSP') for e in events for k in e.keys()), [list(e.keys()) for e in events]
print('ok')
PY
    expect_equal "$out" "ok" "python"
}

test_crlf_folded_lines_and_same_bytes() {
    local p a b line
    p=$(fixture practice build_practice)
    run agenda "$p" --noms -o "$p/1.ics"
    # Every line ends in CRLF, none is longer than 75 octets, and each is UTF-8 on its own.
    if LC_ALL=C grep -qv $'\r$' "$p/1.ics"; then fail "a line without CR"; else ok; fi
    if LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) bad = 1 } END { exit !bad }' \
        "$p/1.ics"; then fail "a line over 75 octets"; else ok; fi
    if LC_ALL=C grep -q '^ ' "$p/1.ics"; then ok; else fail "nothing folded"; fi
    while IFS= read -r line; do
        printf '%s' "$line" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 || fail "cut inside UTF-8: $line"
    done <"$p/1.ics"
    ok
    # Same folders, same bytes: another day, another path to them, another run.
    a=$(BILAN_TODAY=2027-01-01 "$BILAN" agenda "$p" --noms | sha256sum)
    b=$(cd "$p/.." && "$BILAN" agenda "./$(basename "$p")/" --noms | sha256sum)
    expect_equal "$a" "$(sha256sum <"$p/1.ics")" "another day"
    expect_equal "$b" "$a" "another path"
}

test_range_options_and_refusals() {
    local p
    p=$(fixture practice build_practice)
    run agenda "$p" --depuis 2026-03-27 --jusqu-au 2026-03-30
    expect_status 0
    expect_out_contains "DTSTART;TZID=Europe/Paris:20260327T093000"
    expect_out_contains "DTSTART;TZID=Europe/Paris:20260330T140000"
    expect_out_lacks "20260331"
    expect_out_lacks "20260303T"
    expect_out_lacks "Europe/Brussels"
    run agenda "$p" --depuis 2026-04-01 --jusqu-au 2026-03-01
    expect_status 2 "--jusqu-au before --depuis"
    expect_err_one_line
    run agenda "$p" --depuis demain-matin
    expect_status 2 "a bad date"
    run agenda "$p" -o "$p/anne/bilan.toml"
    expect_status 1 "-o over a bilan's file"
    # A folder that does not load: the others still in the calendar, exit 1.
    mkdir -p "$p/casse" && printf 'beneficiary = \n' >"$p/casse/bilan.toml"
    run agenda "$p" -o "$p/x.ics"
    expect_status 1 "a broken folder"
    expect_err_contains "casse"
    expect_file_contains "$p/x.ics" "UID:bruno-"
    [ "$(stat -c %a "$p/x.ics")" = 600 ] && ok || fail "agenda file not 0600"
}

# Issue 27: the calendar as a calendar program meets it. Debian's khal imports the file into a
# vdir, then lists the days around the change to summer time in Paris: the planned sessions at
# their local times on both sides of it, the cancelled one as cancelled, the reminders all day.
# Importing a regenerated file again updates the events (same UIDs), it never doubles them.
test_khal_imports_the_calendar_and_updates_it() {
    if ! command -v khal >/dev/null; then skip "khal is not installed"; return; fi
    local p k listing first before
    p=$(fixture practice build_practice)
    k=$TMP_ROOT/khal.$$
    mkdir -p "$k/cal"
    printf '%s\n' "[calendars]" "[[bilan]]" "path = $k/cal" "type = calendar" "[sqlite]" \
        "path = $k/khal.db" "[locale]" "timeformat = %H:%M" "dateformat = %Y-%m-%d" \
        "longdateformat = %Y-%m-%d" "datetimeformat = %Y-%m-%d %H:%M" \
        "longdatetimeformat = %Y-%m-%d %H:%M" "local_timezone = Europe/Paris" \
        "default_timezone = Europe/Paris" "[default]" "default_calendar = bilan" >"$k/config"
    k_run() { XDG_CONFIG_HOME=$k XDG_DATA_HOME=$k TZ=UTC khal -c "$k/config" "$@" 2>&1; }
    "$BILAN" agenda "$p/anne" -o "$p/anne.ics"
    out=$(k_run import --batch -a bilan "$p/anne.ics")
    expect_equal "$?" 0 "khal import: $out"
    out=$(k_run list --format "{start} {end} {title} {status}" 2026-03-26 2026-04-01)
    # (Anne's name is hostile: her initials are "A.-S. R. D. A. B. X.")
    expect_out_contains "2026-03-27 09:30 2026-03-27 12:00 Bilan — A.-S. R. D. A. B. X. — investigation TENTATIVE"
    expect_out_contains "2026-03-30 14:00 2026-03-30 16:00 Bilan — A.-S. R. D. A. B. X. — investigation TENTATIVE"
    expect_out_contains "— investigation CANCELLED"
    expect_out_contains "2026-03-26 2026-03-26 Bilan — A.-S. R. D. A. B. X. — rappel de la séance du lendemain"
    # The reminder of the 27th drafted: imported again, the events change in place; nothing is
    # doubled.
    first=$(sed -n 's/^UID:anne-\([0-9a-f]\{8\}\)@bilan\r$/\1/p' "$p/anne.ics" | head -1)
    "$BILAN" -C "$p/anne" set email anne@exemple.fr
    BILAN_TODAY=2026-03-26 "$BILAN" -C "$p/anne" message rappel "$first" -o "$p/r.eml"
    "$BILAN" agenda "$p/anne" -o "$p/anne.ics"
    before=$(find "$k/cal" -type f | wc -l)
    out=$(k_run import --batch -a bilan "$p/anne.ics")
    expect_equal "$(find "$k/cal" -type f | wc -l)" "$before" "imported again: nothing doubled"
    listing=$(k_run list --format "{start} {end} {title} {status}" 2026-03-26 2026-04-01)
    expect_equal "$(printf '%s\n' "$listing" | grep -c 'investigation')" 3 "three sessions, once each"
    # An import adds and updates, it never removes: the reminder met stays in khal until the
    # file is subscribed to rather than imported (README).
}

run_tests
