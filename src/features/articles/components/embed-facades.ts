import { useEffect, type RefObject } from 'react';
import { embedOf, PROVIDERS } from '../../../lib/embeds.ts';
import { useT } from '../../../lib/i18n.ts';

/**
 * Embeds in the body (made facades by the sanitizer: `figure[data-embed]`) get a button that loads
 * the player: nothing is requested from the provider before the reader asks (privacy, speed).
 * The player's address is checked again against the provider table here, so only a known
 * provider's own player (whose origin the CSP's frame-src lists) is ever framed, sandboxed and with
 * the permissions that player needs and no more. `version` changes when more of the body is shown.
 */
export function useEmbedFacades(container: RefObject<HTMLElement | null>, version: number): void {
  const t = useT();
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    for (const figure of root.querySelectorAll<HTMLElement>('figure[data-embed]:not([data-embed-ready])')) {
      const src = figure.getAttribute('data-embed-src');
      const embed = embedOf(src);
      if (!embed || embed.player !== src || embed.provider !== figure.getAttribute('data-embed')) continue;
      const rule = PROVIDERS[embed.provider];
      const title = figure.querySelector('a')?.textContent?.trim() ?? '';
      const doc = figure.ownerDocument;
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'embed-load';
      button.textContent = t('embedLoad', { provider: rule.name });
      if (title) button.setAttribute('aria-label', `${button.textContent}: ${title}`);
      button.addEventListener(
        'click',
        () => {
          const frame = doc.createElement('iframe');
          frame.className = 'embed-frame';
          frame.src = embed.player;
          frame.title = title ? `${rule.name}: ${title}` : rule.name;
          frame.setAttribute('sandbox', rule.sandbox);
          if (rule.allow) frame.setAttribute('allow', rule.allow);
          frame.referrerPolicy = 'strict-origin-when-cross-origin';
          figure.append(frame);
          button.remove();
          frame.focus();
        },
        { once: true },
      );
      figure.setAttribute('data-embed-ready', '');
      figure.prepend(button);
    }
  }, [container, t, version]);
}
