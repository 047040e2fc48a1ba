#!/usr/bin/env python3
"""generate_request_schemas.py CSDL_DIR SCHEMAS_DIR [--check]: the body schema of every calls-API request.

Writes schemas/graph/<profile>/requests/<request>.schema.json for v1.0 and beta from
../shared/corpus/csdl/v1.0-call-actions.xml (the 20 Action elements bound to call,
Collection(call), participant and Collection(participant)) and v1.0-call-action-types.xml (the
types they need that the call schemas lack). With --check it writes nothing and fails when a
committed file differs (tests/scripts/request_schemas.sh runs it), so the files are never edited by
hand.

Decisions, each stated in the generated descriptions:
- a parameter becomes a property; `Nullable="false"` makes it required; `Nullable` otherwise adds
  "null" to the JSON types (as the call schemas do);
- a parameter whose type already has a schema under schemas/graph/<profile>/ refers to it by
  absolute URI (the registry resolves no `..`); an abstract type becomes an @odata.type slot, one
  if/then branch per derived type, exactly like call.schema.json's `mediaConfig`; `prompt` has one
  derived type, `mediaPrompt`, so a prompt without @odata.type is read as one;
- the body object itself is not closed (`additionalProperties` absent): a member that is no
  parameter is rule CC250's finding (warning), because the pages themselves send some
  (`routingPolicies` on redirect, `clientContext` on transfer) and no service response shows them
  rejected;
- no beta CSDL is obtainable (csdl/README.md): beta requests take the v1.0 parameters (the docs
  corpus checks beta bodies against v1.0 the same way), plus the beta-only actions below, whose
  parameters come from their beta pages (or, for actions with no page, accept any body);
- beta types gain the members BETA_TYPE_ADDITIONS lists (mediaPrompt.loop);
- keepAlive and the beta start/stopRecording have no parameters: their schema accepts only `{}`
  (the pages send no body at all; callcheck also accepts an empty body for them).
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

NS = {"e": "http://docs.oasis-open.org/odata/ns/edm"}
BASE = "https://callcheck.dev/schemas/graph/"

# Beta-only requests (no CSDL): name -> (page, parameters). A parameter is (name, type, nullable);
# None instead of a list: no page documents the body, any object is accepted.
BETA_ONLY = {
    "startRecording": ("beta/api/call-startrecording.md@293254bb (no request body)", []),
    "stopRecording": ("beta/api/call-stoprecording.md@0b1ed083 (no request body)", []),
    "startTranscription": ("beta/api/call-starttranscription.md@161ab17b", [("language", "Edm.String", True)]),
    "stopTranscription": ("beta/api/call-stoptranscription.md@0f04ee02", [("language", "Edm.String", True)]),
    "participant-muteAll": ("beta/api/participant-muteall.md@21fc1a2f (pt-BR copy)",
                            [("participants", "Collection(Edm.String)", True), ("clientContext", "Edm.String", True)]),
    "participant-configureMixer": ("beta/api/participant-configuremixer.md@21fc1a2f (pt-BR copy)",
                                   [("participantMixerLevels", "Collection(Edm.Untyped)", False),
                                    ("clientContext", "Edm.String", True)]),
    "participant-reportSyntheticMedia": ("beta/api/participant-reportsyntheticmedia.md@0523e783", None),
    "participant-admitFromLobby": ("no page (Microsoft's permission data only)", None),
    "participant-admitAllFromLobby": ("no page (Microsoft's permission data only)", None),
    "participant-removeFromLobby": ("no page (Microsoft's permission data only)", None),
    "participant-lowerHand": ("no page (Microsoft's permission data only)", None),
    "participant-lowerAllHands": ("no page (Microsoft's permission data only)", None),
    "raiseHand": ("no page (Microsoft's permission data only)", None),
    "lowerHand": ("no page (Microsoft's permission data only)", None),
    "joinContentSharingAudioGroup": ("no page (Microsoft's permission data only)", None),
    "leaveContentSharingAudioGroup": ("no page (Microsoft's permission data only)", None),
}

# Beta members of the parameter types that v1.0 lacks, from the beta resource pages
# (CALLS-API.md G15: mediaPrompt.loop, the number of times the prompt is played).
BETA_TYPE_ADDITIONS = {"mediaPrompt": [("loop", "Edm.Int32", True)]}

ENDPOINT = {
    "graph.call": "/communications/calls/{id}/",
    "Collection(graph.call)": "/communications/calls/",
    "graph.participant": "/communications/calls/{id}/participants/{id}/",
    "Collection(graph.participant)": "/communications/calls/{id}/participants/",
}


def load_model(csdl_dir):
    types, enums = {}, {}
    for name in ("v1.0-call-types.xml", "v1.0-call-action-types.xml"):
        root = ET.parse(os.path.join(csdl_dir, name)).getroot()
        for ct in root.findall("e:ComplexType", NS) + root.findall("e:EntityType", NS):
            types[ct.get("Name")] = {
                "base": (ct.get("BaseType") or "").replace("graph.", ""),
                "abstract": ct.get("Abstract") == "true",
                "open": ct.get("OpenType") == "true",
                "props": [(p.get("Name"), p.get("Type"), p.get("Nullable") != "false")
                          for p in ct.findall("e:Property", NS)],
            }
        for et in root.findall("e:EnumType", NS):
            enums[et.get("Name")] = [m.get("Name") for m in et.findall("e:Member", NS)]
    return types, enums


def load_actions(csdl_dir):
    root = ET.parse(os.path.join(csdl_dir, "v1.0-call-actions.xml")).getroot()
    out = []
    for a in root.findall("e:Action", NS):
        params = a.findall("e:Parameter", NS)
        binding = params[0].get("Type")
        name = a.get("Name")
        request = name if binding in ("graph.call", "Collection(graph.call)") else "participant-" + name
        out.append((request, name, binding,
                    [(p.get("Name"), p.get("Type"), p.get("Nullable") != "false") for p in params[1:]]))
    return out


class Generator:
    def __init__(self, profile, types, enums, schemas_dir):
        self.profile = profile
        self.types = types
        self.enums = enums
        self.dir = os.path.join(schemas_dir, "graph", profile)
        self.out = {}  # file name under requests/ -> document

    def existing(self, type_name):
        return os.path.exists(os.path.join(self.dir, type_name + ".schema.json"))

    def ref(self, type_name):
        if self.existing(type_name):
            return BASE + self.profile + "/" + type_name + ".schema.json"
        self.complex_schema(type_name)
        return BASE + self.profile + "/requests/" + type_name + ".schema.json"

    def derived(self, type_name):
        out = []
        for n, t in sorted(self.types.items()):
            if t["base"] == type_name:
                if not t["abstract"]:
                    out.append(n)
                out.extend(self.derived(n))
        return sorted(set(out))

    def odata(self, n):
        return ["#microsoft.graph." + n, "microsoft.graph." + n]

    def slot(self, type_name):
        subs = self.derived(type_name)
        names = sorted(v for s in subs for v in self.odata(s))
        branches = [{"if": {"required": ["@odata.type"], "properties": {"@odata.type": {"enum": self.odata(s)}}},
                     "then": {"$ref": self.ref(s)}} for s in subs]
        if len(subs) == 1:
            # The only concrete type: a value without @odata.type can only be one (and the
            # type's own schema pins @odata.type).
            return {"$ref": self.ref(subs[0])}
        return {"description": "Abstract {}: {}, resolved by @odata.type.".format(type_name, " or ".join(subs)),
                "type": "object", "required": ["@odata.type"], "properties": {"@odata.type": {"enum": names}},
                "allOf": branches}

    def value(self, edm, nullable):
        if edm.startswith("Collection("):
            inner = edm[len("Collection("):-1]
            return {"type": "array", "maxItems": 1000, "items": self.value(inner, False)}
        prim = {"Edm.String": "string", "Edm.Guid": "string", "Edm.Duration": "string", "Edm.Int32": "integer",
                "Edm.Int64": "integer", "Edm.Double": "number", "Edm.Boolean": "boolean"}
        if edm in prim:
            return {"type": [prim[edm], "null"] if nullable else prim[edm]}
        if edm == "Edm.Untyped":
            return {}
        name = edm.replace("graph.", "")
        if name in self.enums:
            members = list(self.enums[name])
            return ({"type": ["string", "null"], "enum": members + [None]} if nullable
                    else {"type": "string", "enum": members})
        t = self.types[name]
        if t["abstract"]:
            return self.slot(name)
        return {"$ref": self.ref(name)}

    def all_props(self, type_name):
        t = self.types[type_name]
        props = self.all_props(t["base"]) if t["base"] else []
        return props + t["props"]

    def complex_schema(self, type_name):
        file = type_name + ".schema.json"
        if file in self.out:
            return
        self.out[file] = None  # reserve: recursion stops here
        t = self.types[type_name]
        props = {"@odata.type": {"enum": self.odata(type_name)} if type_name == "mediaPrompt" else {"type": "string"}}
        required = []
        extra = BETA_TYPE_ADDITIONS.get(type_name, []) if self.profile == "beta" else []
        for name, edm, nullable in self.all_props(type_name) + extra:
            props[name] = self.value(edm, nullable)
            if not nullable:
                required.append(name)
        doc = {"$schema": "http://json-schema.org/draft-07/schema#",
               "$id": BASE + self.profile + "/requests/" + file, "title": type_name,
               "description": "Generated from the v1.0 CSDL (csdl/v1.0-call-action-types.xml).",
               "type": "object", "x-callcheck-open": t["open"], "properties": props}
        if required:
            doc["required"] = required
        if not t["open"]:
            doc["additionalProperties"] = False
        self.out[file] = doc

    def request_schema(self, request, endpoint, source, params):
        doc = {"$schema": "http://json-schema.org/draft-07/schema#",
               "$id": BASE + self.profile + "/requests/" + request + ".schema.json", "title": request,
               "description": "Body of POST {} ({}). Members that are no parameter are CC250's finding, not "
                              "the schema's.".format(endpoint, source),
               "type": "object", "x-callcheck-open": False, "x-callcheck-request": request}
        if params is None:
            doc["x-callcheck-bodyUnknown"] = True
            doc["description"] = "Body of POST {} ({}): no page documents it; any object is accepted.".format(
                endpoint, source)
            doc["properties"] = {}
        else:
            doc["properties"] = {"@odata.type": {"type": "string"}}
            required = []
            for name, edm, nullable in params:
                doc["properties"][name] = self.value(edm, nullable)
                if not nullable:
                    required.append(name)
            if required:
                doc["required"] = required
        self.out[request + ".schema.json"] = doc


def generate(csdl_dir, schemas_dir):
    types, enums = load_model(csdl_dir)
    actions = load_actions(csdl_dir)
    files = {}
    for profile in ("v1.0", "beta"):
        g = Generator(profile, types, enums, schemas_dir)
        for request, action, binding, params in actions:
            endpoint = ENDPOINT[binding] + action
            g.request_schema(request, endpoint, "v1.0 CSDL action {} bound to {}{}".format(
                action, binding, "; beta takes the v1.0 parameters" if profile == "beta" else ""), params)
        if profile == "beta":
            for request, (page, params) in sorted(BETA_ONLY.items()):
                action = request.split("-", 1)[1] if request.startswith("participant-") else request
                binding = ("Collection(graph.participant)" if action.endswith("All") or action == "configureMixer"
                           else "graph.participant") if request.startswith("participant-") else "graph.call"
                g.request_schema(request, ENDPOINT[binding] + action, "beta only, " + page, params)
        for file, doc in g.out.items():
            files[os.path.join("graph", profile, "requests", file)] = json.dumps(doc, indent=2) + "\n"
    return files


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and argv[3] != "--check"):
        sys.exit("usage: generate_request_schemas.py CSDL_DIR SCHEMAS_DIR [--check]")
    files = generate(argv[1], argv[2])
    check = len(argv) == 4
    stale = []
    for profile in ("v1.0", "beta"):
        d = os.path.join(argv[2], "graph", profile, "requests")
        if os.path.isdir(d):
            for f in sorted(os.listdir(d)):
                if os.path.join("graph", profile, "requests", f) not in files:
                    stale.append(os.path.join(d, f))
    for rel, text in sorted(files.items()):
        path = os.path.join(argv[2], rel)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale.append(path)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    if check and stale:
        sys.exit("differs from the generator's output (run tests/scripts/generate_request_schemas.py): " +
                 ", ".join(stale))
    if not check:
        for path in stale:
            os.remove(path)


if __name__ == "__main__":
    main(sys.argv)
