import { describe, expect, it } from 'vitest';
import { type Feature, project } from './projection';

const square = (code: string, lon: number, lat: number, side: number): Feature => ({
  properties: { code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  },
});

describe('project', () => {
  it('fits the features into the box, centred, keeping their proportions', () => {
    const [shape] = project([square('a', 0, 0, 2)], { x: 10, y: 20, width: 200, height: 100 }, 0);
    // A square 2 degrees wide at the equator: 100 px on each side, centred across the 200 px box.
    expect(shape?.d).toBe('M60.0 120.0L160.0 120.0L160.0 20.0L60.0 20.0L60.0 120.0Z');
    expect(shape?.labelX).toBeCloseTo(110);
    expect(shape?.labelY).toBeCloseTo(70);
    expect(shape?.area).toBeCloseTo(10_000);
  });

  it('narrows longitudes by the cosine of the latitude', () => {
    const [shape] = project([square('a', 0, 0, 2)], { x: 0, y: 0, width: 100, height: 100 }, 60);
    // Half as wide as tall at 60 degrees: 50 by 100 px, centred.
    expect(shape?.d).toBe('M25.0 100.0L75.0 100.0L75.0 0.0L25.0 0.0L25.0 100.0Z');
  });

  it('names a unit of several polygons at its largest one, north up', () => {
    const big = square('x', 0, 0, 4);
    const small = square('x', 10, 0, 1);
    const unit: Feature = {
      properties: { code: 'x' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [small.geometry.coordinates, big.geometry.coordinates] as number[][][][],
      },
    };
    const [shape] = project([unit, square('north', 0, 9, 1)], { x: 0, y: 0, width: 110, height: 100 }, 0);
    expect(shape?.labelX).toBeCloseTo(20);
    expect(shape?.labelY).toBeCloseTo(80);
    expect(shape?.area).toBeCloseTo(17 * 100);
  });
});
