// callcheck for Node.js 18+: the library compiled to WebAssembly, ready on
// require() (compiled synchronously from the bytes beside this file; nothing
// is fetched, nothing is compiled natively at install).
//
//   const callcheck = require('callcheck');
//   const report = callcheck.check(body, { api: 'v1.0', scopes: ['Calls.Initiate.All'] });
//   if (callcheck.hasErrors(report)) { /* do not send */ }
'use strict';

const fs = require('fs');
const path = require('path');
const createCallcheckModule = require('./lib/callcheck-lib.js');
const core = require('./lib/core.js');

const wasm = fs.readFileSync(path.join(__dirname, 'lib', 'callcheck-lib.wasm'));
const Module = {
  // Synchronous instantiation (Node has no main-thread size limit), so the
  // exports below work right after require().
  instantiateWasm(imports, receive) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), imports);
    receive(instance);
    return instance.exports;
  },
};
createCallcheckModule(Module);
if (typeof Module._callcheck_check !== 'function') throw new Error('callcheck: the WebAssembly module did not start');

const api = core.bind(Module);
module.exports = {
  ...api,
  /** Resolves to this module: the same call works in Node and in browsers. */
  init() { return Promise.resolve(module.exports); },
  get graph() { return require('./graph.js'); },
};
// The raw module, for bench/wasm_bench.js; not part of the API.
Object.defineProperty(module.exports, '_module', { value: Module, enumerable: false });
