import type { Survey } from '../types.js';
import {
  deepFreeze,
  demographics,
  dontKnow,
  example,
  opt,
  ratherSatisfied,
  satisfaction5,
  serviceParameterRows,
  t,
  thanks,
} from './common.js';

/**
 * The typical external-client questionnaire of the Belgorod region Ministry of Education
 * (seed 001, Приложение 1), every printed question with its printed number: there is no Q17,
 * Q23–Q27 or Q31 in the form, and so no such ids here.
 *
 * Russian texts are copied from the seed. The answer-count hints «(Один ответ)», «(Любое число
 * ответов)», «(Один ответ по строке)», «(Открытый вопрос)» and the interviewer's note on Q11 are
 * left out of the titles: the control itself (radio, checkbox, one choice per row, text box) says
 * how to answer, and the note is encoded as logic. The «Дайте оценку…» sentence of scale questions
 * becomes the `description`.
 *
 * Choices where the seed is silent:
 * - Q4, printed as «(Открытый вопрос)» with two options, is a multiple choice of «Проблема
 *   (укажите)» (a problem, with a required text) and the exclusive «Проблем не было»: as a multiple
 *   the engine enforces that the two are never chosen together, which a single choice cannot say.
 * - Q6 rows follow Q5 (a single choice): redirected from the portal ⇒ portal and agency-site rows;
 *   redirected from the mobile app ⇒ app and agency-site rows (the respondent used both resources);
 *   straight to the agency site ⇒ site row; in person or other ⇒ no row, so Q6 is not asked.
 * - Q2 takes one service, not «(Любое число ответов)» as printed: Q3–Q12 all ask about «the
 *   service» in the singular, so a response rates one service, and the answer is the response's
 *   object (`context: 'object'`) for the per-service reports (001 §4.2). Someone who received two
 *   services answers twice.
 * - Q3 is the headline: its share of 4–5 is the satisfaction level (001 §4.3.1); Q6 and Q12 rate
 *   resources and parameters and are reported per row.
 * - Q9 is asked only after a refusal in Q8.
 * - Q11 («only those who answered that they received the specific service») is asked whenever Q2
 *   names a service, whatever Q8 says: Q2 asks for the service «которая Вам была предоставлена», so
 *   naming one is the answer the note means. Asking only on Q8 = «provided at once» would drop the
 *   respondents who skipped the optional Q8 and those who got the service after a refusal, whose
 *   effort is the most telling, and bias the effort index upwards.
 * - Q19 only when Q18 = yes.
 * - Matrices print «Оценка от 1 до 5» without an order; they use 5…1 like every scale of the form.
 * - Required: Q1, Q2, Q3 (the headline figures and the object of the response); the rest optional.
 */
export const belgorodTypical: Survey = deepFreeze<Survey>({
  id: 'belgorod-typical',
  version: 2,
  title: t(
    'Оценка удовлетворенности внешних клиентов предоставлением государственных услуг (сервисов), осуществлением функций',
    'External client satisfaction with public services and functions',
  ),
  description: t(
    'Форма для проведения оценки удовлетворенности внешних клиентов',
    'External client satisfaction questionnaire',
  ),
  respondent: 'external',
  headline: 'q3',
  questions: [
    {
      id: 'q1',
      type: 'single',
      role: 'satisfaction',
      required: true,
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены взаимодействием с государством (предоставлением государственных услуг, сервисов и осуществлением государственных функций) в целом?',
        'Overall, are you rather satisfied or rather not satisfied with your interaction with the state (public services and the exercise of public functions)?',
      ),
      options: ratherSatisfied(),
    },
    {
      id: 'q2',
      type: 'list',
      catalog: 'services',
      context: 'object',
      required: true,
      title: t(
        'Укажите наименование государственной услуги, которая Вам была предоставлена в период с 1 января 2023 года?',
        'Which public service were you provided since 1 January 2023?',
      ),
    },
    {
      id: 'q3',
      type: 'scale',
      ...satisfaction5,
      required: true,
      title: t(
        'Насколько Вы удовлетворены государственной услугой, которая была Вам предоставлена?',
        'How satisfied are you with the public service you were provided?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где оценка 1 означает, что Вы полностью не удовлетворены, оценка 5 означает, что Вы полностью удовлетворены.',
        'Rate on a 5-point scale, where 1 means completely dissatisfied and 5 means completely satisfied.',
      ),
    },
    {
      id: 'q4',
      type: 'multiple',
      title: t(
        'С какими проблемами Вы столкнулись в процессе предоставления государственной услуги?',
        'What problems did you face while the public service was provided?',
      ),
      options: [
        opt('problem', 'Проблема (укажите)', 'Problem (please specify)', {
          problem: true,
          specify: { required: true, maxLength: 1000 },
        }),
        opt('no_problems', 'Проблем не было', 'There were no problems', { exclusive: true }),
      ],
    },
    {
      id: 'q5',
      type: 'single',
      title: t(
        'Каким способом Вы обращались за предоставлением данной услуги?',
        'How did you apply for this service?',
      ),
      options: [
        opt(
          'portal',
          'При обращении на портал Госуслуги (gosuslugi.ru) был перенаправлен на сайт ведомства',
          'Via the Gosuslugi portal (gosuslugi.ru), redirected to the agency website',
        ),
        opt(
          'app',
          'При обращении на мобильное приложение портала Госуслуги (gosuslugi.ru) был перенаправлен на сайт ведомства',
          'Via the Gosuslugi mobile app (gosuslugi.ru), redirected to the agency website',
        ),
        opt(
          'site',
          'При непосредственном обращении на сайт ведомства',
          'Directly on the agency website',
        ),
        opt('in_person', 'При личном обращении в ведомство', 'In person at the agency'),
        opt('other', 'Другое (укажите)', 'Other (please specify)', { specify: { maxLength: 500 } }),
      ],
    },
    {
      id: 'q6',
      type: 'matrix',
      title: t(
        'Насколько Вы удовлетворены работой данных ресурсов?',
        'How satisfied are you with these resources?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где оценка 1 означает, что Вы полностью не удовлетворены, оценка 5 означает, что Вы полностью удовлетворены.',
        'Rate on a 5-point scale, where 1 means completely dissatisfied and 5 means completely satisfied.',
      ),
      rows: [
        {
          id: 'portal',
          text: t('Портал Госуслуги', 'Gosuslugi portal'),
          showIf: { op: 'equals', question: 'q5', value: 'portal' },
        },
        {
          id: 'app',
          text: t('Мобильное приложение портала Госуслуги', 'Gosuslugi mobile app'),
          showIf: { op: 'equals', question: 'q5', value: 'app' },
        },
        {
          id: 'site',
          text: t('Сайт ведомства', 'Agency website'),
          showIf: { op: 'in', question: 'q5', values: ['portal', 'app', 'site'] },
        },
      ],
      scale: satisfaction5,
    },
    {
      id: 'q7',
      type: 'single',
      title: t(
        'Как была предоставлена государственная услуга?',
        'How was the public service provided?',
      ),
      options: [
        opt('offered', 'Услуга была предложена ведомством', 'The agency offered the service'),
        opt('applied', 'Я сам обратился за услугой', 'I applied for the service myself'),
      ],
    },
    {
      id: 'q8',
      type: 'single',
      title: t(
        'Была ли предоставлена государственная услуга сразу или был отказ в предоставлении услуги?',
        'Was the public service provided at once, or was it refused?',
      ),
      options: [
        opt(
          'provided',
          'Да, услуга была предоставлена сразу',
          'Yes, the service was provided at once',
        ),
        opt(
          'refused',
          'Нет, услуга не была предоставлена, был отказ',
          'No, the service was refused',
        ),
      ],
    },
    {
      id: 'q9',
      type: 'single',
      showIf: { op: 'equals', question: 'q8', value: 'refused' },
      title: t(
        'При отказе в предоставлении услуги Вам была предоставлена информация о необходимых действиях для ее предоставления в будущем?',
        'When the service was refused, were you told what to do to receive it in future?',
      ),
      options: [opt('yes', 'Да', 'Yes'), opt('no', 'Нет', 'No'), dontKnow()],
    },
    {
      id: 'q10',
      type: 'single',
      role: 'satisfaction',
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены полнотой (достаточностью) информирования о порядке предоставления услуги?',
        'Are you rather satisfied or rather not satisfied with how fully you were informed about how the service is provided?',
      ),
      options: ratherSatisfied(),
    },
    {
      id: 'q11',
      type: 'scale',
      min: 1,
      max: 5,
      order: 'desc',
      role: 'effort',
      minLabel: t('очень тяжело', 'very hard'),
      maxLabel: t('очень легко', 'very easy'),
      showIf: { op: 'answered', question: 'q2' },
      title: t(
        'Насколько легко или тяжело для Вас было получить государственную услугу?',
        'How easy or hard was it for you to obtain the public service?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где оценка 1 означает, что услугу получить было очень тяжело, оценка 5 означает, что услугу получить было очень легко.',
        'Rate on a 5-point scale, where 1 means it was very hard to obtain the service and 5 means it was very easy.',
      ),
    },
    {
      id: 'q12',
      type: 'matrix',
      title: t(
        'Насколько Вы удовлетворены следующими параметрами предоставления государственной услуги?',
        'How satisfied are you with the following aspects of the public service?',
      ),
      description: t(
        'Дайте оценку по 5-ти балльной шкале, где оценка 1 означает, что Вы полностью не удовлетворены, оценка 5 означает, что Вы полностью удовлетворены.',
        'Rate each on a 5-point scale, where 1 means completely dissatisfied and 5 means completely satisfied.',
      ),
      rows: [
        ...serviceParameterRows,
        {
          id: 'speed',
          text: t('Оперативность предоставления результата', 'Speed of delivering the result'),
        },
        {
          id: 'electronic',
          text: t(
            'Возможность получить результат в электронном виде',
            'Option to receive the result electronically',
          ),
        },
      ],
      scale: satisfaction5,
    },
    {
      id: 'q13',
      type: 'single',
      role: 'satisfaction',
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены взаимодействием с техподдержкой при получении государственной услуги?',
        'Are you rather satisfied or rather not satisfied with technical support while obtaining the public service?',
      ),
      options: [
        ...ratherSatisfied(),
        opt(
          'no_contact',
          'С техподдержкой не взаимодействовал',
          'I did not contact technical support',
          {
            kind: 'notApplicable',
          },
        ),
      ],
    },
    {
      id: 'q14',
      type: 'single',
      role: 'satisfaction',
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены взаимодействием с представителями уполномоченного органа государственной власти (вежливость и компетентность лиц, взаимодействующих с заявителем при предоставлении услуги)?',
        'Are you rather satisfied or rather not satisfied with the officials of the competent authority (courtesy and competence of those dealing with the applicant)?',
      ),
      options: [
        ...ratherSatisfied(),
        opt(
          'no_contact',
          'С представителями органа власти не взаимодействовал',
          'I did not deal with officials of the authority',
          { kind: 'notApplicable' },
        ),
      ],
    },
    {
      id: 'q15',
      type: 'single',
      role: 'satisfaction',
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены установленными сроками оказания услуги (в соответствии с регламентом)?',
        'Are you rather satisfied or rather not satisfied with the time limits set for the service (by its regulation)?',
      ),
      options: ratherSatisfied(),
    },
    {
      id: 'q16',
      type: 'single',
      title: t(
        'Приходилось ли Вам в процессе предоставления государственной услуги оплачивать государственную пошлину (иные платежи)?',
        'Did you have to pay a state fee (or other charges) for the public service?',
      ),
      options: [
        opt(
          'yes',
          'Да, оплачивал государственную пошлину (иные платежи)',
          'Yes, I paid a state fee (other charges)',
        ),
        opt('no', 'Нет, не оплачивал', 'No, I did not pay'),
      ],
    },
    {
      id: 'q18',
      type: 'single',
      title: t(
        'Приходилось ли Вам в процессе предоставления государственной услуги обращаться к процедуре досудебного обжалования решений и действий (бездействий) органа, предоставляющего меру поддержки, а также его должностных лиц?',
        'Did you have to use the pre-trial appeal procedure against decisions, actions or inaction of the authority providing the support measure or its officials?',
      ),
      options: [
        opt('yes', 'Да, использовал досудебное обжалование', 'Yes, I used a pre-trial appeal'),
        opt(
          'no',
          'Нет, не использовал досудебное обжалование',
          'No, I did not use a pre-trial appeal',
        ),
      ],
    },
    {
      id: 'q19',
      type: 'single',
      role: 'satisfaction',
      showIf: { op: 'equals', question: 'q18', value: 'yes' },
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены результатом досудебного обжалования решений и действий (бездействий) органа, предоставляющего меру поддержки, а также его должностных лиц?',
        'Are you rather satisfied or rather not satisfied with the outcome of the pre-trial appeal?',
      ),
      options: ratherSatisfied(),
    },
    {
      id: 'q20',
      type: 'single',
      title: t(
        'Изменилось ли Ваше отношение к органу власти после предоставления государственной услуги?',
        'Has your attitude to the authority changed after the public service?',
      ),
      options: [
        opt('better', 'Да, в лучшую сторону', 'Yes, for the better'),
        opt('worse', 'Да, в худшую сторону', 'Yes, for the worse'),
        opt('unchanged', 'Нет, не изменилось', 'No, it has not changed'),
        dontKnow(),
      ],
    },
    {
      id: 'q21',
      type: 'scale',
      min: 1,
      max: 10,
      order: 'desc',
      role: 'recommend',
      minLabel: t('очень маловероятно', 'very unlikely'),
      maxLabel: t('с большой вероятностью', 'very likely'),
      title: t(
        'С какой вероятностью Вы порекомендуете своим родным, друзьям, знакомым обратиться за предоставлением данной государственной услуги в данный орган власти?',
        'How likely are you to recommend this authority for this public service to your family, friends and acquaintances?',
      ),
      description: t(
        'Дайте оценку по 10-балльной шкале, где оценка 1 означает очень маловероятно, оценка 10 означает с большой вероятностью.',
        'Rate on a 10-point scale, where 1 means very unlikely and 10 means very likely.',
      ),
    },
    {
      id: 'q22',
      type: 'text',
      multiline: true,
      title: t(
        'Что необходимо изменить в предоставлении государственной услуги?',
        'What should be changed in how the public service is provided?',
      ),
      description: t('Выскажите свои предложения.', 'Share your suggestions.'),
    },
    ...demographics('q28', 'q29', 'q30'),
    {
      id: 'q32',
      type: 'list',
      catalog: 'municipalities',
      title: t('В каком муниципалитете Вы проживаете?', 'Which municipality do you live in?'),
    },
  ],
  catalogs: {
    // Illustrations only: the body supplies its own list of services at run time.
    services: [
      example(
        'accreditation',
        'Государственная аккредитация образовательной деятельности',
        'State accreditation of educational activity',
      ),
      example(
        'licensing',
        'Лицензирование образовательной деятельности',
        'Licensing of educational activity',
      ),
      example(
        'diploma',
        'Подтверждение документов об образовании и (или) о квалификации',
        'Confirmation of education and qualification documents',
      ),
      example(
        'attestation',
        'Аттестация педагогических работников',
        'Certification of teaching staff',
      ),
    ],
    // A few of the region's municipalities, enough for a demonstration; a deployment supplies all.
    municipalities: [
      { id: 'belgorod', text: t('Город Белгород', 'City of Belgorod') },
      { id: 'belgorodsky', text: t('Белгородский район', 'Belgorodsky district') },
      {
        id: 'stary-oskol',
        text: t('Старооскольский городской округ', 'Stary Oskol urban district'),
      },
      { id: 'gubkin', text: t('Губкинский городской округ', 'Gubkin urban district') },
      {
        id: 'shebekino',
        text: t('Шебекинский муниципальный округ', 'Shebekino municipal district'),
      },
      { id: 'valuyki', text: t('Валуйский муниципальный округ', 'Valuyki municipal district') },
      {
        id: 'alekseevka',
        text: t('Алексеевский муниципальный округ', 'Alekseevka municipal district'),
      },
      {
        id: 'yakovlevo',
        text: t('Яковлевский муниципальный округ', 'Yakovlevo municipal district'),
      },
    ],
  },
  completion: thanks,
});
