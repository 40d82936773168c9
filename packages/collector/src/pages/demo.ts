import { markup, type Html } from './html.js';
import { DEMO_ORG, siteChrome } from './chrome.js';

/**
 * The demo «Обратная связь» page of a fictional ministry: the survey embedded with
 * `<feedback-survey>` (collector = this origin), and links to the hosted page, the kiosk example
 * and the public results.
 *
 * @example
 * demoPage({ surveyId: 'belgorod-typical' }).value;
 */
export function demoPage(o: { surveyId: string }): Html {
  const id = encodeURIComponent(o.surveyId);
  const content = markup`<nav class="crumbs" aria-label="Навигация"><a href="/">Главная</a> › Обратная связь</nav>
<h1>Обратная связь</h1>
<p class="lead">Оцените, как мы предоставили вам услугу. Опрос анонимный и занимает несколько минут;
по его итогам мы устраняем «болевые точки» и публикуем результаты.</p>
<feedback-survey collector="" survey="${o.surveyId}" channel="site">
<p>Для прохождения опроса включите JavaScript или откройте <a href="/s/${id}?channel=site">упрощённую страницу опроса</a>.</p>
</feedback-survey>
<p class="note">Нужен официальный ответ? Обращения по 59-ФЗ принимаются через
<a href="https://pos.gosuslugi.ru/">Платформу обратной связи Госуслуг</a> — там потребуется вход.</p>
<h2>Другие точки сбора</h2>
<ul class="cards">
<li><a href="/s/${id}?channel=qr&amp;touchpoint=demo-office">Страница опроса по ссылке или QR-коду</a><br><span class="note">для писем после оказания услуги и табличек в офисе</span></li>
<li><a href="/examples/kiosk/">Киоск в зале приёма</a><br><span class="note">общий планшет, сброс после каждого посетителя</span></li>
<li><a href="/results/${id}">Результаты опроса</a><br><span class="note">открытая публикация сводных данных</span></li>
</ul>`;
  return siteChrome(content, { org: DEMO_ORG });
}
