import type { Lang, SurveyResponse } from '@otklik/core/engine';
import type { QueueReason } from '../events/delivery-events.js';

/** What one POST of a response came to. */
export type Attempt =
  | { kind: 'sent'; receipt?: string }
  | { kind: 'retry'; reason: QueueReason; /** the server's Retry-After, in ms */ afterMs?: number }
  | {
      kind: 'rejected';
      httpStatus: number;
      /** The collector's error code (`invalid_response`, `conflict`…). */
      code?: string;
      /** Its message as a plain string (older collectors; the event keeps it). */
      message?: string;
      /** What the collector said in each language: its issues' messages, else its message. */
      said?: Said;
    };

/** A collector's message in the languages it gave. */
export type Said = Partial<Record<Lang, string>>;

/*
 * How each answer is handled. Only the statuses listed as "retry" are ever sent again; the body
 * of a retry is byte-for-byte the same JSON with the same `responseId`, which the collector keys
 * on, so a retry whose first attempt did arrive is stored once (200 duplicate), never twice.
 *
 * | answer                          | kind     | why                                                   |
 * |---------------------------------|----------|-------------------------------------------------------|
 * | 200, 201 (any 2xx)              | sent     | stored now, or already stored with this same body     |
 * | fetch throws (offline, DNS,     | retry    | nothing reached the collector, or we cannot tell      |
 * |   refused, CORS, reset)         |          |                                                       |
 * | no answer within timeoutMs      | retry    | it may have arrived: idempotency makes resending safe |
 * | 408 Request Timeout             | retry    | the server gave up reading; transient                 |
 * | 425 Too Early                   | retry    | replay protection; transient by definition            |
 * | 429 Too Many Requests           | retry    | rate limited; Retry-After honoured                    |
 * | 5xx (500, 502, 503, 504 …)      | retry    | collector or proxy down / overloaded; Retry-After     |
 * | 409 Conflict                    | rejected | this UUID is stored with a different body: resending  |
 * |                                 |          |   can never succeed, keep it for a person to look at  |
 * | other 4xx (400, 401, 403, 404,  | rejected | the collector refuses this response as it is; kept    |
 * |   413, 415, 422 …)              |          |   on the device for inspection, not resent            |
 * | anything else (1xx, 3xx)        | rejected | unexpected; resending the same request will not help  |
 */
const RETRY = new Set([408, 425, 429]);

/** keepalive lets a send finish after the page closes, but browsers cap its body at 64 KB. */
const KEEPALIVE_CHARS = 20_000; // ≤ 60 KB of UTF-8 even at 3 bytes a character

/**
 * POSTs one response as JSON: no cookies (`credentials: 'omit'`), CORS, aborted after `timeoutMs`.
 * @example const a = await post('https://opros.example.gov.ru/v1/surveys/kiosk-pulse/responses', response, 15000);
 */
export async function post(
  url: string,
  response: SurveyResponse,
  timeoutMs: number,
): Promise<Attempt> {
  const body = JSON.stringify(response);
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      mode: 'cors',
      credentials: 'omit',
      keepalive: body.length < KEEPALIVE_CHARS,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      signal: ac.signal,
    });
    const s = res.status;
    const json = await readJson(res);
    if (res.ok)
      return typeof json['receipt'] === 'string'
        ? { kind: 'sent', receipt: json['receipt'] }
        : { kind: 'sent' };
    if (RETRY.has(s) || s >= 500) {
      const afterMs = retryAfter(res.headers.get('retry-after'));
      return afterMs === undefined
        ? { kind: 'retry', reason: s }
        : { kind: 'retry', reason: s, afterMs };
    }
    const out: Attempt = { kind: 'rejected', httpStatus: s };
    const { error, message } = json;
    if (typeof error === 'string') out.code = error;
    if (typeof message === 'string') out.message = message;
    const said = saidOf(json);
    if (said) out.said = said;
    return out;
  } catch {
    return { kind: 'retry', reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as a JSON object, or `{}`: a proxy's HTML error page must not turn a 503 into a crash. */
async function readJson(res: Response): Promise<Record<string, unknown>> {
  try {
    const v: unknown = await res.json();
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The collector's words per language: the messages of its `issues` (a 422 names each field),
 * else its `message` when it is `{ ru, en }`.
 */
function saidOf(json: Record<string, unknown>): Said | undefined {
  const texts = (Array.isArray(json['issues']) ? json['issues'] : [json])
    .map((i: unknown) =>
      i && typeof i === 'object' ? (i as { message?: unknown }).message : undefined,
    )
    .filter((m): m is Record<string, unknown> => !!m && typeof m === 'object');
  const said: Said = {};
  for (const lang of ['ru', 'en'] as const) {
    const list = texts.map((m) => m[lang]).filter((t): t is string => typeof t === 'string');
    if (list.length) said[lang] = list.join('; ');
  }
  return said.ru || said.en ? said : undefined;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(h: string | null): number | undefined {
  if (!h) return undefined;
  const ms = /^\d+$/.test(h.trim()) ? Number(h) * 1000 : Date.parse(h) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}
