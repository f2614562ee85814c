import { isChunkLoadError, isFeedError } from './errors.ts';
import type { MessageKey, Translator } from './i18n.ts';

/** What went wrong, in the reader's language: one sentence per kind of failure. */
export function errorReason(t: Translator, error: Error): string {
  if (isFeedError(error)) return t(`error.${error.kind}` as MessageKey, { status: error.status ?? '' });
  if (isChunkLoadError(error)) return t('pageDownloadFailed');
  return t('error.unknown');
}
