// CLI11 for every TU that uses it: without <iostream>'s static initialiser
// (util/no_iostream.h). callcheck passes App::exit() its own streams.
#ifndef CALLCHECK_CLI_CLI11_H_
#define CALLCHECK_CLI_CLI11_H_

#include "util/no_iostream.h"

#include <CLI/CLI.hpp>

#endif  // CALLCHECK_CLI_CLI11_H_
