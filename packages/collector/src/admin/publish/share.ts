import QRCode from 'qrcode';
import { escapeHtml } from '../../pages/html.js';

/** What a survey is handed out with: the embed code and the hosted page's links per channel. */
export interface ShareLinks {
  embed: string;
  email: string;
  sms: string;
  qr: string;
}

export interface ShareContext {
  /** The collector's public origin, e.g. `https://opros.example.gov.ru`. */
  origin: string;
  survey: string;
  /** Channel of the embedded widget (site, kiosk, intranet, other). */
  channel: string;
  object?: string;
  touchpoint?: string;
  lang: 'ru' | 'en';
}

/** The hosted page's link for one channel, with the context the hosted page reads from its query. */
function hosted(c: ShareContext, channel: string): string {
  const q = new URLSearchParams({ channel });
  if (c.object) q.set('object', c.object);
  if (c.touchpoint) q.set('touchpoint', c.touchpoint);
  if (c.lang === 'en') q.set('lang', 'en');
  return `${c.origin}/s/${encodeURIComponent(c.survey)}?${q.toString()}`;
}

/** Attribute-safe value for the snippet (it is shown as text and copied into a site's HTML). */
const attr = (v: string): string => escapeHtml(v);

/**
 * The embed snippet and the links of each channel.
 *
 * @example
 * shareLinks({ origin: 'https://opros.example.gov.ru', survey: 'kiosk-pulse', channel: 'site', lang: 'ru' }).email
 * // 'https://opros.example.gov.ru/s/kiosk-pulse?channel=email'
 */
export function shareLinks(c: ShareContext): ShareLinks {
  const extra = [
    c.object ? `\n  object="${attr(c.object)}"` : '',
    c.touchpoint ? `\n  touchpoint="${attr(c.touchpoint)}"` : '',
    c.lang === 'en' ? `\n  lang="en"` : '',
  ].join('');
  const embed = `<script type="module" src="${attr(c.origin)}/widget/feedback-survey.js"></script>
<feedback-survey
  collector="${attr(c.origin)}"
  survey="${attr(c.survey)}"
  channel="${attr(c.channel)}"${extra}
></feedback-survey>`;
  return { embed, email: hosted(c, 'email'), sms: hosted(c, 'sms'), qr: hosted(c, 'qr') };
}

/**
 * The QR code of `text` as an SVG (error correction M: a printed poster survives some wear), with
 * a text alternative for screen readers.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg.replace(
    '<svg ',
    `<svg role="img" aria-label="${escapeHtml(label)}" focusable="false" `,
  );
}
