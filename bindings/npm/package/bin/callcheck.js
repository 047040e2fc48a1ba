#!/usr/bin/env node
// `npx callcheck ...`: the native CLI's main() compiled to WebAssembly, run on
// the real file system; the same arguments, output and exit codes.
'use strict';
require('../lib/callcheck-cli.js');
