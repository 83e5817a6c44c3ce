/**
 * ECharts, with only the parts the wall uses (tree-shaken from `echarts/core`). Charts render as SVG: vector
 * output stays crisp at any scale of the canvas, from a 1366x768 TV to an 8K video wall.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  MapChart,
  LineChart,
  BarChart,
  GraphicComponent,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export type { EChartsCoreOption as ChartOption, EChartsType as Chart } from 'echarts/core';
export { echarts };
