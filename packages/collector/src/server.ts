import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Survey } from '@otklik/core';
import { templates } from '@otklik/core/templates';
import type { Hono } from 'hono';
import { createApp, type CollectorDeps } from './app.js';
import type { ServerConfig } from './config.js';
import { createBatcher } from './ingest/batcher.js';
import type { LogSink } from './middleware/access-log.js';
import type { Db } from './store/db.js';
import { migrate } from './store/migrate.js';
import { openDb } from './store/open.js';
import { createCatalogStore } from './store/catalogs.js';
import { createPublicCache } from './store/public-cache.js';
import { ensureRollupZone } from './store/rollup.js';
import { createSurveyStore, seedSurveys } from './store/surveys.js';
import { responseWriter } from './store/writer.js';

export interface StartOptions {
  /** Access log and notices; default: none. */
  log?: LogSink;
  /** Surveys published at start when absent (default: the core templates). */
  seed?: Readonly<Record<string, Survey>>;
  /** PostgreSQL schema to use (tests); default `public`. */
  schema?: string;
}

/** A running collector. */
export interface Collector {
  url: string;
  port: number;
  app: Hono;
  deps: CollectorDeps;
  /** Admin tokens in force (the demo generates one when none is configured). */
  adminTokens: readonly string[];
  /** Stops accepting, lets requests in flight finish, flushes the batcher, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (PGlite or PostgreSQL), migrates it, seeds the templates, and serves.
 *
 * @example
 * const c = await startCollector(resolveConfig({ port: '0' }, process.env));
 * console.log(c.url); await c.close();
 */
export async function startCollector(
  cfg: ServerConfig,
  opts: StartOptions = {},
): Promise<Collector> {
  const db: Db = await openDb({
    databaseUrl: cfg.databaseUrl,
    dataDir: cfg.dataDir,
    queryTimeoutMs: cfg.dbQueryTimeoutMs,
    pgliteSettings: cfg.pgliteSettings,
    ...(opts.schema === undefined ? {} : { schema: opts.schema }),
  });
  try {
    await migrate(db);
    // Reports count the days of TIME_ZONE: a changed zone rebuilds the rollup once, here.
    await ensureRollupZone(db, cfg.timeZone);
    const surveys = createSurveyStore(db);
    await seedSurveys(surveys, opts.seed ?? templates);
    const adminTokens =
      cfg.adminTokens.length > 0 || !cfg.demo
        ? cfg.adminTokens
        : [randomBytes(18).toString('base64url')];
    const publicCache = createPublicCache();
    const config: CollectorDeps['config'] = {
      adminTokens,
      analystTokens: cfg.analystTokens,
      ...(cfg.sessionSecret ? { sessionSecret: cfg.sessionSecret } : {}),
      allowedOrigins: cfg.allowedOrigins,
      widgetDir: cfg.widgetDir,
      editorDir: cfg.editorDir,
      demo: cfg.demo,
      ...(cfg.publicUrl === undefined ? {} : { publicUrl: cfg.publicUrl }),
    };
    const deps: CollectorDeps = {
      db,
      surveys,
      catalogs: createCatalogStore(db),
      ...(cfg.resultsCache ? { publicCache } : {}),
      batcher: createBatcher({
        writer: responseWriter(db),
        // PGlite has one connection: overlapping flushes would only queue behind each other.
        maxInFlight: db.kind === 'postgres' ? cfg.ingestFlushes : 1,
        maxQueue: cfg.ingestQueue,
        onCommit: (ids) => publicCache.bump(ids),
      }),
      config,
      rateLimit: cfg.rateLimit,
      ...(cfg.pageRateLimit ? {} : { pageRateLimit: false as const }),
      trustProxy: cfg.trustProxy,
      ...(opts.log ? { log: opts.log } : {}),
    };
    const app = createApp(deps);
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: cfg.port, hostname: cfg.host }) as Server;
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    const host = cfg.host.includes(':')
      ? `[${cfg.host}]`
      : cfg.host === '0.0.0.0'
        ? '127.0.0.1'
        : cfg.host;
    // Known only now (port 0 picks one): the hosted page on this address is same-origin.
    config.publicUrl ??= new URL(`http://${host}:${port}`).origin;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      app,
      deps,
      adminTokens,
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            const force = setTimeout(() => server.closeAllConnections(), 10_000);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              resolve();
            });
            server.closeIdleConnections();
          });
          await deps.batcher.drain();
          await db.close();
        })();
        return closing;
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
