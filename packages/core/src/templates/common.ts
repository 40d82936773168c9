import type {
  CatalogEntry,
  ChoiceOption,
  LocalizedText,
  MatrixRow,
  Question,
  ScaleSpec,
  Survey,
} from '../types.js';

/**
 * Building blocks shared by the templates: texts repeated word for word across the seed forms
 * (the "rather satisfied" answers, the demographic block) are written once here so that a typo
 * cannot make two templates disagree.
 */

/** A text in Russian and English. */
export const t = (ru: string, en: string): LocalizedText => ({ ru, en });

/** An option: `t(…)` plus the flags (kind, specify, goTo…). */
export const opt = (
  id: string,
  ru: string,
  en: string,
  extra: Omit<ChoiceOption, 'id' | 'text'> = {},
): ChoiceOption => ({
  id,
  text: t(ru, en),
  ...extra,
});

/** «Затрудняюсь ответить»: counted in the distribution, excluded from levels and means. */
export const dontKnow = (): ChoiceOption =>
  opt('dont_know', 'Затрудняюсь ответить', 'Hard to say', { kind: 'dontKnow' });

/**
 * The three answers of a "rather satisfied or rather not" question. Some forms print the
 * gender-neutral «удовлетворен(-а)», so the Russian wording is a parameter.
 */
export function ratherSatisfied(
  satisfied = 'Скорее удовлетворен',
  notSatisfied = 'Скорее не удовлетворен',
): ChoiceOption[] {
  return [
    opt('satisfied', satisfied, 'Rather satisfied', { positive: true }),
    opt('not_satisfied', notSatisfied, 'Rather not satisfied'),
    dontKnow(),
  ];
}

/** Ends of a 1–5 satisfaction scale as the seeds word them. */
export const satisfactionLabels = {
  minLabel: t('полностью не удовлетворены', 'completely dissatisfied'),
  maxLabel: t('полностью удовлетворены', 'completely satisfied'),
};

/** The seeds' 5-point satisfaction scale, printed 5…1: for scale questions and matrix rows alike. */
export const satisfaction5 = {
  min: 1,
  max: 5,
  order: 'desc',
  role: 'satisfaction',
  ...satisfactionLabels,
} as const satisfies ScaleSpec;

/** The first three parameter rows of 001 Q12 and 003 Q9, printed word for word alike in both. */
export const serviceParameterRows: MatrixRow[] = [
  {
    id: 'application',
    text: t('Понятность и удобство подачи заявления', 'Clarity and ease of applying'),
  },
  {
    id: 'status',
    text: t('Информирование о статусе услуги', 'Updates on the status of the service'),
  },
  {
    id: 'documents',
    text: t(
      'Оптимальность количества необходимых к предоставлению документов',
      'A reasonable number of documents required',
    ),
  },
];

/** The demographic block of 001 (Q28–Q30) and 003 (Q13–Q15): identical wording, own numbers. */
export function demographics(sexId: string, ageId: string, educationId: string): Question[] {
  return [
    {
      id: sexId,
      type: 'single',
      title: t('Ваш пол', 'Your sex'),
      options: [opt('male', 'Мужской', 'Male'), opt('female', 'Женский', 'Female')],
    },
    {
      id: ageId,
      type: 'single',
      title: t('Укажите, пожалуйста, Ваш возраст', 'Please state your age'),
      options: [
        opt('age_18_29', '18-29 лет', '18–29'),
        opt('age_30_44', '30-44 лет', '30–44'),
        opt('age_45_60', '45-60 лет', '45–60'),
        opt('age_61_plus', '61 год и старше', '61 and over'),
      ],
    },
    {
      id: educationId,
      type: 'single',
      title: t('Укажите, пожалуйста, Ваше образование', 'Please state your education'),
      options: [
        opt('higher', 'Высшее', 'Higher'),
        opt('incomplete_higher', 'Незаконченное высшее', 'Incomplete higher'),
        opt('vocational', 'Среднее специальное', 'Secondary vocational'),
        opt('secondary', 'Среднее общее образование', 'Secondary general'),
        opt(
          'below_secondary',
          'Неполное среднее образование и ниже',
          'Incomplete secondary or lower',
        ),
      ],
    },
  ];
}

/**
 * A catalogue entry that is only an illustration: the id starts with `example-` and the text says
 * «(пример)», so a body that deploys a template without supplying its own catalogue sees at once
 * that the list must be replaced.
 */
export const example = (id: string, ru: string, en: string): CatalogEntry => ({
  id: `example-${id}`,
  text: t(`${ru} (пример)`, `${en} (example)`),
});

/** Shared closing screen. */
export const thanks: NonNullable<Survey['completion']> = {
  title: t('Спасибо за участие в опросе!', 'Thank you for taking part in the survey!'),
  text: t(
    'Ваши ответы анонимны и будут использованы для улучшения качества услуг.',
    'Your answers are anonymous and will be used to improve the services.',
  ),
};

/**
 * Freezes a template and everything in it. Templates are shared module-level objects and a survey
 * version is immutable: a consumer that wants a variant must copy it (`structuredClone`) and bump
 * the version, never edit the shared one in place.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
