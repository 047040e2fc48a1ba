// What the lint rules (CC2xx, CC5xx) share, one header per concern:
// typed member access (members.h), the schema-carrying walk (walk.h), text
// predicates (text_predicates.h) and facts about a call body (body_facts.h).
// Included only from rules.cc via the rule headers, so everything is inline.
#ifndef CALLCHECK_RULES_RULE_SUPPORT_H_
#define CALLCHECK_RULES_RULE_SUPPORT_H_

#include "rules/body_facts.h"
#include "rules/members.h"
#include "rules/text_predicates.h"
#include "rules/walk.h"

#endif  // CALLCHECK_RULES_RULE_SUPPORT_H_
