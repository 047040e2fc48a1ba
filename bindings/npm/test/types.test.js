// The TypeScript declarations: a strict program that uses the installed
// package (library, middleware with the real Graph SDK's types, browser entry)
// type-checks, and one that misuses it does not.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { CONSUMER, run } = require('./helpers.js');

const tsc = require.resolve('typescript/bin/tsc');
const graphSdk = path.dirname(require.resolve('@microsoft/microsoft-graph-client/package.json'));

function typecheck(source) {
  const dir = fs.mkdtempSync(path.join(CONSUMER, 'ts-'));
  try {
    fs.writeFileSync(path.join(dir, 'main.ts'), source);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'es2020',
        lib: ['es2020', 'dom'], types: [], skipLibCheck: true, baseUrl: '.',
        paths: { '@microsoft/microsoft-graph-client': [path.join(graphSdk, 'lib', 'src', 'index.d.ts')] },
      },
      files: ['main.ts'],
    }));
    return run(process.execPath, [tsc, '-p', dir], { cwd: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a correct program type-checks', () => {
  const r = typecheck(`
import * as callcheck from 'callcheck';
import { CallcheckMiddleware, CallcheckFindingsError } from 'callcheck/graph';
import { init } from 'callcheck/browser';
import { Client, Middleware } from '@microsoft/microsoft-graph-client';

const report: callcheck.Report = callcheck.check('{}', { api: 'beta', scopes: ['Calls.Initiate.All'], failOn: 'warning' });
const first: callcheck.Diagnostic | undefined = report.files[0].diagnostics[0];
const line: number = first ? first.line : 0;
const kind: callcheck.Scenario['kind'] = report.files[0].scenario.kind;
const codes: string[] = callcheck.rules().map((r) => r.code);
const status: 0 | 1 = callcheck.checkStatus(new Uint8Array([123, 125])).status;
const m: Middleware = new CallcheckMiddleware({ action: (findings) => { console.log(findings.length); } });
Client.initWithMiddleware({ middleware: m });
try { callcheck.check('{}'); } catch (e) { if (e instanceof CallcheckFindingsError) console.log(e.findings[0].code); }
init({ wasmUrl: '/callcheck-lib.wasm' }).then((api) => api.check('{}').summary.errors);
console.log(line, kind, codes, status, callcheck.version(), callcheck.hasErrors(report));
`);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('misuse is a type error', () => {
  const r = typecheck(`
import * as callcheck from 'callcheck';
callcheck.check('{}', { api: 'v2' });
const n: number = callcheck.check('{}').files[0].path;
`);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /"v2"/);
  assert.match(r.stdout, /Type 'string' is not assignable to type 'number'/);
});
