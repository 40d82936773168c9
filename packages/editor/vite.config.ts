// One ES module, dist/editor.js, which the collector serves as /admin/assets/editor.js. It bundles
// lit and core (with zod: the editor checks as the author types); the survey widget is not in it —
// the preview imports the collector's own /widget/feedback-survey.js at run time.
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: { conditions: ['@otklik/source'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'editor.js' },
  },
});
