// practice.toml, in a practice folder: the provider's identity, shared by the bilans below it.
#include "bilan/calendar.hpp"
#include "bilan/contacts.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/messages.hpp"
#include "bilan/provider_ids.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

// [questions] chaud = [...], froid = [...]: each a question as parse_question reads it.
void read_questions(RecordReader& r, Practice& p) {
    const toml::node* node = r.node("questions");
    if (!node) return;
    const toml::table* table = node->as_table();
    if (!table) return r.fail(r.pos("questions"), "« questions » doit être une table [questions]");
    RecordReader q(*table, position_of(*table, r.file().file), r.diagnostics());
    for (auto [kind, list] :
         {std::pair{"chaud", &p.questions_chaud}, std::pair{"froid", &p.questions_froid}}) {
        const bool given = q.has(kind);
        std::vector<std::string> specs = q.texts(kind);
        if (!given) continue;
        *list = std::move(specs);
        for (std::size_t i = 0; i < (*list)->size(); ++i) {
            try {
                parse_question((**list)[i]);
            } catch (const UsageError& e) {
                q.fail(q.pos(kind, i), e.what());
            }
        }
    }
    if (!q.finish()) r.fail(q.file(), "questions d'évaluation invalides");
}

// email and telephone as `practice set` stores them: a hand edit no draft could use is said.
void read_contacts(RecordReader& r, Practice& p) {
    p.email = r.text("email");
    p.telephone = r.text("telephone");
    try {
        if (!p.email.empty()) parse_email(p.email);
    } catch (const UsageError& e) {
        r.fail(r.pos("email"), e.what());
    }
    try {
        if (!p.telephone.empty()) parse_phone(p.telephone);
    } catch (const UsageError& e) {
        r.fail(r.pos("telephone"), e.what());
    }
}

// [messages] convocation = """…""", convocation-objet = "…"…: the practice's own texts for
// `bilan message`, each placeholder one it knows.
void read_messages(RecordReader& r, Practice& p) {
    const toml::node* node = r.node("messages");
    if (!node) return;
    const toml::table* table = node->as_table();
    if (!table) return r.fail(r.pos("messages"), "« messages » doit être une table [messages]");
    RecordReader m(*table, position_of(*table, r.file().file), r.diagnostics());
    for (const std::string_view key : message_template_keys()) {
        if (!m.has(key)) continue;
        std::string text = m.text(key);
        try {
            check_message_template(text);
        } catch (const UsageError& e) {
            m.fail(m.pos(key), e.what());
        }
        p.message_templates.emplace_back(std::string(key), std::move(text));
    }
    if (!m.finish()) r.fail(m.file(), "modèles de messages invalides");
}

Practice read_practice(RecordReader& r) {
    Practice p;
    p.name = r.text("name", true);
    p.siret = provider_id(r, "siret", parse_siret);
    p.nda = provider_id(r, "nda", parse_nda);
    p.bce = provider_id(r, "bce", parse_bce);
    p.qualiopi = r.text("qualiopi");
    p.address = r.text("address");
    p.city = r.text("city");
    p.signatory = r.text("signatory");
    read_contacts(r, p);
    p.holidays = r.text("holidays");
    if (const auto calendar = parse_holiday_calendar(p.holidays))
        p.holidays = holiday_calendar_key(*calendar);
    else if (!p.holidays.empty())
        r.fail(r.pos("holidays"), "« holidays » : « " + p.holidays +
                                      " » inconnu (attendu metropole ou alsace-moselle)");
    p.external = r.text("external");
    read_questions(r, p);
    read_messages(r, p);
    p.origin = r.file();
    return p;
}

Fields write_fields(const Practice& p) {
    return {{"name", p.name},
            {"siret", text_or_none(p.siret)},
            {"nda", text_or_none(p.nda)},
            {"bce", text_or_none(p.bce)},
            {"qualiopi", text_or_none(p.qualiopi)},
            {"address", text_or_none(p.address)},
            {"city", text_or_none(p.city)},
            {"signatory", text_or_none(p.signatory)},
            {"holidays", text_or_none(p.holidays)},
            {"external", text_or_none(p.external)},
            {"email", text_or_none(p.email)},
            {"telephone", text_or_none(p.telephone)}};
}

} // namespace

template <> const FileKind<Practice>& file_kind() {
    static const FileKind<Practice> kind{
        .file = "practice.toml",
        .scope = Scope::practice,
        .read = read_practice,
        .fields = write_fields,
    };
    return kind;
}

} // namespace bilan::store
