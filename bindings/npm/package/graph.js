// A middleware for @microsoft/microsoft-graph-client: checks every calls-API
// request body in the chain before it leaves. It reads only the method, the
// URL and the body; it never reads or forwards the Authorization header, and
// it makes no network call (callcheck runs in-process, in WebAssembly).
//
//   const { CallcheckMiddleware } = require('callcheck/graph');
//   const client = Client.initWithMiddleware({
//     middleware: MiddlewareFactory... or a chain:
//       callcheckMiddleware -> authHandler -> retryHandler -> new HTTPMessageHandler()
//   });
'use strict';

const callcheck = require('./index.js');

// The requests callcheck knows how to check; others pass through untouched.
// Each entry: method, a path pattern (after the version segment), what it is.
const CHECKED_REQUESTS = [
  { method: 'POST', path: /^\/(communications\/calls|app\/calls|applications\/[^/]+\/calls)\/?$/, what: 'create call' },
];

/**
 * Thrown (action 'throw') when a request body has findings at or above failOn.
 *
 * The Graph client turns every error a middleware throws into a GraphError
 * (code = this error's name, body = String(this error), statusCode -1), so
 * String() of this error is JSON with the findings, and
 * CallcheckFindingsError.from(graphError) gives this error back.
 */
class CallcheckFindingsError extends Error {
  constructor(report, findings, request) {
    super(`callcheck: ${request.method} ${request.url}: ` +
          findings.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.name}: ${d.message}`).join('; '));
    this.name = 'CallcheckFindingsError';
    this.report = report;
    this.findings = findings;
    this.request = request;
  }

  toJSON() {
    return { code: this.name, message: this.message, request: this.request, findings: this.findings, report: this.report };
  }

  toString() {
    return JSON.stringify({ error: this.toJSON() });
  }

  /** This error, from itself or from the GraphError the Graph client wrapped it in; null for any other error. */
  static from(error) {
    if (error instanceof CallcheckFindingsError) return error;
    if (!error || error.code !== 'CallcheckFindingsError' || typeof error.body !== 'string') return null;
    try {
      const e = JSON.parse(error.body).error;
      return new CallcheckFindingsError(e.report, e.findings, e.request);
    } catch (e) {
      return null;
    }
  }
}

const RANK = { error: 0, warning: 1, info: 2 };

function describe(context) {
  const request = context.request;
  const options = context.options || {};
  const url = typeof request === 'string' ? request : request && request.url;
  const method = String(options.method || (request && typeof request === 'object' && request.method) || 'GET')
    .toUpperCase();
  return { url: String(url || ''), method, body: options.body };
}

// "/v1.0/communications/calls" -> { version: "v1.0", path: "/communications/calls" }
function splitVersion(url) {
  let pathname;
  try {
    pathname = new URL(url).pathname;
  } catch (e) {
    return null;
  }
  const m = /^\/(v1\.0|beta)(\/.*)?$/.exec(pathname);
  return m ? { version: m[1], path: m[2] || '/' } : { version: null, path: pathname };
}

class CallcheckMiddleware {
  /**
   * @param {object} [options]
   * @param {'throw'|'log'|function} [options.action='throw'] what to do with findings at or above failOn:
   *   throw a CallcheckFindingsError (the request is not sent), log them (and send), or call
   *   `action(findings, report, request)` (and send, unless it throws)
   * @param {'error'|'warning'|'info'} [options.failOn='error']
   * @param {string[]} [options.scopes] granted application permissions, compared with what the call needs
   * @param {'v1.0'|'beta'} [options.api] profile; default: the URL's version segment
   * @param {{warn: function}} [options.logger=console] for action 'log'
   * @param {object} [options.checkOptions] more callcheck options (select, ignore, rules, preview, limits)
   */
  constructor(options = {}) {
    const action = options.action === undefined ? 'throw' : options.action;
    if (action !== 'throw' && action !== 'log' && typeof action !== 'function') {
      throw new TypeError("callcheck: action must be 'throw', 'log' or a function");
    }
    if (options.failOn !== undefined && !(options.failOn in RANK)) {
      throw new TypeError("callcheck: failOn must be 'error', 'warning' or 'info'");
    }
    this.action = action;
    this.failOn = options.failOn || 'error';
    this.scopes = options.scopes;
    this.api = options.api;
    this.logger = options.logger || console;
    this.checkOptions = options.checkOptions || {};
    this.nextMiddleware = undefined;
  }

  setNext(next) {
    this.nextMiddleware = next;
  }

  /** The report for this request, or null when callcheck does not check this kind of request. */
  inspect(context) {
    const request = describe(context);
    const where = splitVersion(request.url);
    if (!where) return null;
    const known = CHECKED_REQUESTS.find((r) => r.method === request.method && r.path.test(where.path));
    if (!known || typeof request.body !== 'string') return null;
    const report = callcheck.check(request.body, {
      ...this.checkOptions,
      source: `${request.method} ${where.path}`,
      api: this.api || (where.version === 'beta' ? 'beta' : 'v1.0'),
      scopes: this.scopes,
      request: `${request.method} ${request.url}`,
      failOn: this.failOn,
    });
    const findings = [];
    for (const file of report.files) {
      for (const d of file.diagnostics) if (RANK[d.severity] <= RANK[this.failOn]) findings.push(d);
    }
    return { report, findings, request: { method: request.method, url: request.url, what: known.what } };
  }

  async execute(context) {
    const seen = this.inspect(context);
    if (seen && seen.findings.length > 0) {
      if (this.action === 'throw') throw new CallcheckFindingsError(seen.report, seen.findings, seen.request);
      if (this.action === 'log') {
        for (const d of seen.findings) {
          this.logger.warn(`callcheck: ${seen.request.method} ${seen.request.url}:${d.line}:${d.column}: ` +
                           `${d.severity} ${d.code} ${d.name}: ${d.message}`);
        }
      } else {
        await this.action(seen.findings, seen.report, seen.request);
      }
    }
    if (!this.nextMiddleware) throw new Error('callcheck: CallcheckMiddleware is the last middleware in the chain');
    await this.nextMiddleware.execute(context);
  }
}

module.exports = { CallcheckMiddleware, CallcheckFindingsError, CHECKED_REQUESTS };
