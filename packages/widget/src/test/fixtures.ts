// Test-only survey fragments, one per question kind.
import type { Question, Survey } from '@otklik/core/engine';

/** A one-question (or few-question) survey around `questions`. */
export function surveyOf(...questions: Question[]): Survey {
  return { id: 'test', version: 1, title: { ru: 'Тестовая анкета', en: 'Test survey' }, questions };
}

export const single: Question = {
  id: 'q1',
  type: 'single',
  required: true,
  title: { ru: 'Получили ли вы услугу?', en: 'Did you get the service?' },
  options: [
    { id: 'yes', text: { ru: 'Да', en: 'Yes' } },
    { id: 'no', text: { ru: 'Нет', en: 'No' } },
    {
      id: 'other',
      text: { ru: 'Другое (укажите)', en: 'Other (specify)' },
      specify: { required: true },
    },
  ],
};

export const multiple: Question = {
  id: 'q2',
  type: 'multiple',
  required: true,
  title: { ru: 'С какими проблемами вы столкнулись?', en: 'What problems did you meet?' },
  options: [
    { id: 'queue', text: { ru: 'Очередь', en: 'Queue' }, problem: true },
    { id: 'rude', text: { ru: 'Невежливость', en: 'Rudeness' }, problem: true },
    { id: 'other', text: { ru: 'Проблема (укажите)', en: 'Problem (specify)' }, specify: {} },
    { id: 'none', text: { ru: 'Проблем не было', en: 'No problems' }, exclusive: true },
  ],
};

export const scale: Question = {
  id: 'q3',
  type: 'scale',
  required: true,
  title: { ru: 'Насколько вы удовлетворены?', en: 'How satisfied are you?' },
  min: 1,
  max: 5,
  order: 'desc',
  role: 'satisfaction',
  minLabel: { ru: 'совсем не удовлетворены', en: 'not at all satisfied' },
  maxLabel: { ru: 'полностью удовлетворены', en: 'fully satisfied' },
  extraOptions: [
    { id: 'dk', text: { ru: 'Затрудняюсь ответить', en: "Don't know" }, kind: 'dontKnow' },
  ],
};

export const matrix: Question = {
  id: 'q4',
  type: 'matrix',
  required: true,
  title: { ru: 'Оцените параметры', en: 'Rate the parameters' },
  rows: [
    { id: 'speed', text: { ru: 'Скорость', en: 'Speed' } },
    { id: 'polite', text: { ru: 'Вежливость', en: 'Politeness' } },
  ],
  scale: { min: 1, max: 5, order: 'desc' },
  extraOptions: [
    { id: 'na', text: { ru: 'Не пользовался', en: 'Did not use' }, kind: 'notApplicable' },
  ],
};

export const list: Question = {
  id: 'q5',
  type: 'list',
  required: true,
  title: { ru: 'Какую услугу вы получали?', en: 'Which service did you get?' },
  catalog: 'services',
};

export const services = {
  services: [
    { id: 'lic', text: { ru: 'Лицензирование образовательной деятельности' } },
    { id: 'acc', text: { ru: 'Аккредитация', en: 'Accreditation' } },
    { id: 'dup', text: { ru: 'Выдача дубликата аттестата', en: 'Duplicate certificate' } },
    { id: 'san', text: { ru: 'Санаторная путёвка', en: 'Sanatorium voucher' } },
  ],
};

export const text: Question = {
  id: 'q6',
  type: 'text',
  multiline: true,
  maxLength: 100,
  title: { ru: 'Ваши предложения', en: 'Your suggestions' },
};

export const statement: Question = {
  id: 'q7',
  type: 'statement',
  title: { ru: 'Спасибо, осталось немного', en: 'Thanks, almost done' },
  description: { ru: 'Ещё два вопроса о вас.', en: 'Two more questions about you.' },
};

/** Three questions where q1 «no» jumps over q2 to q3 (the controllers' skip tests). */
export const skipSurvey: Survey = surveyOf(
  {
    ...single,
    options: (single as Extract<Question, { type: 'single' }>).options.map((o) =>
      o.id === 'no' ? { ...o, goTo: 'q3' } : o,
    ),
  } as Question,
  multiple,
  { id: 'q3', type: 'text', title: { ru: 'Комментарий' } } as Question,
);
