// Shared by the package tests: where things are, and how to run them.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CONSUMER = process.env.CALLCHECK_NPM_CONSUMER; // a folder where the tarball was npm-installed
const NATIVE = process.env.CALLCHECK_BINARY;         // the native CLI
if (!CONSUMER) throw new Error('set CALLCHECK_NPM_CONSUMER (bindings/npm/test/run.sh does)');
if (!NATIVE) throw new Error('set CALLCHECK_BINARY to the native callcheck');

// The installed package, exactly as a user's require() finds it.
function requireInstalled(subpath = '') {
  return require(require.resolve(`callcheck${subpath}`, { paths: [CONSUMER] }));
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// `npx callcheck ...` as a user runs it from their project (offline: the bin is installed).
function npx(args, options = {}) {
  return run('npx', ['--prefix', CONSUMER, '--offline', '--no-install', 'callcheck', ...args], options);
}

// The installed bin without npx's own start-up (for the long golden loop).
function bin(args, options = {}) {
  const main = path.join(CONSUMER, 'node_modules', 'callcheck', 'bin', 'callcheck.js');
  return run(process.execPath, [main, ...args], options);
}

function native(args, options = {}) {
  return run(NATIVE, args, options);
}

module.exports = { ROOT, CONSUMER, NATIVE, requireInstalled, run, npx, bin, native };
