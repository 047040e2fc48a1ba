// callcheck/graph with the real @microsoft/microsoft-graph-client against a
// stub Graph on 127.0.0.1: a body with errors never reaches the server; a
// clean one reaches it byte for byte; the middleware adds no request.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { ROOT, requireInstalled } = require('./helpers.js');

const { Client, HTTPMessageHandler } = require('@microsoft/microsoft-graph-client');
const { CallcheckMiddleware, CallcheckFindingsError } = requireInstalled('/graph');

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.e30.secret-token-value';
const clean = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/valid/p2p-service-hosted.json'), 'utf8'));
const bad = { ...clean, callbackUri: 'http://bot.contoso.com/callback' };

// The stub records every request it receives.
async function stubGraph() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'call-1', state: 'establishing' }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { server, base, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

// The chain: token -> callcheck -> (stop watching) -> HTTP. The token step
// stands in for the SDK's AuthenticationHandler (which adds tokens to https
// hosts only; the stub is plain http) and watches, through a Proxy, which
// request options callcheck reads: never the headers that hold the token.
function client(stub, callcheckOptions, read = new Set()) {
  let watching = false;
  const token = {
    async execute(context) {
      const options = context.options || {};
      options.headers = { ...(options.headers || {}), Authorization: `Bearer ${TOKEN}` };
      context.options = new Proxy(options, {
        get(target, key, receiver) {
          if (watching) read.add(String(key));
          return Reflect.get(target, key, receiver);
        },
      });
      watching = true;
      try {
        await this.next.execute(context);
      } finally {
        watching = false;
      }
    },
    setNext(next) { this.next = next; },
  };
  const stop = {
    async execute(context) {
      watching = false;
      await this.next.execute(context);
    },
    setNext(next) { this.next = next; },
  };
  const checker = new CallcheckMiddleware(callcheckOptions);
  token.setNext(checker);
  checker.setNext(stop);
  stop.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: token, baseUrl: stub.base, defaultVersion: 'v1.0' });
}

// What the Graph client hands the caller: a GraphError wrapping the middleware's error.
function findingsError(e) {
  const found = CallcheckFindingsError.from(e);
  assert.ok(found instanceof CallcheckFindingsError, `not a callcheck error: ${e}`);
  return found;
}

// Every outgoing connection of this process, to prove the middleware makes none.
function countConnections() {
  const net = require('net');
  const original = net.Socket.prototype.connect;
  const seen = [];
  net.Socket.prototype.connect = function (...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];  // Node passes normalised [options, callback]
    seen.push(first && typeof first === 'object' ? `${first.host}:${first.port}` : String(first));
    return original.apply(this, args);
  };
  return { seen, restore: () => { net.Socket.prototype.connect = original; } };
}

test('a body with errors is stopped before it leaves, with a typed error', async () => {
  const stub = await stubGraph();
  try {
    await assert.rejects(client(stub).api('/communications/calls').post(bad), (e) => {
      assert.equal(e.code, 'CallcheckFindingsError');
      const found = findingsError(e);
      assert.deepEqual(found.findings.map((d) => d.code), ['CC202']);
      assert.equal(found.request.method, 'POST');
      assert.equal(found.report.files[0].scenario.kind, 'peer-to-peer');
      assert.match(found.message, /CC202 callback-uri-not-https/);
      assert.ok(!String(e.body).includes(TOKEN) && !e.message.includes(TOKEN));
      return true;
    });
    assert.equal(stub.received.length, 0, 'the server received the bad request');
  } finally {
    await stub.close();
  }
});

test('outside the Graph client, the middleware throws the typed error itself', async () => {
  const m = new CallcheckMiddleware();
  m.setNext({ execute: async () => assert.fail('the request went on') });
  await assert.rejects(m.execute({
    request: 'https://graph.microsoft.com/v1.0/communications/calls',
    options: { method: 'POST', body: JSON.stringify(bad) },
  }), (e) => e instanceof CallcheckFindingsError && e.findings[0].code === 'CC202' &&
             JSON.parse(String(e)).error.findings[0].code === 'CC202');
  assert.equal(CallcheckFindingsError.from(new Error('other')), null);
});

test('a clean body reaches the server unchanged, and callcheck adds no connection', async () => {
  const stub = await stubGraph();
  const connections = countConnections();
  try {
    const read = new Set();
    const response = await client(stub, undefined, read).api('/communications/calls').post(clean);
    assert.equal(response.id, 'call-1');
    assert.equal(stub.received.length, 1);
    const [got] = stub.received;
    assert.equal(got.method, 'POST');
    assert.equal(got.url, '/v1.0/communications/calls');
    assert.equal(got.body, JSON.stringify(clean));
    assert.equal(got.headers.authorization, `Bearer ${TOKEN}`);
    assert.ok(read.has('body') && read.has('method'), [...read].join());
    assert.ok(!read.has('headers'), `callcheck read the request headers: ${[...read]}`);
    const port = new URL(stub.base).port;
    assert.ok(connections.seen.length > 0, 'no connection was seen: the counter is broken');
    assert.ok(connections.seen.every((c) => c === `127.0.0.1:${port}`), `unexpected connections: ${connections.seen}`);
  } finally {
    connections.restore();
    await stub.close();
  }
});

test("action 'log' logs and sends; a callback receives the findings; failOn and scopes apply", async () => {
  const stub = await stubGraph();
  try {
    const lines = [];
    await client(stub, { action: 'log', logger: { warn: (m) => lines.push(m) } }).api('/communications/calls').post(bad);
    assert.equal(stub.received.length, 1);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^callcheck: POST http:\/\/127\.0\.0\.1:\d+\/v1\.0\/communications\/calls:1:\d+: error CC202/);

    const calls = [];
    await client(stub, { action: (findings, report, request) => calls.push({ findings, report, request }) })
      .api('/communications/calls').post(bad);
    assert.equal(stub.received.length, 2);
    assert.deepEqual(calls.map((c) => c.findings.map((d) => d.code)), [['CC202']]);

    // A callback that throws blocks the request.
    await assert.rejects(client(stub, { action: () => { throw new Error('blocked'); } })
      .api('/communications/calls').post(bad), /blocked/);
    assert.equal(stub.received.length, 2);

    // Granted permissions that do not cover a group call.
    const group = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/valid/group-call-service-hosted.json'), 'utf8'));
    await assert.rejects(client(stub, { scopes: ['Calls.Initiate.All'] }).api('/communications/calls').post(group),
                         (e) => findingsError(e).findings[0].code === 'CC302');
    assert.equal(stub.received.length, 2);
  } finally {
    await stub.close();
  }
});

test('the beta profile follows the URL, the deprecated endpoint is checked, other requests pass untouched', async () => {
  const stub = await stubGraph();
  try {
    // /app/calls is deprecated (CC501, a warning): stopped only at failOn 'warning'.
    await client(stub).api('/app/calls').version('beta').post(clean);
    assert.equal(stub.received.length, 1);
    await assert.rejects(client(stub, { failOn: 'warning' }).api('/app/calls').version('beta').post(clean),
                         (e) => findingsError(e).findings.some((d) => d.code === 'CC501'));
    assert.equal(stub.received.length, 1);
    // Not a create-call request: never checked, whatever its body.
    await client(stub).api('/communications/calls/call-1/answer').post({ not: 'a call' });
    await client(stub).api('/me').get();
    assert.equal(stub.received.length, 3);
    assert.equal(stub.received[1].body, JSON.stringify({ not: 'a call' }));
  } finally {
    await stub.close();
  }
});

test('bad middleware options are rejected at construction', () => {
  assert.throws(() => new CallcheckMiddleware({ action: 'explode' }), TypeError);
  assert.throws(() => new CallcheckMiddleware({ failOn: 'fatal' }), TypeError);
});
