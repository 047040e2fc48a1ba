// The exit codes are a contract (README "Exit codes"); each means one thing.
#ifndef CALLCHECK_CLI_EXIT_CODE_H_
#define CALLCHECK_CLI_EXIT_CODE_H_

namespace callcheck::cli {

enum ExitCode : int {
  kClean = 0,     // no finding at or above --fail-on
  kFindings = 1,  // at least one finding at or above --fail-on
  kFailure = 2,   // callcheck could not do its job: bad flag, missing or unreadable input
};

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_EXIT_CODE_H_
