// `npx callcheck` (the CLI's main() on WebAssembly) against the native CLI and
// the goldens: the same bytes on stdout and stderr, the same exit codes.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, npx, bin, native } = require('./helpers.js');

// JUnit's timestamp is the run's start time: the one thing two runs may differ in.
const stamp = (text) => text.replace(/ timestamp="[^"]*"/g, ' timestamp="T"');

function same(args, options) {
  const a = npx(args, options);
  const b = native(args, options);
  if (args.includes('junit')) [a.stdout, b.stdout] = [stamp(a.stdout), stamp(b.stdout)];
  assert.equal(a.stdout, b.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(a.stderr, b.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(a.status, b.status, `exit code of ${args.join(' ')}`);
  return a;
}

test('npx callcheck samples/: the same findings and exit code 1', () => {
  const r = same(['samples/', '--color', 'never']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /samples\/invalid\/cc202-callback-uri-not-https\.json:2:18: error CC202/);
});

test('samples/valid is clean: exit 0', () => {
  assert.equal(same(['--show-scopes', 'samples/valid/']).status, 0);
});

test('every sample against its goldens (text and JSON)', () => {
  const goldens = path.join(ROOT, 'tests', 'golden');
  let compared = 0;
  for (const dir of ['valid', 'invalid']) {
    for (const f of fs.readdirSync(path.join(ROOT, 'samples', dir)).sort()) {
      if (!f.endsWith('.json')) continue;
      // Its golden passes a request line through the library (golden_test.cc); a bare .json has none on the CLI.
      if (f === 'cc253-endpoint-mismatch.json') continue;
      // The audit's samples (cc6xx) have audit goldens (tests/golden/audit/, tests/scripts/audit.sh).
      if (f.startsWith('cc6')) continue;
      const rel = `samples/${dir}/${f}`;
      // The golden options (tests/golden/golden_test.cc): --show-scopes, --preview for invalid/, beta by name.
      const flags = ['--no-config', '--color', 'never', '--show-scopes'];
      if (dir === 'invalid') flags.push('--preview');
      if (f.includes('beta')) flags.push('--api', 'beta');
      const base = path.join(goldens, dir, f.replace(/\.json$/, ''));
      const text = bin([...flags, rel]);
      assert.equal(text.stdout, fs.readFileSync(`${base}.txt`, 'utf8'), rel);
      const json = bin([...flags, '--format', 'json', rel]);
      assert.equal(json.stdout, fs.readFileSync(`${base}.json`, 'utf8'), rel);
      assert.equal(text.status, native([...flags, rel]).status, rel);
      compared += 2;
    }
  }
  assert.ok(compared > 80);
});

test('the other formats, subcommands and failures match', () => {
  // Every format of THE table, include/callcheck/format_table.h.
  const table = fs.readFileSync(path.join(ROOT, 'include', 'callcheck', 'format_table.h'), 'utf8');
  const formats = [...table.matchAll(/^ {2}CALLCHECK_FORMAT\(\w+, (\w+),/gm)].map((m) => m[1]);
  assert.ok(formats.length >= 7, `formats read from format_table.h: ${formats}`);
  for (const format of formats) same(['--format', format, 'samples/invalid/']);
  same(['rules']);
  same(['rules', '--format', 'markdown']);
  same(['explain', 'CC202']);
  same(['scopes', 'samples/valid/']);
  same(['schemas']);
  same(['--version']);
  same(['--scopes', 'Calls.Initiate.All', '--select', 'CC2,CC3', 'samples/valid/group-call-service-hosted.json']);
  same(['--fail-on', 'warning', 'samples/invalid/cc210-too-many-group-targets.json']);
  assert.equal(same(['--format', 'yaml', 'samples/']).status, 2);
  assert.equal(same(['--select', 'CC999', 'samples/']).status, 2);
  assert.equal(same(['does-not-exist.json']).status, 2);
  assert.equal(same(['-j', '2', 'samples/invalid/']).status, 1);
});

test('stdin, NO_COLOR, configuration files and absolute paths behave as natively', () => {
  const body = fs.readFileSync(path.join(ROOT, 'samples/invalid/cc202-callback-uri-not-https.json'));
  same(['-', '--stdin-filename', 'call.json'], { input: body });
  same(['--color', 'auto', 'samples/invalid/cc202-callback-uri-not-https.json'], { env: { ...process.env, NO_COLOR: '1' } });
  same(['--color', 'always', 'samples/invalid/cc202-callback-uri-not-https.json']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callcheck-npx-'));
  try {
    fs.writeFileSync(path.join(dir, '.callcheck.json'), '{"rules": {"CC202": "warning"}}');
    fs.copyFileSync(path.join(ROOT, 'samples/invalid/cc202-callback-uri-not-https.json'), path.join(dir, 'a.json'));
    assert.equal(same(['a.json'], { cwd: dir }).status, 0);
    same([path.join(dir, 'a.json')]);
    fs.writeFileSync(path.join(dir, '.callcheck.json'), '{"rules": {"CC202": "loud"}}');
    assert.equal(same(['a.json'], { cwd: dir }).status, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
