#include "config/glob.h"

#include <algorithm>  // std::fill
#include <cstddef>    // std::size_t
#include <cstdint>    // std::uint8_t
#include <vector>     // std::vector

namespace callcheck::detail {
namespace {

enum class Op : std::uint8_t {
  Literal,     // one character, itself
  AnyOne,      // `?`: one character except '/'
  Star,        // `*`: any run without '/'
  DoubleStar,  // `**`: any run
  // Before a whole-segment `**/`, matches nothing: it also lets the match
  // skip the `**/` (no folder at all). Separate from the `**` state, which
  // loops, so that the skip is only taken before `**` consumed anything.
  SegmentEntry,
};

struct Token {
  Op op;
  char c;
};

// The pattern as a list of tokens, so that matching is a walk over an NFA
// whose states are "before token i". (A memoised backtracking matcher cost
// O(pattern × path²) and seconds per file for long `**` patterns.)
auto compile(std::string_view p) -> std::vector<Token> {
  std::vector<Token> out;
  out.reserve(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '*' && i + 1 < p.size() && p[i + 1] == '*') {
      const bool segment = (i == 0 || p[i - 1] == '/') && i + 2 < p.size() && p[i + 2] == '/';
      if (segment) out.push_back(Token{Op::SegmentEntry, 0});
      out.push_back(Token{Op::DoubleStar, 0});
      ++i;
    } else if (c == '*') {
      out.push_back(Token{Op::Star, 0});
    } else if (c == '?') {
      out.push_back(Token{Op::AnyOne, 0});
    } else {
      out.push_back(Token{Op::Literal, c});
    }
  }
  return out;
}

// Adds the states reachable from the set without consuming a character.
// Every such move goes forward (a star may match nothing; a segment entry
// goes on into its `**` or past the `**/`), so one pass in increasing order
// closes the set.
void close(const std::vector<Token> &tokens, std::vector<std::uint8_t> &states) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (states[i] == 0) continue;
    const Token &t = tokens[i];
    if (t.op == Op::Star || t.op == Op::DoubleStar || t.op == Op::SegmentEntry) states[i + 1] = 1;
    if (t.op == Op::SegmentEntry) states[i + 3] = 1;  // entry, `**`, '/', then what follows
  }
}

}  // namespace

auto glob_match(std::string_view pattern, std::string_view path) -> bool {
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  const std::vector<Token> tokens = compile(pattern);
  const std::size_t n = tokens.size();
  // Time O(pattern × path), memory O(pattern): the state sets of one step.
  std::vector<std::uint8_t> current(n + 1, 0);
  std::vector<std::uint8_t> next(n + 1, 0);
  current[0] = 1;
  close(tokens, current);
  for (const char c : path) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (current[i] == 0) continue;
      const Token &t = tokens[i];
      bool step = false;  // t consumes c
      std::size_t to = i + 1;
      switch (t.op) {
        case Op::Literal: step = t.c == c; break;
        case Op::AnyOne: step = c != '/'; break;
        case Op::Star:  // stays: it may take more
          step = c != '/';
          to = i;
          break;
        case Op::DoubleStar:
          step = true;
          to = i;
          break;
        case Op::SegmentEntry: break;
      }
      if (step) {
        next[to] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(tokens, next);
    current.swap(next);
  }
  return current[n] == 1;
}

auto glob_match_any(const std::vector<std::string> &patterns, std::string_view path) -> bool {
  for (const std::string &p : patterns) {
    if (glob_match(p, path)) return true;
  }
  return false;
}

}  // namespace callcheck::detail
