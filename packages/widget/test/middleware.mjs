// Dev-server middleware for the browser tests: a scriptable fake collector at /__collector/*,
// served by the real @web/dev-server (Koa) on the same origin as the test pages.
//
//   POST /__collector/script    {"answers": [503, {"status": 429, "headers": {"retry-after": "1"}}, "drop", {"delay": 2000}, 201]}
//                               sets the answers to the next POSTs, in order; once used up, the
//                               fake behaves like the real collector: 201 the first time a
//                               responseId arrives, 200 for the same body again, 409 for another body.
//                               "drop" answers bytes that are not HTTP and closes the connection:
//                               fetch() rejects, as on a network failure. (Destroying the socket
//                               silently is not used: Chromium then resends the POST on a reused
//                               keep-alive connection, so one "drop" could eat a retry.)
//                               "delay" waits that many ms before answering.
//   POST /__collector/responses a response: answered per the script; every request is recorded.
//   GET  /__collector/received  {"posts": [{body, headers, answer}], "stored": {responseId: body}}
//   POST /__collector/reset     forgets everything.
//   POST /__collector/offline   {"on": true}: the two "collector pages" below answer like "drop".
//   GET  /__collector/slow.js?ms=N  an empty script answered after N ms: placed after the element,
//                               it holds the page's parser (and DOMContentLoaded) that long.
//   GET  /widget/feedback-survey.js, GET /v1/surveys/kiosk-pulse: stand-ins for what the real
//                               collector serves next to examples/kiosk, for the service-worker test.
import { Buffer } from 'node:buffer';

/** @type {{ posts: { body: unknown, headers: Record<string, string | string[] | undefined>, answer: number | 'drop' }[], stored: Map<string, string>, script: unknown[], offline: boolean, surveyVersion: number }} */
const state = { posts: [], stored: new Map(), script: [], offline: false, surveyVersion: 1 };

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const json = (ctx, status, body, headers = {}) => {
  ctx.status = status;
  for (const [k, v] of Object.entries(headers)) ctx.set(k, String(v));
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
};

/** The real collector's idempotency: a UUID is stored once; same body → 200, other body → 409. */
function collectorAnswer(id, text) {
  const had = state.stored.get(id);
  if (had === undefined) return 201;
  return had === text ? 200 : 409;
}

const drop = (ctx) => {
  ctx.status = 204; // only for the dev server's log; the browser sees a broken response
  ctx.respond = false;
  ctx.req.socket.end('garbage\r\n\r\n');
};

async function fakeCollector(ctx, next) {
  if (
    ctx.method === 'GET' &&
    (ctx.path === '/widget/feedback-survey.js' || ctx.path === '/v1/surveys/kiosk-pulse')
  ) {
    if (state.offline) return drop(ctx);
    if (ctx.path.endsWith('.js')) {
      ctx.type = 'text/javascript';
      ctx.body = 'export {};';
      return;
    }
    return json(ctx, 200, { id: 'kiosk-pulse', version: state.surveyVersion });
  }
  if (!ctx.path.startsWith('/__collector/')) return next();
  if (ctx.method === 'GET' && ctx.path === '/__collector/slow.js') {
    await new Promise((r) => setTimeout(r, Number(ctx.query.ms ?? 1000)));
    ctx.type = 'text/javascript';
    ctx.body = '// slow';
    return;
  }
  const route = `${ctx.method} ${ctx.path.slice('/__collector'.length)}`;
  if (route === 'POST /reset') {
    state.posts = [];
    state.stored = new Map();
    state.script = []; // not `offline`: that belongs to the example test, which may run meanwhile
    return json(ctx, 200, { ok: true });
  }
  if (route === 'POST /offline') {
    const { on, surveyVersion } = JSON.parse(await readBody(ctx.req));
    state.offline = !!on;
    state.surveyVersion = surveyVersion ?? state.surveyVersion;
    return json(ctx, 200, { ok: true });
  }
  if (route === 'POST /script') {
    state.script = JSON.parse(await readBody(ctx.req)).answers ?? [];
    return json(ctx, 200, { ok: true });
  }
  if (route === 'GET /received') {
    return json(ctx, 200, {
      posts: state.posts,
      stored: Object.fromEntries([...state.stored].map(([k, v]) => [k, JSON.parse(v)])),
    });
  }
  if (route === 'POST /responses') {
    const text = await readBody(ctx.req);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const id = typeof body === 'object' && body ? String(body.responseId) : '';
    const step = state.script.shift();
    const plan =
      typeof step === 'number' ? { status: step } : step === 'drop' ? { drop: true } : (step ?? {});
    const record = { body, headers: { ...ctx.request.headers }, answer: plan.drop ? 'drop' : 0 };
    state.posts.push(record);
    if (plan.drop) return drop(ctx);
    if (plan.delay) await new Promise((r) => setTimeout(r, plan.delay));
    const status = plan.status ?? collectorAnswer(id, text);
    record.answer = status;
    if (status >= 200 && status < 300 && !state.stored.has(id)) state.stored.set(id, text);
    const receipt = id.slice(0, 8).toUpperCase();
    const answer =
      plan.body ??
      (status === 201
        ? { status: 'created', responseId: id, receipt }
        : status === 200
          ? { status: 'duplicate', responseId: id, receipt }
          : status === 409
            ? { error: 'conflict', message: 'This responseId is stored with another body.' }
            : { error: `http_${status}`, message: `Scripted answer ${status}.` });
    return json(ctx, status, answer, plan.headers ?? {});
  }
  return json(ctx, 404, { error: 'not_found', message: route });
}

export const middleware = [fakeCollector];
