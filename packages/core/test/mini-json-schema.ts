/**
 * A minimal JSON Schema (2020-12) checker for tests: just the keywords our generated schemas use
 * (type, const, enum, properties, required, additionalProperties, propertyNames, items, min/max
 * Items/Length, minimum/maximum, pattern, anyOf, oneOf, $ref to $defs). It returns the paths that
 * fail, so a test can show why. Not a general validator; it throws on a keyword it does not know,
 * so a schema change cannot silently pass unchecked.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema',
  '$ref',
  '$defs',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'anyOf',
  'oneOf',
  'format',
  'id',
]);

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'null':
      return v === null;
    default:
      return typeof v === t;
  }
}

export function jsonSchemaErrors(root: Schema, value: unknown): string[] {
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  const errors: string[] = [];
  const check = (s: Schema, v: unknown, at: string): void => {
    for (const k of Object.keys(s))
      if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k} at ${at}`);
    if (typeof s.$ref === 'string') check(defs[s.$ref.replace('#/$defs/', '')]!, v, at);
    const fail = (why: string): void => {
      errors.push(`${at || '/'}: ${why}`);
    };
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeOk(t, v))) {
        fail(`not ${types.join('|')}`);
        return;
      }
    }
    if ('const' in s && v !== s.const) fail(`not ${JSON.stringify(s.const)}`);
    if (s.enum && !(s.enum as unknown[]).includes(v)) fail('not in enum');
    if (typeof v === 'string') {
      if (typeof s.minLength === 'number' && v.length < s.minLength) fail('too short');
      if (typeof s.maxLength === 'number' && v.length > s.maxLength) fail('too long');
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) fail('pattern');
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) fail('below minimum');
      if (typeof s.maximum === 'number' && v > s.maximum) fail('above maximum');
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) fail('too few items');
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) fail('too many items');
      if (s.items) v.forEach((x, i) => check(s.items as Schema, x, `${at}/${i}`));
    }
    if (typeOk('object', v)) {
      const o = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const r of (s.required ?? []) as string[]) if (!(r in o)) fail(`missing ${r}`);
      for (const [k, x] of Object.entries(o)) {
        if (s.propertyNames) check(s.propertyNames as Schema, k, `${at}/${k}(key)`);
        if (props[k]) check(props[k], x, `${at}/${k}`);
        else if (s.additionalProperties === false) fail(`unknown key ${k}`);
        else if (typeof s.additionalProperties === 'object')
          check(s.additionalProperties as Schema, x, `${at}/${k}`);
      }
    }
    for (const kw of ['anyOf', 'oneOf'] as const) {
      const alts = s[kw] as Schema[] | undefined;
      if (!alts) continue;
      const passing = alts.filter(
        (a) => jsonSchemaErrors({ ...a, $defs: defs }, v).length === 0,
      ).length;
      if (kw === 'anyOf' ? passing === 0 : passing !== 1)
        fail(`${kw}: ${passing} alternatives match`);
    }
  };
  check(root, value, '');
  return errors;
}
