// The JavaScript face of the C ABI (include/callcheck/callcheck_c.h), shared
// by Node (index.js) and browsers (browser.js): strings in, the JSON document
// out. No Node API is used here. UMD: require() or a plain <script>.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.callcheckCore = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const CLEAN = 0;
  const FINDINGS = 1;
  const FAILURE = 2;

  /** callcheck could not check the body (bad options): the CLI's exit code 2. */
  class CallcheckError extends Error {
    constructor(message) {
      super(message);
      this.name = 'CallcheckError';
    }
  }

  // JavaScript spellings of the options the C ABI takes in snake_case.
  const OPTION_NAMES = { failOn: 'fail_on' };
  const LIMIT_NAMES = {
    maxBytes: 'max_bytes', maxDepth: 'max_depth', maxString: 'max_string', maxKey: 'max_key',
    maxMembers: 'max_members', maxElements: 'max_elements',
  };

  function abiOptions(options) {
    const out = {};
    for (const [key, value] of Object.entries(options || {})) {
      if (key === 'source' || value === undefined) continue;
      if (key === 'limits' && value && typeof value === 'object') {
        const limits = {};
        for (const [k, v] of Object.entries(value)) if (v !== undefined) limits[LIMIT_NAMES[k] || k] = v;
        out.limits = limits;
      } else {
        out[OPTION_NAMES[key] || key] = value;
      }
    }
    return JSON.stringify(out);
  }

  function bind(Module) {
    const encoder = new TextEncoder();

    function bytesOf(body) {
      if (typeof body === 'string') return encoder.encode(body);
      if (body instanceof Uint8Array) return body;
      if (body instanceof ArrayBuffer) return new Uint8Array(body);
      if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      // An object: what a client would serialise and send.
      return encoder.encode(JSON.stringify(body));
    }

    // Copies bytes into the module's memory (NUL-terminated); the caller frees.
    function put(bytes) {
      const p = Module._malloc(bytes.length + 1);
      if (!p) throw new RangeError('callcheck: out of memory');
      Module.HEAPU8.set(bytes, p);
      Module.HEAPU8[p + bytes.length] = 0;
      return p;
    }

    // Reads, then frees, a string the C ABI allocated.
    function take(p) {
      if (!p) return null;
      try {
        return Module.UTF8ToString(p);
      } finally {
        Module._callcheck_free(p);
      }
    }

    function checkStatus(body, options) {
      const source = (options && options.source) || '<body>';
      const pointers = [];
      try {
        const bodyBytes = bytesOf(body);
        const bodyPtr = put(bodyBytes);
        pointers.push(bodyPtr);
        const sourcePtr = put(encoder.encode(String(source)));
        pointers.push(sourcePtr);
        const optionsPtr = put(encoder.encode(abiOptions(options)));
        pointers.push(optionsPtr);
        const outPtr = Module._malloc(4);
        if (!outPtr) throw new RangeError('callcheck: out of memory');
        pointers.push(outPtr);
        const status = Module._callcheck_check(bodyPtr, bodyBytes.length, sourcePtr, optionsPtr, outPtr);
        // Memory may have grown during the call: read through a fresh view.
        const reportPtr = new DataView(Module.HEAPU8.buffer).getUint32(outPtr, true);
        const text = take(reportPtr);
        if (status === FAILURE) throw new CallcheckError(text ? JSON.parse(text).error : 'callcheck: out of memory');
        return { status, report: JSON.parse(text) };
      } finally {
        for (const p of pointers) Module._free(p);
      }
    }

    return {
      CLEAN, FINDINGS, FAILURE, CallcheckError,
      /** The report document (`callcheck check --format json` for one file). */
      check(body, options) { return checkStatus(body, options).report; },
      /** { status: CLEAN | FINDINGS, report }. */
      checkStatus,
      /** Whether any diagnostic in the report is an error. */
      hasErrors(report) { return report.summary.errors > 0; },
      /** The rule catalogue, each rule with its Markdown explanation. */
      rules() { return JSON.parse(take(Module._callcheck_rules_json())).rules; },
      /** The library version, e.g. "0.1.0". */
      version() { return Module.UTF8ToString(Module._callcheck_version()); },
    };
  }

  return { bind, CallcheckError, CLEAN, FINDINGS, FAILURE };
});
