import { defuse, type Cell } from './columns.js';
import type { ExportSource } from './source.js';
import { zipStream } from './zip.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text for XML: the five special characters escaped, and the control characters XML 1.0 cannot
 * hold at all (a pasted text may contain them) removed, so one odd answer cannot break the file.
 */
export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(
        /[&<>"']/g,
        (ch) =>
          `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as const)[ch as '&']};`,
      )
  );
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function rowXml(r: number, cells: readonly Cell[], letters: readonly string[]): string {
  let xml = `<row r="${r}">`;
  cells.forEach((v, i) => {
    if (v === null || v === '') return;
    const ref = `${letters[i]}${r}`;
    xml +=
      typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(defuse(v))}</t></is></c>`;
  });
  return `${xml}</row>`;
}

async function* sheet(src: ExportSource): AsyncGenerator<string> {
  const letters = src.columns.map((_, i) => columnName(i));
  // Both header rows stay in view while scrolling.
  yield `${XML}<worksheet xmlns="${NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
  yield (
    rowXml(
      1,
      src.columns.map((c) => c.id),
      letters,
    ) +
    rowXml(
      2,
      src.columns.map((c) => c.title),
      letters,
    )
  );
  let r = 3;
  for await (const rows of src.batches) {
    let xml = '';
    for (const cells of rows) xml += rowXml(r++, cells, letters);
    yield xml;
  }
  yield '</sheetData></worksheet>';
}

/**
 * The export as an XLSX workbook (Office Open XML SpreadsheetML), streamed: a minimal package —
 * content types, relationships, workbook, one sheet «Ответы» — zipped on the fly (zip.ts). Row 1
 * holds column ids, row 2 Russian titles (both frozen); text cells are inline strings, so no
 * shared-string table has to be built in memory.
 *
 * @example
 * for await (const b of xlsxChunks(exportSource(db, survey))) out.write(b);
 */
export function xlsxChunks(src: ExportSource): AsyncGenerator<Buffer> {
  return zipStream([
    {
      name: '[Content_Types].xml',
      data: [
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ],
    },
    {
      name: '_rels/.rels',
      data: [
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/workbook.xml',
      data: [
        `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Ответы" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: [
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ],
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet(src) },
  ]);
}
