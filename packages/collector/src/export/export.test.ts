import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { DB_KINDS, openDb } from '../reports/test-db.js';
import { SAMPLE, insertResponses, insertSurvey } from '../reports/test-seed.js';
import { csvField, exportChunks, writeCsv, writeXlsx, xmlText } from './index.js';

const NASTY = 'Очередь, "долго"\r\nждали <script>alert(1)</script>';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe('csvField', () => {
  it('quotes only when needed and doubles quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(5)).toBe('5');
  });
  it('neutralises formulas (CWE-1236) in text, not in numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+7 900')).toBe("'+7 900");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField(-3)).toBe('-3');
  });
});

describe('xmlText', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText(`<a href="x">&'\u0001\u0007ok\t\n`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;ok\t\n',
    );
  });
});

describe.each(DB_KINDS)('exports on %s', (kind) => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_export');
    dir = mkdtempSync(join(tmpdir(), 'otklik-export-'));
    await insertSurvey(db, SAMPLE);
    await insertResponses(db, SAMPLE.id, [
      {
        channel: 'kiosk',
        object: 'svc-1',
        touchpoint: 'МФЦ №1',
        answeredAt: '2026-03-01T08:00:00Z',
        answers: {
          q1: 'yes',
          q2: 5,
          q3: ['queue', 'other'],
          q4: { site: 4, portal: 'na' },
          q7: NASTY,
        },
        specify: { q3: { other: '=cmd|calc' } },
      },
      {
        channel: 'site',
        answeredAt: '2026-03-02T08:00:00Z',
        answers: { q2: 'dk', q7: 'Всё хорошо' },
      },
    ]);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes CSV: BOM, CRLF, one column per question and matrix row, quoting, Cyrillic', async () => {
    const file = join(dir, 'a.csv');
    const n = await writeCsv(db, SAMPLE, file, { titles: true, values: 'id' });
    expect(n).toBe(2);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'response_id,receipt,version,answered_at,received_at,lang,channel,object,touchpoint,respondent,' +
        'q1,q2,q3,q3.other.text,q4.site,q4.portal,q5,q6,q7',
    );
    expect(lines[1]).toContain('1. Удовлетворены ли вы?');
    expect(lines[1]).toContain('4. Оцените ресурсы — Портал');
    expect(lines[1]).toContain('3. Какие были проблемы? — Другое (укажите) (текст)');
    // The quoted text holds a CRLF of its own: read the first data record up to the next record.
    const first = text.split('\r\n').slice(2).join('\r\n');
    expect(first).toMatch(
      /^[0-9a-f-]{36},R000000,1,2026-03-01T08:00:00Z,\d{4}-[^,]+,ru,kiosk,svc-1,МФЦ №1,external,/,
    );
    expect(first).toContain(
      `,yes,5,queue; other,'=cmd|calc,4,na,,,"Очередь, ""долго""\r\nждали <script>alert(1)</script>"\r\n`,
    );
    expect(text.endsWith(',site,,,external,,dk,,,,,,,Всё хорошо\r\n')).toBe(true);
  });

  it('writes the answers as respondents read them by default, in Russian or English', async () => {
    const labels = new Map([
      ['services', new Map([['svc-1', { ru: 'Выдача лицензии', en: 'Licence' }]])],
    ]);
    const csv = (await collect(exportChunks(db, SAMPLE, 'csv', { labels }))).toString('utf8');
    const [ids, titles] = csv.slice(1).split('\r\n');
    expect(ids?.startsWith('response_id,receipt,')).toBe(true);
    expect(titles).toContain('1. Удовлетворены ли вы?');
    expect(csv).toMatch(
      /,ru,Киоск,Выдача лицензии,МФЦ №1,Внешний клиент,Да,5,Очередь; Другое \(укажите\),'=cmd\|calc,4,Не пользовался,/,
    );
    expect(csv).toContain(',ru,Сайт,,,Внешний клиент,,Затрудняюсь ответить,');

    const en = (
      await collect(exportChunks(db, SAMPLE, 'csv', { labels, lang: 'en', titles: false }))
    ).toString('utf8');
    const [, row] = en.slice(1).split('\r\n');
    expect(row).toMatch(/,ru,Kiosk,Licence,МФЦ №1,External client,Да,5,/);
  });

  it('writes an XLSX that unzip accepts, with the expected cells', async () => {
    const file = join(dir, 'a.xlsx');
    expect(await writeXlsx(db, SAMPLE, file)).toBe(2);
    const list = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]) {
      expect(list).toContain(part);
    }
    // -t checks every entry's CRC and sizes against the data descriptors and central directory.
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain(
      'No errors detected',
    );
    const sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], {
      encoding: 'utf8',
    });
    expect(sheet).toContain(
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve">response_id</t></is></c>',
    );
    expect(sheet).toContain(
      '<c r="O1" t="inlineStr"><is><t xml:space="preserve">q4.site</t></is></c>',
    );
    expect(sheet).toContain('<c r="L3"><v>5</v></c>'); // q2 = 5 as a number
    expect(sheet).toContain('<t xml:space="preserve">&apos;=cmd|calc</t>');
    expect(sheet).toContain(
      'Очередь, &quot;долго&quot;\r\nждали &lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(sheet).not.toContain('<script>');
    expect(sheet).toContain('<row r="4">');
    const workbook = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' });
    expect(workbook).toContain('name="Ответы"');
  });

  it('exports only the period asked for', async () => {
    const csv = (
      await collect(exportChunks(db, SAMPLE, 'csv', { from: '2026-03-02', titles: false }))
    ).toString('utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('streams 20,000 responses in batches with bounded heap growth', async () => {
    await db.query(
      `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel, respondent,
                              answers, body_hash, receipt)
       SELECT gen_random_uuid(), 'sample', 1, timestamptz '2027-01-01' + i * interval '1 second', 'ru', 'site',
              'external', jsonb_build_object('q2', i % 5 + 1, 'q7', repeat('ж', 2000)), 'h', 'B' || i
         FROM generate_series(1, 20000) AS i`,
    );
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let chunks = 0;
    let bytes = 0;
    for await (const c of exportChunks(db, SAMPLE, 'csv', { from: '2027-01-01', batchSize: 500 })) {
      chunks++;
      bytes += c.byteLength;
      if (chunks % 5 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    }
    // ~4 KB of text per row: 80 MB of CSV went through, one batch (~2 MB) at a time.
    expect(bytes).toBeGreaterThan(80_000_000);
    expect(chunks).toBe(1 + 20_000 / 500);
    expect(peak).toBeLessThan(20_000_000);
  });
});

// Keep the fixture writer honest: a zip of our own, read back by unzip, byte for byte.
describe('zipStream', () => {
  it('round-trips content through unzip', async () => {
    const { zipStream } = await import('./zip.js');
    const d = mkdtempSync(join(tmpdir(), 'otklik-zip-'));
    try {
      const big = 'строка, '.repeat(50_000);
      const zip = await collect(
        zipStream([
          {
            name: 'a/b.txt',
            data: (async function* () {
              yield big;
              yield 'конец';
            })(),
          },
          { name: 'empty', data: [] },
        ]),
      );
      writeFileSync(join(d, 'x.zip'), zip);
      expect(execFileSync('unzip', ['-p', join(d, 'x.zip'), 'a/b.txt'], { encoding: 'utf8' })).toBe(
        big + 'конец',
      );
      expect(execFileSync('unzip', ['-t', join(d, 'x.zip')], { encoding: 'utf8' })).toContain(
        'No errors detected',
      );
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
