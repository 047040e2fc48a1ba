// The playground (bindings/playground, built into build/playground by .ci/npm)
// in Debian's headless Chromium, driven by playwright-core: it loads the WASM
// build, a typed bad body shows the located finding, highlighted in the text;
// granted permissions and the profile change the result. A screenshot goes to
// $CALLCHECK_ARTIFACTS/playground.png.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require('playwright-core');

const SITE = process.env.CALLCHECK_PLAYGROUND_DIR;
const ARTIFACTS = process.env.CALLCHECK_ARTIFACTS;
const CHROMIUM = process.env.CALLCHECK_CHROMIUM || '/usr/bin/chromium';
if (!SITE || !ARTIFACTS) throw new Error('set CALLCHECK_PLAYGROUND_DIR and CALLCHECK_ARTIFACTS (run.sh does)');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
                '.wasm': 'application/wasm', '.png': 'image/png' };

// A static file server: the page needs no server code, only files.
async function serve(root) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

test('the playground checks as you type and highlights the finding', async () => {
  const site = await serve(SITE);
  // The flags this machine's closed network needs (no background connections);
  // playwright gives the browser a new, empty profile.
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready]', { timeout: 30000 });
    assert.equal(await page.textContent('#status'), 'no problems');
    assert.match(await page.textContent('#scenario'), /^peer-to-peer, service-hosted media/);
    assert.match(await page.textContent('#required'), /Calls\.Initiate\.All/);

    // Type a bad body, key by key, as a person would.
    await page.fill('#body', '');
    await page.type('#body', '{\n  "callbackUri": "http://bot.contoso.com/callback",\n  "targets": []\n}');
    await page.waitForSelector('#diagnostics li[data-code="CC202"]');
    const item = await page.textContent('#diagnostics li[data-code="CC202"]');
    assert.match(item, /^2:18 error CC202 callback-uri-not-https: /);
    assert.equal(await page.textContent('#backdrop mark[data-code="CC202"]'), '"http://bot.contoso.com/callback"');
    assert.match(await page.textContent('#status'), /error/);

    // Clicking the finding selects its span in the editor.
    await page.click('#diagnostics li[data-code="CC202"]');
    const selected = await page.evaluate(() => {
      const t = document.getElementById('body');
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
    assert.equal(selected, '"http://bot.contoso.com/callback"');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png'), fullPage: true });

    // Granted permissions: a group call with only Calls.Initiate.All is CC302.
    const group = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples/valid/group-call-service-hosted.json'), 'utf8');
    await page.fill('#body', group);
    await page.waitForFunction(() => document.getElementById('status').textContent === 'no problems');
    assert.match(await page.textContent('#scenario'), /^group-call/);
    await page.check('#compare');
    await page.check('#scopes input[value="Calls.Initiate.All"]');
    await page.waitForSelector('#diagnostics li[data-code="CC302"]');
    await page.check('#scopes input[value="Calls.InitiateGroupCall.All"]');
    await page.waitForFunction(() => !document.querySelector('#diagnostics li[data-code="CC302"]'));

    // The profile: a beta-only property warns on v1.0 only.
    const beta = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples/invalid/cc209-beta-only-property.json'), 'utf8');
    await page.uncheck('#compare');
    await page.fill('#body', beta);
    await page.waitForSelector('#diagnostics li[data-code="CC209"]');
    await page.selectOption('#api', 'beta');
    await page.waitForFunction(() => !document.querySelector('#diagnostics li[data-code="CC209"]'));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});
