/**
 * Size and tree-shake checks (zod: `core/tests/treeshake.test.ts`; hono: `perf-measures/bundle-check`).
 * The widget bundles `@otklik/core/engine`, so the engine must stay small and must never pull zod in.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const LIMIT = 5 * 1024;

/** Minified ESM bundle of a tiny entry importing `names` from `from` (a path under src/). */
async function bundle(names: string[], from: string): Promise<{ code: string; gzip: number }> {
  const result = await build({
    stdin: {
      contents: `export { ${names.join(', ')} } from './${from}';`,
      resolveDir: SRC,
      loader: 'ts',
      sourcefile: 'entry.ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzip: gzipSync(code, { level: 9 }).length };
}

/** Strings that only zod's code contains. */
const ZOD_MARKERS = ['ZodError', '$ZodType', '$constructor', 'safeParse', 'toJSONSchema'];
const zodIn = (code: string) => ZOD_MARKERS.filter((m) => code.includes(m));

const ENGINE = [
  'visiblePath',
  'nextQuestion',
  'previousQuestion',
  'pruneAnswers',
  'validateResponse',
  'questionIssues',
  'localize',
];

describe('engine bundle', () => {
  it(`is at most ${LIMIT} bytes gzipped and contains no zod`, async () => {
    const { code, gzip } = await bundle(ENGINE, 'engine/index.ts');
    console.log(
      `engine (${ENGINE.length} functions): ${code.length} B minified, ${gzip} B gzip -9`,
    );
    expect(zodIn(code)).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(LIMIT);
    // The functions really are in it, so the figure is not of an empty bundle.
    expect(code).toContain('off_path');
  });

  it('tree-shakes: localize alone is a few hundred bytes', async () => {
    const { code, gzip } = await bundle(['localize'], 'engine/index.ts');
    console.log(`localize alone: ${code.length} B minified, ${gzip} B gzip -9`);
    expect(code).not.toContain('off_path');
    expect(gzip).toBeLessThan(300);
  });

  it('tree-shakes zod out of the main entry when only engine functions are imported', async () => {
    const { code, gzip } = await bundle(['visiblePath', 'validateResponse'], 'index.ts');
    console.log(`main entry, engine only: ${gzip} B gzip -9`);
    expect(zodIn(code)).toEqual([]);
  });

  it('keeps zod when the parser is imported (the check can fail), without its locales', async () => {
    const { code, gzip } = await bundle(['parseSurvey'], 'index.ts');
    console.log(`parseSurvey with zod: ${gzip} B gzip -9`);
    expect(zodIn(code).length).toBeGreaterThan(0);
    // `import { z } from 'zod'` would pull in every locale: about 93 KB.
    expect(gzip).toBeLessThan(40 * 1024);
  });
});
