import { Hono, type MiddlewareHandler } from 'hono';
import { adminPageRoutes } from './admin/routes.js';
import type { AppDeps } from './deps.js';
import type { Batcher } from './ingest/batcher.js';
import { ZId } from '@otklik/core';
import { accessLog, escapeLogText, type LogSink } from './middleware/access-log.js';
import { adminAuth } from './middleware/admin-auth.js';
import { respondentCors } from './middleware/cors.js';
import { apiError } from './middleware/errors.js';
import { rateLimit, socketAddress } from './middleware/rate-limit.js';
import { backupRoutes } from './ops/backup-route.js';
import { statusRoutes } from './ops/status-route.js';
import { adminRoutes } from './routes/admin.js';
import { catalogRoutes } from './routes/catalogs.js';
import { ReportZoneError } from './reports/index.js';
import { exportRoutes } from './routes/exports.js';
import { painMapRoutes } from './painmap/routes.js';
import { receiptRoutes } from './painmap/public-routes.js';
import { pageRoutes } from './routes/pages.js';
import { badQuery, reportRoutes } from './routes/reports.js';
import { responseRoutes, RETRY_AFTER_UNAVAILABLE } from './routes/responses.js';
import { surveyRoutes } from './routes/surveys.js';
import { DbTimeoutError, isDbDataError, isDbUnavailable } from './store/errors.js';
import { themeRoutes } from './themes/routes.js';
import type { SurveyStore } from './store/surveys.js';

/** Everything `createApp` needs: the shared route dependencies plus the collector's own parts. */
export interface CollectorDeps extends AppDeps {
  surveys: SurveyStore;
  batcher: Batcher;
  /** Access log sink; omitted → no access log. */
  log?: LogSink;
  /** Per-client limit on POSTed responses; `false` turns it off (benchmarks). Default 5/s, burst 20. */
  rateLimit?: { perSecond: number; burst: number } | false;
  /**
   * Per-client limits on the public pages (`/results/*` computes figures, `/s/*` renders a
   * survey); `false` turns them off (benchmarks). Defaults: results 2/s burst 10, hosted 5/s burst 20.
   */
  pageRateLimit?: { results: RateSpec; hosted: RateSpec } | false;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  /** How long `/healthz` waits for the database before answering 503 (default 800 ms). */
  healthTimeoutMs?: number;
}

interface RateSpec {
  perSecond: number;
  burst: number;
}

const DEFAULT_PAGE_LIMITS = {
  results: { perSecond: 2, burst: 10 },
  hosted: { perSecond: 5, burst: 20 },
};

/** The id in a path is checked against core's id rule before anything asks the database. */
const validId = (raw: string | undefined): boolean =>
  raw !== undefined && ZId.safeParse(raw).success;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The origins of the collector's own pages: the configured public URL — and, when that is a
 * loopback address (a demo on one machine), its other loopback spellings, which only a browser on
 * the same machine can send.
 */
function ownOrigins(publicUrl: string | undefined): string[] {
  if (publicUrl === undefined) return [];
  const u = new URL(publicUrl);
  if (!LOOPBACK.has(u.hostname)) return [u.origin];
  const port = u.port ? `:${u.port}` : '';
  return [...LOOPBACK].map((h) => `${u.protocol}//${h}${port}`);
}

/** Resolves with `p`, or rejects with `DbTimeoutError` after `ms`. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DbTimeoutError(what, ms)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The public respondent routes; every other `/v1/*` request needs the admin token, so a route
 * added later is private unless listed here.
 */
const PUBLIC_V1: readonly [string, RegExp][] = [
  ['GET', /^\/v1\/catalogs$/],
  ['OPTIONS', /^\/v1\/catalogs$/],
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
  app.use('*', async (c, next) => {
    await next();
    // Every answer, error pages included: browsers must never sniff JSON or CSV into HTML.
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.notFound((c) =>
    apiError(c, 404, 'not_found', `No route ${c.req.method} ${escapeLogText(c.req.path)}`),
  );
  app.onError((err, c) => {
    if (isDbUnavailable(err)) {
      c.header('Retry-After', String(RETRY_AFTER_UNAVAILABLE));
      return apiError(c, 503, 'unavailable', 'The database is unavailable; retry later');
    }
    // The error itself may hold request data; log only its name (the access log has the rest).
    deps.log?.(`error ${err.name} on ${c.req.method} ${escapeLogText(c.req.path)}`);
    if (isDbDataError(err)) {
      return apiError(c, 422, 'unstorable', 'The database refused the values of this request');
    }
    // Any page or route that reads reports (the dashboard too) answers a foreign zone with a 400.
    if (err instanceof ReportZoneError) return badQuery(c, 'tz', { ru: err.ru, en: err.message });
    return apiError(c, 500, 'internal', 'Internal error');
  });

  const healthMs = deps.healthTimeoutMs ?? 800;
  app.get('/healthz', async (c) => {
    try {
      // Bounded: a hung database must not hang the health check that is meant to detect it.
      await within(deps.db.query('SELECT 1'), healthMs, 'health check');
      return c.json({ status: 'ok', db: deps.db.kind });
    } catch {
      c.header('Retry-After', String(RETRY_AFTER_UNAVAILABLE));
      return apiError(c, 503, 'unavailable', 'Database unreachable');
    }
  });

  // Ids in paths follow core's id rule; anything else (NUL, slashes, 10 KB) stops here.
  const checkId: MiddlewareHandler = async (c, next) => {
    const raw = c.req.param('id');
    const id =
      raw?.endsWith('.json') && c.req.path.startsWith('/results/') ? raw.slice(0, -5) : raw;
    if (!validId(id)) return apiError(c, 400, 'invalid_id', 'The id in the path is not a valid id');
    return next();
  };
  for (const p of ['/v1/surveys/:id', '/v1/surveys/:id/*', '/s/:id', '/results/:id'])
    app.use(p, checkId);

  const admin = adminAuth({ tokens: deps.config.adminTokens });
  // Analysts read (reports, exports) but never publish: their tokens pass on GET only.
  const reader = adminAuth({
    tokens: [...deps.config.adminTokens, ...(deps.config.analystTokens ?? [])],
  });
  const cors = respondentCors({
    allowedOrigins: deps.config.allowedOrigins,
    ownOrigins: () => ownOrigins(deps.config.publicUrl),
  });
  app.use('/v1/*', async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    return c.req.method === 'GET' || c.req.method === 'HEAD' ? reader(c, next) : admin(c, next);
  });
  app.use('/v1/catalogs', cors);
  app.use('/v1/surveys/:id', cors);
  app.use('/v1/surveys/:id/versions/:version', cors);
  app.use('/v1/surveys/:id/responses', async (c, next) =>
    c.req.method === 'GET' ? next() : cors(c, next),
  );
  // The public results as data (`/results/:id.json`, read by <feedback-results> on the body's
  // sites) go to the same origins as the survey itself.
  const resultsCors = respondentCors({
    allowedOrigins: deps.config.allowedOrigins,
    ownOrigins: () => ownOrigins(deps.config.publicUrl),
    surveyOf: (c) => (c.req.param('id') ?? '').replace(/\.json$/, ''),
  });
  app.use('/results/:id', async (c, next) =>
    c.req.path.endsWith('.json') ? resultsCors(c, next) : next(),
  );
  const addressOf = socketAddress(deps.trustProxy ?? false);
  if (deps.rateLimit !== false) {
    const limit = rateLimit({ ...(deps.rateLimit ?? { perSecond: 5, burst: 20 }), addressOf });
    app.use('/v1/surveys/:id/responses', async (c, next) =>
      c.req.method === 'POST' ? limit(c, next) : next(),
    );
  }
  if (deps.pageRateLimit !== false) {
    const limits = deps.pageRateLimit ?? DEFAULT_PAGE_LIMITS;
    app.use('/results/*', rateLimit({ ...limits.results, addressOf }));
    // Receipt look-ups share one bucket per client, so codes cannot be tried in bulk.
    const receipts = rateLimit({ ...limits.results, addressOf });
    app.use('/r', receipts);
    app.use('/r/*', receipts);
    app.use('/s/*', rateLimit({ ...limits.hosted, addressOf }));
  }

  app.route('/', responseRoutes(deps));
  app.route('/', surveyRoutes(deps));
  app.route('/', catalogRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', backupRoutes(deps));
  app.route('/', statusRoutes(deps));
  // Analytics' routers use full paths; /v1/* among them are admin-only through the guard above.
  app.route('/', reportRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.route('/', painMapRoutes(deps));
  app.route('/', themeRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.route('/', adminPageRoutes(deps));
  app.route('/', receiptRoutes(deps));
  return app;
}
