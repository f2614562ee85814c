import { describe, expect, it } from 'vitest';
import { shadowCss } from '../../build/shadow-css.ts';

describe('shadowCss (CSS for a shadow root on any host page)', () => {
  it('turns rem into px in values and in custom properties, but not in class names', () => {
    const out = shadowCss('.p-4{padding:1rem}.text-\\[0\\.95rem\\]{font-size:.95rem}:host{--spacing:.25rem;--text-lg:1.125rem}');
    expect(out).toContain('padding:16px');
    expect(out).toContain('font-size:15.2px');
    expect(out).toContain('--spacing:4px');
    expect(out).toContain('--text-lg:18px');
    expect(out).toContain('.text-\\[0\\.95rem\\]');
    expect(out).not.toMatch(/[\d.]+rem[;}]/);
  });

  it('turns viewport width breakpoints into container queries, and leaves other media queries alone', () => {
    const out = shadowCss(
      '@media (width>=40rem){.sm\\:p-6{padding:1.5rem}}@media (width<48rem){.max-md\\:hidden{display:none}}@media (prefers-reduced-motion:reduce){.a{animation:none}}@media print{.b{display:none}}',
    );
    expect(out).toContain('@container (width>=640px){.sm\\:p-6{padding:24px}}');
    expect(out).toContain('@container (width<768px)');
    expect(out).toContain('@media (prefers-reduced-motion:reduce)');
    expect(out).toContain('@media print');
  });

  it("drops @property rules and applies Tailwind's plain-declaration fallback unconditionally", () => {
    const tailwind =
      '@layer properties{@supports (((-webkit-hyphens:none)) and (not (margin-trim:block))) or ((-moz-orient:inline) and (not (color:rgb(from red r g b)))){*,:before,:after{--tw-border-style:solid}}}' +
      '@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}' +
      '@supports (color:color-mix(in lab, red, red)){.a{color:color-mix(in oklab,red 50%,transparent)}}';
    const out = shadowCss(tailwind);
    expect(out).not.toContain('@property');
    expect(out).not.toContain('margin-trim');
    expect(out).toMatch(/@supports \(display:block\)\{\*,:before,:after\{--tw-border-style:solid\}\}/);
    // Other feature tests stay as they are.
    expect(out).toContain('@supports (color:color-mix(in lab, red, red))');
  });
});
