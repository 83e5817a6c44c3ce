/**
 * How wide a figure is drawn, in `ch` (the width of "0" in its own font), from its characters: digits about 1 ch,
 * separators and spaces about a third, "%" one and a half, anything else (letters, signs) 1 ch. Measured in the
 * wall's type (Be Vietnam Pro, bold and regular): "44,00 %" is 6.1 ch, "44.00%" 5.8 ch. A little air is added,
 * so that a box of this width holds the figure without being wider than its column needs.
 */
const NARROW = new Set([',', '.', ':', ' ', '\u00a0', '\u202f']);
const AIR_CH = 0.2;

export function figureWidthCh(text: string): number {
  let ch = AIR_CH;
  for (const c of text) ch += NARROW.has(c) ? 0.36 : c === '%' ? 1.5 : 1;
  return Math.round(ch * 10) / 10;
}
