import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Alias } from 'vite';

/**
 * react-router 7's package.json exports only its development build (remix-run/react-router#14102,
 * open): dev warnings on (`ENABLE_DEV_WARNINGS = true`), extra checks on every navigation and
 * more bytes. Production builds import its `dist/production` twin instead, which the
 * package ships beside it with the same API. `npm start` and the tests keep the development one.
 */
export function reactRouterProduction(): Alias[] {
  const root = dirname(createRequire(import.meta.url).resolve('react-router/package.json'));
  return [{ find: /^react-router$/, replacement: join(root, 'dist/production/index.mjs') }];
}
