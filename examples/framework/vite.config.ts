// `vite build` → dist/: the React page and the widget, bundled from the workspace sources (the
// `@otklik/source` condition, as everywhere in this repository; an app using the published
// packages needs no condition). React's JSX goes through Vite's own transform: no plugin needed.
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/**
 * The widget's source entry registers the element by importing define.ts for its effect, but the
 * package's `sideEffects` list names define.ts and not the entry, so the bundler drops the bare
 * `import '@otklik/widget'` and the element is never defined. Published builds (dist/*.js, listed)
 * are unaffected; this keeps the entry when bundling the source.
 */
const keepWidgetEntry = (): Plugin => ({
  name: 'otklik-keep-widget-entry',
  transform: (code, id) =>
    id.endsWith('/packages/widget/src/index.ts') ? { code, moduleSideEffects: true } : null,
});

export default defineConfig({
  base: './',
  resolve: { conditions: ['@otklik/source', ...defaultClientConditions] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  plugins: [keepWidgetEntry()],
});
