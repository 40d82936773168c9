import { localize } from '@otklik/core';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { loadVersions } from '../../reports/versions.js';
import { pickLang, translator } from '../i18n.js';
import { send, session } from '../kit.js';
import { messagePage } from '../section.js';
import { surveyPeriodReport, type SurveyPeriodReport } from './data.js';
import { parseReportPeriod, quarterOf, type ReportPeriod } from './period.js';
import { reportPage } from './view.js';

export interface ReportPageRoutesOptions {
  /** Clock: the default period (this quarter) and the «generated on» date (tests). */
  now?: () => Date;
}

/**
 * `GET /admin/report?survey=&period=` (or `from`, `to`) — the printable period report of one
 * survey, or of every survey when `survey` is empty; without a period, this quarter's. Bad input
 * answers a 400 page naming the field. `GET /admin/surveys/:id/report` opens it for one survey.
 *
 * @example
 * app.route('/', reportPages(deps));
 */
export function reportPages(deps: AppDeps, opts: ReportPageRoutesOptions = {}): Hono {
  const app = new Hono();
  const now = opts.now ?? (() => new Date());

  app.get('/admin/surveys/:id/report', (c) => {
    const q = new URLSearchParams({ survey: c.req.param('id') });
    if (pickLang(c) === 'en') q.set('lang', 'en');
    return c.redirect(`/admin/report?${q}`, 302);
  });

  app.get('/admin/report', async (c) => {
    const lang = pickLang(c);
    const t = translator(lang);
    const q = c.req.query();
    const survey = q['survey'] ?? '';
    const form = { period: q['period'] ?? '', from: q['from'] ?? '', to: q['to'] ?? '' };
    if (!form.period && !form.from && !form.to) form.period = quarterOf(now());
    const parsed = parseReportPeriod(form);
    if (!parsed.ok)
      return messagePage(
        c,
        400,
        t('Неверный период', 'Invalid period'),
        parsed.error.message[lang],
        `/admin/report${lang === 'en' ? '?lang=en' : ''}`,
      );
    const period: ReportPeriod = parsed.value;
    const list = await deps.surveys.list();
    const ids = survey ? [survey] : list.map((s) => s.id);
    if (survey && !list.some((s) => s.id === survey))
      return messagePage(
        c,
        404,
        t('Опрос не найден', 'Survey not found'),
        `${t('Нет опроса', 'No survey')} «${survey}».`,
      );
    const reports: SurveyPeriodReport[] = [];
    for (const id of ids)
      reports.push(
        await surveyPeriodReport(deps, await loadVersions(deps.surveys, id), period, lang),
      );
    return send(
      c,
      reportPage({
        lang,
        session: session(c),
        survey,
        surveys: list.map((s) => ({ id: s.id, title: localize(s.title, lang) })),
        form,
        period,
        reports,
        generatedAt: now(),
      }),
    );
  });

  return app;
}
