import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { mainIdOf, useReaderRoot } from '../../lib/root-context.ts';
import { ARTICLE_ID_ATTRIBUTE, REVEAL_ARTICLE_EVENT } from '../../features/articles/components/article-card.tsx';

const STORAGE_KEY = 'news-reader:scroll';
const MAX_ENTRIES = 100;
/** How long a restore may wait for the page (or the anchored card) to appear. */
const RESTORE_MS = 2000;
/** Frames the anchored card must hold its place before the restore lets go. */
const STABLE_FRAMES = 3;

/** Where the reader was on a page: the card at the top of the screen and its offset, and the pixel offset. */
export interface ScrollPlace {
  y: number;
  anchor?: { id: string; top: number };
}

function load(): Map<string, ScrollPlace> {
  try {
    const entries = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as [string, ScrollPlace | number][];
    // Entries written before anchors were kept are pixel offsets.
    return new Map(entries.map(([key, place]) => [key, typeof place === 'number' ? { y: place } : place]));
  } catch {
    return new Map();
  }
}

/** The article cards of the reader's main column, in document order (their order on screen). */
function cardsIn(node: Document | ShadowRoot, mainId: string): Element[] {
  return [...(node.getElementById(mainId)?.querySelectorAll(`[${ARTICLE_ID_ATTRIBUTE}]`) ?? [])];
}

/**
 * The first card that reaches into the viewport, and how far its top is from the viewport's top
 * (negative when it starts above). None when no card is on screen (an article's body fills it).
 */
function anchorOf(node: Document | ShadowRoot, mainId: string): ScrollPlace['anchor'] {
  const card = cardsIn(node, mainId).find((c) => c.getBoundingClientRect().bottom > 0);
  const top = card?.getBoundingClientRect().top ?? Infinity;
  return top < window.innerHeight ? { id: card!.getAttribute(ARTICLE_ID_ATTRIBUTE)!, top: Math.round(top) } : undefined;
}

/**
 * Scroll restoration for declarative routing (the data router's <ScrollRestoration> would bring
 * the whole data router): remember where the reader was on each history entry; on back/forward
 * return there, on a new navigation start at the top; a replaced entry (the URL following the
 * search box) keeps its place. Places survive a reload (sessionStorage).
 *
 * A place is the article card at the top of the screen and its offset from the top, besides the
 * pixel offset: an endless list lays out the rows it has not measured yet from estimates, so the
 * same pixel offset shows other stories after Back. Restoring waits (up to 2 s) for that card,
 * asks a virtualized list to bring it into the DOM ({@link REVEAL_ARTICLE_EVENT}) and scrolls
 * until the card sits where it was; without the card, it scrolls to the pixel offset once the
 * page is tall enough. The reader's own scrolling (wheel, touch, keys) ends a restore at once.
 *
 * Embedded in another page, the page's scroll is the host's: a new page only brings the reader's
 * top into view when it is above the viewport, back/forward restores only places this reader
 * recorded, and neither `history.scrollRestoration` nor sessionStorage is touched.
 */
export function useScrollRestoration(): void {
  const root = useReaderRoot();
  const { embedded, node } = root;
  const mainId = mainIdOf(root);
  const location = useLocation();
  const navigationType = useNavigationType();
  const places = useRef<Map<string, ScrollPlace>>(null);
  const keyRef = useRef(location.key);
  const firstRender = useRef(true);

  useEffect(() => {
    places.current ??= load();
    const map = places.current;
    if (!embedded && 'scrollRestoration' in history) history.scrollRestoration = 'manual';
    // Browsers fire scroll at most once a frame, with layout up to date; recording synchronously
    // keeps the key right.
    const onScroll = () => map.set(keyRef.current, { y: window.scrollY, anchor: anchorOf(node, mainId) });
    const persist = () => {
      if (embedded) return;
      const entries = [...map.entries()].slice(-MAX_ENTRIES);
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
      } catch {
        /* storage full or disabled: restoration still works within this page load */
      }
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', persist);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', persist);
      persist();
    };
  }, [embedded, node, mainId]);

  useLayoutEffect(() => {
    places.current ??= load();
    keyRef.current = location.key;
    // A replaced entry is the same page refining itself (the search box updating `?q=`):
    // the reader stays where they are.
    if (navigationType === 'REPLACE') return;
    if (embedded) {
      const host = node instanceof ShadowRoot ? node.host : null;
      const top = host?.getBoundingClientRect().top ?? 0;
      if (navigationType !== 'POP') {
        if (top < 0) window.scrollTo(0, window.scrollY + top);
        return;
      }
      // The first render is a POP too: never move the host page unless this reader was there before.
      if (!places.current.has(location.key)) return;
    } else if (navigationType === 'PUSH') {
      if (!location.hash) window.scrollTo(0, 0);
      return;
    }
    const saved = places.current.get(location.key);
    const asLoaded = firstRender.current;
    firstRender.current = false;
    // The page as loaded, with nowhere to return to: the browser already shows its top. Reading
    // scrollHeight here would force style and layout of the whole new page inside React's commit.
    if (saved === undefined && asLoaded) return;
    return restore(saved ?? { y: 0 }, node, mainId);
  }, [location.key, location.hash, navigationType, embedded, node, mainId]);
}

/** Scroll back to `place`, frame by frame (see {@link useScrollRestoration}); returns the cancel. */
function restore({ y, anchor }: ScrollPlace, node: Document | ShadowRoot, mainId: string): () => void {
  const started = performance.now();
  const done = new AbortController();
  let frame = 0;
  let revealing = false; // a list is bringing the card into the DOM
  let atOffset = false; // scrolled to the pixel offset
  let stable = 0;
  const stop = () => {
    done.abort();
    cancelAnimationFrame(frame);
  };
  const attempt = () => {
    if (done.signal.aborted) return;
    const late = performance.now() - started > RESTORE_MS;
    const card = anchor && cardsIn(node, mainId).find((c) => c.getAttribute(ARTICLE_ID_ATTRIBUTE) === anchor.id);
    if (card) {
      const want = window.scrollY + card.getBoundingClientRect().top - anchor.top;
      // In place (or as far down as it goes, at the top of the page): a few frames to see it stay.
      // Otherwise scroll there; a page still too short to get there is tried again next frame.
      if (Math.abs(want - window.scrollY) < 1 || (want < 0 && window.scrollY <= 0)) stable++;
      else {
        stable = 0;
        window.scrollTo(0, want);
      }
      if (stable >= STABLE_FRAMES || late) return stop();
    } else {
      revealing ||= !!anchor && !node.dispatchEvent(new CustomEvent(REVEAL_ARTICLE_EVENT, { detail: anchor.id, cancelable: true }));
      if (!revealing && !atOffset && (late || document.documentElement.scrollHeight - window.innerHeight >= y)) {
        window.scrollTo(0, y);
        atOffset = true;
      }
      // Without a card to wait for, the pixel offset is the place.
      if (late || (atOffset && !anchor)) {
        if (!atOffset) window.scrollTo(0, y);
        return stop();
      }
    }
    frame = requestAnimationFrame(attempt);
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) {
    window.addEventListener(type, stop, { capture: true, passive: true, signal: done.signal });
  }
  attempt();
  return stop;
}
