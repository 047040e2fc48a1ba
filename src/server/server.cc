// Server::dispatch(): the LSP lifecycle (initialize, shutdown, exit) and the
// routing of each method to its feature (features.h).
#include "server/server.h"

#include <fmt/format.h>

#include "server/features.h"
#include "server/jsonrpc.h"
#include "server/lsp_text.h"

namespace callcheck::server {

Server::Server(Resolver resolver) : resolver_(std::move(resolver)) {}

auto Server::handle(std::string_view body) -> std::vector<std::string> {
  std::vector<std::string> out;
  rapidjson::Document message;
  // Copy: the parser needs a terminated buffer and the message may not be one.
  // Iterative, so a client's [[[[... cannot exhaust the stack; serve() caps
  // the size, and nothing here walks the DOM recursively.
  const std::string copy(body);
  message.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(copy.c_str(), copy.size());
  if (message.HasParseError()) {
    out.push_back(error_message(nullptr, kParseError, "the message is not JSON"));
    return out;
  }
  try {
    dispatch(&message, out);
  } catch (const std::exception &e) {
    // A bug or an allocation failure: answer, keep serving.
    const Value *id = member(&message, "id");
    if (id != nullptr && member(&message, "method") != nullptr) {
      out.push_back(error_message(id, -32603, std::string("internal error: ") + e.what()));
    }
  }
  return out;
}

auto Server::dispatch(const void *raw, std::vector<std::string> &out) -> void {
  const Value &message = *static_cast<const rapidjson::Document *>(raw);
  if (!message.IsObject()) {
    out.push_back(error_message(nullptr, kInvalidRequest, "a message is a JSON object"));
    return;
  }
  const Value *id = member(&message, "id");
  if (id != nullptr && !id->IsString() && !id->IsInt64() && !id->IsUint64()) id = nullptr;
  const auto method = string_at(&message, "method");
  if (!method) {
    // A response to something we never sent, or junk.
    if (member(&message, "result") == nullptr && member(&message, "error") == nullptr) {
      out.push_back(error_message(id, kInvalidRequest, "a request needs a method"));
    }
    return;
  }
  const bool request = member(&message, "id") != nullptr;
  const Value *params = member(&message, "params");
  auto reply_error = [&](int code, std::string_view text) {
    if (request) out.push_back(error_message(id, code, text));
  };

  if (*method == "initialize") {
    initialized_ = true;
    out.push_back(result_message(id, [](Writer &w) {
      w.StartObject();
      key(w, "capabilities");
      w.StartObject();
      key(w, "positionEncoding");
      str(w, "utf-16");
      key(w, "textDocumentSync");
      w.StartObject();
      key(w, "openClose");
      w.Bool(true);
      key(w, "change");
      w.Int(2);  // incremental
      key(w, "save");
      w.Bool(true);
      w.EndObject();
      key(w, "codeActionProvider");
      w.StartObject();
      key(w, "codeActionKinds");
      w.StartArray();
      str(w, "quickfix");
      str(w, "source.fixAll.callcheck");
      w.EndArray();
      w.EndObject();
      key(w, "hoverProvider");
      w.Bool(true);
      key(w, "completionProvider");
      w.StartObject();
      key(w, "triggerCharacters");
      w.StartArray();
      str(w, "\"");
      w.EndArray();
      w.EndObject();
      w.EndObject();
      key(w, "serverInfo");
      w.StartObject();
      key(w, "name");
      str(w, "callcheck");
      w.EndObject();
      w.EndObject();
    }));
    return;
  }
  if (*method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_) {
    reply_error(kServerNotInitialized, "initialize first");
    return;
  }
  if (*method == "initialized" || *method == "$/cancelRequest" || *method == "$/setTrace" ||
      *method == "workspace/didChangeConfiguration") {
    return;
  }
  if (*method == "shutdown") {
    shutdown_ = true;
    out.push_back(result_message(id, [](Writer &w) { w.Null(); }));
    return;
  }
  if (shutdown_) {
    reply_error(kInvalidRequest, "the server is shutting down");
    return;
  }

  const Value *text_document = member(params, "textDocument");
  const auto uri_value = string_at(text_document, "uri");
  if (!uri_value) {
    if (method->substr(0, 13) == "textDocument/") {
      reply_error(kInvalidParams, "textDocument.uri is missing");
    } else {
      reply_error(kMethodNotFound, fmt::format("unsupported method {}", *method));
    }
    return;
  }
  const std::string uri(*uri_value);

  if (*method == "textDocument/didOpen") {
    const auto text = string_at(text_document, "text");
    if (!text) return;
    Open &doc = documents_[uri];
    doc.path = uri_to_path(uri);
    doc.text = std::string(*text);
    const Value *version = member(text_document, "version");
    doc.version = version != nullptr && version->IsInt64() ? version->GetInt64() : 0;
    analyse(uri, doc, resolver_);
    out.push_back(publish(uri, doc));
    return;
  }
  const auto found = documents_.find(uri);
  if (found == documents_.end()) {
    reply_error(kInvalidParams, "the document is not open");
    return;
  }
  Open &doc = found->second;

  if (*method == "textDocument/didChange") {
    apply_changes(doc, member(params, "contentChanges"));
    const Value *version = member(text_document, "version");
    if (version != nullptr && version->IsInt64()) doc.version = version->GetInt64();
    analyse(uri, doc, resolver_);
    out.push_back(publish(uri, doc));
    return;
  }
  if (*method == "textDocument/didSave") {
    if (const auto text = string_at(params, "text")) doc.text = std::string(*text);
    analyse(uri, doc, resolver_);  // the configuration may have changed on disk
    out.push_back(publish(uri, doc));
    return;
  }
  if (*method == "textDocument/didClose") {
    documents_.erase(found);
    // Clear what the editor shows for it.
    Open empty;
    out.push_back(publish(uri, empty));
    return;
  }
  if (*method == "textDocument/codeAction") {
    const Lines lines(doc.text);
    const Value *range = member(params, "range");
    const auto sl = uint_at(member(range, "start"), "line");
    const auto sc = uint_at(member(range, "start"), "character");
    const auto el = uint_at(member(range, "end"), "line");
    const auto ec = uint_at(member(range, "end"), "character");
    if (!sl || !sc || !el || !ec) {
      reply_error(kInvalidParams, "range is missing");
      return;
    }
    out.push_back(code_actions(id, uri, doc, resolve(resolver_, doc.path).options, lines.offset(*sl, *sc),
                               lines.offset(*el, *ec)));
    return;
  }
  const Value *position = member(params, "position");
  const auto line = uint_at(position, "line");
  const auto character = uint_at(position, "character");
  if (*method == "textDocument/hover" || *method == "textDocument/completion") {
    if (!line || !character) {
      reply_error(kInvalidParams, "position is missing");
      return;
    }
  }
  if (*method == "textDocument/hover") {
    const std::string text = hover_markdown(doc, uri, *line, *character, resolve(resolver_, doc.path).options);
    out.push_back(result_message(id, [&](Writer &w) {
      if (text.empty()) {
        w.Null();
        return;
      }
      w.StartObject();
      key(w, "contents");
      w.StartObject();
      key(w, "kind");
      str(w, "markdown");
      key(w, "value");
      str(w, text);
      w.EndObject();
      w.EndObject();
    }));
    return;
  }
  if (*method == "textDocument/completion") {
    out.push_back(completion(id, doc, uri, *line, *character, resolve(resolver_, doc.path).options));
    return;
  }
  reply_error(kMethodNotFound, fmt::format("unsupported method {}", *method));
}

}  // namespace callcheck::server
