#!/usr/bin/env bash
# bilan message convocation|rappel ID, message evaluation-froid: RFC 5322 drafts, parsed here by
# Python's email package (and the convocation's invitation by python3-icalendar).
. "$(dirname "$0")/lib.sh" "$@"

PYTHON=""
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import icalendar, email' 2>/dev/null; then PYTHON=$candidate; break; fi
done
no_python() { [ -z "$PYTHON" ]; }

HOSTILE=$'Élodie Roux-Bcc: evil@x.fr\nBcc: evil@x.fr, "x" <y@z.fr>'

# A practice with its e-mail; a bilan with a hostile name and an e-mail, a session in a room on
# 2026-03-27 (winter time), one remote on 2026-03-30 (summer time), one cancelled. Prints the
# bilan's folder; the session ids are in its file ids.
build_bilan() {
    local p=$TMP_ROOT/build.$$ b
    "$BILAN" practice init "$p" --name "Cabinet Horizons" >/dev/null
    "$BILAN" -C "$p" practice set email contact@cabinet-horizons.fr
    "$BILAN" -C "$p" practice set telephone "01 23 45 67 89"
    "$BILAN" init "$p/elodie" --beneficiary "$HOSTILE" --start 2026-03-02 \
        --counsellor "Hélène Rocher" >/dev/null
    b=$p/elodie
    "$BILAN" -C "$b" set email elodie.roux@exemple.fr
    {
        "$BILAN" -C "$b" session add --date 2026-03-27 --phase investigation --from 09:30 \
            --to 12:00 --lieu "Salle 2, 12 rue des Lilas" 2>/dev/null
        "$BILAN" -C "$b" session add --date 2026-03-30 --phase investigation --from 14:00 \
            --to 16:00 --lien https://visio.exemple.fr/salle-12 2>/dev/null
        "$BILAN" -C "$b" session add --date 2026-03-31 --phase investigation --duration 1h \
            2>/dev/null
    } >"$p/ids"
    "$BILAN" -C "$b" session annule "$(sed -n 3p "$p/ids")" --motif absence
    printf '%s\n' "$p"
}

# py FILE [ARG…] with a script on stdin: the message parsed as `msg`; output in $out.
py() {
    out=$("$PYTHON" - "$@" 2>&1 <<PY
import sys, email, email.policy, email.utils, datetime, icalendar
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
def utc(e, key):
    return e[key].dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M')
$(cat)
PY
)
    status=$?
}

test_convocation_is_a_draft_with_the_session_as_an_invitation() {
    if no_python; then skip "python3-icalendar is not installed"; return; fi
    local p b id
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    id=$(sed -n 1p "$p/ids")
    run -C "$b" message convocation "$id" -o "$p/c.eml"
    expect_status 0 "message convocation"
    py "$p/c.eml" "$id" <<'PY'
assert sorted(msg.keys()) == sorted(['Date', 'From', 'To', 'Subject', 'Message-ID',
    'MIME-Version', 'X-Unsent', 'Content-Type']), msg.keys()
assert msg['X-Unsent'] == '1'
to = msg['To'].addresses
assert len(to) == 1 and to[0].addr_spec == 'elodie.roux@exemple.fr', to
# The name as written (its line break a space), decoded from the raw header: one address.
import email.header
raw_to = email.message_from_bytes(raw, policy=email.policy.compat32)['To']
shown = str(email.header.make_header(email.header.decode_header(raw_to)))
assert shown == 'Élodie Roux-Bcc: evil@x.fr Bcc: evil@x.fr, "x" <y@z.fr> <elodie.roux@exemple.fr>', shown
assert msg['From'].addresses[0].addr_spec == 'contact@cabinet-horizons.fr'
assert msg['From'].addresses[0].display_name == 'Cabinet Horizons'
assert str(msg['Subject']) == 'Convocation : séance de bilan de compétences du vendredi 27 mars 2026', str(msg['Subject'])
d = email.utils.parsedate_to_datetime(msg['Date'])
assert d.isoformat() == '2026-03-20T09:00:00+01:00', d.isoformat()
assert msg['Message-ID'] == '<elodie-convocation-' + sys.argv[2] + '@bilan>', msg['Message-ID']
body = msg.get_body(('plain',)).get_content()
assert 'Date : vendredi 27 mars 2026' in body, body
assert 'Lieu : Salle 2, 12 rue des Lilas' in body, body
assert 'Visioconférence' not in body, body
assert 'Hélène Rocher' in body and '+33 1 23 45 67 89' in body, body
parts = [p for p in msg.iter_attachments()]
assert len(parts) == 1, parts
a = parts[0]
assert a.get_content_type() == 'text/calendar' and a.get_param('method') == 'REQUEST'
assert a.get_filename() == 'seance.ics'
cal = icalendar.Calendar.from_ical(a.get_content())
assert str(cal['METHOD']) == 'REQUEST'
[e] = cal.walk('VEVENT')
assert utc(e, 'DTSTART') == '2026-03-27 08:30', utc(e, 'DTSTART')
assert str(e['ATTENDEE']) == 'mailto:elodie.roux@exemple.fr'
assert str(e['ORGANIZER']) == 'mailto:contact@cabinet-horizons.fr'
assert str(e['LOCATION']) == 'Salle 2, 12 rue des Lilas'
assert str(e['UID']) == 'elodie-' + sys.argv[2] + '@bilan'
print('ok')
PY
    expect_equal "$out" "ok" "python"
    # Same folder, same bytes.
    run -C "$b" message convocation "$id"
    expect_equal "$out" "$(cat "$p/c.eml")" "a second run"
}

test_reminder_of_a_remote_session_the_day_before_in_summer_time() {
    if no_python; then skip "python3-icalendar is not installed"; return; fi
    local p b id
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    id=$(sed -n 2p "$p/ids")
    run -C "$b" message rappel "$id" -o "$p/r.eml"
    expect_status 0
    py "$p/r.eml" <<'PY'
assert not msg.is_multipart()
assert msg.get_content_type() == 'text/plain'
assert msg['Content-Transfer-Encoding'] in ('quoted-printable', 'base64')
d = email.utils.parsedate_to_datetime(msg['Date'])
assert d.isoformat() == '2026-03-29T09:00:00+02:00', d.isoformat()
assert str(msg['Subject']).startswith('Rappel : séance de bilan de compétences demain, lundi 30 mars 2026')
body = msg.get_content()
assert 'Visioconférence : https://visio.exemple.fr/salle-12' in body, body
assert 'Lieu :' not in body, body
print('ok')
PY
    expect_equal "$out" "ok" "python"
}

test_refusals_say_the_remedy_and_write_nothing() {
    local p b snapshot
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    snapshot=$(fingerprint "$p")
    run -C "$b" message convocation "$(sed -n 3p "$p/ids")" -o "$p/x.eml"
    expect_status 1 "a cancelled session"
    expect_err_contains "annulée"
    expect_err_one_line
    run -C "$b" message evaluation-froid -o "$p/x.eml"
    expect_status 1 "no end"
    expect_err_contains "bilan set end DATE"
    run -C "$b" message convocation ffffffff
    expect_status 1 "no such session"
    run -C "$b" message convocation
    expect_status 2 "no ID"
    expect_unchanged "$p" "$snapshot"
    "$BILAN" -C "$b" set email ""
    snapshot=$(fingerprint "$p")
    run -C "$b" message rappel "$(sed -n 1p "$p/ids")" -o "$p/x.eml"
    expect_status 1 "no e-mail"
    expect_err_contains "bilan set email ADRESSE"
    expect_err_one_line
    expect_unchanged "$p" "$snapshot"
}

test_evaluation_froid_after_the_end_and_no_from_without_a_practice_email() {
    if no_python; then skip "python3-icalendar is not installed"; return; fi
    local p b
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    "$BILAN" -C "$b" set end 2026-04-15
    "$BILAN" -C "$p" practice set email ""
    run -C "$b" message evaluation-froid -o "$p/e.eml"
    expect_status 0
    py "$p/e.eml" <<'PY'
assert 'From' not in msg, msg['From']
assert msg['X-Unsent'] == '1'
d = email.utils.parsedate_to_datetime(msg['Date'])
assert d.date().isoformat() == '2026-10-15', d.isoformat()
assert str(msg['Subject']) == 'Votre bilan de compétences, quelques mois après : votre avis', str(msg['Subject'])
body = msg.get_content()
assert '15 avril 2026' in body, body
assert msg['Message-ID'] == '<elodie-evaluation-froid@bilan>', msg['Message-ID']
print('ok')
PY
    expect_equal "$out" "ok" "python"
}

test_no_raw_header_line_comes_from_a_name() {
    local p b
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    run -C "$b" message rappel "$(sed -n 1p "$p/ids")"
    # Only the headers bilan writes begin a line before the body, and every line is ASCII.
    local headers
    headers=$(printf '%s' "$out" | sed -n '1,/^\r\{0,1\}$/p' | grep -v '^ ' | cut -d: -f1 | tr -d '\r' | sort | tr '\n' ' ')
    expect_equal "$headers" " Content-Transfer-Encoding Content-Type Date From MIME-Version Message-ID Subject To X-Unsent " "headers"
    if printf '%s' "$out" | LC_ALL=C grep -q '[^[:print:][:space:]]'; then fail "a byte beyond ASCII"; else ok; fi
    if printf '%s' "$out" | LC_ALL=C grep -qv $'\r$'; then fail "a line without CRLF"; else ok; fi
}

test_a_practice_writes_its_own_texts() {
    if no_python; then skip "python3-icalendar is not installed"; return; fi
    local p b id
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    id=$(sed -n 1p "$p/ids")
    cat >>"$p/practice.toml" <<'TOML'

[messages]
rappel-objet = "À demain, {date}"
rappel = """
Chère {beneficiaire},
À demain {debut}, {lieu}.
Lien : {lien}
{cabinet}"""
TOML
    run -C "$b" message rappel "$id" -o "$p/r.eml"
    expect_status 0 "message rappel with the practice's text"
    py "$p/r.eml" <<'PY'
assert str(msg['Subject']) == 'À demain, vendredi 27 mars 2026', str(msg['Subject'])
body = msg.get_content()
assert body.startswith('Chère Élodie Roux-Bcc'), body
assert 'Salle 2, 12 rue des Lilas.' in body and 'Lien :' not in body, body
assert body.rstrip().endswith('Cabinet Horizons'), body
print('ok')
PY
    expect_equal "$out" "ok" "python"
    # The convocation keeps the built-in text.
    run -C "$b" message convocation "$id"
    expect_out_contains "Je vous confirme notre prochaine s=C3=A9ance"
    # A placeholder bilan does not know is said where it is written.
    printf 'convocation = "Bonjour {prenom}"\n' >>"$p/practice.toml"
    run -C "$b" message convocation "$id"
    expect_status 1 "an unknown placeholder"
    expect_err_contains "practice.toml:"
    expect_err_contains "{prenom}"
}

# Issue 27, item 5: `message` records the day it drafted a session's convocation or reminder,
# and `due` asks for the reminder of a planned session on its eve unless one was drafted (or the
# convocation on the eve or later). A draft that could not be written is not recorded.
test_due_asks_for_the_reminder_until_it_is_drafted() {
    local p b id due_rappel
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    id=$(sed -n 1p "$p/ids")
    due_rappel() { BILAN_TODAY=$1 "$BILAN" -C "$b" due --json | grep -c '"what": "rappel"'; }
    # Two planned sessions (the 27th, the 30th), the cancelled one asks for nothing.
    expect_equal "$(due_rappel 2026-03-20)" 2 "a reminder per planned session"
    run -C "$b" due
    expect_out_contains "2026-03-26             "
    expect_out_contains ": rappel de la séance du lendemain"
    run -C "$b" due --json
    expect_out_contains "\"detail\": \"séance du 2026-03-27 à 09:30, aucune convocation rédigée : bilan message rappel $id\""
    # A convocation drafted well before the eve: the reminder is still due, and says so.
    BILAN_TODAY=2026-03-20 run -C "$b" message convocation "$id" -o "$p/c.eml"
    expect_status 0 "convocation"
    grep -qx 'convocation = 2026-03-20' "$b/sessions/$id.toml" && ok || fail "convocation not recorded"
    grep -qx 'format = 5' "$b/bilan.toml" && ok || fail "the folder is not raised to format 5"
    run -C "$b" due --json
    expect_out_contains "convocation rédigée le 2026-03-20"
    # A reminder that cannot be written is not recorded.
    BILAN_TODAY=2026-03-26 run -C "$b" message rappel "$id" -o "$p/nowhere/r.eml"
    expect_status 3 "an output folder that does not exist"
    expect_equal "$(due_rappel 2026-03-26)" 2 "still two reminders"
    BILAN_TODAY=2026-03-26 run -C "$b" message rappel "$id" -o "$p/r.eml"
    expect_status 0 "rappel"
    expect_equal "$(due_rappel 2026-03-26)" 1 "the other session's reminder only"
    run -C "$b" session list --json
    expect_out_contains '"rappel": "2026-03-26"'
    expect_out_contains '"convocation": "2026-03-20"'
    # A convocation drafted on the eve is the reminder.
    BILAN_TODAY=2026-03-29 run -C "$b" message convocation "$(sed -n 2p "$p/ids")" -o "$p/c2.eml"
    expect_equal "$(due_rappel 2026-03-29)" 0 "no reminder left"
    # A planned session held before its eve asks for none.
    id=$("$BILAN" -C "$b" session add --date 2026-04-02 --phase conclusion --duration 1h 2>/dev/null)
    expect_equal "$(due_rappel 2026-03-29)" 1 "the new planned one"
    held -C "$b" session tenue "$id" >/dev/null 2>&1
    expect_equal "$(due_rappel 2026-03-29)" 0 "held: no reminder"
}

# Issue 27 item 4, issue 28 item 4: the acknowledgement of a remote session held, its statement
# quoted with a code from its SHA-256; a session planned or in the room is refused.
test_emargement_asks_to_confirm_a_remote_session_held() {
    if no_python; then skip "python3-icalendar is not installed"; return; fi
    local p b room remote code again
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    room=$(sed -n 1p "$p/ids") remote=$(sed -n 2p "$p/ids")
    run -C "$b" message emargement "$remote" -o "$p/e.eml"
    expect_status 1 "a planned session"
    expect_err_contains "n'est pas tenue"
    expect_err_contains "bilan session tenue $remote"
    [ -e "$p/e.eml" ] && fail "a refused draft was written" || ok
    held -C "$b" session tenue "$room" >/dev/null 2>&1
    run -C "$b" message emargement "$room"
    expect_status 1 "a session in the room"
    expect_err_contains "bilan emargement"
    held -C "$b" session tenue "$remote" >/dev/null 2>&1
    run -C "$b" message emargement "$remote" -o "$p/e.eml"
    expect_status 0 "message emargement"
    py "$p/e.eml" <<'PY'
import hashlib, re
assert msg['X-Unsent'] == '1'
assert msg['Subject'].startswith('Émargement : votre séance de bilan de compétences du lundi 30 mars 2026'), msg['Subject']
assert msg['Date'] == 'Tue, 31 Mar 2026 09:00:00 +0200', msg['Date']
body = msg.get_body(('plain',)).get_content().replace('\r\n', '\n')
statement = body[body.index('  Prestataire'):body.index('Code de confirmation')].rstrip('\n') + '\n'
assert '  Séance : lundi 30 mars 2026, de 14\xa0h\xa000 à 16\xa0h\xa000 (2\xa0h)\n  Phase d\'investigation\n' in statement, statement
assert '  Modalité : à distance' in statement, statement
code = hashlib.sha256(statement.encode()).hexdigest()[:8].upper()
print(code[:4] + '-' + code[4:], re.search(r'Code de confirmation : (\S+)', body).group(1))
PY
    expect_status 0 "python"
    set -- $out
    expect_equal "$2" "$1" "the code is the statement's SHA-256"
    code=$2
    # The same session, the same code; its times changed, another.
    again=$("$BILAN" -C "$b" message emargement "$remote" | grep -o 'confirmation : [0-9A-F-]*')
    expect_equal "$again" "confirmation : $code" "same session, same code"
    held -C "$b" session horaires "$remote" --from 14:00 --to 16:30 >/dev/null 2>&1
    again=$("$BILAN" -C "$b" message emargement "$remote" | grep -o 'confirmation : [0-9A-F-]*')
    [ "$again" != "confirmation : $code" ] && ok || fail "the code did not change with the times"
}

# Issue 28 item 4: her reply quoting the code becomes the session's evidence; the message is
# kept in preuves/ (0600, 0700), its headers and hash in the session; a reply without the code,
# twice the same, or no message at all is refused and writes nothing; purge keeps the proof.
test_a_reply_quoting_the_code_is_the_evidence_of_a_remote_session() {
    if no_python; then skip "python3-icalendar is not installed"; return; fi
    local p b remote code snapshot
    p=$(fixture bilan build_bilan)
    b=$p/elodie
    remote=$(sed -n 2p "$p/ids")
    held -C "$b" session tenue "$remote" >/dev/null 2>&1
    code=$("$BILAN" -C "$b" message emargement "$remote" | sed -n 's/.*confirmation : \([0-9A-F-]*\).*/\1/p')
    "$PYTHON" - "$code" "$p" <<'PY'
import sys, base64, quopri
code, p = sys.argv[1], sys.argv[2]
head = ('From: =?utf-8?q?=C3=89lodie?= <elodie.roux@exemple.fr>\r\nTo: contact@cabinet-horizons.fr\r\n'
        'Subject: Re: =?utf-8?q?=C3=89margement?=\r\nDate: Tue, 31 Mar 2026 10:12:00 +0200\r\n'
        'Message-ID: <r1@exemple.fr>\r\nDKIM-Signature: v=1; a=rsa-sha256; d=exemple.fr;\r\n s=mail; bh=x; b=y\r\n'
        'Received: from mx.exemple.fr\r\n by mx.cabinet-horizons.fr; Tue, 31 Mar 2026 10:12:01 +0200\r\n'
        'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n')
text = 'Je confirme ma présence.\n\n> Code de confirmation : ' + code + '\n'
b64 = base64.encodebytes(text.encode()).decode().replace('\n', '\r\n')
open(p + '/base64.eml', 'w').write(head + 'Content-Transfer-Encoding: base64\r\n\r\n' + b64)
qp = quopri.encodestring(text.encode()).decode().replace(code, code[:4] + '=\r\n' + code[4:])
assert code not in qp
open(p + '/qp.eml', 'w').write(head.replace('r1@', 'r2@') + 'Content-Transfer-Encoding: quoted-printable\r\n\r\n' + qp)
open(p + '/other.eml', 'w').write(head.replace('r1@', 'r3@') + '\r\nJe confirme. Code : 0000-0000\r\n')
open(p + '/none.eml', 'w').write('Bonjour, je confirme ' + code + '\r\n')
open(p + '/elsewhere.eml', 'w').write(head.replace('elodie.roux@exemple.fr', 'e.r@ailleurs.fr').replace('r1@', 'r4@') + '\r\nJe confirme. ' + code + '\r\n')
PY
    "$BILAN" -C "$b" message emargement "$remote" -o "$p/draft.eml"
    snapshot=$(fingerprint "$b")
    run -C "$b" session attest "$remote" --evidence email --eml "$p/other.eml"
    expect_status 1 "a reply without the code"
    expect_err_contains "ne cite pas le code $code"
    expect_err_one_line
    run -C "$b" session attest "$remote" --evidence email --eml "$p/none.eml"
    expect_status 1 "no header block"
    run -C "$b" session attest "$remote" --evidence email --eml "$p/draft.eml"
    expect_status 1 "bilan's own draft quotes the code but is no reply"
    expect_err_contains "brouillon de bilan"
    run -C "$b" session attest "$remote" --evidence email
    expect_status 2 "email without --eml"
    run -C "$b" session attest "$remote" --evidence autre --eml "$p/base64.eml"
    expect_status 2 "--eml without email"
    mkfifo "$p/fifo.eml"
    run -C "$b" session attest "$remote" --evidence email --eml "$p/fifo.eml"
    expect_status 1 "a FIFO is no message (and does not block)"
    expect_unchanged "$b" "$snapshot"
    (umask 022 && "$BILAN" -C "$b" session attest "$remote" --evidence email --eml "$p/base64.eml")
    expect_equal "$?" 0 "a base64 reply quoting the code"
    run -C "$b" session attest "$remote" --evidence email --eml "$p/qp.eml"
    expect_status 0 "a quoted-printable reply, the code across a soft line break"
    run -C "$b" session attest "$remote" --evidence email --eml "$p/base64.eml"
    expect_status 1 "the same reply twice"
    expect_err_contains "déjà une preuve"
    run -C "$b" session attest "$remote" --evidence email --eml "$p/elsewhere.eml"
    expect_status 0 "a reply from another address is kept"
    expect_err_contains "pas de son adresse elodie.roux@exemple.fr : gardée, à vérifier"
    [ "$(stat -c %a "$b/preuves")" = 700 ] && ok || fail "preuves/ not 0700"
    [ "$(stat -c %a "$b"/preuves/*.eml | sort -u)" = 600 ] && ok || fail "a kept reply not 0600"
    expect_equal "$(ls "$b/preuves" | wc -l)" 3 "three replies kept"
    cmp -s "$p/base64.eml" "$b/preuves/$remote-$(sha256sum "$p/base64.eml" | cut -c1-16).eml" &&
        ok || fail "the reply is not kept byte for byte under its hash"
    run -C "$b" session list --json
    expect_out_contains '"dkim": "d=exemple.fr; s=mail"'
    expect_out_contains '"message_id": "<r1@exemple.fr>"'
    expect_out_contains "\"sha256\": \"$(sha256sum "$p/base64.eml" | cut -d' ' -f1)\""
    grep -q '^received = "from mx.exemple.fr by mx.cabinet-horizons.fr; Tue' "$b/sessions/$remote.toml" &&
        ok || fail "Received not kept unfolded"
    run -C "$b" check
    expect_out_lacks "séance du 2026-03-30 ($remote) sans preuve"
    # purge keeps the administrative proof, never refuses it as unknown.
    "$BILAN" -C "$b" set end 2026-03-31 >/dev/null 2>&1
    BILAN_TODAY=2026-04-02 run -C "$b" purge --dry-run
    expect_status 0 "purge --dry-run with preuves/"
    expect_out_lacks "preuves/"
    expect_err_lacks "preuves"
}

run_tests
