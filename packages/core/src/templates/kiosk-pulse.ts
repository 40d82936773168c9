import type { Survey } from '../types.js';
import { deepFreeze, example, satisfaction5, t } from './common.js';

/**
 * Three questions for a kiosk tablet at a reception desk (личный приём, МФЦ): which service, how
 * satisfied, what to improve. Composed in the wording of the seed forms, short enough for a visitor
 * on the way out; only the score is required, so a tap on a number and «Отправить» is a response.
 */
export const kioskPulse: Survey = deepFreeze<Survey>({
  id: 'kiosk-pulse',
  version: 2,
  title: t('Оцените, пожалуйста, качество обслуживания', 'Please rate our service'),
  respondent: 'external',
  headline: 'q2',
  questions: [
    {
      id: 'q1',
      type: 'list',
      catalog: 'services',
      context: 'object',
      title: t('За какой услугой Вы обращались?', 'Which service did you come for?'),
    },
    {
      id: 'q2',
      type: 'scale',
      ...satisfaction5,
      required: true,
      title: t(
        'Насколько Вы удовлетворены обслуживанием?',
        'How satisfied are you with the service?',
      ),
      description: t(
        'Оценка 1 означает, что Вы полностью не удовлетворены, оценка 5 означает, что Вы полностью удовлетворены.',
        '1 means completely dissatisfied, 5 means completely satisfied.',
      ),
    },
    {
      id: 'q3',
      type: 'text',
      multiline: true,
      maxLength: 1000,
      title: t('Что необходимо улучшить?', 'What should we improve?'),
      description: t(
        'Выскажите свои предложения (необязательно).',
        'Share your suggestions (optional).',
      ),
    },
  ],
  catalogs: {
    // Illustrations only: each office supplies the services it actually provides.
    services: [
      example('consultation', 'Консультация', 'Consultation'),
      example('documents', 'Приём документов', 'Submitting documents'),
      example('result', 'Выдача результата услуги', 'Collecting the result of a service'),
    ],
  },
  completion: {
    title: t('Спасибо!', 'Thank you!'),
    text: t('Ваш отзыв поможет нам стать лучше.', 'Your feedback helps us improve.'),
  },
});
