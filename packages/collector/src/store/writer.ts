import type { BatchWriter } from '../ingest/batcher.js';
import type { Db } from './db.js';
import { insertResponses, storedHashes } from './responses.js';

/**
 * The batcher's storage side on a `Db`. Each INSERT is its own autocommit statement, so when it
 * returns the rows are committed (and, on PostgreSQL with fsync on, on disk).
 */
export function responseWriter(db: Pick<Db, 'query'>): BatchWriter {
  return {
    insert: (rows) => insertResponses(db, rows),
    lookup: (ids) => storedHashes(db, ids),
  };
}
