/**
 * ECharts, with only the parts the wall's line and bar charts use (tree-shaken from `echarts/core`); the district
 * map is plain SVG (DistrictMap.tsx). Charts render as SVG: vector output stays crisp at any scale of the canvas,
 * from a 1366x768 TV to an 8K video wall.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type { EChartsCoreOption as ChartOption, EChartsType as Chart } from 'echarts/core';
export { echarts };
