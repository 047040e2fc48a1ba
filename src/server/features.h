// The language server's features, one file each, behind Server::dispatch():
// the document store and its incremental sync (documents.cc), code actions
// (code_actions.cc), hover (hover.cc), completion (completion.cc), and where
// the cursor is inside a body (cursor.cc). Internal to src/server/.
#ifndef CALLCHECK_SERVER_FEATURES_H_
#define CALLCHECK_SERVER_FEATURES_H_

#include <cstddef>      // std::size_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "document/document.h"
#include "fix/fix_file.h"
#include "schema/navigator.h"
#include "server/jsonrpc.h"
#include "server/server.h"

namespace callcheck::server {

// ---- documents.cc: the open documents and their findings
// The file's configuration; the defaults when there is no resolver, no path
// or the configuration cannot be read.
[[nodiscard]] auto resolve(const Resolver &resolver, const std::string &path) -> Resolved;
// Checks `doc.text` again and keeps the reports.
void analyse(const std::string &uri, Server::Open &doc, const Resolver &resolver);
// textDocument/publishDiagnostics for `doc`.
[[nodiscard]] auto publish(const std::string &uri, const Server::Open &doc) -> std::string;
// Applies didChange's contentChanges (whole text or ranges) to `doc.text`.
void apply_changes(Server::Open &doc, const Value *changes);

// ---- code_actions.cc
// The quick fixes whose findings touch [want_begin, want_end], and "fix all safe".
[[nodiscard]] auto code_actions(const Value *id, const std::string &uri, const Server::Open &doc,
                                const Options &options, std::size_t want_begin, std::size_t want_end) -> std::string;

// ---- hover.cc
// Markdown for the finding or member under the cursor; "" for nothing.
[[nodiscard]] auto hover_markdown(const Server::Open &doc, const std::string &uri, std::size_t line,
                                  std::size_t character, const Options &options) -> std::string;

// ---- completion.cc
[[nodiscard]] auto completion(const Value *id, const Server::Open &doc, const std::string &uri, std::size_t line,
                              std::size_t character, const Options &options) -> std::string;

// ---- cursor.cc: where the cursor is inside a body (JSON, or a Markdown/.http block)
struct BodyAt {
  std::string text;        // the body
  std::size_t offset = 0;  // the cursor, as a byte offset into `text`
};

[[nodiscard]] auto body_at(const Server::Open &doc, detail::FixInput kind, std::size_t line, std::size_t utf16,
                           ApiVersion api) -> std::optional<BodyAt>;
// The deepest member whose name or value holds `offset`: its pointer.
[[nodiscard]] auto pointer_at(const detail::Document &doc, std::size_t offset, bool &on_key, std::size_t &width)
    -> std::optional<std::string>;
[[nodiscard]] auto description_of(const detail::SchemaNode &node) -> std::string_view;
// The schema declared for member `pointer` (with its annotations).
[[nodiscard]] auto declared_schema(const detail::Document &doc, const detail::Navigator &nav,
                                   const std::string &pointer) -> detail::SchemaNode;

// A body that is being typed (it may not parse).
struct CursorContext {
  std::vector<std::string> path;  // member names / indexes of the enclosing container
  bool object = false;            // the container is an object
  bool key = false;               // a member name is expected (or being typed)
  bool in_string = false;         // the cursor is inside quotes
  std::string member;             // value position: the member whose value it is
  std::string closed;             // the text before the cursor, completed into JSON
};

// Scans `text` up to `offset` like a JSON tokenizer, then closes what is open,
// so the schema navigator can be asked about the enclosing object (an
// `@odata.type` written before the cursor still picks the derived type).
[[nodiscard]] auto cursor_context(std::string_view text, std::size_t offset) -> CursorContext;

}  // namespace callcheck::server

#endif  // CALLCHECK_SERVER_FEATURES_H_
