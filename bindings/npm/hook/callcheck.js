#!/usr/bin/env node
// The `language: node` pre-commit hook's entry (.pre-commit-hooks.yaml): runs
// the CLI of the npm package `callcheck` that pre-commit installed beside this
// package (the root package.json's dependency), WebAssembly, no native build.
'use strict';
const path = require('path');
const pkg = require.resolve('callcheck/package.json');
require(path.join(path.dirname(pkg), 'bin', 'callcheck.js'));
