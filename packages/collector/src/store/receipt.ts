import { createHash } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O, U — nothing to misread when quoting it on the phone. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short code shown to a respondent after sending (8 characters, 40 bits of the sha-256 of the
 * response id). Not a secret and not unique by construction — just something to quote when asking
 * "did my answer arrive?"; the same id always gives the same code.
 *
 * @example
 * receiptFor('9f1c0a7e-1b2c-4d3e-8f4a-5b6c7d8e9f00') // e.g. '7K3M9QXA'
 */
export function receiptFor(responseId: string): string {
  const bytes = createHash('sha256').update(responseId.toLowerCase()).digest();
  // 40 bits fit a double exactly; division instead of shifts, which are 32-bit in JS.
  let bits = 0;
  for (let i = 0; i < 5; i++) bits = bits * 256 + (bytes[i] ?? 0);
  let out = '';
  for (let i = 7; i >= 0; i--) out += CROCKFORD[Math.floor(bits / 2 ** (i * 5)) % 32];
  return out;
}
