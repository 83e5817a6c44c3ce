import { MIN_FONT_PX } from '../layout/Canvas';

/** Text and lines shared by the wall's axis charts: never below the canvas's minimum size, muted on the dark panel. */
export const AXIS_TEXT = { fontFamily: 'Be Vietnam Pro', fontSize: MIN_FONT_PX, color: '#a9b8d0' };
export const GRID_LINE = { lineStyle: { color: '#1d2942' } };
export const AXIS_LINE = { lineStyle: { color: '#34466a' } };

/** Province and unit series: different colours and different dashes, so colour is never the only cue. */
export const SERIES_COLOURS = { province: '#56b4e9', unit: '#f0e442', online: '#56b4e9', offline: '#e69f00' };

/** Diagonal hatching (an ECharts decal), so that a band or a kind does not rest on colour alone. */
export const HATCH = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: Math.PI / 4,
  color: 'rgba(10, 16, 32, 0.6)',
};
