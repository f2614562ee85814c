import type { ReactNode } from 'react';

/** A decorative line icon in the text's colour: hidden from assistive technology (the control beside it has the name). */
function LineIcon({ size, stroke, children }: { size: number; stroke: number; children: ReactNode }) {
  return (
    <svg aria-hidden="true" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={stroke}>
      {children}
    </svg>
  );
}

/** A magnifying glass, for Search. */
export function SearchIcon({ size = 20 }: { size?: number }) {
  return (
    <LineIcon size={size} stroke={2.2}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </LineIcon>
  );
}

/** A globe, for the language switcher. */
export function GlobeIcon({ size = 18 }: { size?: number }) {
  return (
    <LineIcon size={size} stroke={2}>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
    </LineIcon>
  );
}

/** A box with an arrow out of it, for Share. */
export function ShareIcon({ size = 18 }: { size?: number }) {
  return (
    <LineIcon size={size} stroke={2}>
      <path d="M4 12v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7M16 6l-4-4-4 4M12 2v13" />
    </LineIcon>
  );
}
