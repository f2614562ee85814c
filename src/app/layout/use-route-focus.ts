import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { mainIdOf, useReaderRoot } from '../../lib/root-context.ts';

/**
 * After a client-side navigation, move focus to the new page's h1 (so keyboard and screen-reader
 * users start at the content, as after a full page load) and return the text to announce.
 * Lazy routes render their heading a little later, so this waits for it (up to 3 s).
 * The h1 is looked up in the reader's own root (a shadow root when embedded), never the host page.
 */
export function useRouteFocus(): string {
  const location = useLocation();
  const navigationType = useNavigationType();
  const root = useReaderRoot();
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The search box rewriting `?q=` as the reader types must not pull focus out of it.
    if (navigationType === 'REPLACE') return;
    const started = performance.now();
    let frame = 0;
    const attempt = () => {
      const heading = root.node.getElementById(mainIdOf(root))?.querySelector<HTMLElement>('h1');
      if (heading && !heading.closest('[aria-busy="true"]')) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
        // An embedded reader does not set the host's title, so it announces its heading.
        setAnnouncement((root.embedded ? '' : document.title) || heading.textContent || '');
        return;
      }
      if (performance.now() - started < 3000) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
    // Only a new page (path) moves focus: a filter or query change on the same page keeps it on
    // the control the reader used, and the results count is announced by the page's live region.
  }, [location.pathname, navigationType, root]);
  return announcement;
}
