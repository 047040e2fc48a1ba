#include "schema/node_table.h"

#include <string>  // std::string

#include "document/pointer.h"

namespace callcheck::detail::schema_table {

auto at(NodeId root, const Document &doc, std::string_view pointer) -> NodeId {
  if (!doc.has_dom() || root == kNoNode) return kNoNode;
  const auto tokens = split_pointer(pointer);
  if (!tokens) return kNoNode;
  const rapidjson::Value *value = &doc.root();
  NodeId id = root;
  for (const std::string &token : *tokens) {
    const NodeId eff = effective(id, *value);
    if (value->IsObject()) {
      const rapidjson::Value *next = table_detail::find_member(*value, token);
      if (next == nullptr) return kNoNode;
      id = member(eff, token);
      value = next;
    } else if (value->IsArray()) {
      const auto index = parse_index(token);
      if (!index || *index >= value->Size()) return kNoNode;
      id = element(eff);
      value = &(*value)[static_cast<rapidjson::SizeType>(*index)];
    } else {
      return kNoNode;
    }
    if (id == kNoNode) return kNoNode;
  }
  return effective(id, *value);
}

}  // namespace callcheck::detail::schema_table
