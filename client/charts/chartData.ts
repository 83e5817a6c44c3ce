import type { ChartOption } from './echarts';

/** An option with nothing in it yet (a chart waiting for what it draws). */
export const isEmpty = (option: ChartOption) => Object.keys(option).length === 0;

/** The whole option with the figures' part merged in: series by id, components (axes) by key. */
export function withData(option: ChartOption, data: ChartOption | null): ChartOption {
  if (!data) return option;
  const out: ChartOption = { ...option };
  for (const [key, part] of Object.entries(data)) {
    const whole = out[key];
    if (key === 'series' && Array.isArray(whole) && Array.isArray(part)) {
      const byId = new Map(part.map((s: { id?: string }) => [s.id, s]));
      out.series = whole.map((s: { id?: string }) => ({ ...s, ...byId.get(s.id) }));
    } else if (whole && typeof whole === 'object' && !Array.isArray(whole) && part && typeof part === 'object') {
      out[key] = { ...whole, ...part };
    } else {
      out[key] = part;
    }
  }
  return out;
}
