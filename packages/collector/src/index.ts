/**
 * @otklik/collector — the self-hosted collector: storage (PGlite or PostgreSQL), ingest with group
 * commit, the respondent and admin APIs, and the server lifecycle.
 */
export { createApp, type CollectorDeps } from './app.js';
export { startCollector, type Collector, type StartOptions } from './server.js';
export {
  resolveConfig,
  parseAllowedOrigins,
  ConfigError,
  DEFAULT_PORT,
  type ServerConfig,
} from './config.js';
export type { AppDeps, CollectorConfig, SurveyRegistry } from './deps.js';
export type { Db } from './store/db.js';
export { openDb } from './store/open.js';
export { openPglite, type PgliteOptions } from './store/pglite/index.js';
export { openPostgres, type PostgresOptions } from './store/postgres/index.js';
export { migrate } from './store/migrate.js';
export { MIGRATIONS } from './store/migrations.js';
export {
  createSurveyStore,
  seedSurveys,
  type CompiledSurvey,
  type PublishResult,
  type SurveyStore,
} from './store/surveys.js';
export {
  toRow,
  answeredAtFor,
  pageResponses,
  type ResponseRow,
  type StoredResponse,
} from './store/responses.js';
export { receiptFor } from './store/receipt.js';
export { canonicalJson } from './store/canonical.js';
export { responseWriter } from './store/writer.js';
export {
  createBatcher,
  ConflictError,
  UnavailableError,
  type Batcher,
  type BatcherOptions,
  type BatchWriter,
  type IngestOutcome,
} from './ingest/batcher.js';
export { adminAuth, type AdminAuthOptions } from './middleware/admin-auth.js';
export { respondentCors, type RespondentCorsOptions } from './middleware/cors.js';
export { rateLimit, socketAddress, type RateLimitOptions } from './middleware/rate-limit.js';
export { jsonBody, type JsonBodyOptions } from './middleware/json-body.js';
export { accessLog, type LogSink } from './middleware/access-log.js';
export { apiError, API_ERRORS, type ApiErrorBody, type ApiErrorCode } from './middleware/errors.js';
