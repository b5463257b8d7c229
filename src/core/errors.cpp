#include "bilan/errors.hpp"

#include <cstring>

namespace bilan {

std::string format_located(const SourcePos& pos, const std::string& message) {
    if (pos.file.empty()) return message;
    if (pos.line <= 0) return pos.file + ": " + message;
    return pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
           message;
}

EnvironmentError system_error(const std::string& what, const std::string& path, int err) {
    return EnvironmentError(what + " " + path + " : " + std::strerror(err));
}

} // namespace bilan
