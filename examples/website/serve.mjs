// Serves the example page under a strict Content-Security-Policy (`default-src 'self'`: no inline
// scripts or styles, no eval), with the built widget and a tiny stand-in for the collector's two
// widget routes. Run from the repository root after `pnpm --filter @otklik/widget build`:
//   pnpm exec tsx --conditions=@otklik/source examples/website/serve.mjs   (PORT=8790 by default)
import { validateResponse } from '@otklik/core/engine';
import { getTemplate } from '@otklik/core/templates';
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const CSP = "default-src 'self'";
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const files = {
  '/': [here('./index.html'), 'text/html; charset=utf-8'],
  '/site.css': [here('./site.css'), 'text/css; charset=utf-8'],
  '/widget/feedback-survey.iife.js': [
    here('../../packages/widget/dist/feedback-survey.iife.js'),
    'text/javascript',
  ],
  '/widget/feedback-survey.js': [
    here('../../packages/widget/dist/feedback-survey.js'),
    'text/javascript',
  ],
};

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'cache-control': 'no-store',
  });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64_000) throw new Error('too large');
  }
  return body;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const m = url.pathname.match(/^\/v1\/surveys\/([\w.-]+)(\/responses)?$/);
  try {
    if (m) {
      const survey = getTemplate(m[1]);
      if (!survey) return send(res, 404, { error: 'unknown_survey' });
      if (!m[2] && req.method === 'GET') return send(res, 200, survey);
      if (m[2] && req.method === 'POST') {
        const r = validateResponse(survey, JSON.parse(await readBody(req)));
        if (!r.ok) return send(res, 422, { error: 'invalid_response', issues: r.issues });
        console.log('response', JSON.stringify(r.value));
        return send(res, 201, { receipt: r.value.responseId.slice(0, 8).toUpperCase() });
      }
      return send(res, 405, { error: 'method_not_allowed' });
    }
    if (url.pathname === '/favicon.ico') return send(res, 204, '');
    const f = files[url.pathname];
    if (!f) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return send(res, 200, await readFile(f[0]), f[1]);
  } catch (e) {
    return send(res, 400, { error: 'bad_request', message: String(e) });
  }
});

const port = Number(process.env.PORT ?? 8790);
server.listen(port, '127.0.0.1', () =>
  console.log(`Example site: http://127.0.0.1:${port}/  (CSP: ${CSP})`),
);
