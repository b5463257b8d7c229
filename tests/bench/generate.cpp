// bilan_generate: writes valid bilan folders of any size for the benchmarks (tests/bench), through
// the store's own code (create_bilan, fields_of, Transaction), so that what is measured is what
// bilan itself writes. The content is seeded: the same options give the same bytes.
//
//   bilan_generate DIR [--sessions N] [--skills N] [--pistes N] [--actions N] [--seed S]
//   bilan_generate DIR --copies K [...]   K folders DIR/bilan-0001… (seeds S+1, S+2…)
//   bilan_generate DIR --practice K [...] the same K folders as a practice seen on 2026-12-01:
//       DIR/practice.toml, bilans ended, running, abandoned, to start; handovers, evaluations,
//       EDOF files, conventions, financings, retention agreements, a few purged (plan_life)
//   bilan_generate DIR --timew N [--seed S]   a timewarrior database with N intervals
//
// Every write is fsynced by the store: run it under `eatmydata` for large folders.
#include "bilan/ops/retention.hpp"
#include "bilan/provider_ids.hpp"
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

// ---- a practice: the life of each bilan as of one day -------------------------------------

// The day a generated practice is seen from: run.sh sets BILAN_TODAY to it, so that what is
// overdue, running or due does not change with the day the benchmark runs.
constexpr Date practice_today{2026, 12, 1};

// Where one bilan of a practice stands on practice_today, drawn from its own generator so that
// the content (drawn as for a lone folder) does not depend on it. Every date it records is on or
// before practice_today, but the start of a bilan still to start.
struct Life {
    Date start, planned_end;
    Date cutoff;                        // the last day a session can be dated
    std::optional<Date> end, abandoned; // ended (end), or abandoned (both, the same day)
    std::optional<Date> suivi;          // the follow-up interview, when it took place
    std::optional<Date> handover;       // the synthesis handed over
    std::string handover_mode;
    std::optional<Date> retention_until; // a written agreement to keep the documents
    std::optional<Date> purged;          // `purge` ran that day
    std::string funding;                 // "" for a bilan whose funding is not recorded
    bool substance = true;               // not started yet: nothing but the paperwork
    bool action_plan = true;             // the conclusion reached: an action plan
};

Life plan_life(Rng& r) {
    Life l;
    // A centre of four counsellors, some 500 bilans a year: starts from January 2025 to a
    // month after practice_today (bilans opened for a date to come).
    l.start = plus_days(Date{2025, 1, 6}, r.below(725));
    l.planned_end = plus_days(l.start, 63 + r.below(22));
    l.cutoff = practice_today;
    const int roll = r.below(100);
    l.funding = roll < 38   ? "cpf"
                : roll < 58 ? "employeur"
                : roll < 66 ? "reclassement"
                : roll < 81 ? "france-travail"
                : roll < 95 ? "personnel"
                            : "";
    if (practice_today < l.start) {
        l.substance = l.action_plan = false;
        return l;
    }
    const Date quit = plus_days(l.start, 21 + r.below(35));
    if (r.chance(6) && quit < l.planned_end && quit <= practice_today) {
        l.abandoned = l.end = l.cutoff = quit;
        l.action_plan = false;
        return l;
    }
    if (practice_today < l.planned_end) {
        l.action_plan = plus_days(l.planned_end, -21) <= practice_today;
        return l;
    }
    l.end = l.planned_end;
    if (r.chance(85)) {
        l.handover = plus_days(*l.end, r.below(8));
        const int mode = r.below(100);
        l.handover_mode = mode < 60 ? "remise-en-main-propre" : mode < 90 ? "email" : "courrier";
        if (practice_today < *l.handover) l.handover.reset();
    }
    const Date followup = plus_days(l.end->plus_months(6), r.below(28) - 7);
    if (followup <= practice_today && r.chance(85)) l.suivi = followup;
    // R6313-7: the working documents are destroyed at the end, unless the beneficiary agreed in
    // writing to their keeping for the follow-up; a minority of the old ones are purged.
    if (r.chance(55)) l.retention_until = l.end->plus_months(12);
    const Date purge = l.retention_until ? plus_days(*l.retention_until, r.below(30))
                                         : plus_days(*l.end, 15 + r.below(45));
    if (purge <= practice_today && r.chance(l.retention_until ? 30 : 10)) l.purged = purge;
    return l;
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
    // The BPF's line F-1: most bilans say it, a few do not (report lists them).
    constexpr std::array publics{"salarie",     "salarie", "salarie",  "demandeur-emploi",
                                 "particulier", "autre",   "apprenti", ""};
    b.public_line = publics[static_cast<std::size_t>(rng.below(publics.size()))];
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
std::vector<bilan::Session> counted_sessions(Rng& rng, int count, const Date& start,
                                             const Date& end) {
    const int edge = count >= 3 ? std::max(1, count / 10) : 0;
    const int span = end.days_since_epoch() - start.days_since_epoch();
    std::vector<bilan::Session> sessions;
    for (int i = 0; i < count; ++i) {
        bilan::Session s;
        s.phase = i < edge ? "preliminaire" : i >= count - edge ? "conclusion" : "investigation";
        s.date = plus_days(start, static_cast<int>(std::int64_t{i} * span / count));
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

// The sessions written, in date order. In a practice (`life`), the bilan runs from its start to
// its planned end; only the sessions held by the practice's day (or the abandonment) are there,
// and the follow-up only when it took place.
std::vector<bilan::Session> write_sessions(Transaction& t, Rng& rng, int count,
                                           const bilan::BilanRecord& b, const Life* life,
                                           Rng& life_rng) {
    const int prealable = count >= 3 ? 1 : 0, suivi = count >= 5 ? 1 : 0;
    const Date start = life ? life->start : *b.start, end = life ? life->planned_end : *b.end;
    std::vector<bilan::Session> sessions =
        counted_sessions(rng, count - prealable - suivi, start, end);
    auto interview = [](const Date& date, const char* phase) {
        bilan::Session s;
        s.date = date;
        s.phase = phase;
        s.minutes = 60;
        return s;
    };
    // The entretien préalable opens the bilan; the follow-up comes six months after its end.
    if (prealable) sessions.insert(sessions.begin(), interview(start, "prealable"));
    if (life) {
        // A running bilan has its next sessions planned (two at most); one held session in
        // twenty was cancelled: neither counts, and `report` and `due` must read past them.
        int planned = life->abandoned ? 0 : 2;
        std::erase_if(sessions, [&](bilan::Session& s) {
            if (!(life->cutoff < s.date)) {
                if (life_rng.chance(5)) {
                    s.state = "annulee";
                    s.motif = "absence";
                }
                return false;
            }
            if (planned == 0) return true;
            --planned;
            s.state = "prevue";
            return false;
        });
        if (suivi && life->suivi) sessions.push_back(interview(*life->suivi, "suivi"));
    } else if (suivi) {
        sessions.push_back(interview(b.end->plus_months(6), "suivi"));
    }
    for (bilan::Session& s : sessions) {
        finish_session(rng, s);
        s.id = t.add(s);
        // A practice proves attendance (Qualiopi): a signed sheet, or the platform's log of a
        // session at a distance, for most sessions held; added as `session attest` does.
        if (life && s.held() && life_rng.chance(85)) {
            bilan::Session attested = s;
            const bool remote = s.mode == "distance";
            attested.evidence.push_back(
                {remote ? "journal-visio" : "emargement",
                 (remote ? "visio-" : "emargement-") + s.date.iso() + ".pdf"});
            t.update(s, attested);
            s = std::move(attested);
        }
    }
    return sessions;
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
        p.id = t.add(p); // a new record's keys only: its surveys are an update of it
        bilan::Piste surveyed = p;
        for (int k = 0; i < 4 && k < 1 + rng.below(2); ++k)
            surveyed.surveys.push_back(
                bilan::Survey{plus_days(*b.start, 28 + 7 * k),
                              k ? "Responsable de formation, Greta Rhône"
                                : "Formatrice en poste à l'AFPA de Lyon",
                              "Journée d'observation ; conseils sur le titre professionnel."});
        if (!surveyed.surveys.empty()) t.update(p, surveyed);
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
    t.update(bilan::Project{}, p);
}

// In a practice, the follow-up finds part of the plan done (`life_rng`, so that the content
// drawn from `rng` stays that of a lone folder).
void write_actions(Transaction& t, Rng& rng, int count, const Date& end, const Life* life,
                   Rng& life_rng) {
    for (int i = 0; i < count; ++i) {
        bilan::Action a;
        a.text = std::string(bench::action_texts[static_cast<std::size_t>(i) % 10]);
        if (i >= 10) a.text += " — étape " + std::to_string(i / 10 + 1);
        const int share = i * 10 / std::max(1, count);
        a.horizon = share < 5 ? "court" : share < 8 ? "moyen" : "long";
        const int days = a.horizon == "court" ? 15 : a.horizon == "moyen" ? 90 : 365;
        if (rng.chance(80)) a.due = plus_days(end, days + rng.below(days));
        a.done = a.horizon == "court" && rng.chance(40);
        if (life && life->suivi && !a.done && a.horizon != "long") a.done = life_rng.chance(60);
        t.add(a);
    }
}

// ---- a practice: the paperwork around each bilan ------------------------------------------

std::string digits(Rng& rng, int count) {
    std::string out;
    for (int i = 0; i < count; ++i)
        out += static_cast<char>('0' + rng.below(10));
    return out;
}

// 13 digits drawn and the one that passes the SIRET check.
std::string siret(Rng& rng) {
    const std::string head = digits(rng, 13);
    for (char last = '0'; last <= '9'; ++last)
        if (bilan::siret_check_passes(head + last)) return head + last;
    return head + '0'; // unreachable: one of ten digits passes the Luhn check
}

bool counted(const bilan::Session& s) {
    return s.phase == "preliminaire" || s.phase == "investigation" || s.phase == "conclusion";
}

std::optional<Date> by_today(const Date& date) {
    return date <= practice_today ? std::optional<Date>(date) : std::nullopt;
}

int score(Rng& rng) {
    const int roll = rng.below(100);
    return roll < 50 ? 5 : roll < 85 ? 4 : roll < 95 ? 3 : 2;
}

std::string near(Rng& rng, int satisfaction) {
    return std::to_string(std::clamp(satisfaction + rng.below(3) - 1, 1, 5));
}

// The evaluations: à chaud at the end (most), à froid at the follow-up (most of those), with
// the default questions' keys (practice.md §7).
void write_evaluations(Transaction& t, Rng& r, const Life& l) {
    if (l.end && !l.abandoned && r.chance(85)) {
        bilan::Evaluation e;
        e.kind = "chaud";
        e.date = *l.end;
        e.satisfaction = score(r);
        for (const char* key : {"attentes", "objectifs", "ecoute", "outils", "rythme", "conditions",
                                "synthese", "projet"})
            e.answers.push_back({key, near(r, e.satisfaction)});
        e.answers.push_back({"recommande", e.satisfaction >= 4 || r.chance(30) ? "oui" : "non"});
        if (r.chance(30))
            e.comment = e.satisfaction >= 4 ? "Accompagnement à l'écoute, rythme adapté."
                                            : "Trop peu de séances en présentiel.";
        t.add(e);
    }
    if (l.suivi && r.chance(75)) {
        bilan::Evaluation e;
        e.kind = "froid";
        e.date = *l.suivi;
        e.satisfaction = score(r);
        constexpr std::array situations{"meme-poste", "mobilite-interne", "nouvel-emploi",
                                        "formation",  "creation",         "recherche-emploi",
                                        "autre"};
        constexpr std::array stages{"non-demarre", "en-cours", "realise", "modifie", "abandonne"};
        e.answers = {{"situation", r.pick(situations)},
                     {"projet", r.pick(stages)},
                     {"actions", std::to_string(r.below(7))},
                     {"utilite", near(r, e.satisfaction)},
                     {"besoin", r.chance(20) ? "oui" : "non"}};
        t.add(e);
    }
}

// The CPF file as declared on EDOF: most declarations made within a few days, some missing.
void write_edof(Transaction& t, Rng& r, const Life& l,
                const std::vector<bilan::Session>& sessions) {
    bilan::EdofFile e;
    const Date requested = plus_days(l.start, -(20 + r.below(25)));
    if (practice_today < requested) return;
    e.dossier = digits(r, 10);
    e.requested = requested;
    e.answered = by_today(plus_days(requested, 1 + r.below(2)));
    if (e.answered) e.validated = by_today(plus_days(*e.answered, 1 + r.below(4)));
    const auto first = std::find_if(sessions.begin(), sessions.end(), counted);
    const auto last = std::find_if(sessions.rbegin(), sessions.rend(), counted);
    if (first != sessions.end() && r.chance(92))
        e.entry_declared = by_today(plus_days(first->date, r.below(5)));
    if (l.end && e.entry_declared && r.chance(85)) {
        e.exit_declared = by_today(plus_days(last->date, 1 + r.below(4)));
        if (e.exit_declared && *e.exit_declared < *e.entry_declared) e.exit_declared.reset();
    }
    if (e.exit_declared) {
        e.service_fait = l.abandoned ? "partiel" : "total";
        if (l.abandoned) {
            e.minutes_not_done = 600 + 60 * r.below(8);
            e.reason = "abandon";
        }
        e.invoiced = by_today(plus_days(*e.exit_declared, 2 + r.below(10)));
        if (e.invoiced) e.paid = by_today(plus_days(*e.invoiced, 30));
    }
    t.update(bilan::EdofFile{}, e);
}

// The tripartite convention of an employer's or a reclassement's bilan: signed before the first
// session, except some of those still to start (sent, awaiting the employee), and a few never
// recorded.
void write_convention(Transaction& t, Rng& r, const Life& l) {
    if (!r.chance(94)) return;
    bilan::Convention c;
    c.employer = r.pick(bench::employers);
    c.employer_siret = siret(r);
    c.employer_signatory = "Direction des ressources humaines";
    c.title = "Bilan de compétences";
    c.duration_minutes = 1440;
    c.start = l.start;
    c.end = l.planned_end;
    c.sent = by_today(plus_days(l.start, -(15 + r.below(20))));
    const bool to_start = practice_today < plus_days(l.start, 7);
    if (c.sent && !(to_start && r.chance(50))) {
        c.signed_employer = c.sent;
        c.signed_provider = by_today(plus_days(*c.sent, r.below(3)));
        c.signed_employee = by_today(plus_days(*c.sent, 1 + r.below(8)));
    }
    t.update(bilan::Convention{}, c);
}

// The price and who pays it (integer cents): parts that add up to the price.
void write_financing(Transaction& t, Rng& r, const Life& l) {
    if (l.funding.empty() || !r.chance(75)) return;
    bilan::Financing f;
    const std::int64_t price = 149'000 + 1'000 * r.below(92);
    f.price_cents = price;
    if (l.funding == "cpf") {
        const std::int64_t cpf = std::min<std::int64_t>(price, 160'000);
        f.parts.push_back({"cpf", cpf});
        if (price > cpf) f.parts.push_back({"beneficiaire", price - cpf});
    } else if (l.funding == "employeur" || l.funding == "reclassement") {
        f.parts.push_back({"employeur", price});
    } else if (l.funding == "france-travail") {
        f.parts.push_back({"france-travail", price});
        f.jobseeker = true;
    } else {
        f.parts.push_back({"beneficiaire", price});
    }
    t.update(bilan::Financing{}, f);
}

void write_paperwork(Transaction& t, Rng& r, const Life& l, const bilan::BilanRecord& b,
                     const std::vector<bilan::Session>& sessions) {
    bilan::BilanRecord after = b;
    after.handover = l.handover;
    after.handover_mode = l.handover_mode;
    after.abandoned = l.abandoned;
    if (l.abandoned)
        after.abandon_reason =
            r.chance(50) ? "Reprise d'un emploi à temps plein." : "Raisons de santé.";
    if (l.retention_until) {
        after.retention_agreed = l.end;
        after.retention_scope = "documents";
        after.retention_until = l.retention_until;
    }
    if (l.handover || l.abandoned || l.retention_until) t.update(b, after); // format 3
    write_evaluations(t, r, l);
    if (l.funding == "cpf") write_edof(t, r, l, sessions);
    if (l.funding == "employeur" || l.funding == "reclassement") write_convention(t, r, l);
    write_financing(t, r, l);
}

// The practice's identity (practice.toml), which the bilans below it share.
const bilan::Practice& bench_practice() {
    static const bilan::Practice practice = [] {
        Rng rng(17);
        bilan::Practice p;
        p.name = std::string(bench::organisations[0]);
        p.siret = siret(rng);
        p.nda = "84" + digits(rng, 9);
        p.qualiopi = "Certificat Qualiopi n° QUA-2024-0815, catégorie bilans de compétences";
        p.address = "24 rue de la République, 69002 Lyon";
        p.city = "Lyon";
        p.signatory = "Anne Roussel, gérante";
        return p;
    }();
    return practice;
}

// One folder: a lone bilan (the content only), or with `practice` one bilan of a practice, as
// it stands on practice_today (its life drawn apart from its content).
void generate_folder(const std::filesystem::path& dir, const Sizes& sizes, std::uint64_t seed,
                     bool practice = false) {
    Rng rng(seed), life_rng(seed ^ 0x6c696665ull);
    bilan::BilanRecord bilan = make_bilan(rng);
    std::optional<Life> life;
    if (practice) {
        life = plan_life(life_rng);
        bilan.start = life->start;
        bilan.end = life->end;
        bilan.funding = life->funding;
        bilan.organisation = bench_practice().name;
    }
    std::filesystem::create_directories(std::filesystem::absolute(dir).parent_path());
    bilan::store::create_bilan(dir, bilan::store::fields_of(bilan), std::nullopt);
    const bilan::store::Store store(dir);
    {
        Transaction t(store);
        std::vector<bilan::Session> sessions;
        if (!life || life->substance) {
            sessions =
                write_sessions(t, rng, sizes.sessions, bilan, life ? &*life : nullptr, life_rng);
            const auto experiences = write_experiences(t, rng, std::max(3, sizes.skills / 25));
            write_skills(t, rng, sizes.skills, experiences);
            write_traits(t, rng, std::max(6, sizes.skills / 12));
            write_tests(t, bilan);
            write_project(t, write_pistes(t, rng, sizes.pistes, bilan));
            if (!life || life->action_plan)
                write_actions(t, rng, sizes.actions, life ? life->planned_end : *bilan.end,
                              life ? &*life : nullptr, life_rng);
        }
        if (life) write_paperwork(t, life_rng, *life, bilan, sessions);
    }
    if (life && life->purged)
        bilan::ops::purge(store, {.date = *life->purged, .today = practice_today});
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
                 "[--pistes N] [--actions N] [--copies K | --practice K] [--seed S] | DIR "
                 "--timew N\n",
                 message);
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return usage("DIR manquant");
    const std::filesystem::path dir = argv[1];
    Sizes sizes;
    int copies = 0, timew = 0;
    bool practice = false;
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
        else if (option == "--copies" || option == "--practice") {
            copies = value;
            practice = option == "--practice";
        } else if (option == "--timew")
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
            if (practice) bilan::store::create_practice(dir, bench_practice());
            for (int k = 1; k <= copies; ++k) {
                char name[32];
                std::snprintf(name, sizeof name, "bilan-%04d", k);
                generate_folder(dir / name, sizes, seed + static_cast<std::uint64_t>(k), practice);
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
