// Which folder may import which (docs/architecture.md, "Layers"), as zones of
// import-x/no-restricted-paths: a file in `target` may not import a file in `from`.
//
//   types ← lib ← (sources, components) ← features ← app ← entries (main, boot, entry-server, embed/)
//
// Features do not import each other, except the modules listed in FEATURE_EXPORTS: what a feature
// offers the others on purpose. The operator's tools (tools/) run in Node: they may use the domain
// (types, lib, sources) and the features' exports, never the UI.

/** Modules of a feature that other features and tools/ may import, relative to the feature's folder. */
export const FEATURE_EXPORTS = {
  articles: ['./components/article-card.tsx'],
  search: ['./engine/tokenize.ts', './engine/zawgyi.ts'],
};

const ENTRIES = ['src/main.tsx', 'src/boot.ts', 'src/entry-server.tsx', 'src/embed'];
const ABOVE = {
  'src/types': ['src/lib', 'src/sources', 'src/components', 'src/features', 'src/app', ...ENTRIES],
  'src/lib': ['src/sources', 'src/components', 'src/features', 'src/app', ...ENTRIES],
  'src/sources': ['src/components', 'src/features', 'src/app', ...ENTRIES],
  'src/components': ['src/sources', 'src/features', 'src/app', ...ENTRIES],
  'src/features': ['src/app', ...ENTRIES],
  'src/app': ENTRIES,
};

const layerZones = Object.entries(ABOVE).map(([target, from]) => ({
  target: `./${target}`,
  from: from.map((f) => `./${f}`),
  message: `${target} is below ${from.join(', ')} (docs/architecture.md, "Layers"): move the shared code down instead.`,
}));

const features = Object.keys(FEATURE_EXPORTS);
const featureZones = features.flatMap((target) =>
  features
    .filter((other) => other !== target)
    .map((other) => ({
      target: `./src/features/${target}`,
      from: `./src/features/${other}`,
      except: FEATURE_EXPORTS[other],
      message: `features/${target} may use only what features/${other} exports on purpose (eslint.boundaries.js, FEATURE_EXPORTS).`,
    })),
);

/** Inside app/: the layout (shell, header, sidebar) and the routes are composed by router.tsx, never by each other. */
const appZones = [
  { target: './src/app/layout', from: './src/app/routes', message: 'app/layout must not import a route: routes are composed by app/router.tsx.' },
  { target: './src/app/routes', from: './src/app/layout', message: 'A route must not import app/layout: move what both need to components/ or lib/.' },
];

/** The product never imports the repository's tooling, and the tools never import the UI. */
const toolZones = [
  { target: './src', from: ['./tools', './build', './tests'], message: 'The app never imports build/, tools/ or tests/.' },
  { target: './tools', from: ['./src/app', './src/embed', './src/components', './src/main.tsx', './src/boot.ts'], message: 'tools/ run in Node: domain code only (types, lib, sources, feature exports).' },
  ...features.map((f) => ({
    target: './tools',
    from: `./src/features/${f}`,
    except: FEATURE_EXPORTS[f],
    message: `tools/ may use only what features/${f} exports on purpose (eslint.boundaries.js, FEATURE_EXPORTS).`,
  })),
];

/**
 * The production server (server/) renders through src/entry-server.tsx and uses the domain
 * (types, lib, sources); it never reaches into the UI's folders itself. The app never imports it.
 */
const serverZones = [
  { target: './src', from: './server', message: 'The app never imports server/: the server is a client of src/entry-server.tsx.' },
  {
    target: './server',
    from: ['./src/app', './src/embed', './src/components', './src/features', './src/main.tsx', './src/boot.ts', './tools', './tests'],
    message: 'server/ renders through src/entry-server.tsx and uses only the domain (types, lib, sources) besides it.',
  },
];

export const boundaryZones = [...layerZones, ...featureZones, ...appZones, ...toolZones, ...serverZones];
