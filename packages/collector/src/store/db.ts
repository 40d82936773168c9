/**
 * The one database interface every storage adapter implements (store/pglite, store/postgres).
 * Both speak the same SQL (PGlite is PostgreSQL compiled to WASM), so queries are written once.
 */
/** Per-statement options of `Db.query`. */
export interface QueryOptions {
  /** Prepared-statement name, unique per SQL text (one statement, with parameters). */
  prepare?: string;
}

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs one parameterised statement ($1, $2 …) and returns its rows. `prepare` names a hot
   * statement so PostgreSQL parses and plans it once per connection (adapters may ignore it).
   */
  query<T extends object = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    opts?: QueryOptions,
  ): Promise<T[]>;
  /**
   * Streams the rows of a query in batches, holding only one batch in memory (a server-side
   * cursor inside a read-only transaction), for exports of any size.
   */
  stream<T extends object = Record<string, unknown>>(
    sql: string,
    params: unknown[],
    batchSize?: number,
  ): AsyncIterable<T[]>;
  /**
   * Runs `fn` inside one transaction; commits when it resolves, rolls back when it throws.
   * `unbounded` lifts the statement timeout (migrations may rebuild big indexes).
   */
  transaction<T>(
    fn: (tx: Pick<Db, 'query'>) => Promise<T>,
    opts?: { unbounded?: boolean },
  ): Promise<T>;
  /**
   * PGlite on disk only: copies the data folder into the empty folder `into`, consistently, while
   * serving (ops/backup.ts packs it). PostgreSQL has pg_dump for that.
   */
  snapshot?(into: string): Promise<void>;
  /**
   * PGlite only: bytes of the database's WASM heap (a WebAssembly.Memory only grows, so this is
   * the most the embedded PostgreSQL has ever needed at once).
   */
  heapBytes?(): number;
  close(): Promise<void>;
}
