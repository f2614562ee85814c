import type { ConfigError } from '../lib/config.ts';
import { createTranslator } from '../lib/i18n.ts';

/**
 * Full-page message for a config.json that cannot be used. It names the file and the field, so
 * the operator can fix it without opening developer tools.
 */
export function ConfigErrorPage({ error }: { error: ConfigError }) {
  const t = createTranslator(navigator.language || 'en');
  const file = error.url.replace(location.origin, '');
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <div role="alert" className="rounded border-t-4 border-kicker bg-wash p-6">
        <h1 className="font-serif text-2xl font-bold">{t('configError')}</h1>
        <p className="mt-4 text-lg">
          {error.field
            ? t('configErrorField', { file, field: error.field, message: error.message })
            : t('configErrorGeneral', { file, message: error.message })}
        </p>
        <p className="mt-4 text-muted">{t('configErrorHelp')}</p>
      </div>
    </main>
  );
}
