import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './cli.js';
import { migrate } from './store/migrate.js';
import { openPglite } from './store/pglite/index.js';
import { insertResponses, toRow } from './store/responses.js';
import { pulse, response } from './test/fixtures.js';

// The CLI from source (the installed bin runs the build: test/release checks that one).
const BIN = fileURLToPath(new URL('../scripts/cli-source.mjs', import.meta.url));

/** Runs main() and returns its exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('otklik-collector CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otklik-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, out: `otklik-collector ${pkg.version}\n` });
  });

  it('prints help through the bin script, for the tool and each command', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--help']);
    expect(stdout).toContain('serve');
    expect(stdout).toContain('survey add');
    for (const cmd of ['serve', 'survey', 'catalog', 'report', 'export', 'rebuild-rollup']) {
      const r = await run([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`otklik-collector ${cmd}`);
    }
    expect((await run(['serve', '--port', 'abc'])).err).toContain('not a port');
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['serve', '--no-such-flag'])).code).toBe(2);
  });

  it('publishes, lists, reports and exports on a PGlite folder', async () => {
    const data = join(dir, 'data');
    const file = join(dir, 'pulse.json');
    await writeFile(file, JSON.stringify(pulse));
    const added = await run(['survey', 'add', file, '--data-dir', data]);
    expect(added).toMatchObject({ code: 0, out: 'test-pulse v1: created\n' });
    expect((await run(['survey', 'add', file, '--data-dir', data])).out).toContain('unchanged');
    await writeFile(join(dir, 'bad.json'), '{"id":"x"}');
    const bad = await run(['survey', 'add', join(dir, 'bad.json'), '--data-dir', data]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('not a valid survey');

    await writeFile(
      join(dir, 'services.json'),
      JSON.stringify([{ id: 'licence', text: { ru: 'Выдача лицензии' } }]),
    );
    const put = await run([
      'catalog',
      'put',
      'services',
      join(dir, 'services.json'),
      '--data-dir',
      data,
    ]);
    expect(put).toMatchObject({
      code: 0,
      out: 'services: 1 active (1 added, 0 changed, 0 retired)\n',
    });
    await writeFile(join(dir, 'services.json'), '[{"id":"licence"}]');
    const wrong = await run([
      'catalog',
      'put',
      'services',
      join(dir, 'services.json'),
      '--data-dir',
      data,
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('0.text: Required field');
    expect((await run(['catalog', 'show', 'services', '--data-dir', data])).out).toBe(
      'licence\tВыдача лицензии\n',
    );

    const db = await openPglite({ dataDir: data });
    await migrate(db);
    await insertResponses(db, [toRow(response(), new Date()), toRow(response(), new Date())]);
    await db.close();

    expect((await run(['survey', 'list', '--data-dir', data])).out).toContain(
      'test-pulse\tv1\tПульс',
    );
    const report = await run(['report', 'test-pulse', '--data-dir', data, '--group-by', 'channel']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.out)).toMatchObject({
      survey: { id: 'test-pulse' },
      total: { responses: 2 },
    });
    expect(
      (await run(['report', 'test-pulse', '--data-dir', data, '--group-by', 'colour'])).code,
    ).toBe(2);
    // A rebuild from the raw responses gives the report the insert kept up to date.
    const rebuilt = await run(['rebuild-rollup', '--data-dir', data]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toContain('report rollup rebuilt: 2 responses, days of Europe/Moscow');
    const again = await run(['report', 'test-pulse', '--data-dir', data, '--group-by', 'channel']);
    expect(JSON.parse(again.out)).toEqual(JSON.parse(report.out));
    const pair = await run([
      'report',
      'test-pulse',
      '--data-dir',
      data,
      '--group-by',
      'channel,period',
      '--period',
      'year',
    ]);
    expect(JSON.parse(pair.out)).toMatchObject({ groupBy: ['channel', 'period'], period: 'year' });
    const csv = join(dir, 'out.csv');
    const exported = await run([
      'export',
      'test-pulse',
      '--format',
      'csv',
      '--out',
      csv,
      '--data-dir',
      data,
    ]);
    expect(exported).toMatchObject({ code: 0, out: `${csv}: 2 responses\n` });
    // Two header rows (ids; numbers and titles), two responses.
    expect((await readFile(csv, 'utf8')).split('\n').filter(Boolean).length).toBe(4);
    expect(
      (await run(['export', 'test-pulse', '--format', 'pdf', '--out', csv, '--data-dir', data]))
        .code,
    ).toBe(2);
  }, 240_000); // each command opens the PGlite folder anew (seconds each)
});
