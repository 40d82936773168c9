import type { Hono } from 'hono';
import { createApp, type CollectorDeps } from '../app.js';
import { createBatcher } from '../ingest/batcher.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { createCatalogStore } from '../store/catalogs.js';
import { createSurveyStore } from '../store/surveys.js';
import { responseWriter } from '../store/writer.js';
import { pulse, pulseV2 } from './fixtures.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A migrated database with the fixture surveys and an app on it, called in-process. */
export async function makeApp(
  db: Db,
  over: Partial<CollectorDeps> = {},
): Promise<{ app: Hono; deps: CollectorDeps }> {
  await migrate(db);
  const surveys = createSurveyStore(db);
  await surveys.publish(pulse);
  await surveys.publish(pulseV2);
  const deps: CollectorDeps = {
    db,
    surveys,
    catalogs: createCatalogStore(db),
    batcher: createBatcher({ writer: responseWriter(db) }),
    config: {
      adminTokens: [ADMIN_TOKEN],
      allowedOrigins: { '*': ['https://a.gov.ru'], 'test-pulse': ['https://kiosk.example.ru'] },
      widgetDir: '/nonexistent',
      demo: false,
      publicUrl: 'https://collector.local',
    },
    rateLimit: false,
    pageRateLimit: false,
    ...over,
  };
  return { app: createApp(deps), deps };
}

/** POST JSON to a path of the app. */
export function postJson(
  app: Hono,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
