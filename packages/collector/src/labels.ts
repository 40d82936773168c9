import {
  localize,
  type Channel,
  type Lang,
  type LocalizedText,
  type RespondentKind,
  type Survey,
} from '@otklik/core';

/** Names of the channels, as analysts and the public read them. */
export const CHANNEL_NAMES: Readonly<Record<Channel, LocalizedText>> = {
  site: { ru: 'Сайт', en: 'Website' },
  kiosk: { ru: 'Киоск', en: 'Kiosk' },
  email: { ru: 'Электронная почта', en: 'E-mail' },
  sms: { ru: 'SMS', en: 'SMS' },
  qr: { ru: 'QR-код', en: 'QR code' },
  paper: { ru: 'Бумажная анкета', en: 'Paper form' },
  intranet: { ru: 'Интранет', en: 'Intranet' },
  other: { ru: 'Другое', en: 'Other' },
};

export const RESPONDENT_NAMES: Readonly<Record<RespondentKind, LocalizedText>> = {
  external: { ru: 'Внешний клиент', en: 'External client' },
  internal: { ru: 'Сотрудник', en: 'Employee' },
};

/** A channel's name; an unknown value (from an older collector) as it is. */
export function channelName(channel: string, lang: Lang): string {
  const n = (CHANNEL_NAMES as Record<string, LocalizedText | undefined>)[channel];
  return n ? localize(n, lang) : channel;
}

export function respondentName(kind: string, lang: Lang): string {
  const n = (RESPONDENT_NAMES as Record<string, LocalizedText | undefined>)[kind];
  return n ? localize(n, lang) : kind;
}

/** Texts of catalogue entries by catalogue name and entry id. */
export type CatalogLabels = ReadonlyMap<string, ReadonlyMap<string, LocalizedText>>;

/**
 * The labels of every catalogue entry a report or export may meet: the collector's catalogues
 * (retired entries included) first, then the lists the survey versions ship.
 *
 * @example
 * const labels = catalogLabels(await deps.catalogs.labels(), versions);
 * labels.get('services')?.get('licence'); // { ru: 'Выдача лицензии' }
 */
export function catalogLabels(
  published: CatalogLabels,
  versions: readonly Survey[],
): CatalogLabels {
  const out = new Map<string, Map<string, LocalizedText>>();
  for (const s of versions)
    for (const [name, entries] of Object.entries(s.catalogs ?? {})) {
      let m = out.get(name);
      if (!m) out.set(name, (m = new Map()));
      for (const e of entries) m.set(e.id, e.text);
    }
  for (const [name, entries] of published) {
    let m = out.get(name);
    if (!m) out.set(name, (m = new Map()));
    for (const [id, text] of entries) m.set(id, text);
  }
  return out;
}

/** The text of an entry in any catalogue (a response's `object` names no catalogue), or undefined. */
export function anyCatalogLabel(labels: CatalogLabels, id: string): LocalizedText | undefined {
  for (const entries of labels.values()) {
    const t = entries.get(id);
    if (t) return t;
  }
  return undefined;
}
