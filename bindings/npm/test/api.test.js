// The library API of the installed package: check(), checkStatus(), rules(),
// version(), errors; and the same document as the native CLI for every sample.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { ROOT, requireInstalled, native } = require('./helpers.js');

const callcheck = requireInstalled();
const sample = (rel) => fs.readFileSync(path.join(ROOT, 'samples', rel));

test('a clean body: no diagnostics, the scenario and the permissions', () => {
  const report = callcheck.check(sample('valid/p2p-service-hosted.json'), { api: 'v1.0', source: 'p2p.json' });
  assert.equal(report.version, 1);
  assert.equal(report.files.length, 1);
  const [file] = report.files;
  assert.equal(file.path, 'p2p.json');
  assert.deepEqual(file.diagnostics, []);
  assert.equal(file.scenario.kind, 'peer-to-peer');
  assert.deepEqual(file.required_scopes, ['Calls.Initiate.All']);
  assert.equal(callcheck.hasErrors(report), false);
});

test('a bad body: the finding with its position', () => {
  const { status, report } = callcheck.checkStatus('{\n  "callbackUri": "http://bot.contoso.com/callback"\n}');
  assert.equal(status, callcheck.FINDINGS);
  const finding = report.files[0].diagnostics.find((d) => d.code === 'CC202');
  assert.ok(finding, JSON.stringify(report));
  assert.deepEqual([finding.name, finding.line, finding.column, finding.pointer],
                   ['callback-uri-not-https', 2, 18, '/callbackUri']);
  assert.equal(callcheck.hasErrors(report), true);
});

test('scopes, request line, failOn and limits reach the library', () => {
  const group = sample('valid/group-call-service-hosted.json');
  const missing = callcheck.check(group, { scopes: ['Calls.Initiate.All'] });
  assert.deepEqual(missing.files[0].diagnostics.map((d) => d.code), ['CC302']);
  assert.deepEqual(callcheck.check(group, { scopes: missing.files[0].required_scopes }).files[0].diagnostics, []);
  const old = callcheck.check(sample('invalid/cc501-deprecated-endpoint.json'),
                              { api: 'beta', request: 'POST https://graph.microsoft.com/beta/app/calls' });
  assert.ok(old.files[0].diagnostics.some((d) => d.code === 'CC501'));
  const warnOnly = '{"callbackUri":"https://bot.contoso.com/cb","targets":[],"x":1}';
  assert.equal(callcheck.checkStatus(warnOnly, { select: ['CC201'], failOn: 'warning' }).status, callcheck.FINDINGS);
  assert.equal(callcheck.checkStatus(warnOnly, { select: ['CC201'] }).status, callcheck.CLEAN);
  const deep = callcheck.check('[[[[[1]]]]]', { limits: { maxDepth: 3 } });
  assert.ok(deep.files[0].diagnostics.some((d) => d.code === 'CC004'));
});

test('bodies as objects, bytes, and hostile bytes', () => {
  const object = JSON.parse(sample('valid/p2p-service-hosted.json'));
  assert.deepEqual(callcheck.check(object).files[0].diagnostics, []);
  const nul = callcheck.check(new Uint8Array([...Buffer.from('{"callbackUri": "https://a'), 0, ...Buffer.from('b"}')]));
  assert.ok(nul.files[0].diagnostics.some((d) => d.code === 'CC005'));
  const invalid = callcheck.check(Buffer.from([0xff, 0x7b]));
  assert.ok(['CC001', 'CC003'].includes(invalid.files[0].diagnostics[0].code));
  // A body larger than the initial WebAssembly memory: the heap grows.
  const big = '{"callbackUri": "https://x", "a": "' + 'x'.repeat(4 << 20) + '"}';
  assert.ok(callcheck.check(big).files[0].diagnostics.some((d) => d.code === 'CC004'));
});

test('bad options throw CallcheckError, naming the option', () => {
  assert.throws(() => callcheck.check('{}', { api: 'v2' }), { name: 'CallcheckError', message: /`api` must be/ });
  assert.throws(() => callcheck.check('{}', { select: ['callback-uri-not-http'] }),
                (e) => e instanceof callcheck.CallcheckError && /did you mean/.test(e.message));
  assert.throws(() => callcheck.check('{}', { scope: [] }), /unknown member `scope`; did you mean `scopes`\?/);
});

test('rules() is the catalogue of `callcheck rules --format json`, with explanations', () => {
  const rules = callcheck.rules();
  const cli = JSON.parse(native(['rules', '--format', 'json']).stdout).rules;
  assert.deepEqual(rules.map(({ explanation, ...rest }) => rest), cli);
  assert.match(rules.find((r) => r.code === 'CC202').explanation, /^## What it does/);
  assert.equal(callcheck.version(), native(['version']).stdout.split('\n')[0].split(' ')[1]);
});

test('every sample: the same document and status as the native CLI', () => {
  const files = [];
  for (const dir of ['valid', 'invalid']) {
    for (const f of fs.readdirSync(path.join(ROOT, 'samples', dir)).sort()) if (f.endsWith('.json')) files.push(`samples/${dir}/${f}`);
  }
  assert.ok(files.length > 40);
  for (const [flags, options] of [[[], {}], [['--api', 'beta', '--preview'], { api: 'beta', preview: true }],
    [['--scopes', 'Calls.InitiateGroupCalls.All,Calls.Initiate.All'], { scopes: ['Calls.InitiateGroupCalls.All', 'Calls.Initiate.All'] }]]) {
    for (const rel of files) {
      const expected = native(['check', '--format', 'json', '--no-config', ...flags, rel]);
      const { status, report } = callcheck.checkStatus(fs.readFileSync(path.join(ROOT, rel)), { ...options, source: rel });
      assert.equal(status, expected.status, `${rel} ${flags}`);
      assert.deepEqual(report, JSON.parse(expected.stdout), `${rel} ${flags}`);
    }
  }
});

test('init() resolves to the same API in Node', async () => {
  const api = await callcheck.init();
  assert.equal(api.check('{}').version, 1);
});
