// convention.toml: the tripartite convention (R6313-8), format 2.
#include "bilan/provider_ids.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

Convention read_convention(RecordReader& r) {
    Convention c;
    c.employer = r.text("employer");
    c.employer_siret = provider_id(r, "employer_siret", parse_siret);
    c.employer_address = r.text("employer_address");
    c.employer_signatory = r.text("employer_signatory");
    c.title = r.text("title");
    c.objective = r.text("objective");
    c.content = r.text("content");
    c.means = r.text("means");
    c.conduct = r.text("conduct");
    c.payment = r.text("payment");
    if (const auto minutes = r.integer("duration_minutes", 1, 100000))
        c.duration_minutes = static_cast<int>(*minutes);
    c.start = r.date("start");
    c.end = r.date("end");
    check_order(r, c.start, c.end, "end");
    c.sent = r.date("sent");
    c.signed_employee = r.date("signed_employee");
    c.signed_employer = r.date("signed_employer");
    c.signed_provider = r.date("signed_provider");
    c.sent_origin = r.has("sent") ? r.pos("sent") : r.file();
    c.signed_employee_origin = r.has("signed_employee") ? r.pos("signed_employee") : r.file();
    c.origin = r.file();
    c.exists = true;
    return c;
}

Fields write_fields(const Convention& c) {
    return {{"employer", text_or_none(c.employer)},
            {"employer_siret", text_or_none(c.employer_siret)},
            {"employer_address", text_or_none(c.employer_address)},
            {"employer_signatory", text_or_none(c.employer_signatory)},
            {"title", text_or_none(c.title)},
            {"objective", text_or_none(c.objective)},
            {"content", text_or_none(c.content)},
            {"means", text_or_none(c.means)},
            {"conduct", text_or_none(c.conduct)},
            {"payment", text_or_none(c.payment)},
            {"duration_minutes", int_or_none(c.duration_minutes)},
            {"start", date_or_none(c.start)},
            {"end", date_or_none(c.end)},
            {"sent", date_or_none(c.sent)},
            {"signed_employee", date_or_none(c.signed_employee)},
            {"signed_employer", date_or_none(c.signed_employer)},
            {"signed_provider", date_or_none(c.signed_provider)}};
}

} // namespace

template <> const FileKind<Convention>& file_kind() {
    static const FileKind<Convention> kind{
        .file = "convention.toml",
        .header = "# Convention tripartite (R6313-8) : « bilan convention set » ou à la main.\n",
        .read = read_convention,
        .fields = write_fields,
        .member = &Folder::convention,
        // A bilan of format 1 does not know it.
        .format = [](const Convention&) { return funding_format; },
    };
    return kind;
}

} // namespace bilan::store
