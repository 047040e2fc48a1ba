// fmt's compiled part (fmt::vformat and friends), built into the CLI.
//
// Debian's libfmt-dev ships only libfmt.so, and libfmt.so pulls in the
// shared libstdc++ and libgcc_s even though the CLI links those statically:
// three extra libraries for the dynamic loader on every run. Defining fmt's
// out-of-line functions here (format-inl.h without FMT_HEADER_ONLY defines
// them non-inline) lets the linker drop libfmt.so (--as-needed in
// src/CMakeLists.txt); the one-file cold start is what a pre-commit hook
// feels (PERFORMANCE.md 7.7, bench/RESULTS.md).
#include <fmt/format-inl.h>

// The two locale helpers the library's objects use are templates that
// libfmt.so instantiates for char; instantiate them here too.
FMT_BEGIN_NAMESPACE
namespace detail {
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl<char>(locale_ref) -> char;
}  // namespace detail
FMT_END_NAMESPACE
