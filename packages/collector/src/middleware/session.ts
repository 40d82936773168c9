import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** Administrators publish surveys and catalogues and hold the tokens; analysts only read. */
export type Role = 'analyst' | 'admin';

export interface Session {
  role: Role;
  /** Expiry, seconds since the epoch. */
  expires: number;
  /** The value a form of this session must send back (`_csrf`). */
  csrf: string;
}

export interface SessionOptions {
  adminTokens: readonly string[];
  analystTokens?: readonly string[] | undefined;
  /** Key of the cookie's HMAC; unset → derived from the tokens (see `sessions`). */
  secret?: string | undefined;
  /** Seconds a session lasts (default 8 hours: one working day). */
  maxAge?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

export interface Sessions {
  /** The role a token grants, or null; compared in constant time against every token. */
  roleOf(token: string): Role | null;
  /** Signs in with `token`: sets the cookie and returns the role, or null for a wrong token. */
  signIn(c: Context, token: string): Role | null;
  /** The valid session of the request, or null (no cookie, bad signature, expired, token revoked). */
  read(c: Context): Session | null;
  signOut(c: Context): void;
  /**
   * Lets the request through with `c.get('session')` set when its session has `role` (an admin
   * has every role); otherwise answers with `denied(c)`.
   */
  require(role: Role, denied: (c: Context) => Response | Promise<Response>): MiddlewareHandler;
}

declare module 'hono' {
  interface ContextVariableMap {
    session: Session;
  }
}

/** The dashboard's cookie; respondent routes never set or read it. */
export const SESSION_COOKIE = 'otklik_admin';
const DEFAULT_MAX_AGE = 8 * 3600;

const b64 = (b: Buffer): string => b.toString('base64url');
const sha = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Dashboard sessions as an HMAC-signed cookie `role.expires.tokenId.mac`: nothing is stored on the
 * server, so a session survives a restart and works across processes behind one balancer.
 * `tokenId` is an HMAC of the token that signed in, checked against the tokens configured now, so
 * removing a token from the configuration ends its sessions at the next request. The key is
 * `secret` when given, else derived from every configured token — it changes, and every session
 * ends, whenever the token list changes. The cookie is HttpOnly, SameSite=Strict, Secure when the
 * request came over TLS, and scoped to `/admin`.
 *
 * @example
 * const s = sessions({ adminTokens: ['a-long-token'], analystTokens: ['another-token'] });
 * app.use('/admin/surveys/*', s.require('analyst', (c) => c.redirect('/admin/sign-in')));
 */
export function sessions(opts: SessionOptions): Sessions {
  const admins = opts.adminTokens.filter(Boolean);
  const analysts = (opts.analystTokens ?? []).filter(Boolean);
  const key =
    opts.secret && opts.secret.length > 0
      ? sha(`otklik-session-secret\n${opts.secret}`)
      : sha(`otklik-session-tokens\n${[...admins, ...analysts].sort().join('\n')}`);
  const mac = (s: string): string => b64(createHmac('sha256', key).update(s, 'utf8').digest());
  const tokenId = (t: string): string => mac(`token\n${t}`).slice(0, 16);
  const known = [
    ...admins.map((t) => ({ digest: sha(t), id: tokenId(t), role: 'admin' as Role })),
    ...analysts.map((t) => ({ digest: sha(t), id: tokenId(t), role: 'analyst' as Role })),
  ];
  const maxAge = opts.maxAge ?? DEFAULT_MAX_AGE;
  const now = opts.now ?? Date.now;
  const equal = (a: string, b: string): boolean => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  };

  function roleOf(token: string): Role | null {
    const d = sha(token);
    let role: Role | null = null;
    // Every token is compared, without stopping early: timing tells nothing about which matched.
    for (const k of known) if (timingSafeEqual(k.digest, d)) role ??= k.role;
    return role;
  }

  function read(c: Context): Session | null {
    const value = getCookie(c, SESSION_COOKIE);
    if (!value) return null;
    const parts = value.split('.');
    if (parts.length !== 4) return null;
    const [role, exp, id, sig] = parts as [string, string, string, string];
    if (!equal(sig, mac(`${role}.${exp}.${id}`))) return null;
    const expires = Number(exp);
    if (!Number.isInteger(expires) || expires * 1000 <= now()) return null;
    if (!known.some((k) => k.id === id && k.role === role)) return null;
    return { role: role as Role, expires, csrf: mac(`csrf\n${value}`).slice(0, 32) };
  }

  return {
    roleOf,
    read,
    signIn(c, token) {
      const role = roleOf(token);
      if (!role) return null;
      const expires = Math.floor(now() / 1000) + maxAge;
      const body = `${role}.${expires}.${tokenId(token)}`;
      setCookie(c, SESSION_COOKIE, `${body}.${mac(body)}`, {
        path: '/admin',
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge,
      });
      return role;
    },
    signOut(c) {
      deleteCookie(c, SESSION_COOKIE, { path: '/admin' });
    },
    require(role, denied) {
      return async (c, next) => {
        const s = read(c);
        if (!s || (role === 'admin' && s.role !== 'admin')) return denied(c);
        c.set('session', s);
        await next();
      };
    },
  };
}
