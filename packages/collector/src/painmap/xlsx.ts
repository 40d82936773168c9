import type { PainRow } from './store.js';

/** The template's column titles, verbatim (001 Приложение 2; 004 Приложение has the same columns). */
export const PAIN_MAP_COLUMNS = [
  '№',
  'Наименование процесса',
  'Выявленные проблемы/потенциальные потребности клиентов',
  'Распространенность проблемы*',
  'Приоритетность решения проблемы/удовлетворенность потребности*',
  'Необходимые к реализации мероприятия',
  'Ответственный',
  'Срок реализации',
] as const;

/** Column widths in characters, chosen so the sheet fits landscape A4 at 100 %. */
const WIDTHS = [5, 24, 40, 14, 18, 36, 18, 14];

export const LEVEL_RU = { high: 'Высокая', medium: 'Средняя', low: 'Низкая' } as const;

export interface PainMapSheet {
  title: string;
  rows: readonly PainRow[];
}

/**
 * The stored pain map as an XLSX in the template's columns, laid out for print: landscape A4,
 * fitted to the page width, header row repeated on every page, text wrapped, thin borders.
 * Rows of one process are numbered once («1.», «2.» …) as in the template. Priority is free text
 * (high/medium/low or the body's own measure), written as entered.
 *
 * @example
 * const buf = await painMapXlsx({ title: 'Карта болей — I квартал 2026', rows });
 */
export async function painMapXlsx(sheet: PainMapSheet): Promise<Buffer> {
  // Loaded on the first pain map asked for: exceljs holds about 8 MB of heap and 25 MB of RSS.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Otklik';
  const ws = wb.addWorksheet('Карта болей', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: '2:2',
    },
    headerFooter: { oddFooter: '&P / &N' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, PAIN_MAP_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  header.values = [...PAIN_MAP_COLUMNS];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF2' } };
  });

  const numbers = new Map<string, number>();
  for (const r of sheet.rows) {
    const key = r.object ?? r.process;
    const first = !numbers.has(key);
    if (first) numbers.set(key, numbers.size + 1);
    ws.addRow([
      first ? `${numbers.get(key)}.` : '',
      first ? r.process : '',
      r.problem,
      LEVEL_RU[r.prevalence],
      r.priority,
      r.measures,
      r.responsible,
      r.deadline,
    ]);
  }
  for (let i = 2; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    for (let j = 1; j <= PAIN_MAP_COLUMNS.length; j++) {
      const c = row.getCell(j);
      c.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
      if (i > 2) c.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  ws.addRow([]);
  ws.addRow([
    '* Высокая/средняя/низкая. Распространенность — по доле ответов по процессу (пороги в docs/collector.md).',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
