// bilan_generate: writes valid bilan folders of any size for the benchmarks (tests/bench), through
// the store's own code (create_bilan, fields_of, Transaction), so that what is measured is what
// bilan itself writes. The content is seeded: the same options give the same bytes.
//
//   bilan_generate DIR [--sessions N] [--skills N] [--pistes N] [--actions N] [--seed S]
//   bilan_generate DIR --copies K [...]   K folders DIR/bilan-0001… (seeds S, S+1…)
//   bilan_generate DIR --timew N [--seed S]   a timewarrior database with N intervals
//
// Every write is fsynced by the store: run it under `eatmydata` for large folders.
#include "bilan/store.hpp"
#include "texts.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

using bilan::Date;
using bilan::store::Collection;
using bilan::store::Transaction;

// splitmix64: the same sequence on every platform (the <random> distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename List> std::string pick(const List& list) {
        return std::string(list[static_cast<std::size_t>(below(static_cast<int>(list.size())))]);
    }

private:
    std::uint64_t state_;
};

struct Sizes {
    int sessions = 30, skills = 150, pistes = 5, actions = 10;
};

Date plus_days(const Date& date, int days) {
    return Date::from_days(date.days_since_epoch() + days);
}

// "de" + "le droit" = "du droit": French contractions for the generated phrases.
std::string contract(std::string_view prefix, std::string_view topic) {
    const bool de = prefix.ends_with("de "), a = prefix.ends_with("à ");
    std::string head(prefix.substr(0, prefix.size() - (de ? 3 : a ? 3 : 0)));
    if ((de || a) && topic.starts_with("le "))
        return head + (de ? "du " : "au ") + std::string(topic.substr(3));
    if ((de || a) && topic.starts_with("les "))
        return head + (de ? "des " : "aux ") + std::string(topic.substr(4));
    return std::string(prefix) + std::string(topic);
}

bilan::BilanRecord make_bilan(Rng& rng) {
    bilan::BilanRecord b;
    b.beneficiary = rng.pick(bench::first_names) + " " + rng.pick(bench::last_names);
    b.start = plus_days(Date{2025, 9, 1}, rng.below(120));
    b.end = plus_days(*b.start, 63 + rng.below(22));
    b.funding = rng.pick(bench::fundings);
    b.counsellor = rng.pick(bench::counsellors);
    b.organisation = rng.pick(bench::organisations);
    b.demand = rng.pick(bench::demands);
    b.expectations = rng.pick(bench::expectations);
    b.situation = rng.pick(bench::situations);
    b.circumstances = rng.pick(bench::circumstances);
    return b;
}

// ---- sessions: phases and kinds spread as in a real bilan --------------------------------

std::string investigation_kind(Rng& rng) {
    const int roll = rng.below(100);
    return roll < 55   ? "entretien"
           : roll < 65 ? "test"
           : roll < 80 ? "enquete"
                       : "travail-personnel";
}

int raw_minutes(Rng& rng, const std::string& kind) {
    if (kind == "entretien") return 90 + 15 * rng.below(5);
    if (kind == "test") return 60 + 15 * rng.below(5);
    if (kind == "enquete") return 45 + 15 * rng.below(6);
    return 30 + 15 * rng.below(7);
}

// The three counted phases in order over the bilan's dates: 10 % préliminaire, 10 %
// conclusion, the rest investigation.
std::vector<bilan::Session> counted_sessions(Rng& rng, int count, const bilan::BilanRecord& b) {
    const int edge = count >= 3 ? std::max(1, count / 10) : 0;
    const int span = b.end->days_since_epoch() - b.start->days_since_epoch();
    std::vector<bilan::Session> sessions;
    for (int i = 0; i < count; ++i) {
        bilan::Session s;
        s.phase = i < edge ? "preliminaire" : i >= count - edge ? "conclusion" : "investigation";
        s.date = plus_days(*b.start, static_cast<int>(std::int64_t{i} * span / count));
        s.kind = s.phase == "investigation" ? investigation_kind(rng) : "entretien";
        s.minutes = raw_minutes(rng, s.kind);
        sessions.push_back(std::move(s));
    }
    // A typical bilan keeps each phase just under its target (fr: 3 h, 17 h, 4 h), so under the
    // 24 h cap; a huge folder is a stress test and keeps realistic durations (and so goes over
    // the cap and the targets, which status reports as warnings).
    const std::map<std::string, int> budgets{
        {"preliminaire", 170}, {"investigation", 960}, {"conclusion", 230}};
    std::map<std::string, int> totals;
    for (const auto& s : sessions)
        totals[s.phase] += s.minutes;
    if (count <= 60)
        for (auto& s : sessions) {
            const int budget = budgets.at(s.phase), total = totals[s.phase];
            if (total <= budget) continue;
            const int scaled = s.minutes * budget / total;
            s.minutes = std::max(15, scaled - scaled % 5);
        }
    return sessions;
}

void finish_session(Rng& rng, bilan::Session& s) {
    if ((s.kind == "entretien" || s.kind == "test") && rng.chance(50)) {
        const int from = rng.chance(50) ? 9 * 60 + 30 * rng.below(3) : 14 * 60 + 30 * rng.below(3);
        s.from = bilan::TimeOfDay{from / 60, from % 60};
        s.to = bilan::TimeOfDay{(from + s.minutes) / 60, (from + s.minutes) % 60};
    }
    if (s.kind == "entretien" && rng.chance(25)) s.mode = "distance";
    if (rng.chance(70)) s.note = rng.pick(bench::session_notes);
}

void write_sessions(Transaction& t, Rng& rng, int count, const bilan::BilanRecord& b) {
    const int prealable = count >= 3 ? 1 : 0, suivi = count >= 5 ? 1 : 0;
    std::vector<bilan::Session> sessions = counted_sessions(rng, count - prealable - suivi, b);
    auto interview = [](const Date& date, const char* phase) {
        bilan::Session s;
        s.date = date;
        s.phase = phase;
        s.minutes = 60;
        return s;
    };
    // The entretien préalable opens the bilan; the follow-up comes six months after its end.
    if (prealable) sessions.insert(sessions.begin(), interview(*b.start, "prealable"));
    if (suivi) sessions.push_back(interview(b.end->plus_months(6), "suivi"));
    for (bilan::Session& s : sessions) {
        finish_session(rng, s);
        t.add(s);
    }
}

// ---- substance ---------------------------------------------------------------------------

std::vector<std::string> write_experiences(Transaction& t, Rng& rng, int count) {
    std::vector<std::string> ids;
    Date to{2025, 6, 30};
    for (int i = 0; i < count; ++i) {
        bilan::Experience e;
        const int roll = rng.below(100);
        e.kind = roll < 60 ? "poste" : roll < 80 ? "formation" : roll < 90 ? "stage" : "benevolat";
        e.title = e.kind == "formation" ? contract("Formation à ", rng.pick(bench::topics))
                                        : rng.pick(bench::job_titles);
        e.org = rng.pick(bench::employers);
        e.to = to;
        e.from = plus_days(to, -(60 + rng.below(5 * 365)));
        to = plus_days(*e.from, -(1 + rng.below(90)));
        if (to.year < 1960) to = Date{2025, 6, 30}; // a huge folder wraps round, still valid
        if (rng.chance(30)) e.note = "Poste quitté pour raisons de santé.";
        ids.push_back(t.add(e));
    }
    return ids;
}

std::string skill_text(Rng& rng, const std::string& type) {
    if (type == "savoir-faire")
        return rng.pick(bench::verbs) + " " + rng.pick(bench::objects) + rng.pick(bench::contexts);
    if (type == "savoir")
        return contract(rng.pick(bench::knowledge_forms), rng.pick(bench::topics));
    return rng.pick(bench::qualities) + rng.pick(bench::quality_contexts);
}

void write_skills(Transaction& t, Rng& rng, int count,
                  const std::vector<std::string>& experiences) {
    for (int i = 0; i < count; ++i) {
        bilan::Skill k;
        const int roll = rng.below(100);
        k.type = roll < 50 ? "savoir-faire" : roll < 75 ? "savoir" : "savoir-etre";
        k.text = skill_text(rng, k.type);
        if (rng.chance(80)) k.domain = rng.pick(bench::domains);
        if (!experiences.empty() && rng.chance(60))
            k.experience = rng.pick(experiences);
        else if (rng.chance(40))
            k.source = "Vie associative et familiale";
        if (rng.chance(40)) k.evidence = rng.pick(bench::evidences);
        k.transferable = rng.chance(50);
        t.add(k);
    }
}

void write_traits(Transaction& t, Rng& rng, int count) {
    for (int i = 0; i < count; ++i) {
        bilan::Trait trait;
        trait.kind = std::string(bench::trait_kinds[static_cast<std::size_t>(i) % 6]);
        trait.text = rng.pick(bench::trait_texts);
        if (i >= 12) trait.text += " (" + std::to_string(i / 12 + 1) + ")";
        if (rng.chance(30)) trait.note = "Exprimé spontanément en entretien.";
        t.add(trait);
    }
}

void write_tests(Transaction& t, const bilan::BilanRecord& b) {
    const Date date = plus_days(*b.start, 21);
    t.add(bilan::TestResult{{},
                            "RIASEC (Holland)",
                            date,
                            "Code SCE : social, "
                            "conventionnel, entreprenant",
                            "",
                            {}});
    t.add(bilan::TestResult{{},
                            "PerformanSe Echo",
                            plus_days(date, 7),
                            "Profil stable, orienté relationnel, besoin de cadre",
                            "Restitution en séance : la bénéficiaire s'y reconnaît.",
                            {}});
}

std::vector<std::string> distinct(Rng& rng, std::span<const std::string_view> list, int count) {
    std::vector<std::string> out;
    const int first = rng.below(static_cast<int>(list.size()));
    for (int i = 0; i < count; ++i)
        out.emplace_back(list[static_cast<std::size_t>(first + i) % list.size()]);
    return out;
}

std::string write_pistes(Transaction& t, Rng& rng, int count, const bilan::BilanRecord& b) {
    std::string retained;
    for (int i = 0; i < count; ++i) {
        bilan::Piste p;
        p.title = std::string(bench::piste_titles[static_cast<std::size_t>(i) % 8]);
        if (i >= 8) p.title += " (variante " + std::to_string(i / 8) + ")";
        p.desire = i == 0 ? 4 + rng.below(2) : 1 + rng.below(5);
        p.feasibility = i == 0 ? 3 + rng.below(3) : 1 + rng.below(5);
        p.favourable = distinct(rng, bench::favourables, 1 + rng.below(3));
        p.unfavourable = distinct(rng, bench::unfavourables, 1 + rng.below(2));
        p.decision = i == 0 ? "retained" : i == 1 ? "backup" : i < 4 ? "dropped" : "";
        if (!p.decision.empty()) p.why = "Décidé en phase de conclusion au vu des enquêtes.";
        if (i == 0) retained = p.title;
        const std::string id = t.add(p);
        for (int k = 0; i < 4 && k < 1 + rng.below(2); ++k)
            t.append_table(bilan::store::collection_of<bilan::Piste>(), id, "surveys",
                           bilan::store::fields_of(bilan::Survey{
                               plus_days(*b.start, 28 + 7 * k),
                               k ? "Responsable de formation, Greta Rhône"
                                 : "Formatrice en poste à l'AFPA de Lyon",
                               "Journée d'observation ; conseils sur le titre professionnel."}));
    }
    return retained;
}

void write_project(Transaction& t, const std::string& retained) {
    bilan::Project p;
    p.title = retained.empty() ? "Évolution dans le métier actuel" : retained;
    p.training = "Titre professionnel Formateur professionnel d'adultes (9 mois, Transitions Pro)";
    p.strengths = {"Expérience de terrain reconnue", "Motivation forte et constante",
                   "Réseau professionnel dans le secteur"};
    p.watch = {"Financement de la formation à confirmer", "Baisse de revenus pendant 9 mois"};
    t.update_project(bilan::store::fields_of(p));
}

void write_actions(Transaction& t, Rng& rng, int count, const bilan::BilanRecord& b) {
    for (int i = 0; i < count; ++i) {
        bilan::Action a;
        a.text = std::string(bench::action_texts[static_cast<std::size_t>(i) % 10]);
        if (i >= 10) a.text += " — étape " + std::to_string(i / 10 + 1);
        const int share = i * 10 / std::max(1, count);
        a.horizon = share < 5 ? "court" : share < 8 ? "moyen" : "long";
        const int days = a.horizon == "court" ? 15 : a.horizon == "moyen" ? 90 : 365;
        if (rng.chance(80)) a.due = plus_days(*b.end, days + rng.below(days));
        a.done = a.horizon == "court" && rng.chance(40);
        t.add(a);
    }
}

void generate_folder(const std::filesystem::path& dir, const Sizes& sizes, std::uint64_t seed) {
    Rng rng(seed);
    const bilan::BilanRecord bilan = make_bilan(rng);
    std::filesystem::create_directories(std::filesystem::absolute(dir).parent_path());
    bilan::store::create_bilan(dir, bilan::store::fields_of(bilan), std::nullopt);
    const bilan::store::Store store(dir);
    Transaction t(store);
    write_sessions(t, rng, sizes.sessions, bilan);
    const auto experiences = write_experiences(t, rng, std::max(3, sizes.skills / 25));
    write_skills(t, rng, sizes.skills, experiences);
    write_traits(t, rng, std::max(6, sizes.skills / 12));
    write_tests(t, bilan);
    write_project(t, write_pistes(t, rng, sizes.pistes, bilan));
    write_actions(t, rng, sizes.actions, bilan);
}

// ---- the peer: a timewarrior database with as many intervals ----------------------------

std::string stamp(const Date& d, int minutes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d00Z", d.year, d.month, d.day,
                  minutes / 60, minutes % 60);
    return buffer;
}

// Six non-overlapping intervals a day, tagged with a phase and a kind, one file per month.
void generate_timew(const std::filesystem::path& dir, int count, std::uint64_t seed) {
    Rng rng(seed);
    std::filesystem::create_directories(dir / "data");
    std::ofstream(dir / "timewarrior.cfg") << "# bilan benchmark: defaults\n";
    std::map<std::string, std::string> months;
    constexpr int slots[] = {480, 570, 660, 810, 900, 990};
    constexpr std::string_view phases[] = {"preliminaire", "investigation", "conclusion"};
    for (int i = 0; i < count; ++i) {
        const Date day = plus_days(Date{2025, 9, 1}, i / 6);
        const int start = slots[i % 6], length = 45 + rng.below(41);
        char month[16];
        std::snprintf(month, sizeof month, "%04d-%02d", day.year, day.month);
        months[month] += "inc " + stamp(day, start) + " - " + stamp(day, start + length) + " # " +
                         std::string(phases[rng.below(3)]) + " " + investigation_kind(rng) + "\n";
    }
    for (const auto& [month, lines] : months)
        std::ofstream(dir / "data" / (month + ".data")) << lines;
}

// ---- command line ------------------------------------------------------------------------

int usage(const char* message) {
    std::fprintf(stderr,
                 "bilan_generate: %s\nusage: bilan_generate DIR [--sessions N] [--skills N] "
                 "[--pistes N] [--actions N] [--copies K] [--seed S] | DIR --timew N\n",
                 message);
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return usage("DIR manquant");
    const std::filesystem::path dir = argv[1];
    Sizes sizes;
    int copies = 0, timew = 0;
    std::uint64_t seed = 1;
    for (int i = 2; i < argc; i += 2) {
        if (i + 1 >= argc) return usage("valeur manquante");
        const std::string option = argv[i];
        int value = 0;
        try {
            value = std::stoi(argv[i + 1]);
        } catch (const std::exception&) {
            return usage("nombre attendu");
        }
        if (value < 0) return usage("nombre positif attendu");
        if (option == "--sessions")
            sizes.sessions = value;
        else if (option == "--skills")
            sizes.skills = value;
        else if (option == "--pistes")
            sizes.pistes = value;
        else if (option == "--actions")
            sizes.actions = value;
        else if (option == "--copies")
            copies = value;
        else if (option == "--timew")
            timew = value;
        else if (option == "--seed")
            seed = static_cast<std::uint64_t>(value);
        else
            return usage("option inconnue");
    }
    // Ids are drawn at random unless seeded: seeded like the content, the same options give the
    // same bytes, file names included.
    ::setenv("BILAN_ID_SEED", "bilan_generate", 0);
    try {
        if (timew) {
            generate_timew(dir, timew, seed);
        } else if (copies) {
            std::filesystem::create_directories(dir);
            for (int k = 1; k <= copies; ++k) {
                char name[32];
                std::snprintf(name, sizeof name, "bilan-%04d", k);
                generate_folder(dir / name, sizes, seed + static_cast<std::uint64_t>(k));
            }
        } else {
            generate_folder(dir, sizes, seed);
        }
    } catch (const bilan::Error& e) {
        std::fprintf(stderr, "bilan_generate: %s\n", e.what());
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bilan_generate: %s\n", e.what());
        return 3;
    }
    return 0;
}
