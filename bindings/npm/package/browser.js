// callcheck in a browser: load lib/callcheck-lib.js, lib/core.js and this
// file (plain <script> tags, or a bundler), then
//   const callcheck = await window.callcheck.init();          // fetches callcheck-lib.wasm
//   const report = callcheck.check(body, { api: 'beta' });
// init({ wasmUrl }) says where the .wasm is (default: beside callcheck-lib.js).
(function (root) {
  'use strict';
  const req = typeof require === 'function' ? require : null;
  const core = root.callcheckCore || (req && req('./lib/core.js'));
  const factory = root.createCallcheckModule || (req && req('./lib/callcheck-lib.js'));
  let ready = null;

  function init(options) {
    if (ready) return ready;
    const wasmUrl = options && options.wasmUrl;
    const Module = {};
    if (wasmUrl) Module.locateFile = (name) => (name.endsWith('.wasm') ? String(wasmUrl) : name);
    ready = factory(Module).then(() => core.bind(Module));
    return ready;
  }

  const exported = { init, CallcheckError: core.CallcheckError };
  if (typeof module === 'object' && module.exports) module.exports = exported;
  root.callcheck = exported;
})(typeof self !== 'undefined' ? self : this);
