import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteSettings } from './store/pglite/memory.js';
import { DEFAULT_ROLLUP_ZONE } from './store/rollup.js';

/** Everything a running collector is configured with (flags over environment over defaults). */
export interface ServerConfig {
  port: number;
  host: string;
  /** PGlite folder when `databaseUrl` is not set. */
  dataDir: string;
  /** PostgreSQL connection string; set → PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  demo: boolean;
  adminTokens: string[];
  /** Read-only analysts' tokens (env ANALYST_TOKENS): dashboard and reports, no publishing. */
  analystTokens: string[];
  /** Key of the dashboard's session cookies (env SESSION_SECRET); unset → derived from the tokens. */
  sessionSecret?: string;
  allowedOrigins: Record<string, string[]>;
  widgetDir: string;
  /** Folder with the built survey editor (env EDITOR_DIR; default packages/editor/dist). */
  editorDir: string;
  trustProxy: boolean;
  /** Responses per second per client, and the burst; `false` = off. */
  rateLimit: { perSecond: number; burst: number } | false;
  /** Group-commit flushes in flight at once on PostgreSQL (env INGEST_FLUSHES, default 1). */
  ingestFlushes: number;
  /** Responses waiting for a flush before new ones get 503 (env INGEST_QUEUE, default 10 000). */
  ingestQueue: number;
  /** Rate limits on `/results/*` and `/s/*` (env PAGE_RATE_LIMIT=off turns them off). */
  pageRateLimit: boolean;
  /** Cache public results figures (env RESULTS_CACHE=off turns it off, for comparison). */
  resultsCache: boolean;
  /** PostgreSQL statement timeout in ms (env DB_QUERY_TIMEOUT_MS, default 15 000). */
  dbQueryTimeoutMs: number;
  /**
   * The collector's public origin (`--public-url` / PUBLIC_URL, e.g. https://opros.example.gov.ru):
   * the hosted page's POSTs come from it. Unset → the address it listens on.
   */
  publicUrl?: string;
  /** IANA zone whose days reports count (env TIME_ZONE, default Europe/Moscow): the body's zone. */
  timeZone: string;
  /** PGlite's Postgres settings (env PGLITE_SETTINGS over store/pglite/memory.ts). */
  pgliteSettings: Record<string, string>;
}

export const DEFAULT_PORT = 8787;

/**
 * The built widget of the installed @otklik/widget package (a dependency, so an `npm i` of the
 * collector brings it), else the workspace's packages/widget/dist.
 */
function defaultWidgetDir(): string {
  try {
    const manifest = createRequire(import.meta.url).resolve('@otklik/widget/custom-elements.json');
    return join(dirname(manifest), 'dist/');
  } catch {
    return fileURLToPath(new URL('../../widget/dist/', import.meta.url));
  }
}

/** The editor's build: the installed @otklik/editor when there is one, else the workspace's. */
function defaultEditorDir(): string {
  try {
    const manifest = createRequire(import.meta.url).resolve('@otklik/editor/package.json');
    return join(dirname(manifest), 'dist/');
  } catch {
    return fileURLToPath(new URL('../../editor/dist/', import.meta.url));
  }
}

function parsePgliteSettings(text: string | undefined): Record<string, string> {
  try {
    return pgliteSettings(text);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
}

/** Thrown for a bad flag or environment value; the CLI prints the message and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the `ALLOWED_ORIGINS` syntax: `;`-separated `surveyId=origin,origin`, `*` as a survey id
 * for every survey and as an origin for any origin.
 *
 * @example
 * parseAllowedOrigins('*=https://a.gov.ru,https://b.gov.ru;kiosk-pulse=*')
 * // { '*': ['https://a.gov.ru', 'https://b.gov.ru'], 'kiosk-pulse': ['*'] }
 */
export function parseAllowedOrigins(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new ConfigError(`ALLOWED_ORIGINS: "${part}" is not surveyId=origin[,origin]`);
    const id = part.slice(0, eq).trim();
    const origins = part
      .slice(eq + 1)
      .split(',')
      .map((s) => s.trim().replace(/\/+$/, ''))
      .filter(Boolean);
    for (const o of origins) {
      if (o !== '*' && !/^https?:\/\/[^/\s]+$/.test(o)) {
        throw new ConfigError(`ALLOWED_ORIGINS: "${o}" is not an origin like https://site.gov.ru`);
      }
    }
    (out[id] ??= []).push(...origins);
  }
  return out;
}

function parsePort(v: string, name: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535)
    throw new ConfigError(`${name}: "${v}" is not a port number 0…65535`);
  return n;
}

function parseRate(v: string): ServerConfig['rateLimit'] {
  if (v === 'off' || v === '0') return false;
  const m = /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(v);
  if (!m) throw new ConfigError(`RATE_LIMIT: "${v}" is not "perSecond[/burst]" or "off"`);
  const perSecond = Number(m[1]);
  return {
    perSecond,
    burst: m[2] === undefined ? Math.max(1, Math.ceil(perSecond * 4)) : Number(m[2]),
  };
}

function parseFlushes(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 16)
    throw new ConfigError(`INGEST_FLUSHES: "${v}" is not an integer 1…16`);
  return n;
}

function parseIntIn(v: string, name: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new ConfigError(`${name}: "${v}" is not an integer ${min}…${max}`);
  return n;
}

function parsePublicUrl(v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(`PUBLIC_URL: "${v}" is not a URL like https://opros.example.gov.ru`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new ConfigError(`PUBLIC_URL: "${v}" must start with https:// or http://`);
  return u.origin;
}

function parseTimeZone(v: string): string {
  try {
    // Canonical spelling, so "europe/moscow" and "Europe/Moscow" are one rollup zone.
    return new Intl.DateTimeFormat('en', { timeZone: v }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(`TIME_ZONE: "${v}" is not an IANA time zone like Europe/Moscow`);
  }
}

/** Flags as the CLI parsed them (strings, booleans). */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;

const str = (f: Flags, k: string): string | undefined =>
  typeof f[k] === 'string' ? (f[k] as string) : undefined;

/**
 * Resolves the configuration from flags and environment.
 *
 * @example
 * const cfg = resolveConfig({ port: '0', demo: true }, process.env);
 */
export function resolveConfig(
  flags: Flags,
  env: Readonly<Record<string, string | undefined>>,
): ServerConfig {
  const portText = str(flags, 'port') ?? env.PORT;
  const list = (text: string | undefined): string[] =>
    (text ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const tokens = list(str(flags, 'admin-token') ?? env.ADMIN_TOKENS);
  const originsText = str(flags, 'allowed-origins') ?? env.ALLOWED_ORIGINS;
  const databaseUrl = str(flags, 'database-url') ?? env.DATABASE_URL;
  const cfg: ServerConfig = {
    port: portText === undefined ? DEFAULT_PORT : parsePort(portText, 'port'),
    host: str(flags, 'host') ?? env.HOST ?? '127.0.0.1',
    dataDir: str(flags, 'data-dir') ?? env.DATA_DIR ?? './data',
    demo: flags.demo === true,
    adminTokens: tokens,
    analystTokens: list(str(flags, 'analyst-token') ?? env.ANALYST_TOKENS),
    allowedOrigins: originsText ? parseAllowedOrigins(originsText) : {},
    widgetDir: str(flags, 'widget-dir') ?? env.WIDGET_DIR ?? defaultWidgetDir(),
    editorDir: str(flags, 'editor-dir') ?? env.EDITOR_DIR ?? defaultEditorDir(),
    trustProxy: flags['trust-proxy'] === true || env.TRUST_PROXY === '1',
    rateLimit: parseRate(str(flags, 'rate-limit') ?? env.RATE_LIMIT ?? '5/20'),
    ingestFlushes: parseFlushes(env.INGEST_FLUSHES ?? '1'),
    pageRateLimit: env.PAGE_RATE_LIMIT !== 'off',
    resultsCache: env.RESULTS_CACHE !== 'off',
    ingestQueue: parseIntIn(env.INGEST_QUEUE ?? '10000', 'INGEST_QUEUE', 1, 10_000_000),
    dbQueryTimeoutMs: parseIntIn(
      env.DB_QUERY_TIMEOUT_MS ?? '15000',
      'DB_QUERY_TIMEOUT_MS',
      100,
      3_600_000,
    ),
    timeZone: parseTimeZone(str(flags, 'time-zone') ?? env.TIME_ZONE ?? DEFAULT_ROLLUP_ZONE),
    pgliteSettings: parsePgliteSettings(env.PGLITE_SETTINGS),
  };
  if (databaseUrl) cfg.databaseUrl = databaseUrl;
  const publicUrl = str(flags, 'public-url') ?? env.PUBLIC_URL;
  if (publicUrl) cfg.publicUrl = parsePublicUrl(publicUrl);
  if (env.SESSION_SECRET) cfg.sessionSecret = env.SESSION_SECRET;
  return cfg;
}
