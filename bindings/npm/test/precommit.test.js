// The `language: node` pre-commit hook (precommit.sh: real pre-commit, a local clone of this repository).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { run } = require('./helpers.js');

test('pre-commit installs the node hook from a clone and blocks a bad payload', () => {
  const r = run('bash', [path.join(__dirname, 'precommit.sh'), process.env.CALLCHECK_NPM_TARBALL], { timeout: 600000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^ok: /m);
});
