// Building fixes from JSON Pointers: rules name what to change, these turn
// it into byte edits on the original text (its formatting, member order and
// surrounding text stay as written), and apply() carries them out.
#ifndef CALLCHECK_FIX_EDITS_H_
#define CALLCHECK_FIX_EDITS_H_

#include <cstddef>      // std::size_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/diagnostic.h"
#include "document/document.h"

namespace callcheck::detail {

// `text` as a JSON string literal, quotes included.
[[nodiscard]] auto json_quote(std::string_view text) -> std::string;

// Replace the value at `pointer` with `json` (JSON text); nullopt if absent.
[[nodiscard]] auto replace_value(const Document &doc, std::string_view pointer, std::string json)
    -> std::optional<Edit>;
// Rename the member at `pointer` to `name`; nullopt if it is not a member.
[[nodiscard]] auto rename_member(const Document &doc, std::string_view pointer, std::string_view name)
    -> std::optional<Edit>;
// Delete the member or element at `pointer` with one adjacent comma, so the
// container stays valid JSON and the other entries keep their layout.
[[nodiscard]] auto remove_entry(const Document &doc, std::string_view pointer) -> std::optional<Edit>;

// A fix from edits that all exist; nullopt when any is missing.
[[nodiscard]] auto make_fix(FixSafety safety, std::string description, std::vector<std::optional<Edit>> edits)
    -> std::optional<Fix>;

// The candidate closest to `word` when exactly one is closest (and close
// enough for closest() in util/suggest.h): a fix must not pick among ties.
[[nodiscard]] auto unique_closest(std::string_view word, const std::vector<std::string_view> &candidates)
    -> std::string;

// Applies every fix in order of its first edit, skipping any fix whose edits
// overlap one already taken (so the result does not depend on which of two
// clashing fixes came first in the input: the earlier position wins, then the
// lower code). Returns the new text; `applied` gets the code of each fix taken.
struct FixRef {
  const Fix *fix = nullptr;
  std::string_view code;
};
[[nodiscard]] auto apply_fixes(std::string_view text, std::vector<FixRef> fixes, std::vector<std::string> &applied)
    -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_FIX_EDITS_H_
