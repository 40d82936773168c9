import type { Context } from 'hono';

export type Lang = 'ru' | 'en';

/**
 * The dashboard's language: `?lang=en|ru` first, then the browser's first preference in
 * Accept-Language; Russian by default.
 *
 * @example
 * pickLang(c); // 'ru' unless asked otherwise
 */
export function pickLang(c: Context): Lang {
  const q = c.req.query('lang');
  if (q === 'en' || q === 'ru') return q;
  const first = (c.req.header('accept-language') ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ru';
}

/** Text in the page's language: every string shown exists in both. */
export type T = (ru: string, en: string) => string;
export const translator =
  (lang: Lang): T =>
  (ru, en) =>
    lang === 'en' ? en : ru;

/** Number formats of one language: Russian uses a decimal comma and thin-space thousands. */
export interface Numbers {
  /** A count: «12 345». */
  int(n: number): string;
  /** A figure with up to one decimal, or «—» for none: «71,4». */
  dec(n: number | null | undefined): string;
  /** A share in per cent: «71,4 %». */
  pct(n: number | null | undefined): string;
  /** A change with its sign: «+3,5» / «−2», «—» when unknown. */
  delta(n: number | null | undefined): string;
}

/**
 * @example
 * numbers('ru').dec(1234.5); // '1 234,5' (with a narrow no-break space)
 */
export function numbers(lang: Lang): Numbers {
  const locale = lang === 'en' ? 'en-GB' : 'ru-RU';
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const none = '—';
  return {
    int: (n) => int.format(n),
    dec: (n) => (typeof n === 'number' ? dec.format(n) : none),
    pct: (n) => (typeof n === 'number' ? `${dec.format(n)}\u00a0%` : none),
    delta: (n) => (typeof n === 'number' ? signed.format(n) : none),
  };
}

/** Channel names as the respondent-facing pages show them. */
export const CHANNEL_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  site: ['Сайт', 'Website'],
  kiosk: ['Киоск', 'Kiosk'],
  email: ['Электронная почта', 'E-mail'],
  sms: ['SMS', 'SMS'],
  qr: ['QR-код', 'QR code'],
  paper: ['Бумажная анкета', 'Paper form'],
  intranet: ['Интранет', 'Intranet'],
  other: ['Другое', 'Other'],
};

export const channelName = (ch: string, lang: Lang): string =>
  CHANNEL_NAMES[ch]?.[lang === 'en' ? 1 : 0] ?? ch;

/** Respondent kinds (core's RESPONDENTS) as the dashboard names them. */
export const RESPONDENT_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  external: ['Внешние (граждане, организации)', 'External (citizens, organisations)'],
  internal: ['Внутренние (сотрудники)', 'Internal (staff)'],
};

export const respondentName = (kind: string, lang: Lang): string =>
  RESPONDENT_NAMES[kind]?.[lang === 'en' ? 1 : 0] ?? kind;
