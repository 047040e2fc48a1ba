// Runs inside the CLI module before main(). What the 3.1.6 loader does not do
// in Node (TOOLCHAIN.md), so that the CLI behaves as the native one:
//  - the .wasm is read from beside this file (its loader would fetch() a
//    path, which Node's fetch refuses);
//  - the process environment reaches getenv() (NO_COLOR, HOME): emscripten
//    otherwise gives main() a fixed stand-in environment;
//  - isatty() tells the truth: NODERAWFS marks fds 0-2 as terminals always,
//    which coloured output piped to a file. Its writes go to the real fd
//    (stream.nfd), so the flag changes only what isatty() answers.
Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'callcheck-cli.wasm'));
Module['preRun'] = (Module['preRun'] || []).concat([function () {
  for (var name in process.env) ENV[name] = process.env[name];
  if (!FS.init.initialized) FS.init();
  for (var fd = 0; fd < 3; ++fd) {
    if (FS.streams[fd]) FS.streams[fd].tty = require('tty').isatty(fd);
  }
}]);
