// JSON-RPC 2.0 for the language server: reading members of a message
// defensively, and writing responses (an id echoed as it came). Internal to
// src/server/.
#ifndef CALLCHECK_SERVER_JSONRPC_H_
#define CALLCHECK_SERVER_JSONRPC_H_

#include "document/rapidjson_adapter.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>      // std::size_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace callcheck::server {

using rapidjson::Value;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// JSON-RPC 2.0 and LSP error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kServerNotInitialized = -32002;

inline auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

inline auto member(const Value *object, const char *name) -> const Value * {
  if (object == nullptr || !object->IsObject()) return nullptr;
  const auto it = object->FindMember(name);
  return it == object->MemberEnd() ? nullptr : &it->value;
}

inline auto string_at(const Value *object, const char *name) -> std::optional<std::string_view> {
  const Value *v = member(object, name);
  if (v == nullptr || !v->IsString()) return std::nullopt;
  return sv(*v);
}

inline auto uint_at(const Value *object, const char *name) -> std::optional<std::size_t> {
  const Value *v = member(object, name);
  if (v == nullptr || !v->IsUint64()) return std::nullopt;
  return static_cast<std::size_t>(v->GetUint64());
}

inline void key(Writer &w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
inline void str(Writer &w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

// An id is echoed as it came (number or string); null when there is none.
inline void write_id(Writer &w, const Value *id) {
  if (id == nullptr) {
    w.Null();
  } else if (id->IsString()) {
    str(w, sv(*id));
  } else if (id->IsInt64()) {
    w.Int64(id->GetInt64());
  } else if (id->IsUint64()) {
    w.Uint64(id->GetUint64());
  } else {
    w.Null();
  }
}

// A JSON-RPC response: `member` is "result" or "error", written by `body`.
template <typename Body>
auto response(const Value *id, std::string_view member, Body body) -> std::string {
  rapidjson::StringBuffer b;
  Writer w(b);
  w.StartObject();
  key(w, "jsonrpc");
  str(w, "2.0");
  key(w, "id");
  write_id(w, id);
  key(w, member);
  body(w);
  w.EndObject();
  return b.GetString();
}

inline auto error_message(const Value *id, int code, std::string_view message) -> std::string {
  return response(id, "error", [&](Writer &w) {
    w.StartObject();
    key(w, "code");
    w.Int(code);
    key(w, "message");
    str(w, message);
    w.EndObject();
  });
}

template <typename Body>
auto result_message(const Value *id, Body body) -> std::string {
  return response(id, "result", body);
}

}  // namespace callcheck::server

#endif  // CALLCHECK_SERVER_JSONRPC_H_
