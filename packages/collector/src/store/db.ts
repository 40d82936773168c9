/**
 * The one database interface every storage adapter implements (store/pglite, store/postgres).
 * Both speak the same SQL (PGlite is PostgreSQL compiled to WASM), so queries are written once.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Runs one parameterised statement ($1, $2 …) and returns its rows. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Streams the rows of a query in batches, holding only one batch in memory (a server-side
   * cursor inside a read-only transaction), for exports of any size.
   */
  stream<T extends object = Record<string, unknown>>(
    sql: string,
    params: unknown[],
    batchSize?: number,
  ): AsyncIterable<T[]>;
  /** Runs `fn` inside one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
