import type { Context } from 'hono';
import type { Html } from '../pages/html.js';
import { PAGE_HEADERS } from '../pages/layout.js';

/**
 * What every admin page handler shares: how a page is sent, where sign-in may return to, and the
 * session as the page templates see it. Sections of `/admin` (dashboard, open answers, pain map,
 * reports, editor) keep their own routers and import these.
 */

export type Status = 200 | 400 | 401 | 403 | 404 | 409 | 413;

export function send(c: Context, body: Html, status: Status = 200): Response {
  return c.body(body.value, status, {
    ...PAGE_HEADERS,
    'Cache-Control': 'no-store',
    // Figures of the dashboard are not for other sites' frames or referrers.
    'X-Frame-Options': 'DENY',
  });
}

/** Only same-site paths under /admin as the place to return to after signing in. */
export const safeNext = (v: unknown): string =>
  typeof v === 'string' && /^\/admin(\/[\w\-./%?=&:+~]*)?$/.test(v) && !v.includes('//')
    ? v
    : '/admin';

/** The signed-in session as templates see it (role for menus, csrf for forms). */
export const session = (c: Context): { role: 'analyst' | 'admin'; csrf: string } => {
  const v = c.get('session');
  return { role: v.role, csrf: v.csrf };
};
