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
  satisfactionLabels,
  t,
  thanks,
} from './common.js';

/**
 * The external-client questionnaire of the Vladimir region Ministry of Social Protection (seed 003,
 * Приложение), with the form's own jumps: Q4 «Учреждение» or «МФЦ» → Q6 (Q5 rates the online
 * service, which they did not use); Q7 «Да, услуга предоставлена» → Q9 (Q8 asks about being
 * informed after a refusal).
 *
 * Russian texts are copied from the seed, including its «мера социальной поддержке» in Q6 and
 * «неудовлетворены» in Q5. The hints «(один ответ)», «(любое число ответов)», «(выберите из
 * списка)» and the printed «-> ПЕРЕХОД К … ВОПРОСУ» are left out of the texts: the control says
 * how to answer and the jump is logic. The heading «ОЦЕНКА» is set in sentence case.
 *
 * Choices where the seed is silent:
 * - Q12 «При отказе в предоставлении…» is asked only when Q7 = «Нет, услуга не предоставлена»:
 *   the form prints no condition, but the question presumes a refusal, exactly like 001 Q9, and
 *   asking it of someone who received the service has no sensible answer.
 * - Q9 keeps the printed order 1…5 (the only ascending scale in the seeds); Q3 and Q5 print 5…1.
 * - Required: Q1 (the object of the response, `context: 'object'`) and Q3 (the headline: its share
 *   of 4–5 is the satisfaction level; the Q9 parameters are reported per row).
 */
export const vladimirSocial: Survey = deepFreeze<Survey>({
  id: 'vladimir-social',
  version: 2,
  title: t(
    'Оценка удовлетворенности внешних клиентов качеством и доступностью предоставления государственных услуг/мер социальной поддержки',
    'External client satisfaction with the quality and accessibility of public services and social support measures',
  ),
  respondent: 'external',
  headline: 'q3',
  questions: [
    {
      id: 'q1',
      type: 'list',
      catalog: 'services',
      context: 'object',
      required: true,
      title: t(
        'Укажите наименование государственной услуги/меры социальной поддержки, которая Вам была предоставлена.',
        'Name the public service or social support measure you were provided.',
      ),
    },
    {
      id: 'q2',
      type: 'multiple',
      title: t(
        'Где Вы получили информацию о данной государственной услуге/мере социальной поддержки?',
        'Where did you learn about this public service or support measure?',
      ),
      options: [
        opt('portal', 'На портале Госуслуги', 'On the Gosuslugi portal'),
        opt(
          'ministry_site',
          'На официальном сайте Министерства',
          'On the Ministry’s official website',
        ),
        opt(
          'in_person',
          'При личном обращении в Министерство, учреждение, подведомственное Министерству',
          'In person at the Ministry or one of its institutions',
        ),
        opt(
          'mfc',
          'В многофункциональном центре предоставления государственных и муниципальных услуг (далее - МФЦ)',
          'At a multifunctional centre for public services (MFC)',
        ),
        opt(
          'media',
          'В средствах массовой информации (далее - СМИ)/социальных сетях',
          'In the media or on social networks',
        ),
        opt('people', 'От коллег/знакомых/работников', 'From colleagues, acquaintances or staff'),
      ],
    },
    {
      id: 'q3',
      type: 'scale',
      ...satisfaction5,
      required: true,
      title: t(
        'Насколько Вы были удовлетворены государственной услугой/мерой социальной поддержки, которая Вам была предоставлена?',
        'How satisfied were you with the public service or support measure you were provided?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где "1" означает, что Вы полностью не удовлетворены, оценка "5" означает, что Вы полностью удовлетворены.',
        'Rate on a 5-point scale, where "1" means completely dissatisfied and "5" means completely satisfied.',
      ),
    },
    {
      id: 'q4',
      type: 'single',
      title: t(
        'Каким образом Вы получили данную государственную услугу/меру социальной поддержки?',
        'How did you obtain this public service or support measure?',
      ),
      options: [
        opt(
          'portal',
          'При обращении посредством федеральной государственной информационной системы «Единый портал государственных и муниципальных услуг (функций)» (gosuslugi.ru) (далее - портал Госуслуги)',
          'Through the federal information system “Unified portal of state and municipal services (functions)” (gosuslugi.ru)',
        ),
        opt(
          'institution',
          'При непосредственном обращении в учреждение социальной защиты населения (далее – Учреждение)',
          'Directly at a social protection institution',
          { goTo: 'q6' },
        ),
        opt(
          'mfc',
          'При личном обращении в многофункциональный центр предоставления государственных и муниципальных услуг',
          'In person at a multifunctional centre for public services (MFC)',
          { goTo: 'q6' },
        ),
      ],
    },
    {
      id: 'q5',
      type: 'scale',
      ...satisfaction5,
      title: t(
        'Насколько Вы удовлетворены работой использованного сервиса?',
        'How satisfied are you with the online service you used?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где "1" означает, что Вы полностью неудовлетворены, оценка "5" означает, что Вы полностью удовлетворены.',
        'Rate on a 5-point scale, where "1" means completely dissatisfied and "5" means completely satisfied.',
      ),
    },
    {
      id: 'q6',
      type: 'single',
      title: t(
        'Как была предоставлена государственная услуга/мера социальной поддержке?',
        'How was the public service or support measure provided?',
      ),
      options: [
        opt('offered', 'Услуга предложена Учреждением', 'The institution offered the service'),
        opt(
          'applied',
          'Я сам(-а) обратился(-ась) в Учреждение',
          'I applied to the institution myself',
        ),
      ],
    },
    {
      id: 'q7',
      type: 'single',
      title: t(
        'Была ли предоставлена государственная услуга/мера социальной поддержки?',
        'Was the public service or support measure provided?',
      ),
      options: [
        opt('provided', 'Да, услуга предоставлена', 'Yes, the service was provided', {
          goTo: 'q9',
        }),
        opt('not_provided', 'Нет, услуга не предоставлена', 'No, the service was not provided'),
      ],
    },
    {
      id: 'q8',
      type: 'single',
      role: 'satisfaction',
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены полнотой (достаточностью) информирования о порядке предоставления государственной услуги/меры социальной поддержки?',
        'Are you rather satisfied or rather not satisfied with how fully you were informed about how the service or support measure is provided?',
      ),
      options: ratherSatisfied(),
    },
    {
      id: 'q9',
      type: 'matrix',
      title: t(
        'Насколько Вы удовлетворены следующими параметрами получения государственной услуги/меры социальной поддержки?',
        'How satisfied are you with the following aspects of obtaining the service or support measure?',
      ),
      description: t(
        'Дайте оценку по 5-балльной шкале, где "1" означает, что Вы полностью не удовлетворены, оценка "5" означает, что Вы полностью удовлетворены.',
        'Rate each on a 5-point scale, where "1" means completely dissatisfied and "5" means completely satisfied.',
      ),
      rows: [
        ...serviceParameterRows,
        {
          id: 'speed',
          text: t(
            'Оперативность получения государственной услуги',
            'Speed of obtaining the service',
          ),
        },
        {
          id: 'electronic',
          text: t(
            'Возможность получения государственной услуги в электронном виде',
            'Option to obtain the service electronically',
          ),
        },
      ],
      scale: { min: 1, max: 5, order: 'asc', role: 'satisfaction', ...satisfactionLabels },
    },
    {
      id: 'q10',
      type: 'single',
      role: 'satisfaction',
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены взаимодействием с представителями Учреждения (вежливость и компетентность лиц, взаимодействующих с заявителем при предоставлении государственной услуги/меры социальной поддержки)?',
        'Are you rather satisfied or rather not satisfied with the institution’s staff (courtesy and competence of those dealing with the applicant)?',
      ),
      options: [
        ...ratherSatisfied('Скорее удовлетворен(-а)', 'Скорее не удовлетворен(-а)'),
        opt(
          'no_contact',
          'С представителем Учреждения не взаимодействовал(-а)',
          'I did not deal with the institution’s staff',
          { kind: 'notApplicable' },
        ),
      ],
    },
    {
      id: 'q11',
      type: 'single',
      role: 'satisfaction',
      title: t(
        'Вы скорее удовлетворены или скорее не удовлетворены установленными сроками оказания государственной услуги/меры социальной поддержки?',
        'Are you rather satisfied or rather not satisfied with the time limits set for the service or support measure?',
      ),
      options: ratherSatisfied(),
    },
    {
      id: 'q12',
      type: 'single',
      showIf: { op: 'equals', question: 'q7', value: 'not_provided' },
      title: t(
        'При отказе в предоставлении государственной услуги/меры социальной поддержки Вам была предоставлена информация о необходимых действиях для ее получения в будущем?',
        'When the service or support measure was refused, were you told what to do to obtain it in future?',
      ),
      options: [opt('yes', 'Да', 'Yes'), opt('no', 'Нет', 'No'), dontKnow()],
    },
    ...demographics('q13', 'q14', 'q15'),
  ],
  catalogs: {
    // Illustrations only: the Ministry supplies its own list of services and measures at run time.
    services: [
      example(
        'veteran-payment',
        'Ежемесячная денежная выплата ветеранам труда',
        'Monthly payment to labour veterans',
      ),
      example(
        'housing-compensation',
        'Компенсация расходов на оплату жилого помещения и коммунальных услуг',
        'Compensation of housing and utility costs',
      ),
      example(
        'birth-allowance',
        'Единовременное пособие при рождении ребенка',
        'One-off childbirth allowance',
      ),
      example(
        'social-contract',
        'Государственная социальная помощь на основании социального контракта',
        'State social assistance under a social contract',
      ),
    ],
  },
  completion: thanks,
});
