#include "config/glob.h"

#include <algorithm>  // std::fill, std::min, std::max
#include <cctype>     // std::isalpha, ...
#include <cstddef>    // std::size_t

namespace callcheck::detail {
namespace {

// `[:name:]` inside a bracket expression; false for an unknown name.
auto add_named_class(std::string_view name, std::bitset<256> &set) -> bool {
  int (*test)(int) = nullptr;
  if (name == "alnum") test = [](int c) { return std::isalnum(c); };
  if (name == "alpha") test = [](int c) { return std::isalpha(c); };
  if (name == "blank") test = [](int c) { return std::isblank(c); };
  if (name == "cntrl") test = [](int c) { return std::iscntrl(c); };
  if (name == "digit") test = [](int c) { return std::isdigit(c); };
  if (name == "graph") test = [](int c) { return std::isgraph(c); };
  if (name == "lower") test = [](int c) { return std::islower(c); };
  if (name == "print") test = [](int c) { return std::isprint(c); };
  if (name == "punct") test = [](int c) { return std::ispunct(c); };
  if (name == "space") test = [](int c) { return std::isspace(c); };
  if (name == "upper") test = [](int c) { return std::isupper(c); };
  if (name == "xdigit") test = [](int c) { return std::isxdigit(c); };
  if (test == nullptr) return false;
  for (int c = 0; c < 128; ++c) {  // the "C" locale: ASCII only
    if (test(c) != 0) set.set(static_cast<std::size_t>(c));
  }
  return true;
}

// A bracket expression starting at p[i] == '['. Returns the index after its
// closing ']', or 0 when it is not closed (git then matches nothing).
auto parse_class(std::string_view p, std::size_t i, std::bitset<256> &set, bool &bad) -> std::size_t {
  std::size_t j = i + 1;
  bool negate = false;
  if (j < p.size() && (p[j] == '!' || p[j] == '^')) {
    negate = true;
    ++j;
  }
  bool first = true;
  int previous = -1;  // for ranges
  for (; j < p.size(); ++j) {
    unsigned char c = static_cast<unsigned char>(p[j]);
    if (c == ']' && !first) {
      if (negate) set.flip();
      set.reset('/');
      return j + 1;
    }
    first = false;
    if (c == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      const std::size_t end = p.find(":]", j + 2);
      if (end == std::string_view::npos) return 0;
      if (!add_named_class(p.substr(j + 2, end - j - 2), set)) bad = true;
      j = end + 1;
      previous = -1;
      continue;
    }
    if (c == '\\' && j + 1 < p.size()) c = static_cast<unsigned char>(p[++j]);
    if (c == '-' && previous >= 0 && j + 1 < p.size() && p[j + 1] != ']') {
      unsigned char hi = static_cast<unsigned char>(p[++j]);
      if (hi == '\\' && j + 1 < p.size()) hi = static_cast<unsigned char>(p[++j]);
      for (int k = previous; k <= hi; ++k) set.set(static_cast<std::size_t>(k));
      previous = -1;
      continue;
    }
    set.set(c);
    previous = c;
  }
  return 0;
}

}  // namespace

// The pattern as a list of tokens, so that matching is a walk over an NFA
// whose states are "before token i". (A memoised backtracking matcher cost
// O(pattern × path²) and seconds per file for long `**` patterns.)
Glob::Glob(std::string_view p, GlobSyntax syntax) {
  while (p.substr(0, 2) == "./") p.remove_prefix(2);
  const bool git = syntax == GlobSyntax::Git;
  tokens_.reserve(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '*' && i + 1 < p.size() && p[i + 1] == '*') {
      std::size_t end = i;
      while (end < p.size() && p[end] == '*') ++end;  // "***" is "**"
      const bool segment = (i == 0 || p[i - 1] == '/') && (end == p.size() || p[end] == '/');
      const bool leading = (i == 0 || p[i - 1] == '/') && end < p.size() && p[end] == '/';
      // "**/**/" is "**/": a hostile `**/**/**/...` costs no more than one.
      if (leading && end + 3 <= p.size() && p.compare(end + 1, 2, "**") == 0 &&
          (end + 3 == p.size() || p[end + 3] == '/')) {
        i = end;  // at the '/': the next round sees the following `**`
        continue;
      }
      if (git && !segment) {
        tokens_.push_back(Token{Op::Star, 0, 0});
      } else {
        if (leading) tokens_.push_back(Token{Op::SegmentEntry, 0, 0});
        tokens_.push_back(Token{Op::DoubleStar, 0, 0});
      }
      i = end - 1;
    } else if (c == '*') {
      tokens_.push_back(Token{Op::Star, 0, 0});
    } else if (c == '?') {
      tokens_.push_back(Token{Op::AnyOne, 0, 0});
    } else if (git && c == '\\' && i + 1 < p.size()) {
      tokens_.push_back(Token{Op::Literal, static_cast<unsigned char>(p[++i]), 0});
    } else if (git && c == '[') {
      std::bitset<256> set;
      bool bad = false;
      const std::size_t end = parse_class(p, i, set, bad);
      if (end == 0 || bad) {
        // Unclosed or unknown class: git's wildmatch fails the whole match.
        tokens_.assign(1, Token{Op::Class, 0, static_cast<std::uint32_t>(classes_.size())});
        classes_.emplace_back();  // matches no character
        tokens_.push_back(Token{Op::Literal, 0, 0});
        return;
      }
      tokens_.push_back(Token{Op::Class, 0, static_cast<std::uint32_t>(classes_.size())});
      classes_.push_back(set);
      i = end - 1;
    } else {
      tokens_.push_back(Token{Op::Literal, static_cast<unsigned char>(c), 0});
    }
  }
  std::size_t first = 0;
  while (first < tokens_.size() && tokens_[first].op == Op::Literal) prefix_ += static_cast<char>(tokens_[first++].c);
  if (first == tokens_.size()) return;  // all literal: prefix_ is the whole pattern
  std::size_t last = tokens_.size();
  while (last > 0 && tokens_[last - 1].op == Op::Literal) --last;
  for (std::size_t k = last; k < tokens_.size(); ++k) suffix_ += static_cast<char>(tokens_[k].c);
  // "**/x" also matches "x": the '/' after a whole-segment `**` is optional.
  if (!suffix_.empty() && last >= 2 && tokens_[last - 2].op == Op::SegmentEntry) suffix_.erase(0, 1);
}

auto Glob::match(std::string_view path) const -> bool {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  if (path.size() < prefix_.size() + suffix_.size() || path.compare(0, prefix_.size(), prefix_) != 0 ||
      path.compare(path.size() - suffix_.size(), suffix_.size(), suffix_) != 0) {
    return false;
  }
  const std::size_t n = tokens_.size();
  // Only the states from `lo` to `hi` can be active: each step and each
  // closure move goes forward by at most 3, so a pattern costs what the
  // path reaches into it, not its whole length, per character.
  std::size_t lo = 0;
  std::size_t hi = 0;
  // Adds the states reachable without consuming a character. Every such
  // move goes forward (a star may match nothing; a segment entry goes on
  // into its `**` or past the `**/`), so one pass in increasing order closes
  // the set.
  auto close = [&](std::vector<std::uint8_t> &states) {
    for (std::size_t i = lo; i <= hi && i < n; ++i) {
      if (states[i] == 0) continue;
      const Op op = tokens_[i].op;
      if (op == Op::Star || op == Op::DoubleStar || op == Op::SegmentEntry) {
        states[i + 1] = 1;
        hi = std::max(hi, i + 1);
      }
      if (op == Op::SegmentEntry) {
        states[i + 3] = 1;  // entry, `**`, '/', then what follows
        hi = std::max(hi, i + 3);
      }
    }
  };
  // Time O(pattern × path) at worst, memory O(pattern): the state sets of one step.
  std::vector<std::uint8_t> current(n + 1, 0);
  std::vector<std::uint8_t> next(n + 1, 0);
  current[0] = 1;
  close(current);
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    std::fill(next.begin() + static_cast<std::ptrdiff_t>(lo),
              next.begin() + static_cast<std::ptrdiff_t>(std::min(n, hi + 3) + 1), 0);
    std::size_t new_lo = n + 1;
    std::size_t new_hi = 0;
    for (std::size_t i = lo; i <= hi && i < n; ++i) {
      if (current[i] == 0) continue;
      const Token &t = tokens_[i];
      bool step = false;  // t consumes c
      std::size_t to = i + 1;
      switch (t.op) {
        case Op::Literal: step = t.c == c; break;
        case Op::AnyOne: step = c != '/'; break;
        case Op::Class: step = classes_[t.index].test(c); break;
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
        new_lo = std::min(new_lo, to);
        new_hi = std::max(new_hi, to);
      }
    }
    if (new_lo > n) return false;
    std::fill(current.begin() + static_cast<std::ptrdiff_t>(lo),
              current.begin() + static_cast<std::ptrdiff_t>(std::min(n, hi + 3) + 1), 0);
    lo = new_lo;
    hi = new_hi;
    close(next);
    current.swap(next);
  }
  return current[n] == 1;
}

auto glob_match(std::string_view pattern, std::string_view path) -> bool { return Glob(pattern).match(path); }

auto glob_match_any(const std::vector<std::string> &patterns, std::string_view path) -> bool {
  for (const std::string &p : patterns) {
    if (glob_match(p, path)) return true;
  }
  return false;
}

auto excluded_by(const std::vector<std::string> &patterns, std::string_view relative_path) -> bool {
  while (relative_path.substr(0, 2) == "./") relative_path.remove_prefix(2);
  for (std::string pattern : patterns) {
    while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();  // "build/" is "build"
    const Glob glob(pattern);
    const bool anywhere = pattern.find('/') == std::string::npos;
    std::size_t start = 0;
    while (start <= relative_path.size()) {
      const std::size_t slash = relative_path.find('/', start);
      const std::size_t end = slash == std::string_view::npos ? relative_path.size() : slash;
      const std::string_view tested =
          anywhere ? relative_path.substr(start, end - start) : relative_path.substr(0, end);
      if (!(anywhere && tested == "..") && glob.match(tested)) return true;
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
  }
  return false;
}

}  // namespace callcheck::detail
