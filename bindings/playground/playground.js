// The playground: every keystroke re-checks the body in WebAssembly and
// redraws the findings, with their spans highlighted behind the text.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const body = $('body');
  const backdrop = $('backdrop');

  const EXAMPLE = JSON.stringify({
    '@odata.type': '#microsoft.graph.call',
    callbackUri: 'https://bot.contoso.com/callback',
    targets: [{
      '@odata.type': '#microsoft.graph.invitationParticipantInfo',
      identity: {
        '@odata.type': '#microsoft.graph.identitySet',
        user: { '@odata.type': '#microsoft.graph.identity', id: '8b081ef6-4792-4def-b2c9-c363a1bf41d5' },
      },
    }],
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
  }, null, 2);

  // line:column (1-based, columns in code points, end exclusive) -> string index.
  function indexOf(text, line, column) {
    let i = 0;
    for (let l = 1; l < line; ++l) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return text.length;
      i = nl + 1;
    }
    for (let c = 1; c < column && i < text.length && text[i] !== '\n'; ++c) {
      i += text.codePointAt(i) > 0xffff ? 2 : 1;
    }
    return i;
  }

  function spanOf(text, d) {
    if (!d.line) return null;
    const begin = indexOf(text, d.line, d.column);
    let end = d.endLine ? indexOf(text, d.endLine, d.endColumn) : begin;
    if (end <= begin) end = Math.min(text.length, begin + 1);
    return { begin, end };
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Spans nest (a missing member is reported on its whole object, a bad value
  // inside it on the value): each piece of text is marked with the innermost
  // span that covers it, so every finding stays visible.
  function highlight(text, diagnostics) {
    const spans = diagnostics.map((d) => ({ d, s: spanOf(text, d) })).filter((x) => x.s);
    const cuts = [...new Set([0, text.length, ...spans.flatMap((x) => [x.s.begin, x.s.end])])].sort((a, b) => a - b);
    backdrop.textContent = '';
    let open = null;
    let from = 0;
    const flush = (to) => {
      if (to <= from) return;
      const piece = text.slice(from, to);
      if (open) {
        const mark = el('mark', open.d.severity, piece);
        mark.dataset.code = open.d.code;
        backdrop.append(mark);
      } else {
        backdrop.append(piece);
      }
      from = to;
    };
    for (let i = 0; i + 1 < cuts.length; ++i) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      let inner = null;
      for (const x of spans) {
        if (x.s.begin <= a && b <= x.s.end && (!inner || x.s.end - x.s.begin < inner.s.end - inner.s.begin)) inner = x;
      }
      if (inner !== open) {
        flush(a);
        open = inner;
      }
    }
    flush(text.length);
    backdrop.append('\n');
  }

  function grantedScopes() {
    if (!$('compare').checked) return undefined;
    return [...document.querySelectorAll('#scopes input:checked')].map((i) => i.value);
  }

  let callcheck = null;
  function update() {
    if (!callcheck) return;
    const text = body.value;
    const report = callcheck.check(text, {
      api: $('api').value, scopes: grantedScopes(), preview: $('preview').checked, source: 'body.json',
    });
    const file = report.files[report.files.length - 1];
    const all = report.files.flatMap((f) => f.diagnostics);
    highlight(text, file.diagnostics);

    const status = $('status');
    const s = report.summary;
    status.className = all.length ? 'findings' : 'clean';
    status.textContent = all.length
      ? `${all.length} problem${all.length === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ` +
        `${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info${s.infos === 1 ? '' : 's'})`
      : 'no problems';

    const list = $('diagnostics');
    list.textContent = '';
    for (const f of report.files) {
      for (const d of f.diagnostics) {
        const li = el('li');
        li.dataset.code = d.code;
        li.append(el('span', 'where', f.path === 'body.json' ? `${d.line}:${d.column}` : f.path), ' ',
                  el('span', `sev-${d.severity}`, d.severity), ' ', el('code', null, d.code), ' ',
                  el('span', 'name', d.name), ': ', el('span', 'message', d.message));
        if (d.help) li.append(el('div', 'help', `help: ${d.help}`));
        if (f.path === 'body.json') {
          li.addEventListener('click', () => {
            const span = spanOf(text, d);
            if (!span) return;
            body.focus();
            body.setSelectionRange(span.begin, span.end);
          });
        }
        list.append(li);
      }
    }

    $('scenario').textContent = `${file.scenario.kind}, ${file.scenario.media} media` +
      (file.scenario.summary ? ` — ${file.scenario.summary}` : '') +
      (file.scenario.evidence ? ` (decided by ${file.scenario.evidence})` : '');
    const required = $('required');
    required.textContent = '';
    if (!file.scope_reasons.length) required.append(el('li', null, '(none determined)'));
    for (const r of file.scope_reasons) {
      const li = el('li');
      li.append(el('code', null, r.name), ` — ${r.reason}`);
      required.append(li);
    }
    const alternatives = $('alternatives');
    alternatives.textContent = '';
    for (const a of file.alternatives) {
      alternatives.append(el('li', null, `or: ${a.scopes.join(' + ')}${a.note ? ` — ${a.note}` : ''}`));
    }
  }

  function syncScroll() {
    backdrop.scrollTop = body.scrollTop;
    backdrop.scrollLeft = body.scrollLeft;
  }

  async function start() {
    // The permission names come from callcheck's own table (schemas/callcheck/permissions.json).
    const table = await (await fetch('permissions.json')).json();
    const fieldset = $('scopes');
    for (const [name, info] of Object.entries(table.scopes)) {
      const label = el('label');
      label.title = info.grants;
      const box = el('input');
      box.type = 'checkbox';
      box.value = name;
      box.addEventListener('change', update);
      label.append(box, ` ${name}`);
      fieldset.append(label);
    }
    $('compare').addEventListener('change', () => { fieldset.disabled = !$('compare').checked; update(); });
    for (const id of ['api', 'preview']) $(id).addEventListener('change', update);
    body.addEventListener('input', () => { update(); syncScroll(); });
    body.addEventListener('scroll', syncScroll);
    body.value = EXAMPLE;
    callcheck = await window.callcheck.init();
    update();
    document.body.dataset.ready = callcheck.version();
  }

  start().catch((e) => {
    $('status').textContent = `callcheck could not start: ${e && e.message ? e.message : e}`;
    document.body.dataset.failed = 'true';
  });
})();
