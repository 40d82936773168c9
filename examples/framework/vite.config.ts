// `vite build` → dist/: the React page and the widget, bundled from the workspace sources (the
// `@otklik/source` condition, as everywhere in this repository; an app using the published
// packages needs no condition). React's JSX goes through Vite's own transform: no plugin needed.
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  base: './',
  resolve: { conditions: ['@otklik/source', ...defaultClientConditions] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
