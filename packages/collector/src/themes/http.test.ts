import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test/backends.js';
import { response, pulse } from '../test/fixtures.js';
import { admin, makeApp, postJson } from '../test/harness.js';
import type { Db } from '../store/db.js';
import { sampleComplaints } from './sample-complaints.js';
import type { OpenAnswer, ThemeSummary } from './store.js';

const base = `/v1/surveys/${pulse.id}`;

interface Themes {
  question: string;
  total: number;
  themes: ThemeSummary[];
  unsorted: { count: number; share: number; examples: unknown[] };
}

const send = (
  app: Hono,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = admin,
) =>
  app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined || method === 'GET' ? {} : { body: JSON.stringify(body) }),
  });

const getJson = async <T>(app: Hono, path: string): Promise<T> => {
  const res = await app.request(path, { headers: admin });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

describe.each(backends)('open answers and themes on $name', (backend) => {
  let db: Db;
  let app: Hono;
  const set = sampleComplaints(64, 21);
  const texts = set.map((s) => s.text);

  async function post(text: string, over: Parameters<typeof response>[0] = {}): Promise<string> {
    const r = response({ answers: { q1: 3, q2: ['other'], q3: text }, ...over });
    const res = await postJson(app, `${base}/responses`, r);
    expect(res.status).toBe(201);
    return r.responseId;
  }

  beforeAll(async () => {
    db = await backend.open();
    ({ app } = await makeApp(db));
    // One at a time: arrival order is the order of `set`.
    for (const [i, t] of texts.entries())
      await post(t, {
        context: { channel: i % 2 ? 'site' : 'kiosk', respondent: 'external', object: 'svc-1' },
        specify: { q2: { other: `Другое ${i}` } },
      });
  });
  afterAll(async () => {
    await db.close();
  });

  it('lists a text question’s answers newest first, keyset-paged, with filters and search', async () => {
    const all: OpenAnswer[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: OpenAnswer[]; nextCursor: string | null } = await getJson(
        app,
        `${base}/open-answers?question=q3&limit=25${cursor ? `&cursor=${cursor}` : ''}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(all.map((a) => a.text)).toEqual([...texts].reverse());
    expect(all[0]).toMatchObject({ context: { object: 'svc-1' }, surveyVersion: 1 });
    expect(all[0]).not.toHaveProperty('option');

    const site: { items: OpenAnswer[] } = await getJson(
      app,
      `${base}/open-answers?question=q3&channel=site&limit=500`,
    );
    expect(site.items.map((a) => a.text)).toEqual(texts.filter((_, i) => i % 2).reverse());

    const word = 'очеред';
    const found: { items: OpenAnswer[] } = await getJson(
      app,
      `${base}/open-answers?question=q3&q=${encodeURIComponent(word.toUpperCase())}&limit=500`,
    );
    const expected = texts.filter((t) => t.toLowerCase().includes(word));
    expect(expected.length).toBeGreaterThan(0);
    expect(found.items.map((a) => a.text).sort()).toEqual([...expected].sort());

    // LIKE wildcards are searched for literally.
    const pct: { items: OpenAnswer[] } = await getJson(
      app,
      `${base}/open-answers?question=q3&q=%25`,
    );
    expect(pct.items).toEqual([]);
    const none: { items: OpenAnswer[] } = await getJson(
      app,
      `${base}/open-answers?question=q3&from=2000-01-01&to=2000-01-31`,
    );
    expect(none.items).toEqual([]);
  });

  it('lists the texts typed into “specify” options with their option', async () => {
    const page: { items: OpenAnswer[] } = await getJson(
      app,
      `${base}/open-answers?question=q2&limit=3`,
    );
    expect(page.items.map((a) => [a.option, a.text])).toEqual([
      ['other', `Другое ${texts.length - 1}`],
      ['other', `Другое ${texts.length - 2}`],
      ['other', `Другое ${texts.length - 3}`],
    ]);
  });

  it('answers clear errors for bad parameters', async () => {
    const cases: [string, number, string][] = [
      [`${base}/open-answers`, 400, 'invalid_query'],
      [`${base}/open-answers?question=q9`, 404, 'unknown_question'],
      [`${base}/open-answers?question=q1`, 422, 'no_free_text'],
      [`${base}/open-answers?question=q3&limit=0`, 400, 'invalid_limit'],
      [`${base}/open-answers?question=q3&cursor=zzz`, 400, 'invalid_cursor'],
      [`${base}/open-answers?question=q3&from=2026-02-30`, 400, 'invalid_query'],
      [`${base}/open-answers?question=q3&theme=x`, 400, 'invalid_query'],
      [`${base}/open-answers?question=q3&q=${'я'.repeat(201)}`, 400, 'invalid_query'],
      [`/v1/surveys/nope/themes?question=q3`, 404, 'unknown_survey'],
    ];
    for (const [path, status, code] of cases) {
      const res = await app.request(path, { headers: admin });
      expect([path, res.status]).toEqual([path, status]);
      const body = (await res.json()) as { error: string; message: { ru: string; en: string } };
      expect(body.error).toBe(code);
      expect(body.message.ru.length).toBeGreaterThan(0);
      expect(body.message.en.length).toBeGreaterThan(0);
    }
  });

  it('groups answers into themes, keeps analyst edits when new answers arrive', async () => {
    const first: Themes = await getJson(app, `${base}/themes?question=q3`);
    expect(first.total).toBe(texts.length);
    expect(first.themes.length).toBeGreaterThan(1);
    expect(first.themes.reduce((s, t) => s + t.count, 0) + first.unsorted.count).toBe(texts.length);
    for (const t of first.themes) {
      expect(t.share).toBeCloseTo(t.count / texts.length, 12);
      expect(t.terms.length).toBeGreaterThan(0);
      expect(t.name).toBe(t.terms.join(', '));
      expect(t.examples.length).toBe(Math.min(3, t.count));
      for (const e of t.examples) expect(texts).toContain(e.text);
    }
    // A second call with nothing new changes nothing.
    expect(await getJson(app, `${base}/themes?question=q3`)).toEqual(first);

    const [a, b, c] = first.themes;
    const renamed = await send(app, 'PATCH', `${base}/themes/${a!.id}`, { name: '  Очереди  ' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({
      name: 'Очереди',
      renamed: true,
      origin: 'analyst',
    });

    // Move one answer of b into c.
    const moving = (
      await getJson<{ items: OpenAnswer[] }>(app, `${base}/open-answers?question=q3&theme=${b!.id}`)
    ).items[0]!;
    const moved = await send(app, 'PUT', `${base}/open-answers/${moving.responseId}/theme`, {
      question: 'q3',
      theme: c!.id,
    });
    expect(moved.status).toBe(200);

    // New answers arrive: they join existing themes or stay unsorted; edits survive.
    const fresh = sampleComplaints(8, 99).map((s) => s.text);
    for (const t of fresh) await post(t);
    const after: Themes = await getJson(app, `${base}/themes?question=q3`);
    expect(after.total).toBe(texts.length + fresh.length);
    expect(after.themes.find((t) => t.id === a!.id)).toMatchObject({ name: 'Очереди' });
    const inC = await getJson<{ items: OpenAnswer[] }>(
      app,
      `${base}/open-answers?question=q3&theme=${c!.id}&limit=500`,
    );
    expect(inC.items.map((x) => x.responseId)).toContain(moving.responseId);
    expect(after.themes.reduce((s, t) => s + t.count, 0) + after.unsorted.count).toBe(after.total);
    const grown = after.themes.reduce((s, t) => s + t.count, 0);
    expect(grown).toBeGreaterThan(first.themes.reduce((s, t) => s + t.count, 0));
  });

  it('merges and splits themes; bad edits are refused with the field named', async () => {
    const before: Themes = await getJson(app, `${base}/themes?question=q3`);
    const [x, y] = before.themes.slice(-2);
    const merged = await send(app, 'POST', `${base}/themes/merge`, { into: x!.id, from: [y!.id] });
    expect(merged.status).toBe(200);
    const m = (await merged.json()) as Themes;
    expect(m.themes.find((t) => t.id === y!.id)).toBeUndefined();
    expect(m.themes.find((t) => t.id === x!.id)).toMatchObject({
      count: x!.count + y!.count,
      origin: 'analyst',
    });

    const split = await send(app, 'POST', `${base}/themes/${x!.id}/split`, {});
    expect(split.status).toBe(200);
    const s = (await split.json()) as Themes & { created: string[] };
    expect(s.created.length).toBe(2);
    expect(s.themes.find((t) => t.id === x!.id)).toBeUndefined();
    const parts = s.themes.filter((t) => s.created.includes(t.id));
    expect(parts.reduce((n, t) => n + t.count, 0)).toBe(x!.count + y!.count);
    // The refresh after the split leaves the analyst's themes alone.
    expect((await getJson<Themes>(app, `${base}/themes?question=q3`)).themes).toEqual(s.themes);

    const bad: [string, string, unknown, number, string][] = [
      ['PATCH', `${base}/themes/${parts[0]!.id}`, { name: '' }, 422, 'invalid_theme_edit'],
      [
        'PATCH',
        `${base}/themes/${parts[0]!.id}`,
        { name: 'я'.repeat(201) },
        422,
        'invalid_theme_edit',
      ],
      ['PATCH', `${base}/themes/not-a-uuid`, { name: 'x' }, 404, 'unknown_theme'],
      ['PATCH', `${base}/themes/${crypto.randomUUID()}`, { name: 'x' }, 404, 'unknown_theme'],
      ['POST', `${base}/themes/merge`, { into: x!.id, from: [parts[0]!.id] }, 404, 'unknown_theme'],
      ['POST', `${base}/themes/merge`, { into: parts[0]!.id, from: [] }, 422, 'invalid_theme_edit'],
      [
        'POST',
        `${base}/themes/merge`,
        { into: parts[0]!.id, from: [parts[0]!.id] },
        422,
        'invalid_theme_edit',
      ],
      ['POST', `${base}/themes/${parts[0]!.id}/split`, { k: 1 }, 422, 'invalid_theme_edit'],
      [
        'PUT',
        `${base}/open-answers/${crypto.randomUUID()}/theme`,
        { question: 'q3', theme: null },
        404,
        'unknown_answer',
      ],
      [
        'PUT',
        `${base}/open-answers/x/theme`,
        { question: 'q3', theme: 5 },
        422,
        'invalid_theme_edit',
      ],
      ['PUT', `${base}/open-answers/x/theme`, { theme: null }, 422, 'invalid_theme_edit'],
      ['PUT', `${base}/open-answers/x/theme`, { question: 'q1', theme: null }, 422, 'no_free_text'],
    ];
    for (const [method, path, body, status, code] of bad) {
      const res = await send(app, method, path, body);
      expect([method, path, res.status]).toEqual([method, path, status]);
      expect(((await res.json()) as { error: string }).error).toBe(code);
    }
  });

  it('is admin-only, and no public route returns a free text', async () => {
    for (const [method, path] of [
      ['GET', `${base}/open-answers?question=q3`],
      ['GET', `${base}/themes?question=q3`],
      ['POST', `${base}/themes/merge`],
      ['PATCH', `${base}/themes/${crypto.randomUUID()}`],
      ['PUT', `${base}/open-answers/${crypto.randomUUID()}/theme`],
    ] as const) {
      const res = await send(app, method, path, {}, {});
      expect([path, res.status]).toEqual([path, 401]);
    }
    const publicPaths = [
      '/v1/catalogs',
      base,
      `${base}/versions/1`,
      `/results/${pulse.id}`,
      `/results/${pulse.id}.json`,
      `/s/${pulse.id}`,
    ];
    const marks = [...texts.map((t) => t.slice(0, 30)), 'Другое 1', 'Не работал терминал'];
    for (const path of publicPaths) {
      const body = await (await app.request(path)).text();
      for (const m of marks) expect(body.includes(m), `${path} shows «${m}»`).toBe(false);
    }
  });
});
