// Custom elements manifest (custom-elements.json) for editors, Storybook-like tools and docs.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test/**'],
  litelement: true,
  plugins: [
    {
      // The analyzer also reports `dispatchEvent(new OtklikResetEvent(reason))` as an event named
      // after its argument; the real events are the documented `otklik-*` ones.
      name: 'otklik-events-only',
      packageLinkPhase({ customElementsManifest }) {
        // Modules in path order: the analyzer lists them as its file reads finish, so every
        // build rewrote the committed file in another order.
        customElementsManifest.modules.sort((a, b) =>
          a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
        );
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            if (d.events) d.events = d.events.filter((e) => e.name?.startsWith('otklik-'));
            // Internal reactive state (`_x: { state: true }`) is not an attribute.
            if (d.attributes) d.attributes = d.attributes.filter((a) => !a.name.startsWith('_'));
          }
        }
      },
    },
  ],
};
