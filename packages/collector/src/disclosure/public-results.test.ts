import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { admin, makeApp } from '../test/harness.js';
import { DB_KINDS, openDb } from '../reports/test-db.js';
import { SAMPLE, insertResponses, type SeedResponse } from '../reports/test-seed.js';

/** What an attacker reads: numbers, or unknowns. */
type Val = number | 'hidden' | null;
interface Figures {
  responses: Val;
  channels: Record<string, { count: Val }>;
  questions: {
    id: string;
    answered: Val;
    distribution?: Record<string, Val>;
    [k: string]: unknown;
  }[];
}
interface PublicJson {
  total: Figures;
  groups: { key: string; report: Figures }[];
}

const LEVELS = ['year', 'half-year', 'quarter', 'month'] as const;
/** The attacker's own idea of which period contains which (independent of the code under test). */
function parent(level: (typeof LEVELS)[number], key: string): string {
  if (level === 'year') return 'all';
  if (level === 'half-year') return `year:${key.slice(0, 4)}`;
  if (level === 'quarter')
    return `half-year:${key.slice(0, 4)}-H${Number(key.slice(6)) <= 2 ? 1 : 2}`;
  return `quarter:${key.slice(0, 4)}-Q${Math.ceil(Number(key.slice(5, 7)) / 3)}`;
}

/** Single-valued questions of SAMPLE: their distributions add up to `answered`. */
const SINGLE = new Set(['q1', 'q2', 'q5', 'q6']);

/**
 * Solves every published sum with exactly one unknown, again and again, and returns how many
 * withheld counts it recovered. Sums: responses = Σ channels; a single-valued question's answered =
 * Σ its distribution; a period's count = Σ its sub-periods' counts.
 */
function attack(
  views: Map<string, Figures>,
  extra: (cellsOf: Map<string, Set<string>>) => { total: string; parts: string[] }[] = () => [],
): { recovered: string[]; known: Map<string, number> } {
  const known = new Map<string, number>();
  const hidden = new Set<string>();
  const cellsOf = new Map<string, Set<string>>();
  const put = (scope: string, name: string, v: Val) => {
    const key = `${scope}|${name}`;
    (cellsOf.get(scope) ?? cellsOf.set(scope, new Set()).get(scope)!).add(name);
    if (typeof v === 'number') known.set(key, v);
    else if (v === 'hidden') hidden.add(key);
  };
  const lines: { total: string; parts: string[] }[] = [];
  for (const [scope, r] of views) {
    put(scope, 'n', r.responses);
    const chans = Object.keys(r.channels);
    for (const ch of chans) put(scope, `ch:${ch}`, r.channels[ch]!.count);
    lines.push({ total: `${scope}|n`, parts: chans.map((ch) => `${scope}|ch:${ch}`) });
    for (const q of r.questions) {
      put(scope, `${q.id}:a`, q.answered);
      const d = q.distribution ?? {};
      for (const [v, n] of Object.entries(d)) put(scope, `${q.id}:${v}`, n);
      if (SINGLE.has(q.id))
        lines.push({
          total: `${scope}|${q.id}:a`,
          parts: Object.keys(d).map((v) => `${scope}|${q.id}:${v}`),
        });
    }
  }
  const children = new Map<string, string[]>();
  for (const scope of views.keys()) {
    // A service's scopes are `svc/level:key`; its periods add up to its own `svc/all`.
    const slash = scope.lastIndexOf('/');
    const pre = scope.slice(0, slash + 1);
    const own = scope.slice(slash + 1);
    if (own === 'all') continue;
    const [level, key] = own.split(':') as [(typeof LEVELS)[number], string];
    const p = pre + parent(level, key);
    (children.get(p) ?? children.set(p, []).get(p)!).push(scope);
  }
  for (const [p, kids] of children) {
    const names = new Set<string>(cellsOf.get(p));
    for (const k of kids) for (const n of cellsOf.get(k) ?? []) names.add(n);
    for (const n of names) lines.push({ total: `${p}|${n}`, parts: kids.map((k) => `${k}|${n}`) });
  }
  lines.push(...extra(cellsOf));
  // Absent cells are zero, as the page shows them.
  const val = (k: string): number | undefined =>
    hidden.has(k) ? known.get(k) : (known.get(k) ?? 0);
  const recovered: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const l of lines) {
      const unknown = [l.total, ...l.parts].filter((k) => val(k) === undefined);
      if (unknown.length !== 1) continue;
      const u = unknown[0]!;
      const sumParts = l.parts.reduce((s, k) => s + (k === u ? 0 : val(k)!), 0);
      known.set(u, u === l.total ? sumParts : val(l.total)! - sumParts);
      recovered.push(u);
      changed = true;
    }
  }
  return { recovered, known };
}

/** Per month: a small cast of answers, most of them common, a few rare. */
function month(m: string, n: number, rare: Partial<SeedResponse['answers']> = {}): SeedResponse[] {
  const out: SeedResponse[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      answeredAt: `${m}-10T10:00:00Z`,
      channel: i % 3 === 0 ? 'kiosk' : 'site',
      answers: { q1: i % 2 ? 'yes' : 'rather', q2: i % 2 ? 5 : 4, ...(i === 0 ? rare : {}) },
    });
  return out;
}

describe.each(DB_KINDS)('public results withhold small counts for good on %s', (kind) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_disclosure');
    const made = await makeApp(db);
    app = made.app;
    await made.deps.surveys.publish(SAMPLE);
    await insertResponses(db, SAMPLE.id, [
      // One person said «Нет» and rated 1, in January 2026; one used e-mail, in April.
      ...month('2026-01', 12, { q1: 'no', q2: 1 }),
      ...month('2026-02', 9),
      ...month('2026-04', 11),
      { answeredAt: '2026-04-11T10:00:00Z', channel: 'email', answers: { q1: 'yes', q2: 5 } },
      ...month('2026-07', 8, { q1: 'dk' }),
      ...month('2027-01', 3),
    ]);
  });
  afterAll(async () => db?.close());

  async function views(
    url: (level: string | null) => Promise<PublicJson>,
  ): Promise<Map<string, Figures>> {
    const out = new Map<string, Figures>([['all', (await url(null)).total]]);
    for (const level of LEVELS)
      for (const g of (await url(level)).groups) out.set(`${level}:${g.key}`, g.report);
    return out;
  }

  it('no count from 1 to 4 is published, and none can be worked out from the others', async () => {
    const pub = await views(
      async (level) =>
        (
          await app.request(`/results/sample.json${level ? `?period=${level}` : ''}`)
        ).json() as Promise<PublicJson>,
    );
    const json = JSON.stringify([...pub.values()]);
    for (const n of [1, 2, 3, 4]) {
      expect(json).not.toMatch(new RegExp(`"(count|answered|responses|valid)":${n}[,}]`));
      expect(json).not.toMatch(
        new RegExp(`"[^"]+":${n}[,}](?=[^{]*"(yes|no|rather|dk|1|2|3|4|5)")`, 'u'),
      );
    }
    for (const r of pub.values())
      for (const q of r.questions)
        for (const n of Object.values(q.distribution ?? {}))
          expect(n === 'hidden' || n === 0 || (typeof n === 'number' && n >= 5)).toBe(true);
    expect(json).toContain('"hidden"');
    const { recovered, known } = attack(pub);
    // A zero under a published zero total is no news (counts are never negative); a positive
    // count worked out is a disclosure.
    expect(recovered.filter((k) => known.get(k)! > 0).map((k) => `${k}=${known.get(k)}`)).toEqual(
      [],
    );
  });

  it('a figure computed from a withheld count is withheld with it', async () => {
    const res = (await (
      await app.request('/results/sample.json?period=quarter')
    ).json()) as PublicJson;
    const q1 = res.groups
      .find((g) => g.key === '2026-Q1')!
      .report.questions.find((q) => q.id === 'q2')!;
    expect(q1.distribution?.['1']).toBe('hidden');
    expect(q1['mean']).toBe('hidden');
    expect(q1['topTwoShare']).toBe('hidden');
  });

  it('the same attack recovers the lone «Нет» when only small counts are hidden (the attack works)', async () => {
    const raw = await views(async (level) => {
      const q = level ? `?groupBy=period&period=${level}` : '';
      const r = (await (
        await app.request(`/v1/surveys/sample/report${q}`, { headers: admin })
      ).json()) as PublicJson;
      return r;
    });
    // Primary suppression only: each count from 1 to 4 withheld, nothing else.
    const naive = new Map(
      [...raw].map(([scope, r]) => [
        scope,
        JSON.parse(JSON.stringify(r), (k, v: unknown) =>
          typeof v === 'number' && v > 0 && v < 5 && k !== 'mean' && !k.endsWith('Share')
            ? 'hidden'
            : v,
        ) as Figures,
      ]),
    );
    const { recovered, known } = attack(naive);
    expect(recovered.length).toBeGreaterThan(0);
    expect(known.get('month:2026-01|q1:no')).toBe(1);
  });

  it('the page says «скрыто» where a count is withheld', async () => {
    const html = await (await app.request('/results/sample?period=quarter&key=2026-Q1')).text();
    expect(html).toContain('скрыто');
    expect(html).not.toMatch(/<td class="num">[1-4]<\/td>/);
  });
});

/** The services of the survey and the responses without one partition its responses. */
const SERVICES = ['licence', 'permit', 'rare', null] as const;

describe.each(DB_KINDS)('public results per service on %s', (kind) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_disclosure_svc');
    const made = await makeApp(db);
    app = made.app;
    await made.deps.surveys.publish(SAMPLE);
    const at = (object: string | null, rs: SeedResponse[]) => rs.map((r) => ({ ...r, object }));
    await insertResponses(db, SAMPLE.id, [
      ...at('licence', [...month('2026-01', 9), ...month('2026-04', 7)]),
      ...at('permit', [...month('2026-01', 8), ...month('2026-05', 6)]),
      // Three people about a rare service, one of them said «Нет»: the whole survey's counts minus
      // the other services' would give them away.
      ...at('rare', month('2026-02', 3, { q1: 'no', q2: 1 })),
      ...at(null, month('2026-04', 6)),
    ]);
  });
  afterAll(async () => db?.close());

  async function read(q: string): Promise<PublicJson> {
    const res = await app.request(`/results/sample.json${q}`);
    expect(res.status).toBe(200);
    return (await res.json()) as PublicJson;
  }

  /** Every public view, as the attacker collects them: `all`, `quarter:…`, `licence/month:…`. */
  async function views(): Promise<Map<string, Figures>> {
    const out = new Map<string, Figures>();
    const ids = (await read('')) as PublicJson & {
      services: { id: string | null; responses: Val }[];
    };
    expect(ids.services.map((s) => s.id)).toEqual(['licence', 'permit', 'rare', null]);
    for (const svc of [null, 'licence', 'permit', 'rare']) {
      const pre = svc ? `${svc}/` : '';
      const q = svc ? `service=${svc}` : '';
      out.set(`${pre}all`, (await read(q ? `?${q}` : '')).total);
      for (const level of LEVELS)
        for (const g of (await read(`?${q}${q ? '&' : ''}period=${level}`)).groups)
          out.set(`${pre}${level}:${g.key}`, g.report);
    }
    // The responses that named no service have no page: every count of theirs is unknown to the
    // attacker but their all-time number, which the list of services gives.
    const unknown = (r: Figures): Figures =>
      JSON.parse(JSON.stringify(r), (_, v: unknown) =>
        typeof v === 'number' ? 'hidden' : v,
      ) as Figures;
    for (const [scope, r] of [...out])
      if (!scope.includes('/')) out.set(`none/${scope}`, unknown(r));
    out.get('none/all')!.responses = ids.services.find((s) => s.id === null)!.responses;
    return out;
  }

  /**
   * Across services: each count of the survey is the sum of the services' — the responses that
   * named no service being one more part, unpublished as a page but known as the remainder.
   */
  const acrossServices = (cellsOf: Map<string, Set<string>>) => {
    const lines: { total: string; parts: string[] }[] = [];
    for (const [scope, names] of cellsOf) {
      if (scope.includes('/')) continue;
      for (const n of names)
        lines.push({
          total: `${scope}|${n}`,
          parts: SERVICES.map((s) => `${s ?? 'none'}/${scope}|${n}`),
        });
    }
    return lines;
  };

  it('no count of a service under k can be worked out from the survey’s and the other services’', async () => {
    const pub = await views();
    // The responses without a service have no page of their own, so the attacker knows nothing of
    // them but the all-time count the JSON lists.
    const json = JSON.stringify([...pub.values()]);
    expect(json).toContain('"hidden"');
    const rare = pub.get('rare/all')!;
    expect(rare.responses).toBe('hidden');
    const { recovered, known } = attack(pub, acrossServices);
    expect(recovered.filter((k) => known.get(k)! > 0).map((k) => `${k}=${known.get(k)}`)).toEqual(
      [],
    );
  });

  it('the attack finds the rare service when services are suppressed each on its own (the attack works)', async () => {
    // Each service's page under its own suppression only, as a naive implementation would do.
    const raw = async (q: string) =>
      (await (
        await app.request(`/v1/surveys/sample/report${q}`, { headers: admin })
      ).json()) as PublicJson & { groups: { key: string | null; report: Figures }[] };
    const naive = new Map<string, Figures>();
    const mask = (r: Figures): Figures =>
      JSON.parse(JSON.stringify(r), (k, v: unknown) =>
        typeof v === 'number' && v > 0 && v < 5 && k !== 'mean' && !k.endsWith('Share')
          ? 'hidden'
          : v,
      ) as Figures;
    naive.set('all', mask((await raw('')).total));
    for (const g of (await raw('?groupBy=object')).groups)
      naive.set(`${g.key ?? 'none'}/all`, mask(g.report));
    const { recovered, known } = attack(naive, acrossServices);
    expect(recovered.length).toBeGreaterThan(0);
    expect(known.get('rare/all|n')).toBe(3);
  });

  it('the JSON answers the survey’s allowed origins, like the respondent API, and refuses others', async () => {
    const allowed = await app.request('/results/sample.json', {
      headers: { origin: 'https://a.gov.ru' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://a.gov.ru');
    const own = await app.request('/results/sample.json', {
      headers: { origin: 'https://collector.local' },
    });
    expect(own.status).toBe(200);
    const other = await app.request('/results/sample.json', {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: string }).error).toBe('origin_not_allowed');
    // The HTML page is for people, not scripts: no CORS on it, and no refusal either.
    const page = await app.request('/results/sample', {
      headers: { origin: 'https://evil.example' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBe(null);
  });

  it('a service’s page and the unknown-service answer', async () => {
    const one = (await read('?service=licence&period=quarter')) as PublicJson & {
      service: { id: string; name: { ru: string } };
    };
    expect(one.service.id).toBe('licence');
    expect(one.total.responses).toBe(16);
    const res = await app.request('/results/sample.json?service=nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('unknown_service');
    const html = await (await app.request('/results/sample?service=licence')).text();
    expect(html).toContain('Все услуги');
    const all = await (await app.request('/results/sample')).text();
    expect(all).toContain('<caption>Результаты по услугам</caption>');
    expect(all).toContain('href="?service=licence"');
  });
});
