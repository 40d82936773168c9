import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { ensureRollupZone, rollupZone } from '../store/rollup.js';

/**
 * Tables the database fills itself (triggers on `surveys` and `responses`): never copied, they
 * are rebuilt in the target as the rows that feed them arrive, and then compared like the rest.
 */
const DERIVED = new Set([
  'report_question_spec',
  'report_rollup',
  'report_rollup_month',
  'report_rollup_last',
  'report_rollup_zone',
]);
/** Bookkeeping of `migrate()`, which the target runs itself. */
const SKIPPED = new Set(['otklik_migrations']);
const BATCH = 1000;

/** One table's figures after the copy: equal counts and checksums, or not. */
export interface TableCheck {
  table: string;
  copied: number;
  source: { rows: number; checksum: string };
  target: { rows: number; checksum: string };
  ok: boolean;
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

async function tables(db: Pick<Db, 'query'>): Promise<string[]> {
  const rows = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

/** `tables` with every table after the ones its foreign keys point at. */
async function inDependencyOrder(db: Pick<Db, 'query'>, names: string[]): Promise<string[]> {
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const strip = (n: string): string => n.replace(/^.*\./, '').replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const e of edges)
    if (strip(e.child) !== strip(e.parent)) parents.get(strip(e.child))?.add(strip(e.parent));
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const p of parents.get(n) ?? []) if (parents.has(p)) visit(p);
    out.push(n);
  };
  for (const n of names) visit(n);
  return out;
}

/**
 * Row count and a checksum of the rows' JSON text (md5 of each row's md5s in sorted order, so
 * row order and physical layout do not matter), in UTC so both engines print times alike.
 */
async function checksum(db: Db, table: string): Promise<{ rows: number; checksum: string }> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL TimeZone = 'UTC'`);
    const [r] = await tx.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(h, '' ORDER BY h)) AS sum
         FROM (SELECT md5(row_to_json(t)::text) AS h FROM ${ident(table)} t) AS x`,
    );
    return { rows: r?.n ?? 0, checksum: r?.sum ?? '' };
  });
}

/** Copies one table's rows as JSON text (no type is parsed on the way), skipping present keys. */
async function copyTable(source: Db, target: Db, table: string): Promise<number> {
  let copied = 0;
  for await (const rows of source.stream<{ j: string }>(
    `SELECT row_to_json(t)::text AS j FROM ${ident(table)} t`,
    [],
    BATCH,
  )) {
    const inserted = await target.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO ${ident(table)}
         SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [`[${rows.map((r) => r.j).join(',')}]`],
    );
    copied += inserted[0]?.n ?? 0;
  }
  return copied;
}

/** Moves every serial column's sequence past the largest copied value. */
async function advanceSequences(target: Db, table: string): Promise<void> {
  const cols = await target.query<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1
        AND column_default LIKE 'nextval(%'`,
    [table],
  );
  for (const { c } of cols) {
    await target.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), m)
         FROM (SELECT max(${ident(c)}) AS m FROM ${ident(table)}) AS x WHERE m IS NOT NULL`,
      [table, c],
    );
  }
}

/**
 * Copies everything from `source` (the PGlite data folder) into `target` (PostgreSQL): the
 * schema by the same migrations, then every table in foreign-key order — surveys and versions,
 * responses, catalogues, themes and their assignments, the pain map with its history, decisions,
 * settings, and any table a later migration adds. Rows already in the target (same primary key)
 * are left alone, so a re-run after an interruption finishes the job and a run after a finished
 * one changes nothing. The report rollup and the question specs are rebuilt by the target's own
 * triggers (in the source's time zone). Finally every table, rebuilt ones included, is compared
 * by row count and checksum.
 *
 * @returns one check per table; `ok` false where the target differs.
 * @example
 * const checks = await migrateTo(pglite, postgres, console.log);
 * if (checks.some((c) => !c.ok)) process.exit(1);
 */
export async function migrateTo(
  source: Db,
  target: Db,
  log: (line: string) => void = () => undefined,
): Promise<TableCheck[]> {
  await migrate(source);
  await migrate(target);
  // The rollup counts days in one zone: the target's must be the source's before rows arrive.
  await ensureRollupZone(target, await rollupZone(source));
  const names = (await tables(source)).filter((t) => !SKIPPED.has(t));
  const targetNames = new Set(await tables(target));
  const missing = names.filter((t) => !targetNames.has(t));
  if (missing.length > 0)
    throw new Error(`the target has no table ${missing.join(', ')} (an older collector?)`);
  const copied = new Map<string, number>();
  for (const t of await inDependencyOrder(target, names)) {
    if (DERIVED.has(t)) continue;
    const t0 = performance.now();
    const n = await copyTable(source, target, t);
    await advanceSequences(target, t);
    copied.set(t, n);
    log(`${t}: ${n} rows copied (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const checks: TableCheck[] = [];
  for (const t of names) {
    const [s, d] = [await checksum(source, t), await checksum(target, t)];
    const ok = s.rows === d.rows && s.checksum === d.checksum;
    checks.push({ table: t, copied: copied.get(t) ?? 0, source: s, target: d, ok });
  }
  return checks;
}
