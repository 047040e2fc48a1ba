// THE list of rules, in code order. Adding a rule: one #include and one
// entry here, both sorted (tests/rules/catalog_test.cc enforces it).
#include "rules/rule.h"

#include "rules/cc001_invalid_json.h"
#include "rules/cc002_duplicate_key.h"
#include "rules/cc003_invalid_encoding.h"
#include "rules/cc004_limit_exceeded.h"
#include "rules/cc005_nul_character.h"
#include "rules/cc006_byte_order_mark.h"
#include "rules/cc007_number_out_of_range.h"
#include "rules/cc008_number_precision_loss.h"
#include "rules/cc010_unreadable_input.h"
#include "rules/cc100_schema_violation.h"
#include "rules/cc101_missing_required_property.h"
#include "rules/cc102_unknown_property.h"
#include "rules/cc103_type_mismatch.h"
#include "rules/cc104_enum_mismatch.h"
#include "rules/cc105_unknown_odata_type.h"
#include "rules/cc106_value_out_of_range.h"
#include "rules/cc107_array_size.h"
#include "rules/cc108_string_length.h"
#include "rules/cc109_validator_internal_error.h"
#include "rules/cc201_undeclared_property.h"
#include "rules/cc202_callback_uri_not_https.h"
#include "rules/cc203_read_only_property.h"
#include "rules/cc204_documentation_placeholder.h"
#include "rules/cc205_malformed_guid.h"
#include "rules/cc206_phone_not_e164.h"
#include "rules/cc207_odata_type_missing_hash.h"
#include "rules/cc208_odata_type_wrong_slot.h"
#include "rules/cc301_ambiguous_scenario.h"
#include "rules/cc302_missing_scope.h"
#include "rules/cc303_scope_alias.h"
#include "rules/cc304_unknown_scope.h"
#include "rules/cc401_invalid_config.h"
#include "rules/cc402_unused_suppression.h"
#include "rules/cc403_stale_baseline_entry.h"

namespace callcheck::detail {

auto builtin_rules() -> const std::vector<const Rule *> & {
  static const rules::InvalidJson cc001;
  static const rules::DuplicateKey cc002;
  static const rules::InvalidEncoding cc003;
  static const rules::LimitExceeded cc004;
  static const rules::NulCharacter cc005;
  static const rules::ByteOrderMark cc006;
  static const rules::NumberOutOfRange cc007;
  static const rules::NumberPrecisionLoss cc008;
  static const rules::UnreadableInput cc010;
  static const rules::SchemaViolation cc100;
  static const rules::MissingRequiredProperty cc101;
  static const rules::UnknownProperty cc102;
  static const rules::TypeMismatch cc103;
  static const rules::EnumMismatch cc104;
  static const rules::UnknownOdataType cc105;
  static const rules::ValueOutOfRange cc106;
  static const rules::ArraySize cc107;
  static const rules::StringLength cc108;
  static const rules::ValidatorInternalError cc109;
  static const rules::UndeclaredProperty cc201;
  static const rules::CallbackUriNotHttps cc202;
  static const rules::ReadOnlyProperty cc203;
  static const rules::DocumentationPlaceholder cc204;
  static const rules::MalformedGuid cc205;
  static const rules::PhoneNotE164 cc206;
  static const rules::OdataTypeMissingHash cc207;
  static const rules::OdataTypeWrongSlot cc208;
  static const rules::AmbiguousScenario cc301;
  static const rules::MissingScope cc302;
  static const rules::ScopeAlias cc303;
  static const rules::UnknownScope cc304;
  static const rules::InvalidConfig cc401;
  static const rules::UnusedSuppression cc402;
  static const rules::StaleBaselineEntry cc403;
  static const std::vector<const Rule *> list{
      &cc001, &cc002, &cc003, &cc004, &cc005, &cc006, &cc007, &cc008, &cc010, &cc100,
      &cc101, &cc102, &cc103, &cc104, &cc105, &cc106, &cc107, &cc108, &cc109, &cc201, &cc202, &cc203, &cc204, &cc205, &cc206, &cc207, &cc208, &cc301, &cc302, &cc303, &cc304, &cc401, &cc402, &cc403,
  };
  return list;
}

}  // namespace callcheck::detail
