// WebAssembly side of bench/wasm.sh: the same callcheck_check() per payload in
// the installed npm package, in Node: the raw C ABI call (as capi_bench.c) and
// check() as users call it (marshalling + JSON.parse of the report).
//   node wasm_bench.js CONSUMER_DIR REPS FILE...
'use strict';
const fs = require('fs');
const [consumer, repsText, ...files] = process.argv.slice(2);
const reps = Number(repsText);
const callcheck = require(require.resolve('callcheck', { paths: [consumer] }));
const bodies = files.map((f) => fs.readFileSync(f));

// V8 runs new WebAssembly code on its baseline compiler first and tiers up
// to the optimising one in the background: warm up for 3 s of passes, so the
// medians are the steady state a long-running bot sees.
function warm(fn) {
  const until = Date.now() + 3000;
  while (Date.now() < until) for (const b of bodies) fn(b);
}

function median(fn) {
  warm(fn);
  const means = [];
  for (let r = 0; r < reps; ++r) {
    const start = process.hrtime.bigint();
    for (const b of bodies) fn(b);
    if (r >= 0) means.push(Number(process.hrtime.bigint() - start) / 1e3 / bodies.length);
  }
  means.sort((a, b) => a - b);
  return means[Math.floor(reps / 2)];
}

// The raw ABI: what capi_bench.c times natively.
const Module = callcheck._module;
function raw(body) {
  const p = Module._malloc(body.length + 1);
  Module.HEAPU8.set(body, p);
  const name = Module._malloc(16);
  Module.HEAPU8.set(Buffer.from('bench.json\0'), name);
  const out = Module._malloc(4);
  Module._callcheck_check(p, body.length, name, 0, out);
  Module._callcheck_free(new DataView(Module.HEAPU8.buffer).getUint32(out, true));
  Module._free(p);
  Module._free(name);
  Module._free(out);
}

console.log(`wasm_raw_us_per_payload ${median(raw).toFixed(2)}`);
console.log(`wasm_check_us_per_payload ${median((b) => callcheck.check(b, { source: 'bench.json' })).toFixed(2)}`);
