// Library build: `vite build` → dist/feedback-survey.js (ES module), `vite build --mode iife` →
// dist/feedback-survey.iife.js (one classic script for CMSs). Both bundle lit and the engine, so
// either file alone is the whole widget. `--mode results` and `--mode results-iife` build
// <feedback-results> the same way into dist/feedback-results[.iife].js: its own entry, so the
// survey's bundle carries none of it. The visualizer writes dist/stats[-iife|-results…].html.
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type Plugin } from 'vite';

/**
 * Lit templates and css`` keep their source indentation through minification. In minified output
 * a raw newline can only sit inside a template literal, where a whitespace run means one space to
 * HTML and CSS alike, so every newline-plus-indent run can shrink to one newline.
 */
const collapseTemplateWhitespace = (): Plugin => ({
  name: 'otklik-collapse-template-whitespace',
  // A stylesheet module holds one css`` literal with no expressions: safe to minify as CSS.
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return undefined;
    const out = code.replace(/css`([^`]*)`/g, (_, body: string) => {
      const min = body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{}:;,>+])\s*/g, '$1') // no calc(a + b) in our styles: + is a combinator
        .replace(/([^\d.])0\.(\d)/g, '$1.$2')
        .replace(/;}/g, '}');
      // Private custom properties (`--_accent`) are ours alone, like `_`-members: short names.
      const short = new Map<string, string>();
      const renamed = min.replace(/--_[\w-]+/g, (n) => {
        if (!short.has(n)) short.set(n, `--_${short.size.toString(36)}`);
        return short.get(n)!;
      });
      return `css\`${renamed}\``;
    });
    // Line mappings of a styles module are of no use; say so rather than leave them wrong.
    return { code: out, map: { mappings: '' } };
  },
  renderChunk: (code) => ({ code: code.replace(/\n\s+/g, '\n'), map: null }),
});

/** Each build: its entry, its output file, and whether it empties dist/ (only the first does). */
const BUILDS: Record<string, { entry: string; file: string; iife: boolean; first?: boolean }> = {
  production: { entry: 'src/index.ts', file: 'feedback-survey.js', iife: false, first: true },
  iife: { entry: 'src/index.ts', file: 'feedback-survey.iife.js', iife: true },
  results: { entry: 'src/results/index.ts', file: 'feedback-results.js', iife: false },
  'results-iife': { entry: 'src/results/index.ts', file: 'feedback-results.iife.js', iife: true },
};

export default defineConfig(({ mode }) => {
  const b = BUILDS[mode] ?? BUILDS['production']!;
  const iife = b.iife;
  return {
    resolve: { conditions: ['@otklik/source'] },
    // Lit's dev-mode warnings are dropped by the "production" export condition.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      target: 'es2022',
      minify: true,
      sourcemap: true,
      emptyOutDir: b.first === true,
      // Both builds share one minifier setting (Vite leaves the ES library build unminified for
      // whitespace otherwise). Private members of our own classes (`_answers`, `_phase`, …) get
      // short names; Lit's internals are `_$…` and excluded by the pattern, public API has no `_`.
      rolldownOptions: {
        output: {
          // No `Symbol.toStringTag: 'Module'` on the IIFE's `Otklik` global: nothing reads it.
          generatedCode: { symbols: false },
          minify: {
            compress: true,
            mangle: true,
            codegen: { removeWhitespace: true },
            mangleProps: { include: /^_[a-z]/ },
          },
        },
      },
      lib: {
        entry: b.entry,
        formats: [iife ? 'iife' : 'es'],
        name: b.entry === 'src/index.ts' ? 'Otklik' : 'OtklikResults',
        fileName: () => b.file,
      },
    },
    plugins: [
      collapseTemplateWhitespace(),
      visualizer({
        filename: `dist/stats${mode === 'production' ? '' : `-${mode}`}.html`,
        gzipSize: true,
      }),
    ],
  };
});
