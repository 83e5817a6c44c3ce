import { MIN_FONT_PX } from '../layout/Canvas';

/** Text and lines shared by the wall's axis charts: never below the canvas's minimum size, muted on the dark panel. */
export const AXIS_TEXT = { fontFamily: 'Be Vietnam Pro', fontSize: MIN_FONT_PX + 1, color: '#a9b8d0' };
export const GRID_LINE = { lineStyle: { color: '#1d2942' } };
export const AXIS_LINE = { lineStyle: { color: '#34466a' } };

/** Province and unit series: different colours and different dashes, so colour is never the only cue. */
export const SERIES_COLOURS = { province: '#56b4e9', unit: '#f0e442', online: '#56b4e9', offline: '#e69f00' };
