// Completion of member names and enum values (and an object's
// `@odata.type`) in a body that is being typed.
#include "server/features.h"

#include "document/pointer.h"
#include "server/lsp_text.h"

namespace callcheck::server {

auto completion(const Value *id, const Server::Open &doc, const std::string &uri, std::size_t line,
                std::size_t character, const Options &options) -> std::string {
  const auto body = body_at(doc, kind_of(uri), line, character, options.api);
  std::vector<std::pair<std::string, std::string>> items;  // label, detail
  bool values = false;
  CursorContext c;
  if (body && body->text.size() <= options.limits.max_bytes) {
    c = cursor_context(body->text, body->offset);
    const detail::Document closed = detail::Document::parse(c.closed, options.limits);
    if (closed.has_dom() && c.object) {
      const detail::Navigator &nav = detail::Navigator::for_call(options.api);
      std::string pointer;
      for (const std::string &t : c.path) pointer = detail::join_pointer(pointer, t);
      const Value *container = closed.find(pointer);
      const detail::SchemaNode schema = nav.at(closed, pointer);
      if (c.key && container != nullptr && container->IsObject()) {
        for (const std::string_view name : detail::Navigator::property_names(schema)) {
          if (container->HasMember(std::string(name).c_str())) continue;
          items.emplace_back(name, std::string(description_of(nav.member(schema, *container, name))));
        }
      } else if (!c.key && !c.member.empty() && container != nullptr && container->IsObject()) {
        values = true;
        const detail::SchemaNode m = nav.member(schema, *container, c.member);
        std::vector<std::string_view> allowed = detail::Navigator::enum_values(detail::Navigator::deref(m));
        if (c.member == "@odata.type") {
          // The slot's discriminator: the types this object may be.
          const std::string parent(detail::parent_pointer(pointer));
          const Value *owner = closed.find(parent);
          if (!pointer.empty() && owner != nullptr && owner->IsObject()) {
            const detail::SchemaNode slot = nav.member(nav.at(closed, parent), *owner, detail::last_token(pointer));
            for (const std::string_view v : detail::Navigator::discriminator_values(slot)) {
              if (!v.empty() && v.front() == '#') allowed.push_back(v);
            }
          }
        }
        for (const std::string_view v : allowed) items.emplace_back(v, "");
      }
    }
  }
  return result_message(id, [&](Writer &w) {
    w.StartObject();
    key(w, "isIncomplete");
    w.Bool(false);
    key(w, "items");
    w.StartArray();
    for (const auto &[label, detail_text] : items) {
      w.StartObject();
      key(w, "label");
      str(w, label);
      key(w, "kind");
      w.Int(values ? 20 : 10);  // EnumMember / Property
      key(w, "insertText");
      str(w, c.in_string ? label : "\"" + label + "\"");
      if (!detail_text.empty()) {
        key(w, "documentation");
        str(w, detail_text);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  });
}

}  // namespace callcheck::server
