import { describe, expect, it } from 'vitest';
import { isEmpty, withData } from './chartData';

describe('withData', () => {
  const option = {
    animation: false,
    xAxis: { type: 'value', axisLabel: { fontSize: 16 } },
    series: [
      { id: 'province', type: 'line', lineStyle: { width: 4 } },
      { id: 'unit', type: 'line', lineStyle: { width: 3 } },
    ],
  };

  it('puts each series its data by id, and axis ranges into their axes, keeping the rest of the option', () => {
    const merged = withData(option, {
      xAxis: { min: 10, max: 20 },
      series: [
        { id: 'unit', data: [[1, 2]] },
        { id: 'province', data: [[1, 3]] },
      ],
    });
    expect(merged).toEqual({
      animation: false,
      xAxis: { type: 'value', axisLabel: { fontSize: 16 }, min: 10, max: 20 },
      series: [
        { id: 'province', type: 'line', lineStyle: { width: 4 }, data: [[1, 3]] },
        { id: 'unit', type: 'line', lineStyle: { width: 3 }, data: [[1, 2]] },
      ],
    });
    // The option itself is left as it was: it is applied again with the next figures.
    expect(option.series[0]).not.toHaveProperty('data');
  });

  it('gives the option back when there are no figures yet', () => {
    expect(withData(option, null)).toBe(option);
  });

  it('tells an option waiting for its chart from one to draw', () => {
    expect(isEmpty({})).toBe(true);
    expect(isEmpty(option)).toBe(false);
  });
});
