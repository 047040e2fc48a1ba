// A stand-in npm registry on 127.0.0.1 that serves one package: the callcheck
// tarball under test. The pre-commit test points npm at it, because the
// package is not published from this machine; any other name is a 404, so the
// hook's install provably downloads nothing else.
//   node registry.js TARBALL PACKAGE_JSON PORT_FILE LOG_FILE
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');

const [tarballPath, manifestPath, portFile, logFile] = process.argv.slice(2);
const tarball = fs.readFileSync(tarballPath);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const file = `${manifest.name}-${manifest.version}.tgz`;

const server = http.createServer((req, res) => {
  fs.appendFileSync(logFile, `${req.method} ${req.url}\n`);
  const base = `http://127.0.0.1:${server.address().port}`;
  const url = decodeURIComponent(req.url.split('?')[0]);
  if (url === `/${manifest.name}`) {
    const version = {
      ...manifest,
      dist: {
        tarball: `${base}/${manifest.name}/-/${file}`,
        shasum: crypto.createHash('sha1').update(tarball).digest('hex'),
        integrity: `sha512-${crypto.createHash('sha512').update(tarball).digest('base64')}`,
      },
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ name: manifest.name, 'dist-tags': { latest: manifest.version },
                             versions: { [manifest.version]: version } }));
  } else if (url === `/${manifest.name}/-/${file}`) {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(tarball);
  } else {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
  }
});
server.listen(0, '127.0.0.1', () => fs.writeFileSync(portFile, String(server.address().port)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
