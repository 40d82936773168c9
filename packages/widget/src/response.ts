import {
  CHANNELS,
  CONTEXT_MAX,
  pruneAnswers,
  visiblePath,
  type Answers,
  type CatalogEntry,
  type Channel,
  type Lang,
  type ResponseContext,
  type SpecifyTexts,
  type Survey,
  type SurveyResponse,
} from '@otklik/core/engine';

/**
 * A version 4 UUID from `getRandomValues`, which works everywhere: `crypto.randomUUID` exists only
 * in secure contexts, and a kiosk on a local network or some body's site may be plain http.
 */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Attribute values a response's context is built from. */
export interface ContextAttrs {
  object?: string | undefined;
  channel?: string | undefined;
  touchpoint?: string | undefined;
  respondent?: string | undefined;
  kiosk: boolean;
  /** `context-from-url`: the page URL's query may set object, channel and touchpoint. */
  fromUrl: boolean;
}

const clean = (v: string | null | undefined) => (v ? v.trim().slice(0, CONTEXT_MAX) : undefined);

/**
 * The response context. The URL query wins over attributes when `context-from-url` is set (a link
 * e-mailed after a service names the service); an unknown channel falls back to the default.
 * @example buildContext(survey, { channel: 'site', kiosk: false, fromUrl: false })
 */
export function buildContext(survey: Survey, a: ContextAttrs, search = ''): ResponseContext {
  const q = a.fromUrl ? new URLSearchParams(search) : undefined;
  const channel = clean(q?.get('channel')) ?? a.channel;
  const ctx: ResponseContext = {
    channel: (CHANNELS as readonly string[]).includes(channel ?? '')
      ? (channel as Channel)
      : a.kiosk
        ? 'kiosk'
        : 'site',
    respondent:
      a.respondent === 'internal' || a.respondent === 'external'
        ? a.respondent
        : (survey.respondent ?? 'external'),
  };
  const object = clean(q?.get('object')) ?? clean(a.object);
  const touchpoint = clean(q?.get('touchpoint')) ?? clean(a.touchpoint);
  if (object) ctx.object = object;
  if (touchpoint) ctx.touchpoint = touchpoint;
  return ctx;
}

/** Catalogue ids for `validateResponse` / `questionIssues`, so a list answer must be a known entry. */
export function catalogIds(c: Record<string, CatalogEntry[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.map((e) => e.id)]));
}

/**
 * The response to send: answers pruned to the respondent's path, and specify texts kept only for
 * options still chosen on it (so the collector never sees an `off_path` answer).
 */
export function buildResponse(
  survey: Survey,
  answers: Answers,
  specify: SpecifyTexts,
  meta: { responseId: string; lang: Lang; context: ResponseContext },
): SurveyResponse {
  const pruned = pruneAnswers(survey, answers);
  const spec: SpecifyTexts = {};
  for (const id of visiblePath(survey, pruned)) {
    const a = pruned[id];
    const texts = specify[id];
    if (a === undefined || !texts) continue;
    const chosen = Array.isArray(a) ? a : [a];
    for (const [oid, text] of Object.entries(texts)) {
      if (chosen.includes(oid) && text.trim()) (spec[id] ??= {})[oid] = text.trim();
    }
  }
  const r: SurveyResponse = {
    responseId: meta.responseId,
    surveyId: survey.id,
    surveyVersion: survey.version,
    lang: meta.lang,
    answers: pruned,
    context: meta.context,
    answeredAt: new Date().toISOString(),
  };
  if (Object.keys(spec).length) r.specify = spec;
  return r;
}
