import type { Survey } from '../types.js';
import { deepFreeze, dontKnow, satisfaction5, t, thanks } from './common.js';

/**
 * A survey of internal clients (employees). No seed prints this form: it is composed from the
 * aspects the orders list for it — 000 §27 (Sverdlovsk region Ministry of Industry and Science) and
 * 004 §5 (Trosna district administration) — in the style of the printed forms. Numbers q1…q4 are
 * ours.
 *
 * The Q2 rows are the union of both lists, reworded from the seeds' oblique case
 * («оценку материально-технического оснащения») into row headings; where the two lists name the
 * same aspect they are merged («взаимодействие с подразделениями, другими государственными органами
 * и организациями»), where they differ both are kept (requests in general, 000, and requests to
 * the HR service, 004). «Ведомство» stands for the body, as in 000 («в ведомстве»).
 *
 * Q3 asks "would you recommend us as an employer" on the 1–10 scale of 001 Q21, which gives an
 * employee NPS computed like the external one.
 */
export const internalStaff: Survey = deepFreeze<Survey>({
  id: 'internal-staff',
  version: 2,
  title: t(
    'Оценка удовлетворенности внутренних клиентов (сотрудников)',
    'Internal client (employee) satisfaction survey',
  ),
  description: t(
    'Опрос анонимный. Ваши ответы помогут улучшить процессы внутреннего взаимодействия.',
    'The survey is anonymous. Your answers help improve how we work together.',
  ),
  respondent: 'internal',
  headline: 'q1',
  questions: [
    {
      id: 'q1',
      type: 'scale',
      ...satisfaction5,
      required: true,
      title: t(
        'Насколько Вы удовлетворены работой в ведомстве в целом?',
        'Overall, how satisfied are you with working here?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где оценка 1 означает, что Вы полностью не удовлетворены, оценка 5 означает, что Вы полностью удовлетворены.',
        'Rate on a 5-point scale, where 1 means completely dissatisfied and 5 means completely satisfied.',
      ),
    },
    {
      id: 'q2',
      type: 'matrix',
      title: t(
        'Насколько Вы удовлетворены следующими аспектами деятельности ведомства?',
        'How satisfied are you with the following aspects of work here?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где оценка 1 означает, что Вы полностью не удовлетворены, оценка 5 означает, что Вы полностью удовлетворены.',
        'Rate each on a 5-point scale, where 1 means completely dissatisfied and 5 means completely satisfied.',
      ),
      rows: [
        {
          id: 'equipment',
          text: t('Материально-техническое оснащение', 'Equipment and facilities'),
        },
        {
          id: 'regulation',
          text: t(
            'Регламентация профессиональной деятельности',
            'Regulation of professional activity',
          ),
        },
        {
          id: 'automation',
          text: t(
            'Автоматизация профессиональной деятельности',
            'Automation of professional activity',
          ),
        },
        {
          id: 'cooperation',
          text: t(
            'Взаимодействие с подразделениями, другими государственными органами и организациями',
            'Cooperation with other units, public bodies and organisations',
          ),
        },
        {
          id: 'development',
          text: t(
            'Возможности профессионального развития в ведомстве',
            'Opportunities for professional development',
          ),
        },
        {
          id: 'career',
          text: t('Возможности должностного роста в ведомстве', 'Opportunities for promotion'),
        },
        {
          id: 'units',
          text: t(
            'Взаимоотношения между государственными служащими и структурными подразделениями',
            'Relations between civil servants and units',
          ),
        },
        {
          id: 'colleagues',
          text: t('Взаимоотношения между коллегами в коллективе', 'Relations between colleagues'),
        },
        {
          id: 'work',
          text: t('Элементы профессиональной деятельности (труда)', 'Elements of the work itself'),
        },
        {
          id: 'requests',
          text: t(
            'Сроки и качество рассмотрения запросов и обращений',
            'Time and quality of handling requests',
          ),
        },
        {
          id: 'hr',
          text: t(
            'Скорость и качество рассмотрения запросов и обращений в кадровую службу',
            'Speed and quality of handling requests to the HR service',
          ),
        },
        {
          id: 'lawmaking',
          text: t(
            'Процессы нормотворчества и оформления, исполнения договоров',
            'Rule-making and the drafting and performance of contracts',
          ),
        },
      ],
      scale: satisfaction5,
      extraOptions: [dontKnow()],
    },
    {
      id: 'q3',
      type: 'scale',
      min: 1,
      max: 10,
      order: 'desc',
      role: 'recommend',
      minLabel: t('очень маловероятно', 'very unlikely'),
      maxLabel: t('с большой вероятностью', 'very likely'),
      title: t(
        'С какой вероятностью Вы порекомендуете своим знакомым работу в ведомстве?',
        'How likely are you to recommend working here to people you know?',
      ),
      description: t(
        'Дайте оценку по 10-балльной шкале, где оценка 1 означает очень маловероятно, оценка 10 означает с большой вероятностью.',
        'Rate on a 10-point scale, where 1 means very unlikely and 10 means very likely.',
      ),
    },
    {
      id: 'q4',
      type: 'text',
      multiline: true,
      title: t(
        'Что необходимо изменить в процессах внутреннего взаимодействия?',
        'What should be changed in how we work together?',
      ),
      description: t('Выскажите свои предложения.', 'Share your suggestions.'),
    },
  ],
  completion: thanks,
});
