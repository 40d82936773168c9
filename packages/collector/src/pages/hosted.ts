import {
  CHANNELS,
  CONTEXT_MAX,
  localize,
  type Channel,
  type Lang,
  type Survey,
} from '@otklik/core';
import { markup, type Html } from './html.js';
import { siteChrome } from './chrome.js';
import { appealLink } from '../painmap/public-page.js';

/** Context of a hosted survey link: `?object=…&channel=email&touchpoint=…&lang=en`. */
export interface HostedContext {
  lang: Lang;
  channel: Channel;
  object?: string;
  touchpoint?: string;
}

/**
 * Reads the link's query. Unknown channels and over-long values are errors (a wrong link should be
 * noticed by whoever prints it, not silently filed under another channel); `lang` other than `en`
 * is Russian. Without `channel` the response is filed under `other`.
 *
 * @example
 * hostedContext({ channel: 'email', object: 'licence' }); // { ok: true, value: { lang: 'ru', channel: 'email', object: 'licence' } }
 */
export function hostedContext(
  q: Record<string, string | undefined>,
):
  | { ok: true; value: HostedContext }
  | { ok: false; field: string; message: { ru: string; en: string } } {
  const value: HostedContext = { lang: q['lang'] === 'en' ? 'en' : 'ru', channel: 'other' };
  const channel = q['channel'];
  if (channel !== undefined && channel !== '') {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      return {
        ok: false,
        field: 'channel',
        message: {
          ru: `Неизвестный канал. Допустимы: ${CHANNELS.join(', ')}.`,
          en: `Unknown channel. Allowed: ${CHANNELS.join(', ')}.`,
        },
      };
    }
    value.channel = channel as Channel;
  }
  for (const field of ['object', 'touchpoint'] as const) {
    const v = q[field];
    if (v === undefined || v === '') continue;
    if (v.length > CONTEXT_MAX) {
      return {
        ok: false,
        field,
        message: {
          ru: `Параметр «${field}» длиннее ${CONTEXT_MAX} символов.`,
          en: `"${field}" is longer than ${CONTEXT_MAX} characters.`,
        },
      };
    }
    value[field] = v;
  }
  return { ok: true, value };
}

/**
 * The hosted survey page for e-mail links and QR codes: the survey alone, its context passed as
 * attributes (escaped) and also readable by the widget from the URL (`context-from-url`). The
 * survey's official-appeal link (59-ФЗ), when set, goes to the widget as `official-reply-url` (for its
 * completion screen) and is shown below the survey.
 *
 * @example
 * hostedPage(survey, { lang: 'ru', channel: 'email', object: 'licence' }, { appealUrl: 'https://pos.gosuslugi.ru/…' }).value;
 */
export function hostedPage(
  survey: Survey,
  ctx: HostedContext,
  opts: { appealUrl?: string | null } = {},
): Html {
  const en = ctx.lang === 'en';
  // The widget shows the survey's title and description itself; the page heading is for screen
  // readers' heading navigation only, so sighted respondents do not read the title twice.
  const content = markup`<h1 class="visually-hidden">${localize(survey.title, ctx.lang)}</h1>
<feedback-survey collector="" survey="${survey.id}" channel="${ctx.channel}"${ctx.object !== undefined ? markup` object="${ctx.object}"` : ''}${ctx.touchpoint !== undefined ? markup` touchpoint="${ctx.touchpoint}"` : ''} lang="${ctx.lang}"${opts.appealUrl ? markup` official-reply-url="${opts.appealUrl}"` : ''} context-from-url>
<p>${en ? 'Please enable JavaScript to answer the survey.' : 'Чтобы ответить на вопросы, включите JavaScript.'}</p>
</feedback-survey>
${appealLink(opts.appealUrl ?? null, ctx.lang)}`;
  return siteChrome(content, { lang: ctx.lang });
}
