// The reference for ingest on PostgreSQL: a plain Hono server that validates each response with
// core and stores it with one INSERT per request (autocommit, the rollup trigger on), answering
// after its COMMIT — what a first version without group commit would do. DATABASE_URL carries the
// bench's throwaway schema in its search_path; this process migrates it and publishes the fixture.
import { serve } from '@hono/node-server';
import { validateResponse } from '@otklik/core';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { insertSurvey } from '../src/reports/test-seed.js';
import { migrate } from '../src/store/migrate.js';
import { openPostgres } from '../src/store/postgres/index.js';
import { insertResponses, toRow } from '../src/store/responses.js';
import { pulse } from '../src/test/fixtures.js';

const db = await openPostgres({ connectionString: process.env['DATABASE_URL']!, max: 10 });
await migrate(db);
await insertSurvey(db, pulse);

const app = new Hono();
app.post('/v1/surveys/:id/responses', async (c) => {
  const r = validateResponse(pulse, await c.req.json());
  if (!r.ok) return c.json({ issues: r.issues }, 422);
  const inserted = await insertResponses(db, [toRow(r.value, new Date())]);
  return c.json({ status: inserted.size ? 'created' : 'duplicate' }, inserted.size ? 201 : 200);
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on http://127.0.0.1:${(info as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
