import { useEffect, type RefObject } from 'react';
import { useT, type Translator } from '../../../lib/i18n.ts';

/*
 * Galleries in an article body: a WordPress gallery (marked `data-gallery` by the sanitizer) or a
 * run of two or more figures with one picture each. Each picture becomes a button that opens a
 * lightbox: a modal <dialog> (the page behind is inert, Escape closes it, Tab goes round its
 * buttons; focus returns to the picture that opened it), with the next and previous picture by buttons, arrow keys and
 * swipes, and pinch (or double-tap) zoom with panning. Built with DOM calls, no HTML strings.
 */

interface Picture {
  src: string;
  alt: string;
  caption: string;
  opener: HTMLButtonElement;
}

/** Pictures of the body's galleries, as groups in document order. */
function galleries(root: HTMLElement): HTMLImageElement[][] {
  const groups: HTMLImageElement[][] = [];
  for (const g of root.querySelectorAll<HTMLElement>('[data-gallery]:not([data-gallery-ready])')) {
    const images = [...g.querySelectorAll('img')];
    if (images.length > 1) groups.push(images);
    g.setAttribute('data-gallery-ready', '');
  }
  // Runs of sibling figures, each with exactly one picture and nothing embedded.
  for (const part of root.querySelectorAll<HTMLElement>('.article-part')) {
    let run: HTMLElement[] = [];
    const flush = () => {
      if (run.length > 1) {
        const wrapper = part.ownerDocument.createElement('div');
        wrapper.setAttribute('data-gallery', '');
        wrapper.setAttribute('data-gallery-ready', '');
        run[0]!.before(wrapper);
        wrapper.append(...run);
        groups.push(run.map((f) => f.querySelector('img')!));
      }
      run = [];
    };
    for (const child of [...part.children]) {
      const single = child.localName === 'figure' && !child.hasAttribute('data-embed') && child.querySelectorAll('img').length === 1 && !child.querySelector('[data-gallery-open]');
      if (single) run.push(child as HTMLElement);
      else flush();
    }
    flush();
  }
  return groups;
}

/** The full-size picture: WordPress links a gallery's thumbnail to the file itself. */
function fullSize(img: HTMLImageElement): string {
  const link = img.closest('a');
  const href = link?.getAttribute('href') ?? '';
  return /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(href) ? href : img.src;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  e.className = className;
  if (text) e.textContent = text;
  return e;
}

function openLightbox(root: HTMLElement, pictures: Picture[], start: number, t: Translator): void {
  const doc = root.ownerDocument;
  const dialog = el(doc, 'dialog', 'lightbox');
  dialog.setAttribute('aria-label', t('galleryPosition', { n: start + 1, count: pictures.length }));
  const stage = el(doc, 'div', 'lightbox-stage');
  const img = el(doc, 'img', 'lightbox-image');
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  const caption = el(doc, 'p', 'lightbox-caption');
  caption.setAttribute('aria-live', 'polite');
  const close = el(doc, 'button', 'lightbox-button lightbox-close', '×');
  close.setAttribute('aria-label', t('galleryClose'));
  const prev = el(doc, 'button', 'lightbox-button lightbox-prev', '‹');
  prev.setAttribute('aria-label', t('galleryPrevious'));
  const next = el(doc, 'button', 'lightbox-button lightbox-next', '›');
  next.setAttribute('aria-label', t('galleryNext'));
  for (const b of [close, prev, next]) b.type = 'button';
  stage.append(img);
  dialog.append(close, stage, prev, next, caption);

  let index = start;
  let scale = 1;
  let x = 0;
  let y = 0;
  const apply = () => {
    img.style.transform = scale === 1 ? '' : `translate(${x}px, ${y}px) scale(${scale})`;
  };
  const show = (i: number) => {
    index = (i + pictures.length) % pictures.length;
    const p = pictures[index]!;
    scale = 1;
    x = y = 0;
    apply();
    img.src = p.src;
    img.alt = p.alt;
    const position = t('galleryPosition', { n: index + 1, count: pictures.length });
    caption.textContent = p.caption ? `${position}: ${p.caption}` : position;
  };
  prev.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') {
      // A modal dialog keeps the page out of reach, but Tab would still leave it for the browser's
      // own controls: the focus goes round its three buttons instead.
      const order = [close, prev, next];
      const at = order.indexOf(doc.activeElement as HTMLButtonElement);
      order[(at + (e.shiftKey ? -1 : 1) + order.length) % order.length]!.focus();
      e.preventDefault();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const forward = (e.key === 'ArrowRight') !== (getComputedStyle(dialog).direction === 'rtl');
      show(index + (forward ? 1 : -1));
      e.preventDefault();
    } else if (e.key === 'Home' || e.key === 'End') {
      show(e.key === 'Home' ? 0 : pictures.length - 1);
      e.preventDefault();
    }
  });
  // Swipe to the next or previous picture; two fingers zoom (up to 4x), one finger pans a zoomed picture.
  const pointers = new Map<number, { x: number; y: number }>();
  let pinch: { distance: number; scale: number } | undefined;
  let swipe: { x: number; y: number; px: number; py: number } | undefined;
  const distance = () => {
    const [a, b] = [...pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  stage.addEventListener('pointerdown', (e) => {
    stage.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) pinch = { distance: distance(), scale };
    else swipe = { x: e.clientX, y: e.clientY, px: x, py: y };
  });
  stage.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && pointers.size === 2) {
      scale = Math.min(4, Math.max(1, (pinch.scale * distance()) / (pinch.distance || 1)));
      if (scale === 1) x = y = 0;
      apply();
    } else if (swipe && scale > 1) {
      x = swipe.px + e.clientX - swipe.x;
      y = swipe.py + e.clientY - swipe.y;
      apply();
    }
  });
  const end = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size < 2) pinch = undefined;
    if (swipe && pointers.size === 0) {
      const dx = e.clientX - swipe.x;
      if (scale === 1 && Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(e.clientY - swipe.y)) show(index + (dx < 0 ? 1 : -1));
      swipe = undefined;
    }
  };
  stage.addEventListener('pointerup', end);
  stage.addEventListener('pointercancel', end);
  stage.addEventListener('dblclick', () => {
    scale = scale > 1 ? 1 : 2;
    x = y = 0;
    apply();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    pictures[start]!.opener.focus(); // back where the reader was
  });
  root.append(dialog);
  show(start);
  dialog.showModal();
  close.focus();
}

/** Make the body's galleries browsable in a lightbox; `version` changes when more of the body is shown. */
export function useGalleries(container: RefObject<HTMLElement | null>, version: number): void {
  const t = useT();
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    for (const images of galleries(root)) {
      const pictures: Picture[] = [];
      for (const [i, img] of images.entries()) {
        const doc = img.ownerDocument;
        const opener = doc.createElement('button');
        opener.type = 'button';
        opener.className = 'gallery-open';
        opener.setAttribute('data-gallery-open', '');
        opener.setAttribute('aria-label', `${t('galleryPosition', { n: i + 1, count: images.length })}${img.alt ? `: ${img.alt}` : ''}`);
        const caption = img.closest('figure')?.querySelector('figcaption')?.textContent?.trim() ?? '';
        const picture = { src: fullSize(img), alt: img.alt, caption, opener };
        const link = img.closest('a');
        (link && link.contains(img) && link.childElementCount === 1 ? link : img).replaceWith(opener);
        opener.append(img);
        opener.addEventListener('click', () => openLightbox(root, pictures, i, t));
        pictures.push(picture);
      }
    }
  }, [container, t, version]);
}
