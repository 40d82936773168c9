import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Survey } from '@otklik/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../pages/layout.js';
import { openDb } from '../../reports/test-db.js';
import type { Db } from '../../store/db.js';
import { ADMIN_TOKEN, makeApp } from '../../test/harness.js';
import { pulse, pulseV2 } from '../../test/fixtures.js';
import type { CollectorDeps } from '../../app.js';

const ANALYST = 'test-analyst-token-editor-42';
const ORIGIN = 'http://localhost';
const HOSTILE = '</script><script>window.__pwned=1</script>';

/** A survey whose texts try to end the page's data block. */
const tricky: Survey = {
  id: 'tricky',
  version: 3,
  title: { ru: HOSTILE, en: 'A & <b>' },
  questions: [{ id: 'q1', type: 'text', title: { ru: '<!-- ]]> \u2028 "quotes"' } }],
};

const cookieOf = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('survey editor pages', () => {
  let db: Db;
  let app: Hono;
  let deps: CollectorDeps;
  let admin: string;
  let analyst: string;
  const editorDir = mkdtempSync(join(tmpdir(), 'otklik-editor-'));

  beforeAll(async () => {
    db = await openDb('pglite', 'otklik_test_editor');
    writeFileSync(join(editorDir, 'editor.js'), 'export const built = true;\n');
    writeFileSync(join(editorDir, 'secret.js'), 'nope');
    ({ app, deps } = await makeApp(db, {
      config: {
        adminTokens: [ADMIN_TOKEN],
        analystTokens: [ANALYST],
        allowedOrigins: {},
        widgetDir: '/nonexistent',
        editorDir,
        demo: false,
      },
    }));
    await deps.surveys.publish(tricky);
    const signIn = (token: string) =>
      app.request('/admin/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        body: new URLSearchParams({ token }).toString(),
      });
    admin = cookieOf(await signIn(ADMIN_TOKEN));
    analyst = cookieOf(await signIn(ANALYST));
  });
  afterAll(async () => db?.close());

  const get = async (path: string, cookie?: string) => {
    const res = await app.request(path, cookie ? { headers: { cookie } } : {});
    return { res, status: res.status, html: await res.text() };
  };
  /** The JSON of the page's data block, as the browser's parser would end it. */
  const dataBlock = (html: string): unknown => {
    const m = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html);
    return m ? JSON.parse(m[1]!) : undefined;
  };

  it('asks for a session, and for the administrator role', async () => {
    for (const path of ['/admin/surveys/new', '/admin/surveys/test-pulse/edit']) {
      const anon = await get(path);
      expect(anon.status, path).toBe(401);
      expect(anon.html).toContain('name="token"');
      expect(anon.html).not.toContain('otklik-editor');
      const reader = await get(path, analyst);
      expect(reader.status, `${path} as analyst`).toBe(401);
      expect(reader.html).not.toContain('otklik-editor');
    }
    // The analyst still reads the dashboard: the editor's guard covers its own pages only.
    expect((await get('/admin/surveys/test-pulse', analyst)).status).toBe(200);
  });

  it('links the surveys list to the editor for administrators only', async () => {
    const mine = (await get('/admin', admin)).html;
    expect(mine).toContain('<a href="/admin/surveys/new">Создать опрос</a>');
    expect(mine).toContain('href="/admin/surveys/test-pulse/edit">Изменить</a>');
    const theirs = (await get('/admin', analyst)).html;
    expect(theirs).not.toContain('/admin/surveys/new');
    expect(theirs).not.toContain('/edit"');
  });

  it('serves a new survey page with the editor module, the session’s CSRF value and a strict CSP', async () => {
    const { res, status, html } = await get('/admin/surveys/new', admin);
    expect(status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'self';");
    expect(PAGE_CSP).not.toContain('unsafe');
    expect(html).toContain('<script type="module" src="/admin/assets/editor.js"></script>');
    // No script the CSP would have to allow inline: the only <script> tags are the module's.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="module" src="/admin/assets/editor.js">',
    ]);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(csrf).toBeTruthy();
    expect(html).toContain(`<otklik-editor lang="ru" mode="new" csrf="${csrf}"`);
    expect(html).toContain('widget-src="/widget/feedback-survey.js"');
    expect(html).toContain('<h1>Новый опрос</h1>');
    const en = await get('/admin/surveys/new?lang=en', admin);
    expect(en.html).toContain('<h1>New survey</h1>');
    expect(en.html).toContain('<otklik-editor lang="en"');
  });

  it('opens a published survey’s current version for editing', async () => {
    const { status, html } = await get('/admin/surveys/test-pulse/edit', admin);
    expect(status).toBe(200);
    expect(html).toContain('mode="edit"');
    expect(dataBlock(html)).toEqual(pulseV2);
    expect(pulseV2.version).toBeGreaterThan(pulse.version);
    expect(html).toContain('правки сохраняются как черновик версии 3');
  });

  it('keeps survey texts inside the data block, whatever they hold', async () => {
    const { status, html } = await get('/admin/surveys/tricky/edit', admin);
    expect(status).toBe(200);
    expect(dataBlock(html)).toEqual(tricky);
    expect(html).not.toContain('<script>window.__pwned');
    // The heading shows the title as text.
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned=1');
  });

  it('answers 404 with a page for a survey that is not published, or an id core refuses', async () => {
    for (const id of ['nope', 'bad%20id', 'x'.repeat(300)]) {
      const r = await get(`/admin/surveys/${id}/edit`, admin);
      expect(r.status, id).toBe(404);
      expect(r.html).toContain('Опрос не найден');
      expect(r.res.headers.get('content-security-policy')).toBe(PAGE_CSP);
    }
  });

  it('serves the editor’s module and nothing else from its folder', async () => {
    const js = await get('/admin/assets/editor.js', admin);
    expect(js.status).toBe(200);
    expect(js.res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.html).toBe('export const built = true;\n');
    for (const path of [
      '/admin/assets/secret.js',
      '/admin/assets/..%2Fsecret.js',
      '/admin/assets/editor.js.map',
    ]) {
      expect((await get(path, admin)).status, path).toBe(404);
    }
    // The module is for signed-in users, like every page under /admin.
    expect((await get('/admin/assets/editor.js')).status).toBe(401);
  });

  it('says how to build the editor when it is missing', async () => {
    const { app: bare } = await makeApp(db, {
      config: { ...deps.config, editorDir: join(editorDir, 'missing') },
    });
    const signIn = await bare.request('/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
    });
    const res = await bare.request('/admin/assets/editor.js', {
      headers: { cookie: cookieOf(signIn) },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('pnpm --filter @otklik/editor build');
  });
});
