import type { Lang, LocalizedText } from '../types.js';

/** The text in `lang`, falling back to Russian (always present). */
export function localize(t: LocalizedText | undefined, lang: Lang): string {
  if (!t) return '';
  return (lang === 'en' ? t.en : undefined) ?? t.ru;
}
