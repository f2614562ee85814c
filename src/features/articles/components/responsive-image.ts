import type { ArticleImage } from '../../../types/article.ts';

/** `srcset` from an image's renditions, or undefined when the source offers only one size. */
export function srcSetOf(image: ArticleImage): string | undefined {
  const renditions = image.renditions?.filter((r) => r.width > 0);
  if (!renditions || renditions.length < 2) return undefined;
  return renditions.map((r) => `${r.url} ${r.width}w`).join(', ');
}
