// THE list of output formats, one row each. The rows make the Format enum,
// parse_format() and to_string(), the renderer make_renderer() builds, the
// names the CLI shows (--help, the unknown-format error, did-you-mean) and
// the formats the tests iterate (tests/golden/formats_test.cc; CMake hands the
// names to tests/scripts/*.sh as CALLCHECK_FORMATS). Nothing else lists them.
//
//   CALLCHECK_FORMAT(Enumerator, name, "extension", terminal)
//     name       the --format value; src/render/<name>.cc defines
//                callcheck::detail::make_<name>_renderer(const RenderOptions &)
//     extension  the golden is tests/golden/format/report.<extension>
//     terminal   read by people (text, concise): --statistics may follow it on
//                standard output; every other format is a document no other
//                line may enter
//
// Adding a format: its renderer file, one row here (rows in the order the
// CLI lists them; a new one goes last, the enum's values are the library's
// ABI), and its golden (CALLCHECK_UPDATE_GOLDEN=1 writes it). CONTRIBUTING.md.
#ifndef CALLCHECK_FORMAT_TABLE_H_
#define CALLCHECK_FORMAT_TABLE_H_

// clang-format off
#define CALLCHECK_FORMATS(CALLCHECK_FORMAT)       \
  CALLCHECK_FORMAT(Text, text, "txt", true)       \
  CALLCHECK_FORMAT(Json, json, "json", false)     \
  CALLCHECK_FORMAT(Sarif, sarif, "sarif", false)  \
  CALLCHECK_FORMAT(Junit, junit, "xml", false)    \
  CALLCHECK_FORMAT(Github, github, "github", false) \
  CALLCHECK_FORMAT(Gitlab, gitlab, "gitlab", false) \
  CALLCHECK_FORMAT(Concise, concise, "concise", true) \
  /* a new row goes above this line */
// clang-format on

#endif  // CALLCHECK_FORMAT_TABLE_H_
