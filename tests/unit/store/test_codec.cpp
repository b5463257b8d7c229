// The file format both ways (src/store/kinds/, gathered by src/store/codec.cpp): every record kind,
// written as the store writes it (fields_of, then emit_fields) and read back by its reader, is the
// record it was: optional fields absent and present, lists, and text that TOML must escape.
#include "../../fuzz/folder_files.hpp"
#include "cli/problems.hpp"
#include "store/codec.hpp"
#include "store/toml_text.hpp"
#include "support/french_framework.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <optional>
#include <tuple>

using namespace bilan;
using namespace bilan::store;

namespace {

// Texts a person may type: accents and other scripts, quotes, backslashes, TOML's own
// delimiters, several lines, a tab, a trailing backslash, a lone surrogate-free emoji.
const std::vector<std::string> hard_texts{
    "Émilie Lefèvre — « cheffe de projet »",
    "日本語のテキスト, ελληνικά, עברית 🎓",
    R"(Elle a dit "oui", puis 'non')",
    R"(C:\Users\emilie\bilan\ et \n qui n'est pas un saut de ligne)",
    "trois guillemets \"\"\" et trois apostrophes ''' au milieu",
    "première ligne\n\tdeuxième, indentée\n\ntroisième après un blanc\n",
    "finit par une barre oblique inverse \\",
    "# pas un commentaire = ni une clé [section]",
};

// The file a record becomes: its keys, then any [[table]] entries as append_table adds them.
std::string emitted(const Fields& fields) {
    return emit_fields(fields);
}
std::string emitted(const Consent& c) {
    std::string text = emit_fields(fields_of(c));
    for (const Fields& table : history_tables(c))
        text += "\n[[history]]\n" + emit_fields(table);
    return text;
}

// Parses `text` and reads it with `read`; the reader must find nothing to say.
template <typename Read> auto read_back(const std::string& text, Read read) {
    const toml::table table = parse_toml(text, "r.toml");
    Diagnostics diagnostics(true);
    RecordReader reader(table, {"r.toml", 0, 0}, diagnostics);
    auto record = read(reader, diagnostics);
    CHECK(reader.finish());
    CHECK(diagnostics.problems().empty());
    for (const Problem& p : diagnostics.problems())
        MESSAGE(cli::problem_text(p));
    return record;
}

// Every member but the id (the file's name) and the origin (where it was read).
auto members(const BilanRecord& b) {
    return std::tie(b.beneficiary, b.framework, b.start, b.end, b.funding, b.counsellor,
                    b.organisation, b.demand, b.expectations, b.situation, b.circumstances,
                    b.handover, b.handover_mode, b.abandoned, b.abandon_reason, b.retention_agreed,
                    b.retention_scope, b.retention_until, b.public_line, b.email, b.telephone);
}
auto members(const Session& s) {
    return std::tie(s.date, s.phase, s.minutes, s.kind, s.mode, s.from, s.to, s.note, s.evidence,
                    s.state, s.motif, s.place, s.link);
}
auto members(const Skill& k) {
    return std::tie(k.text, k.type, k.domain, k.source, k.experience, k.evidence, k.transferable);
}
auto members(const Experience& e) {
    return std::tie(e.title, e.kind, e.org, e.from, e.to, e.note, e.from_month, e.to_month);
}
auto members(const Trait& t) {
    return std::tie(t.text, t.kind, t.note);
}
auto members(const TestResult& t) {
    return std::tie(t.instrument, t.date, t.result, t.note);
}
auto members(const Survey& s) {
    return std::tie(s.date, s.with, s.note);
}
auto members(const Piste& p) { // its surveys are compared one by one
    return std::tie(p.title, p.desire, p.feasibility, p.favourable, p.unfavourable, p.decision,
                    p.why);
}
auto members(const Project& p) {
    return std::tie(p.title, p.training, p.strengths, p.watch);
}
auto members(const EdofFile& e) {
    return std::tie(e.dossier, e.requested, e.answered, e.validated, e.entry_declared,
                    e.exit_declared, e.service_fait, e.minutes_not_done, e.reason, e.invoiced,
                    e.paid);
}
auto members(const Action& a) {
    return std::tie(a.text, a.horizon, a.due, a.done);
}
auto members(const Evaluation& e) {
    return std::tie(e.kind, e.date, e.satisfaction, e.answers, e.comment, e.by);
}
auto members(const Consent& c) {
    return std::tie(c.recipient, c.date, c.sections, c.revoked, c.revoked_on, c.history);
}

template <typename Record> bool same(const Record& a, const Record& b) {
    return members(a) == members(b);
}

template <typename Record> std::string emitted_record(const Record& record) {
    return emitted(fields_of(record));
}
std::string emitted_record(const Consent& c) {
    return emitted(c);
}
std::string emitted_record(const Session& s) { // its evidence as update_record_tables adds it
    std::string text = emit_fields(fields_of(s));
    for (const Fields& table : evidence_tables(s))
        text += "\n[[evidence]]\n" + emit_fields(table);
    return text;
}

// Writes `record`, reads it back with `read`, and checks it is the same record.
template <typename Record, typename Read> void round_trip(const Record& record, Read read) {
    const std::string text = emitted_record(record);
    CAPTURE(text);
    const Record back = read_back(text, read);
    CHECK(same(back, record));
    CHECK(emitted_record(back) == text); // and writing it again gives the same bytes
}

// The problems reading `text` as a consent reports, as "LINE:COLUMN: message".
std::vector<std::string> consent_problems(const std::string& text) {
    const toml::table table = parse_toml(text, "c.toml");
    Diagnostics diagnostics(true);
    RecordReader reader(table, {"c.toml", 0, 0}, diagnostics);
    read_record<Consent>(reader, nullptr);
    reader.finish();
    std::vector<std::string> out;
    for (const Problem& p : diagnostics.problems())
        out.push_back(std::to_string(p.where->line) + ":" + std::to_string(p.where->column) + ": " +
                      cli::problem_text(p));
    return out;
}

const auto bilan_reader = [](RecordReader& r, Diagnostics&) { return read_record<BilanRecord>(r); };
const auto session_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<Session>(r, &fr());
};
const auto skill_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<Skill>(r, nullptr);
};
const auto experience_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<Experience>(r, nullptr);
};
const auto trait_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<Trait>(r, nullptr);
};
const auto test_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<TestResult>(r, nullptr);
};
const auto project_reader = [](RecordReader& r, Diagnostics&) { return read_record<Project>(r); };
const auto edof_reader = [](RecordReader& r, Diagnostics&) { return read_record<EdofFile>(r); };
const auto action_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<Action>(r, nullptr);
};
const auto evaluation_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<Evaluation>(r, nullptr);
};
const auto consent_reader = [](RecordReader& r, Diagnostics&) {
    return read_record<Consent>(r, nullptr);
};

} // namespace

TEST_SUITE("store.codec") {
    TEST_CASE("bilan.toml: only the beneficiary, then every field") {
        BilanRecord b;
        b.beneficiary = "Claire Martin";
        round_trip(b, bilan_reader);
        for (const std::string& text : hard_texts) {
            b.beneficiary = text;
            b.framework = "be";
            b.start = Date{2026, 3, 2};
            b.end = Date{2026, 6, 30};
            b.funding = "cpf";
            b.counsellor = text;
            b.organisation = text;
            b.demand = text;
            b.expectations = text;
            b.situation = text;
            b.circumstances = text;
            b.handover = Date{2026, 7, 1};
            b.handover_mode = "courrier";
            b.abandoned = Date{2026, 6, 30};
            b.abandon_reason = text;
            round_trip(b, bilan_reader);
        }
    }

    TEST_CASE("bilan.toml: the keys on the end of a bilan need format 3, the others 1") {
        BilanRecord b;
        b.beneficiary = "Claire Martin";
        b.end = Date{2026, 5, 4};
        CHECK(format_needed(b) == 1);
        b.handover_mode = "email";
        CHECK(format_needed(b) == 3);
        b.handover_mode.clear();
        b.abandoned = Date{2026, 5, 4};
        CHECK(format_needed(b) == 3);
        b.public_line = "salarie"; // issue 25: the BPF's line F-1
        CHECK(format_needed(b) == 5);
    }

    TEST_CASE("an evaluation, bare and with answers and a comment") {
        Evaluation e;
        e.kind = "chaud";
        e.date = Date{2026, 5, 4};
        e.satisfaction = 4;
        round_trip(e, evaluation_reader);
        for (const std::string& text : hard_texts) {
            e.kind = "froid";
            e.satisfaction = 1;
            e.answers = {{"situation", "nouvel-emploi"}, {"actions", "3"}, {"remarque", text}};
            e.comment = text;
            round_trip(e, evaluation_reader);
        }
    }

    TEST_CASE("an evaluation's answers are KEY=VALUE, each key once") {
        const auto problems = [](const std::string& text) {
            const toml::table table = parse_toml(text, "e.toml");
            Diagnostics diagnostics(true);
            RecordReader reader(table, {"e.toml", 0, 0}, diagnostics);
            read_record<Evaluation>(reader, nullptr);
            reader.finish();
            std::vector<std::string> out;
            for (const Problem& p : diagnostics.problems())
                out.push_back(std::to_string(p.where->line) + ":" +
                              std::to_string(p.where->column) + ": " + cli::problem_text(p));
            return out;
        };
        const std::string head = "kind = \"chaud\"\ndate = 2026-05-04\nsatisfaction = 5\n";
        CHECK(problems(head).empty());
        CHECK(problems(head + "answers = [\"attentes\"]\n").front().starts_with("4:12: --answer"));
        CHECK(problems(head + "answers = [\"a=1\", \"a=2\"]\n").front() ==
              "4:19: réponse « a » donnée deux fois");
        CHECK(problems("kind = \"tiede\"\ndate = 2026-05-04\nsatisfaction = 0\n").size() == 2);
    }

    TEST_CASE("a session in minutes, and one with its times") {
        Session s;
        s.date = Date{2026, 3, 2};
        s.phase = "preliminaire";
        s.minutes = 90;
        round_trip(s, session_reader);
        s.kind = "enquete";
        s.mode = "distance";
        s.from = TimeOfDay{9, 30};
        s.to = TimeOfDay{11, 5};
        s.minutes = 95;
        for (const std::string& text : hard_texts) {
            s.note = text;
            round_trip(s, session_reader);
        }
    }

    TEST_CASE("a session's state: none written when held, format 4 when planned or cancelled") {
        Session s;
        s.date = Date{2026, 3, 2};
        s.phase = "investigation";
        s.minutes = 120;
        CHECK(emitted_record(s).find("state") == std::string::npos); // as older binaries wrote it
        s.state = "prevue";
        round_trip(s, session_reader);
        CHECK(format_needed(s) == 4);
        s.state = "annulee";
        s.motif = "report";
        round_trip(s, session_reader);
        CHECK(format_needed(s) == 4);
        CHECK(emitted_record(s).find("state = \"annulee\"\nmotif = \"report\"") !=
              std::string::npos);
    }

    TEST_CASE("a session's evidence of attendance, and the format it needs") {
        Session s;
        s.date = Date{2026, 3, 2};
        s.phase = "investigation";
        s.minutes = 120;
        CHECK(format_needed(s) == 1);
        s.kind = "atelier";
        round_trip(s, session_reader);
        CHECK(format_needed(s) == 2);
        s.kind = "entretien";
        s.mode = "distance";
        s.evidence = {{"signature-electronique", ""}};
        CHECK(format_needed(s) == 2);
        for (const std::string& text : hard_texts) {
            s.evidence.push_back({"autre", text});
            round_trip(s, session_reader);
        }
        // A kind written by hand is read as its term: an alias, accents, capitals.
        const Session back = read_back("date = 2026-03-02\nphase = \"investigation\"\n"
                                       "minutes = 60\n\n[[evidence]]\nkind = \"Feuille "
                                       "d'émargement\"\n\n[[evidence]]\nkind = \"visio\"\n",
                                       session_reader);
        REQUIRE(back.evidence.size() == 2);
        CHECK(back.evidence[0] == Evidence{"emargement", ""});
        CHECK(back.evidence[1] == Evidence{"journal-visio", ""});
    }

    TEST_CASE("skills, experiences, traits and tests, bare and full") {
        Skill k;
        k.text = "Animer une réunion";
        k.type = "savoir-faire";
        round_trip(k, skill_reader);
        Experience e;
        e.title = "Assistante de direction";
        e.kind = "poste";
        round_trip(e, experience_reader);
        Trait t;
        t.text = "Autonomie";
        t.kind = "valeur";
        round_trip(t, trait_reader);
        TestResult r;
        r.instrument = "RIASEC";
        r.date = Date{2026, 3, 9};
        r.result = "S-A-E";
        round_trip(r, test_reader);
        for (const std::string& text : hard_texts) {
            k = {"", text, "savoir-etre", text, text, "a1b2c3d4", text, true, {}, {}};
            round_trip(k, skill_reader);
            e = {"", text, "benevolat", text, Date{2019, 1, 1}, Date{2021, 12, 31}, text, {}};
            round_trip(e, experience_reader);
            t = {"", text, "concession", text, {}};
            round_trip(t, trait_reader);
            r = {"", text, Date{2026, 2, 28}, text, text, {}};
            round_trip(r, test_reader);
        }
    }

    TEST_CASE("a piste with its ratings, lists and enquêtes métiers") {
        const auto piste_reader = [](RecordReader& r, Diagnostics&) {
            return read_record<Piste>(r, nullptr);
        };
        Piste p;
        p.title = "Formatrice";
        round_trip(p, piste_reader);
        p.desire = 5;
        p.feasibility = 1;
        p.favourable = hard_texts;
        p.unfavourable = {"un seul argument"};
        p.decision = "backup";
        p.why = hard_texts.back();
        round_trip(p, piste_reader);

        // The enquêtes are [[surveys]] tables after the keys, as append_table writes them.
        std::string text = emitted(fields_of(p));
        std::vector<Survey> surveys;
        for (const std::string& note : hard_texts) {
            surveys.push_back({Date{2026, 4, 1}, note, note});
            text += "\n[[surveys]]\n" + emitted(fields_of(surveys.back()));
        }
        surveys.push_back({Date{2026, 4, 2}, "sans note", ""});
        text += "\n[[surveys]]\n" + emitted(fields_of(surveys.back()));
        CAPTURE(text);
        const Piste back = read_back(text, piste_reader);
        CHECK(same(back, p));
        REQUIRE(back.surveys.size() == surveys.size());
        for (std::size_t i = 0; i < surveys.size(); ++i)
            CHECK(same(back.surveys[i], surveys[i]));
    }

    TEST_CASE("edof.toml: empty, then every field") {
        EdofFile e;
        round_trip(e, edof_reader);
        e.dossier = hard_texts[0];
        e.requested = Date{2026, 4, 1};
        e.answered = Date{2026, 4, 2};
        e.validated = Date{2026, 4, 3};
        e.entry_declared = Date{2026, 5, 15};
        e.exit_declared = Date{2026, 6, 30};
        e.service_fait = "partiel";
        e.minutes_not_done = 90;
        e.reason = "force-majeure";
        e.invoiced = Date{2026, 7, 1};
        e.paid = Date{2026, 7, 31};
        round_trip(e, edof_reader);
        e.reason = hard_texts[1]; // a reason of its own, as written
        round_trip(e, edof_reader);
    }

    TEST_CASE("the project: empty, then with its lists") {
        Project p;
        round_trip(p, project_reader);
        p.title = hard_texts[0];
        p.training = hard_texts[5];
        p.strengths = hard_texts;
        p.watch = {"", "une ligne vide avant"};
        round_trip(p, project_reader);
    }

    TEST_CASE("actions, pending and done") {
        Action a;
        a.text = "Contacter l'AFPA";
        a.horizon = "court";
        round_trip(a, action_reader);
        for (const std::string& text : hard_texts) {
            a = {"", text, "long", Date{2027, 1, 15}, true, {}};
            round_trip(a, action_reader);
        }
    }

    TEST_CASE("consents: granted, revoked with or without a date, with their history") {
        Consent c;
        c.recipient = "France Travail";
        c.date = Date{2026, 5, 4};
        round_trip(c, consent_reader);
        c.recipient = hard_texts[0];
        c.sections = {"projet", "plan", "competences"};
        c.revoked = true;
        round_trip(c, consent_reader);
        c.revoked_on = Date{2026, 6, 1};
        c.history = {{Date{2026, 3, 2}, {"projet"}, Date{2026, 3, 10}, std::nullopt},
                     {Date{2026, 4, 1}, {"projet", "plan"}, std::nullopt, std::nullopt},
                     {Date{2026, 4, 9}, {"competences"}, std::nullopt, Date{2026, 5, 4}}};
        round_trip(c, consent_reader);
    }

    TEST_CASE("consents: each earlier grant is a [[history]] table of dates and section keys") {
        Consent c;
        c.recipient = "France Travail";
        c.date = Date{2026, 6, 2};
        c.history = {{Date{2026, 3, 2}, {"projet"}, std::nullopt, std::nullopt},
                     {Date{2026, 4, 9}, {"competences", "plan"}, std::nullopt, Date{2026, 5, 4}}};
        CHECK(emitted(c) == "recipient = \"France Travail\"\ndate = 2026-06-02\n"
                            "\n[[history]]\ndate = 2026-03-02\nsections = [\"projet\"]\n"
                            "revoked = true\n"
                            "\n[[history]]\ndate = 2026-04-09\nsections = [\n"
                            "    \"competences\",\n    \"plan\",\n]\nreplaced_on = 2026-05-04\n");
    }

    TEST_CASE("consents: the history as lines of text, as bilan wrote it before, still reads") {
        const Consent c =
            read_back("recipient = \"A\"\ndate = 2026-06-02\nhistory = [\n"
                      "  \"accordé le 2026-03-02 (projet, Plan), retiré le 2026-03-10\",\n"
                      "  \"accordé le 2026-04-01 (competences), remplacé le 2026-05-04\",\n]\n",
                      consent_reader);
        const std::vector<ConsentPeriod> expected{
            {Date{2026, 3, 2}, {"projet", "plan"}, Date{2026, 3, 10}, std::nullopt},
            {Date{2026, 4, 1}, {"competences"}, std::nullopt, Date{2026, 5, 4}}};
        CHECK(c.history == expected);
        // Written again, it takes the new form.
        CHECK(emitted(c).find("[[history]]") != std::string::npos);
    }

    TEST_CASE("consents: a history mixing lines of text and tables is refused where it mixes") {
        CHECK(consent_problems("recipient = \"A\"\ndate = 2026-06-02\nhistory = [\n"
                               "  \"accordé le 2026-03-02 (projet), retiré le 2026-03-10\",\n"
                               "  { date = 2026-04-01, sections = [\"plan\"], revoked = true },\n"
                               "]\n") ==
              std::vector<std::string>{"5:3: « history » mêle des lignes de texte (ancienne "
                                       "forme) et des tables [[history]] : attendu l'une ou "
                                       "l'autre"});
    }

    TEST_CASE("consents: a history table says how the grant ended, and nothing else") {
        const std::string head = "recipient = \"A\"\ndate = 2026-06-02\n[[history]]\n";
        CHECK(consent_problems(head + "date = 2026-03-02\nsections = [\"projet\"]\n") ==
              std::vector<std::string>{
                  "3:1: historique : attendu « revoked = true » ou « replaced_on = AAAA-MM-JJ »",
                  "3:1: accord antérieur invalide dans « history »"});
        CHECK(consent_problems(head + "date = 2026-03-02\nsections = [\"projet\"]\n"
                                      "revoked = true\nrevoked_on = 2026-03-10\nnote = \"x\"\n")
                  .front() == "8:1: clé inconnue « note »");
        CHECK(consent_problems(head + "date = 2026-03-02\nsections = [\"projet\"]\n"
                                      "revoked = true\nrevoked_on = 2026-03-01\n")
                  .front() == "7:14: historique : le retrait (2026-03-01) précède l'accord "
                              "(2026-03-02)");
        CHECK(consent_problems(head + "date = 2026-03-02\nsections = [\"projet\"]\n"
                                      "revoked = true\nreplaced_on = 2026-04-01\n")
                  .front() == "7:15: historique : un accord est retiré ou remplacé, pas les deux");
        CHECK(consent_problems(head + "date = 2026-03-02\nrevoked = true\n").front() ==
              "3:1: historique : clé « sections » manquante");
    }
}

TEST_SUITE("store.codec retention") {
    TEST_CASE("each kind of record declares its class: the substance is content") {
        CHECK(collection_of<Skill>().record_class == RecordClass::content);
        CHECK(collection_of<Experience>().record_class == RecordClass::content);
        CHECK(collection_of<Trait>().record_class == RecordClass::content);
        CHECK(collection_of<TestResult>().record_class == RecordClass::content);
        CHECK(collection_of<Piste>().record_class == RecordClass::content);
        CHECK(collection_of<Action>().record_class == RecordClass::content);
        CHECK(collection_of<Session>().record_class == RecordClass::administrative);
        CHECK(collection_of<Consent>().record_class == RecordClass::administrative);
        CHECK(destruction_categories() ==
              std::vector<std::string>{"skills", "experiences", "traits", "tests", "pistes",
                                       "actions", "project", "session_notes", "bilan_fields",
                                       "synthesis_files", "rendered_files", "other_files"});
    }

    TEST_CASE("a retention agreement needs format 3, and round-trips") {
        BilanRecord b;
        b.beneficiary = "Claire Martin";
        CHECK(format_needed(b) == 1);
        b.retention_agreed = Date{2026, 6, 30};
        b.retention_scope = "documents";
        b.retention_until = Date{2027, 6, 30};
        CHECK(format_needed(b) == 3);
        round_trip(b, bilan_reader);
    }

    TEST_CASE("a session's place needs format 5") {
        Session s;
        s.date = Date{2026, 3, 2};
        s.phase = "preliminaire";
        s.minutes = 60;
        CHECK(format_needed(s) == first_format);
        s.link = "https://visio.exemple.fr/a";
        CHECK(format_needed(s) == place_format);
    }

    TEST_CASE("contact details need format 5") {
        BilanRecord b;
        b.beneficiary = "Claire Martin";
        b.telephone = "+33 6 12 34 56 78";
        CHECK(format_needed(b) == contacts_format);
        b.telephone.clear();
        b.email = "claire@exemple.fr";
        CHECK(format_needed(b) == contacts_format);
        round_trip(b, bilan_reader);
    }

    TEST_CASE("a basis for the synthesis, and a reference, need format 5, and round-trip") {
        BilanRecord b;
        b.beneficiary = "Claire Martin";
        b.synthesis_agreed = Date{2026, 6, 30};
        b.synthesis_motif = "cep";
        b.synthesis_until = Date{2029, 6, 30};
        b.synthesis_ref = "courriel au CEP";
        CHECK(format_needed(b) == bases_format);
        round_trip(b, bilan_reader);
        BilanRecord documents;
        documents.beneficiary = "Claire Martin";
        documents.retention_agreed = Date{2026, 6, 30};
        documents.retention_scope = "documents";
        documents.retention_ref = "scan.pdf";
        CHECK(format_needed(documents) == bases_format);
        round_trip(documents, bilan_reader);
    }

    TEST_CASE("the destruction record: state, date, counts, what is kept, never content") {
        Destruction d;
        d.date = Date{2026, 7, 15};
        d.destroyed = {{"skills", 3}, {"session_notes", 2}};
        d.kept = {"administratif", "synthese"};
        d.synthesis_kept_until = Date{2029, 6, 30};
        const std::string text = emit_fields(fields_of(d));
        CHECK(text.starts_with("state = \"en-cours\"\ndate = 2026-07-15\nskills = 3\n"));
        const Destruction back =
            read_back(text, [](RecordReader& r, Diagnostics&) { return read_destruction(r); });
        CHECK_FALSE(back.done);
        CHECK(back.destroyed == d.destroyed);
        CHECK(back.kept == d.kept);
        CHECK(back.synthesis_kept_until == d.synthesis_kept_until);
        d.kept = {"administratif"};
        d.synthesis_kept_until.reset();
        d.synthesis_destroyed = Date{2026, 7, 15};
        const Destruction gone =
            read_back(emit_fields(fields_of(d)),
                      [](RecordReader& r, Diagnostics&) { return read_destruction(r); });
        CHECK(gone.synthesis_destroyed == Date{2026, 7, 15});
        d.done = true;
        CHECK(emit_fields(fields_of(d)).starts_with("state = \"faite\""));
    }
}

// ---- every kind ------------------------------------------------------------------------------

namespace {

// A record as its kind writes it: its keys, then each entry of its [[sub-tables]].
template <typename Record> std::string written(const Record& record) {
    std::string text = emit_fields(fields_of(record));
    if constexpr (KeptInFolder<Record>) {
        const SubTables<Record>& tables = record_kind<Record>().sub_tables;
        if (!tables.name.empty())
            for (const Fields& table : tables.of(record))
                text += "\n[[" + std::string(tables.name) + "]]\n" + emit_fields(table);
    }
    return text;
}

// Written, read back without a problem, and written again: the same bytes.
template <typename Record> void writes_and_reads_back(const Record& sample) {
    const std::string text = written(sample);
    CAPTURE(text);
    CHECK_FALSE(text.empty());
    const Record back = read_back(
        text, [](RecordReader& r, Diagnostics&) { return read_record<Record>(r, &fr()); });
    CHECK(written(back) == text);
}

// One sample of every kind, by its folder or file: a kind missing here fails the test below.
const std::vector<std::pair<std::string_view, void (*)()>> samples{
    {"sessions",
     [] {
         Session s;
         s.date = Date{2026, 3, 2};
         s.phase = "preliminaire";
         s.minutes = 90;
         s.kind = "atelier";
         s.note = hard_texts[0];
         s.evidence = {{"emargement", "scan.pdf"}, {"autre", ""}};
         s.place = "Salle 2, 12 rue des Lilas";
         s.link = "https://visio.exemple.fr/salle-12";
         writes_and_reads_back(s);
     }},
    {"skills",
     [] {
         writes_and_reads_back(
             Skill{"", "Animer", "savoir-etre", "d", "s", "a1b2c3d4", "e", true, {}, {}});
     }},
    {"experiences",
     [] {
         writes_and_reads_back(Experience{
             "", "Comptable", "poste", "ACME", Date{2010, 1, 1}, Date{2020, 12, 31}, "n", {}});
         Experience months{"", "Aide", "stage", "", Date{2008, 9, 1}, Date{2012, 3, 1}, "", {}};
         months.from_month = months.to_month = true; // "2008-09": format 5
         CHECK(format_needed(months) == 5);
         writes_and_reads_back(months);
     }},
    {"traits",
     [] {
         writes_and_reads_back(Trait{"", "Autonomie", "valeur", "n", {}});
     }},
    {"tests",
     [] {
         writes_and_reads_back(TestResult{"", "RIASEC", Date{2026, 3, 9}, "S-A-E", "n", {}});
     }},
    {"pistes",
     [] {
         Piste p;
         p.title = "Formatrice";
         p.desire = 4;
         p.feasibility = 2;
         p.favourable = {"pour"};
         p.unfavourable = {"contre"};
         p.decision = "backup";
         p.why = "pourquoi";
         p.surveys = {{Date{2026, 4, 9}, "Une formatrice", "n"}, {Date{2026, 4, 10}, "B", ""}};
         writes_and_reads_back(p);
     }},
    {"actions",
     [] {
         writes_and_reads_back(Action{"", "Contacter", "moyen", Date{2027, 1, 15}, true, {}});
     }},
    {"consents",
     [] {
         Consent c;
         c.recipient = "France Travail";
         c.date = Date{2026, 5, 4};
         c.sections = {"projet", "plan"};
         c.revoked = true;
         c.revoked_on = Date{2026, 6, 1};
         c.history = {{Date{2026, 3, 2}, {"projet"}, Date{2026, 3, 10}, std::nullopt},
                      {Date{2026, 4, 9}, {"competences"}, std::nullopt, Date{2026, 5, 4}}};
         writes_and_reads_back(c);
     }},
    {"evaluations",
     [] {
         Evaluation e;
         e.kind = "chaud";
         e.date = Date{2026, 6, 30};
         e.satisfaction = 4;
         e.answers = {{"attentes", "5"}};
         e.comment = "merci";
         e.by = "employeur";
         writes_and_reads_back(e);
     }},
    {"bilan.toml",
     [] {
         BilanRecord b;
         b.beneficiary = "Claire Martin";
         b.start = Date{2026, 3, 2};
         b.end = Date{2026, 6, 30};
         b.funding = "cpf";
         b.demand = "d";
         b.handover = Date{2026, 7, 1};
         b.handover_mode = "courrier";
         b.retention_agreed = Date{2026, 6, 30};
         b.retention_scope = "documents";
         b.retention_until = Date{2027, 6, 30};
         b.public_line = "apprenti";
         b.email = "claire.martin@exemple.fr";
         b.telephone = "+33 6 12 34 56 78";
         writes_and_reads_back(b);
     }},
    {"project.toml",
     [] {
         writes_and_reads_back(Project{"Formatrice", "Titre pro", {"a"}, {"b"}, {}});
     }},
    {"edof.toml",
     [] {
         EdofFile e;
         e.dossier = "123";
         e.entry_declared = Date{2026, 5, 15};
         e.exit_declared = Date{2026, 6, 30};
         e.service_fait = "partiel";
         e.minutes_not_done = 90;
         e.reason = "force-majeure";
         writes_and_reads_back(e);
     }},
    {"convention.toml",
     [] {
         Convention c;
         c.employer = "ACME";
         c.title = "Bilan";
         c.duration_minutes = 1440;
         c.start = Date{2026, 3, 2};
         c.end = Date{2026, 6, 30};
         c.sent = Date{2026, 2, 1};
         writes_and_reads_back(c);
     }},
    {"financing.toml",
     [] {
         Financing f;
         f.price_cents = 180000;
         f.parts = {{"cpf", 180000}};
         f.jobseeker = false;
         writes_and_reads_back(f);
     }},
    {"practice.toml",
     [] {
         Practice p;
         p.name = "Cabinet";
         p.city = "Lyon";
         p.holidays = "alsace-moselle";
         p.email = "contact@cabinet.fr";
         p.telephone = "+32 2 123 45 67";
         writes_and_reads_back(p);
     }},
};

void (*sample_of(std::string_view name))() {
    for (const auto& [sampled, check] : samples)
        if (sampled == name) return check;
    return nullptr;
}

// Whether the fuzz seeds hold a file for the fuzzer's entry `index` (`path`): one of the
// example bilan's, or a hand-written seed numbered so.
bool has_fuzz_seed(std::size_t index, std::string_view path) {
    namespace fs = std::filesystem;
    const fs::path source(BILAN_SOURCE_DIR);
    const std::string first(path.substr(0, path.find('/')));
    const fs::path example = source / "examples/claire-martin" / first;
    std::error_code ec;
    if (path.find('/') == std::string_view::npos ? fs::is_regular_file(example, ec)
                                                 : !fs::is_empty(example, ec) && !ec)
        return true;
    char prefix[4];
    std::snprintf(prefix, sizeof prefix, "%02zu-", index);
    for (const auto& seed : fs::directory_iterator(source / "tests/fuzz/seeds/folder"))
        if (seed.path().filename().string().starts_with(prefix)) return true;
    return false;
}

// The fuzzer's entry for a kind's folder ("sessions/…") or file, if any, with its index.
std::optional<std::size_t> fuzz_entry(std::string_view name, bool folder) {
    for (std::size_t i = 0; i < fuzz_folder::paths.size(); ++i) {
        const std::string_view path = fuzz_folder::paths[i];
        if (folder ? path.starts_with(std::string(name) + "/") : path == name) return i;
    }
    return std::nullopt;
}

} // namespace

TEST_SUITE("store.codec kinds") {
    TEST_CASE("every kind has a sample here, and it is written and read back to the same bytes") {
        for (const RecordKindInfo& kind : record_kinds()) {
            CAPTURE(kind.collection.folder);
            const auto check = sample_of(kind.collection.folder);
            REQUIRE_MESSAGE(bool(check), "no sample of this kind: add one to `samples`");
            check();
        }
        for (const FileKindInfo& kind : file_kinds()) {
            CAPTURE(kind.file);
            const auto check = sample_of(kind.file);
            REQUIRE_MESSAGE(bool(check), "no sample of this file: add one to `samples`");
            check();
        }
    }

    TEST_CASE("every kind of a bilan's folder is fuzzed: fuzz_folder writes it, a seed holds it") {
        for (const RecordKindInfo& kind : record_kinds()) {
            CAPTURE(kind.collection.folder);
            const auto entry = fuzz_entry(kind.collection.folder, true);
            REQUIRE_MESSAGE(entry, "missing from tests/fuzz/folder_files.hpp");
            CHECK_MESSAGE(has_fuzz_seed(*entry, fuzz_folder::paths[*entry]),
                          "no seed: add tests/fuzz/seeds/folder/NN-NAME.toml");
        }
        for (const FileKindInfo& kind : file_kinds()) {
            if (kind.scope != Scope::bilan) continue; // practice.toml: not a bilan's file
            CAPTURE(kind.file);
            const auto entry = fuzz_entry(kind.file, false);
            REQUIRE_MESSAGE(entry, "missing from tests/fuzz/folder_files.hpp");
            CHECK_MESSAGE(has_fuzz_seed(*entry, fuzz_folder::paths[*entry]),
                          "no seed: add tests/fuzz/seeds/folder/NN-NAME.toml");
        }
    }
}
