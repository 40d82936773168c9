import { Hono } from 'hono';
import { adminPageRoutes } from './admin/routes.js';
import type { AppDeps } from './deps.js';
import type { Batcher } from './ingest/batcher.js';
import { accessLog, type LogSink } from './middleware/access-log.js';
import { adminAuth } from './middleware/admin-auth.js';
import { respondentCors } from './middleware/cors.js';
import { apiError } from './middleware/errors.js';
import { rateLimit, socketAddress } from './middleware/rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { exportRoutes } from './routes/exports.js';
import { pageRoutes } from './routes/pages.js';
import { reportRoutes } from './routes/reports.js';
import { responseRoutes } from './routes/responses.js';
import { surveyRoutes } from './routes/surveys.js';
import type { SurveyStore } from './store/surveys.js';

/** Everything `createApp` needs: the shared route dependencies plus the collector's own parts. */
export interface CollectorDeps extends AppDeps {
  surveys: SurveyStore;
  batcher: Batcher;
  /** Access log sink; omitted → no access log. */
  log?: LogSink;
  /** Per-client limit on POSTed responses; `false` turns it off (benchmarks). Default 5/s, burst 20. */
  rateLimit?: { perSecond: number; burst: number } | false;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy?: boolean;
}

/**
 * The public respondent routes; every other `/v1/*` request needs the admin token, so a route
 * added later is private unless listed here.
 */
const PUBLIC_V1: readonly [string, RegExp][] = [
  ['GET', /^\/v1\/surveys\/[^/]+$/],
  ['GET', /^\/v1\/surveys\/[^/]+\/versions\/[^/]+$/],
  ['POST', /^\/v1\/surveys\/[^/]+\/responses$/],
  ['OPTIONS', /^\/v1\/surveys\/[^/]+(\/versions\/[^/]+|\/responses)?$/],
];
const isPublic = (method: string, path: string): boolean =>
  PUBLIC_V1.some(
    ([m, re]) => (m === method || (m === 'GET' && method === 'HEAD')) && re.test(path),
  );

/**
 * Builds the collector's HTTP application: respondent API (CORS allowlist, rate limit, body
 * limit), admin API (bearer token), analytics' reports, exports and pages, and `/healthz`.
 *
 * @example
 * const app = createApp({ db, surveys, batcher, config });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: CollectorDeps): Hono {
  const app = new Hono();
  if (deps.log) app.use('*', accessLog(deps.log));

  app.notFound((c) => apiError(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    // The error itself may hold request data; log only its name (the access log has the rest).
    deps.log?.(`error ${err.name} on ${c.req.method} ${c.req.path}`);
    return apiError(c, 500, 'internal', 'Internal error');
  });

  app.get('/healthz', async (c) => {
    try {
      await deps.db.query('SELECT 1');
      return c.json({ status: 'ok', db: deps.db.kind });
    } catch {
      return apiError(c, 503, 'unavailable', 'Database unreachable');
    }
  });

  const admin = adminAuth({ tokens: deps.config.adminTokens });
  // Analysts read (reports, exports) but never publish: their tokens pass on GET only.
  const reader = adminAuth({
    tokens: [...deps.config.adminTokens, ...(deps.config.analystTokens ?? [])],
  });
  const cors = respondentCors({ allowedOrigins: deps.config.allowedOrigins });
  app.use('/v1/*', async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    return c.req.method === 'GET' || c.req.method === 'HEAD' ? reader(c, next) : admin(c, next);
  });
  app.use('/v1/surveys/:id', cors);
  app.use('/v1/surveys/:id/versions/:version', cors);
  app.use('/v1/surveys/:id/responses', async (c, next) =>
    c.req.method === 'GET' ? next() : cors(c, next),
  );
  if (deps.rateLimit !== false) {
    const limit = rateLimit({
      ...(deps.rateLimit ?? { perSecond: 5, burst: 20 }),
      addressOf: socketAddress(deps.trustProxy ?? false),
    });
    app.use('/v1/surveys/:id/responses', async (c, next) =>
      c.req.method === 'POST' ? limit(c, next) : next(),
    );
  }

  app.route('/', responseRoutes(deps));
  app.route('/', surveyRoutes(deps));
  app.route('/', adminRoutes(deps));
  // Analytics' routers use full paths; /v1/* among them are admin-only through the guard above.
  app.route('/', reportRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.route('/', adminPageRoutes(deps));
  return app;
}
