/**
 * Ready-made surveys from the seed orders: the typical Belgorod questionnaire (001 Приложение 1),
 * the Vladimir social-protection form with its jumps (003 Приложение), an internal-client survey
 * composed from 000 §27 and 004 §5, and a three-question kiosk pulse. Question ids are
 * `q<number as printed>`; their catalogues of services are examples to replace.
 */
import type { Survey } from '../types.js';
import { belgorodTypical } from './belgorod-typical.js';
import { internalStaff } from './internal-staff.js';
import { kioskPulse } from './kiosk-pulse.js';
import { vladimirSocial } from './vladimir-social.js';

export { belgorodTypical, internalStaff, kioskPulse, vladimirSocial };

/** Ids of the built-in templates, in the order a picker lists them. */
export const templateIds = [
  'belgorod-typical',
  'vladimir-social',
  'internal-staff',
  'kiosk-pulse',
] as const;

export type TemplateId = (typeof templateIds)[number];

/**
 * Every template by id. The surveys are deeply frozen: copy one (`structuredClone`) and give the
 * copy a new id or version before changing it.
 *
 * @example
 * import { templates } from '@otklik/core/templates';
 * el.survey = templates['kiosk-pulse'];
 */
export const templates: Readonly<Record<TemplateId, Survey>> = Object.freeze({
  'belgorod-typical': belgorodTypical,
  'vladimir-social': vladimirSocial,
  'internal-staff': internalStaff,
  'kiosk-pulse': kioskPulse,
});

/**
 * The template with this id, or `undefined` for an unknown id (so a host can pass user input).
 *
 * @example
 * const survey = getTemplate(el.getAttribute('template') ?? '') ?? fallback;
 */
export function getTemplate(id: string): Survey | undefined {
  return Object.hasOwn(templates, id) ? templates[id as TemplateId] : undefined;
}
