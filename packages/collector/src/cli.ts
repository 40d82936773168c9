#!/usr/bin/env node
/**
 * `otklik-collector` — serve, manage surveys, print reports, export responses.
 * Run `otklik-collector <command> --help` for each command's flags.
 */
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, resolveConfig, type Flags, type ServerConfig } from './config.js';
import { migrate } from './store/migrate.js';
import { openDb } from './store/open.js';
import { createSurveyStore, type SurveyStore } from './store/surveys.js';
import type { Db } from './store/db.js';

/** The package's version (package.json is one folder up from both src/ and dist/). */
const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

const HELP: Record<string, string> = {
  main: `otklik-collector — anonymous survey collector (PGlite or PostgreSQL)

Usage: otklik-collector <command> [options]

Commands:
  serve                         run the HTTP server
  survey add <file.json>        publish a survey version
  survey list                   list surveys and their current versions
  catalog put <name> <file>     publish a catalogue (services, municipalities…)
  catalog list | show <name>    list catalogues, or one with its retired entries
  report <surveyId>             print a report (JSON)
  export <surveyId>             export responses to CSV or XLSX
  rebuild-rollup                recount the report rollup from the stored responses
  backup <file>                 online backup of the PGlite data (the server keeps running)
  restore <file>                unpack a backup into a new --data-dir
  migrate-to <postgres-url>     copy everything from the PGlite folder to PostgreSQL

Storage (every command): --database-url (env DATABASE_URL) → PostgreSQL,
otherwise PGlite in --data-dir (env DATA_DIR, default ./data).
Run "otklik-collector <command> --help" for details; "otklik-collector --version" for the version.`,
  serve: `otklik-collector serve [options]

  --port <n>               port (env PORT, default 8787; 0 = any free port)
  --host <addr>            address to bind (env HOST, default 127.0.0.1)
  --data-dir <dir>         PGlite folder (env DATA_DIR, default ./data)
  --database-url <url>     PostgreSQL instead of PGlite (env DATABASE_URL)
  --admin-token <t[,t]>    admin bearer tokens (env ADMIN_TOKENS, comma-separated)
  --analyst-token <t[,t]>  read-only analysts' tokens for the dashboard (env ANALYST_TOKENS)
  --allowed-origins <spec> CORS allowlist (env ALLOWED_ORIGINS),
                           e.g. "*=https://a.gov.ru,https://b.gov.ru;kiosk-pulse=*"
  --rate-limit <r[/b]>     responses per second per client and burst, or "off"
                           (env RATE_LIMIT, default 5/20)
  --trust-proxy            client address from X-Forwarded-For (env TRUST_PROXY=1)
  --public-url <url>       the collector's public origin, e.g. https://opros.example.gov.ru
                           (env PUBLIC_URL; the hosted page posts from it; default: listen address)
  Environment only: INGEST_QUEUE (responses waiting before 503, default 10000),
  DB_QUERY_TIMEOUT_MS (PostgreSQL statement timeout, default 15000), INGEST_FLUSHES,
  PAGE_RATE_LIMIT=off (no per-client limit on /results and /s), RESULTS_CACHE=off.
  --widget-dir <dir>       built widget to serve (env WIDGET_DIR)
  --editor-dir <dir>       built survey editor to serve (env EDITOR_DIR)
  --time-zone <zone>       zone whose days reports count (env TIME_ZONE, default
                           Europe/Moscow); a change recounts the rollup at start
  --demo                   serve the demo page; generate an admin token if none is set

Stops gracefully on SIGTERM / SIGINT (finishes requests, flushes, closes the database).`,
  survey: `otklik-collector survey add <file.json>   publish a version (immutable once published)
otklik-collector survey list              list surveys with their current versions

  --data-dir <dir> | --database-url <url>   storage, as for "serve"`,
  catalog: `otklik-collector catalog put <name> <file.json>   make the file's entries the active list
otklik-collector catalog list                         catalogues with active and retired counts
otklik-collector catalog show <name>                  one catalogue, retired entries marked

  The file is a JSON array of entries [{ "id": "licence", "text": { "ru": "…", "en": "…" } }], in
  the order respondents see them. Ids left out are retired, never deleted: responses that named
  them keep their label. A catalogue supersedes the one of the same name a survey ships.
  --data-dir <dir> | --database-url <url>   storage, as for "serve"`,
  report: `otklik-collector report <surveyId> [options]

  --from <date> --to <date>  first and last day included (YYYY-MM-DD, in TIME_ZONE)
  --group-by <key[,key]>   none | channel | object | touchpoint | respondent | version |
                           period, or two of them: object,period
  --period <p>             month | quarter | half-year | year (default quarter)
  --channel, --object, --touchpoint, --respondent <v[,v]>   only these
  --compare                add the previous comparable period and the changes
  --data-dir <dir> | --database-url <url>   storage, as for "serve"`,
  'rebuild-rollup': `otklik-collector rebuild-rollup [options]

Recounts the report rollup from the raw responses, in one transaction that holds off
inserts meanwhile (the server keeps it up to date itself: this is for repairs and checks).

  --time-zone <zone>       zone whose days to count (env TIME_ZONE, default Europe/Moscow)
  --data-dir <dir> | --database-url <url>   storage, as for "serve"`,
  backup: `otklik-collector backup <file> [options]

Writes a consistent copy of the PGlite database (a gzipped tar) to <file> while the collector
keeps serving: the running server copies its folder on disk (POST /v1/backup with an admin
token; TMPDIR needs room for one copy) and streams it; ingest waits during the copy, then goes on.

  --url <url>              the running collector (default http://HOST:PORT, i.e. 127.0.0.1:8787)
  --admin-token <t>        an admin token (env ADMIN_TOKENS, the first one)
  --offline                copy --data-dir directly instead (only when no collector runs on it)
  --data-dir <dir>         PGlite folder, with --offline (env DATA_DIR, default ./data)`,
  restore: `otklik-collector restore <file> --data-dir <dir>

Unpacks a backup into <dir>, which must be missing or empty, and checks that it opens.
Then start the collector with --data-dir <dir>.`,
  'migrate-to': `otklik-collector migrate-to <postgres-url> [--data-dir <dir>]

Copies everything from the PGlite folder (stop the collector first) into PostgreSQL: surveys and
their versions, responses, catalogues, themes, the pain map and its history, decisions and
settings; the report rollup is rebuilt there. Rows the target already has are skipped, so it is
safe to run again. Every table is then compared by row count and checksum; exit code 1 if any
differs. Afterwards start the collector with DATABASE_URL=<postgres-url>.`,
  export: `otklik-collector export <surveyId> --format csv|xlsx --out <file> [options]

  --format <csv|xlsx>      file format (default csv)
  --out <file>             where to write
  --values <text|id>       answers as texts (default) or as option and entry ids
  --lang <ru|en>           language of titles and answer texts (default ru)
  --from <date> --to <date>  period (answered_at)
  --data-dir <dir> | --database-url <url>   storage, as for "serve"`,
};

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'admin-token': { type: 'string' },
  'analyst-token': { type: 'string' },
  'allowed-origins': { type: 'string' },
  'rate-limit': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'public-url': { type: 'string' },
  'widget-dir': { type: 'string' },
  'editor-dir': { type: 'string' },
  demo: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  'group-by': { type: 'string' },
  period: { type: 'string' },
  channel: { type: 'string' },
  object: { type: 'string' },
  touchpoint: { type: 'string' },
  respondent: { type: 'string' },
  compare: { type: 'boolean' },
  'time-zone': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  values: { type: 'string' },
  lang: { type: 'string' },
  url: { type: 'string' },
  offline: { type: 'boolean' },
} as const;

/** Thrown for wrong usage; printed with the command's help, exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly topic: string,
  ) {
    super(message);
  }
}

async function withStore<T>(
  cfg: ServerConfig,
  fn: (db: Db, store: SurveyStore) => Promise<T>,
): Promise<T> {
  const db = await openDb({
    databaseUrl: cfg.databaseUrl,
    dataDir: cfg.dataDir,
    pgliteSettings: cfg.pgliteSettings,
  });
  try {
    await migrate(db);
    return await fn(db, createSurveyStore(db));
  } finally {
    await db.close();
  }
}

async function serveCommand(cfg: ServerConfig): Promise<void> {
  const { startCollector } = await import('./server.js');
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const c = await startCollector(cfg, { log });
  const storage = cfg.databaseUrl ? 'PostgreSQL' : `PGlite in ${cfg.dataDir}`;
  log(`otklik-collector listening on ${c.url} (${storage})`);
  if (cfg.demo) {
    log(`  demo page:    ${c.url}/`);
    log(`  results page: ${c.url}/results/belgorod-typical`);
    log(`  report (API): ${c.url}/v1/surveys/belgorod-typical/report`);
    log(`  dashboard:    ${c.url}/admin (sign in with the admin token)`);
    if (cfg.adminTokens.length === 0)
      log(`  admin token (generated for this run): ${c.adminTokens[0] ?? ''}`);
  } else if (c.adminTokens.length === 0) {
    log('  no ADMIN_TOKENS set: the admin API refuses every request');
  } else {
    log(`  dashboard: ${c.url}/admin`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests, flushing, closing the database`);
    c.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function surveyCommand(cfg: ServerConfig, args: string[]): Promise<void> {
  const [sub, file] = args;
  if (sub === 'list') {
    await withStore(cfg, async (_db, store) => {
      for (const s of await store.list())
        process.stdout.write(`${s.id}\tv${s.version}\t${s.title.ru}\n`);
    });
    return;
  }
  if (sub !== 'add' || !file)
    throw new UsageError('expected "survey add <file.json>" or "survey list"', 'survey');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  await withStore(cfg, async (_db, store) => {
    const r = await store.publish(json);
    if (r.status === 'invalid') {
      for (const i of r.issues)
        process.stderr.write(`${i.path.join('.') || '(root)'}: ${i.message.en}\n`);
      throw new ConfigError(`${file}: not a valid survey (${r.issues.length} issue(s))`);
    }
    if (r.status === 'conflict') {
      throw new ConfigError(
        `${file}: this version is already published with a different definition`,
      );
    }
    process.stdout.write(`${r.survey.id} v${r.survey.version}: ${r.status}\n`);
  });
}

async function catalogCommand(cfg: ServerConfig, args: string[]): Promise<void> {
  const [sub, name, file] = args;
  const { createCatalogStore } = await import('./store/catalogs.js');
  if (sub === 'list') {
    await withStore(cfg, async (db) => {
      for (const c of await createCatalogStore(db).list())
        process.stdout.write(
          `${c.name}\t${c.active} active\t${c.retired} retired\t${c.updatedAt}\n`,
        );
    });
    return;
  }
  if (sub === 'show' && name) {
    await withStore(cfg, async (db) => {
      const entries = await createCatalogStore(db).get(name);
      if (!entries) throw new ConfigError(`no catalogue "${name}"`);
      for (const e of entries)
        process.stdout.write(`${e.id}\t${e.text.ru}${e.retired ? '\t(retired)' : ''}\n`);
    });
    return;
  }
  if (sub !== 'put' || !name || !file)
    throw new UsageError(
      'expected "catalog put <name> <file.json>", "catalog list" or "catalog show <name>"',
      'catalog',
    );
  const { parseCatalog, ZId } = await import('@otklik/core');
  if (!ZId.safeParse(name).success)
    throw new UsageError(`"${name}" is not a catalogue name (letters, digits, _ . -)`, 'catalog');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseCatalog(json);
  if (!parsed.ok) {
    for (const i of parsed.issues)
      process.stderr.write(`${i.path.join('.') || '(root)'}: ${i.message.en}\n`);
    throw new ConfigError(`${file}: not a valid catalogue (${parsed.issues.length} issue(s))`);
  }
  await withStore(cfg, async (db) => {
    const r = await createCatalogStore(db).put(name, parsed.value);
    process.stdout.write(
      `${name}: ${r.active} active (${r.added} added, ${r.changed} changed, ${r.retired} retired)\n`,
    );
  });
}

async function reportCommand(
  cfg: ServerConfig,
  id: string | undefined,
  flags: Flags,
): Promise<void> {
  if (!id) throw new UsageError('expected a survey id', 'report');
  const { computeReport, parseReportQuery } = await import('./reports/index.js');
  // The same parameters, and the same checks, as the report URL.
  const text = (k: string): string | undefined =>
    typeof flags[k] === 'string' ? (flags[k] as string) : undefined;
  const q = parseReportQuery({
    from: text('from'),
    to: text('to'),
    groupBy: text('group-by'),
    period: text('period'),
    channel: text('channel'),
    object: text('object'),
    touchpoint: text('touchpoint'),
    respondent: text('respondent'),
    compare: flags.compare === true ? 'previous' : undefined,
  });
  if (!q.ok) throw new UsageError(q.error.message.en, 'report');
  await withStore(cfg, async (db, store) => {
    const versions = await store.versions(id);
    if (versions.length === 0) throw new ConfigError(`no survey "${id}"`);
    const report = await computeReport(db, versions, q.value);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  });
}

async function rebuildRollupCommand(cfg: ServerConfig): Promise<void> {
  const { rebuildRollup } = await import('./store/rollup.js');
  await withStore(cfg, async (db) => {
    const t0 = performance.now();
    const r = await rebuildRollup(db, { timeZone: cfg.timeZone });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      `report rollup rebuilt: ${r.responses} responses, days of ${r.timeZone}, ${s} s\n`,
    );
  });
}

async function exportCommand(
  cfg: ServerConfig,
  id: string | undefined,
  flags: Flags,
): Promise<void> {
  if (!id) throw new UsageError('expected a survey id', 'export');
  const format = flags.format ?? 'csv';
  const out = flags.out;
  if (format !== 'csv' && format !== 'xlsx')
    throw new UsageError('--format must be csv or xlsx', 'export');
  if (typeof out !== 'string') throw new UsageError('--out <file> is required', 'export');
  const values = flags.values ?? 'text';
  if (values !== 'text' && values !== 'id')
    throw new UsageError('--values must be text or id', 'export');
  const lang = flags.lang ?? 'ru';
  if (lang !== 'ru' && lang !== 'en') throw new UsageError('--lang must be ru or en', 'export');
  const { createCatalogStore } = await import('./store/catalogs.js');
  const { catalogLabels } = await import('./labels.js');
  const { writeCsv, writeXlsx } = await import('./export/index.js');
  await withStore(cfg, async (db, store) => {
    const versions = await store.versions(id);
    if (versions.length === 0) throw new ConfigError(`no survey "${id}"`);
    const opts = {
      ...(typeof flags.from === 'string' ? { from: flags.from } : {}),
      ...(typeof flags.to === 'string' ? { to: flags.to } : {}),
      values,
      lang,
      labels: catalogLabels(await createCatalogStore(db).labels(), versions),
    } as const;
    const file = createWriteStream(out);
    const done = finished(file);
    let target: Writable = file;
    const tty = process.stderr.isTTY;
    if (tty) {
      // Progress on a terminal only: bytes written, redrawn at most 10 times a second.
      let bytes = 0;
      let last = 0;
      const counter = new PassThrough();
      counter.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        process.stderr.write(`\r${(bytes / 1048576).toFixed(1)} MB written…`);
      });
      counter.pipe(file);
      target = counter;
    }
    const n = await (format === 'csv' ? writeCsv : writeXlsx)(db, versions, target, opts);
    await done;
    if (tty) process.stderr.write('\r\x1b[K');
    process.stdout.write(`${out}: ${n} responses\n`);
  });
}

async function backupCommand(
  cfg: ServerConfig,
  file: string | undefined,
  flags: Flags,
): Promise<void> {
  if (!file) throw new UsageError('expected a file to write', 'backup');
  const { backupOffline, backupOnline } = await import('./ops/backup.js');
  const t0 = performance.now();
  let bytes: number;
  if (flags.offline === true) {
    if (cfg.databaseUrl)
      throw new ConfigError('DATABASE_URL is set: back PostgreSQL up with pg_dump');
    bytes = await backupOffline({ dataDir: cfg.dataDir, file });
  } else {
    const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? '127.0.0.1' : cfg.host;
    const url =
      typeof flags.url === 'string'
        ? flags.url
        : `http://${host.includes(':') ? `[${host}]` : host}:${cfg.port}`;
    bytes = await backupOnline({ url, token: cfg.adminTokens[0], file });
  }
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(`${file}: ${(bytes / 1048576).toFixed(1)} MB in ${s} s\n`);
}

async function restoreCommand(
  cfg: ServerConfig,
  file: string | undefined,
  flags: Flags,
): Promise<void> {
  if (!file) throw new UsageError('expected the backup file', 'restore');
  if (typeof flags['data-dir'] !== 'string' && process.env.DATA_DIR === undefined)
    throw new UsageError('expected --data-dir <dir>, the new folder to restore into', 'restore');
  const { restore } = await import('./ops/backup.js');
  const r = await restore({ file, dataDir: cfg.dataDir });
  process.stdout.write(
    `${cfg.dataDir}: restored ${r.surveys} survey versions, ${r.responses} responses\n`,
  );
}

async function migrateToCommand(cfg: ServerConfig, url: string | undefined): Promise<number> {
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new UsageError('expected a postgres:// connection string', 'migrate-to');
  const { openPglite } = await import('./store/pglite/index.js');
  const { openPostgres } = await import('./store/postgres/index.js');
  const { migrateTo } = await import('./ops/migrate-to.js');
  const { existsSync } = await import('node:fs');
  if (!existsSync(`${cfg.dataDir}/PG_VERSION`))
    throw new ConfigError(`${cfg.dataDir} holds no PGlite database (give --data-dir)`);
  const source = await openPglite({ dataDir: cfg.dataDir, settings: cfg.pgliteSettings });
  try {
    const target = await openPostgres({ connectionString: url, max: 2 });
    try {
      const log = (line: string): void => void process.stdout.write(`${line}\n`);
      const checks = await migrateTo(source, target, log);
      let bad = 0;
      for (const c of checks) {
        if (!c.ok) bad++;
        log(
          `${c.ok ? 'ok  ' : 'DIFF'} ${c.table}: ${c.source.rows} rows` +
            (c.ok
              ? ''
              : ` in PGlite, ${c.target.rows} in PostgreSQL, checksums ${c.source.checksum} / ${c.target.checksum}`),
        );
      }
      log(bad === 0 ? 'all tables match' : `${bad} table(s) differ`);
      return bad === 0 ? 0 : 1;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/**
 * Runs the CLI with the given arguments (without `node` and the script).
 * @returns the process exit code (serve keeps running and returns 0 once listening).
 */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${HELP.main}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const flags: Flags = parsed.values;
  if (parsed.values.version && !command) {
    process.stdout.write(`otklik-collector ${VERSION}\n`);
    return 0;
  }
  if (!command || command === 'help') {
    process.stdout.write(`${HELP.main}\n`);
    return command || parsed.values.help ? 0 : 2;
  }
  if (!(command in HELP) || command === 'main') {
    process.stderr.write(`unknown command "${command}"\n\n${HELP.main}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  try {
    const cfg = resolveConfig(flags, process.env);
    switch (command) {
      case 'serve':
        await serveCommand(cfg);
        return 0;
      case 'survey':
        await surveyCommand(cfg, rest);
        return 0;
      case 'catalog':
        await catalogCommand(cfg, rest);
        return 0;
      case 'report':
        await reportCommand(cfg, rest[0], flags);
        return 0;
      case 'rebuild-rollup':
        await rebuildRollupCommand(cfg);
        return 0;
      case 'backup':
        await backupCommand(cfg, rest[0], flags);
        return 0;
      case 'restore':
        await restoreCommand(cfg, rest[0], flags);
        return 0;
      case 'migrate-to':
        return await migrateToCommand(cfg, rest[0]);
      default:
        await exportCommand(cfg, rest[0], flags);
        return 0;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${HELP[e.topic]}\n`);
      return 2;
    }
    if (e instanceof ConfigError || (e instanceof Error && e.name === 'OpsError')) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

// Run when executed directly (tsx src/cli.ts, or bin/otklik-collector.js), not when imported.
const entry = process.argv[1] ?? '';
if (/cli\.(ts|js)$/.test(entry) || process.env.OTKLIK_CLI === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
