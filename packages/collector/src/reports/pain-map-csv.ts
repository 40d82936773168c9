import { csvField } from '../export/csv.js';
import type { PainMap, Prevalence } from './pain-map.js';

const PREVALENCE_RU: Record<Prevalence, string> = {
  high: 'Высокая',
  medium: 'Средняя',
  low: 'Низкая',
};

/**
 * The pain map as CSV in the columns of the seeds' template (001 Приложение 2, 004 Приложение),
 * with the figures behind the prevalence and the respondents' texts added; priority, measures,
 * responsible and deadline are left empty for the analysts. UTF-8 with BOM, CRLF.
 *
 * @example
 * c.body(painMapCsv(await painMap(db, versions)), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
 */
export function painMapCsv(map: PainMap): string {
  const rows: (string | number | null)[][] = [
    [
      '№',
      'Наименование процесса',
      'Выявленные проблемы/потенциальные потребности клиентов',
      'Распространенность проблемы',
      'Приоритетность решения проблемы/удовлетворенность потребности',
      'Необходимые к реализации мероприятия',
      'Ответственный',
      'Срок реализации',
      'Ответов по объекту',
      'Число отметивших',
      'Доля, %',
      'Вопрос',
      'Высказывания респондентов',
    ],
  ];
  map.objects.forEach((o, i) => {
    o.items.forEach((it, j) => {
      rows.push([
        j === 0 ? `${i + 1}.` : '',
        j === 0 ? o.name : '',
        it.problem,
        PREVALENCE_RU[it.prevalence],
        it.priority,
        it.measures,
        it.responsible,
        it.deadline,
        o.responses,
        it.count,
        it.share,
        it.row ? `${it.question}.${it.row}` : it.question,
        it.texts.join(' | '),
      ]);
    });
  });
  return '\uFEFF' + rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
