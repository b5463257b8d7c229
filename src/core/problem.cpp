#include "bilan/problem.hpp"

#include <atomic>

namespace bilan {

Error::Error(ExitCode code, Problem problem)
    : std::runtime_error(problem.code), code_(code),
      problem_(std::make_shared<const Problem>(std::move(problem))) {}

RefusedError::RefusedError(Problem problem) : Error(ExitCode::refused, std::move(problem)) {}

const std::string& Problem::value(std::string_view name) const {
    static const std::string none;
    for (const NamedValue& v : values)
        if (v.name == name) return v.text;
    return none;
}

Problem file_problem(std::optional<SourcePos> where, std::string detail) {
    return {.code = std::string(file_invalid),
            .where = std::move(where),
            .values = {{"detail", std::move(detail)}}};
}

namespace {
std::atomic<NoticeSink> notice_sink{nullptr};
} // namespace

void set_notice_sink(NoticeSink sink) {
    notice_sink.store(sink);
}

void notify(const Problem& notice) {
    if (const NoticeSink sink = notice_sink.load()) sink(notice);
}

} // namespace bilan
