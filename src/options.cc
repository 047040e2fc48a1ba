#include <callcheck/options.h>

#include <tuple>  // std::tie

namespace callcheck {
namespace {

auto tie(const Limits &l) {
  return std::tie(l.max_bytes, l.max_depth, l.max_string_bytes, l.max_key_bytes, l.max_members, l.max_elements,
                  l.max_findings);
}

auto tie(const Options &o) {
  return std::tie(o.api, o.limits, o.granted_scopes, o.rule_levels, o.select, o.ignore, o.preview, o.request,
                  o.configured_request, o.join_url, o.token_tenant, o.policies);
}

// A member added to Limits or Options must be added to tie() above, or two
// configurations that differ in it would share one cache entry in the CLI.
// The sizes are a tripwire for that, on the one ABI CI builds on.
#if defined(__x86_64__) && defined(__GLIBCXX__) && defined(__LP64__)
static_assert(sizeof(Limits) == 7 * 8, "a Limits member was added: compare it in tie(), then update this size");
static_assert(sizeof(Options) == 368, "an Options member was added: compare it in tie(), then update this size");
#endif

}  // namespace

auto operator==(const Limits &a, const Limits &b) -> bool { return tie(a) == tie(b); }

auto operator==(const Options &a, const Options &b) -> bool { return tie(a) == tie(b); }

}  // namespace callcheck
