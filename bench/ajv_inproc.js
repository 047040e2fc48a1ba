// Ajv 8 in process, per payload: JSON.parse + a compiled draft-07 validator,
// the same work bench_check times for callcheck's schema stage (issue 14:
// "Ajv in-process per payload in the same run as bench_check").
//
//   NODE_PATH=$PEERS/node_modules node bench/ajv_inproc.js SCHEMA_DIR POOL_DIR
//
// Prints one Markdown table row per measurement. Timing: 3 s of warm-up so
// V8 has tiered up, then 15 passes over every payload; the median pass over
// the payload count.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const [schemaDir, poolDir] = process.argv.slice(2);
if (!schemaDir || !poolDir) {
  console.error('usage: ajv_inproc.js SCHEMA_DIR POOL_DIR');
  process.exit(2);
}
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of fs.readdirSync(schemaDir).sort()) {
  if (f.endsWith('.json') && f !== 'call.schema.json') {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8')));
  }
}
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemaDir, 'call.schema.json'), 'utf8')));
const payloads = fs.readdirSync(poolDir).sort().filter((f) => f.endsWith('.json'))
  .map((f) => fs.readFileSync(path.join(poolDir, f), 'utf8'));

let sink = 0;
const pass = () => {
  for (const text of payloads) sink += validate(JSON.parse(text)) ? 1 : 0;
};
const warmEnd = process.hrtime.bigint() + 3_000_000_000n;
while (process.hrtime.bigint() < warmEnd) pass();
const times = [];
for (let i = 0; i < 15; ++i) {
  const start = process.hrtime.bigint();
  pass();
  times.push(Number(process.hrtime.bigint() - start) / 1000 / payloads.length);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const valid = payloads.filter((t) => validate(JSON.parse(t))).length;
console.log(`| Ajv ${require('ajv/package.json').version} in process: JSON.parse + validate (allErrors) | ${payloads.length} payloads (${valid} valid) | ${median.toFixed(2)} µs |`);
if (sink < 0) console.log(sink);
