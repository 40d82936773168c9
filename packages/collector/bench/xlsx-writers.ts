/**
 * XLSX writer benchmark: the response export's hand-written streaming writer (src/export/xlsx.ts
 * + zip.ts) against exceljs's streaming `WorkbookWriter`, on the same synthetic rows (N responses
 * × 40 columns of short texts and numbers, no database, so only the writers differ). Each writer
 * runs in a child process of its own, so its peak RSS is its own; 3 runs each, medians and
 * min–max side by side.
 *   tsx --conditions=@otklik/source bench/xlsx-writers.ts      (XLSX_BENCH_ROWS, default 100000)
 */
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { Cell } from '../src/export/columns.js';
import type { ExportSource } from '../src/export/source.js';
import { xlsxChunks } from '../src/export/xlsx.js';

const ROWS = Number(process.env['XLSX_BENCH_ROWS'] ?? 100_000);
const COLS = 40;
const BATCH = 500;
const WORDS = ['очередь', 'долго', 'сайт', 'МФЦ', 'удобно', 'справка', 'Госуслуги', 'приём'];

function source(): ExportSource {
  const columns = Array.from({ length: COLS }, (_, i) => ({
    id: `c${i}`,
    title: `Колонка ${i}`,
    value: () => null,
  })) as unknown as ExportSource['columns'];
  async function* batches(): AsyncGenerator<Cell[][]> {
    for (let at = 0; at < ROWS; at += BATCH) {
      const rows: Cell[][] = [];
      for (let r = at; r < Math.min(ROWS, at + BATCH); r++)
        rows.push(
          Array.from({ length: COLS }, (_, c) =>
            c % 3 === 0 ? (r * 7 + c) % 11 : `${WORDS[(r + c) % WORDS.length]} ${r}`,
          ),
        );
      yield rows;
    }
  }
  return { surveyId: 'bench', columns, batches: batches(), rows: 0 };
}

/** Discards what is written, counting bytes. */
function sink(): Writable & { bytes: number } {
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      w.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

async function hand(out: Writable & { bytes: number }): Promise<void> {
  for await (const b of xlsxChunks(source()))
    if (!out.write(b)) await new Promise((r) => out.once('drain', r));
}

async function exceljs(out: Writable & { bytes: number }): Promise<void> {
  const src = source();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('Ответы');
  ws.addRow(src.columns.map((c) => c.id)).commit();
  ws.addRow(src.columns.map((c) => c.title)).commit();
  for await (const rows of src.batches) for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

async function child(which: string): Promise<void> {
  const out = sink();
  const t = performance.now();
  await (which === 'exceljs' ? exceljs(out) : hand(out));
  const ms = performance.now() - t;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, rssMb, bytes: out.bytes }));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const exec = promisify(execFile);
  const results: Record<string, { ms: number; rssMb: number; bytes: number }[]> = {
    hand: [],
    exceljs: [],
  };
  for (let i = 0; i < 3; i++) {
    for (const which of ['hand', 'exceljs'] as const) {
      const { stdout } = await exec(process.execPath, [...process.execArgv, self, which], {
        env: { ...process.env, XLSX_BENCH_CHILD: '1' },
        maxBuffer: 1 << 20,
      });
      results[which]!.push(JSON.parse(stdout) as { ms: number; rssMb: number; bytes: number });
    }
  }
  const line = (name: string, rs: { ms: number; rssMb: number; bytes: number }[]) => {
    const s = rs.map((r) => r.ms / 1000);
    const m = rs.map((r) => r.rssMb);
    return `${name.padEnd(22)} ${median(s).toFixed(2)} s (${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)})   peak RSS ${median(m).toFixed(0)} MB (${Math.min(...m).toFixed(0)}–${Math.max(...m).toFixed(0)})   ${(rs[0]!.bytes / 1e6).toFixed(1)} MB file`;
  };
  console.log(`\nXLSX writers, ${ROWS} rows × ${COLS} columns (median of 3, min–max):`);
  console.log(line('hand-written (export/)', results['hand']!));
  console.log(line('exceljs WorkbookWriter', results['exceljs']!));
  console.log(
    `ratio exceljs / hand-written: time ${(median(results['exceljs']!.map((r) => r.ms)) / median(results['hand']!.map((r) => r.ms))).toFixed(2)}×, peak RSS ${(median(results['exceljs']!.map((r) => r.rssMb)) / median(results['hand']!.map((r) => r.rssMb))).toFixed(2)}×`,
  );
}

if (process.argv[2] === 'hand' || process.argv[2] === 'exceljs') await child(process.argv[2]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
