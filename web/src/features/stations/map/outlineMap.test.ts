import { describe, expect, it } from 'vitest';
import { labelPoint, pathOf, projectionFor, shareColour, VIEW_WIDTH, type MapArea } from './outlineMap';

const square: MapArea = {
  code: '340111',
  name: '包河区',
  polygons: [
    [
      [
        [117, 31],
        [118, 31],
        [118, 32],
        [117, 32],
      ],
      [
        [117.4, 31.4],
        [117.6, 31.4],
        [117.6, 31.6],
        [117.4, 31.6],
      ],
    ],
  ],
};

describe('the offline map drawing', () => {
  it('fits the outlines to the view box, north up, longitude shrunk by the latitude', () => {
    const p = projectionFor([square])!;
    expect(p.width).toBe(VIEW_WIDTH);
    // One degree of longitude at 31.5° N is cos(31.5°) ≈ 0.853 of a degree of latitude.
    expect(p.height).toBe(Math.ceil(VIEW_WIDTH / Math.cos((31.5 * Math.PI) / 180)));
    expect(p.at(117, 32)).toEqual([0, 0]);
    expect(p.at(118, 31)[0]).toBe(VIEW_WIDTH);
    expect(p.at(118, 31)[1]).toBeCloseTo(p.height, -1);
  });

  it('draws every ring, the hole too, as closed paths', () => {
    const p = projectionFor([square])!;
    const d = pathOf(square, p);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/Z/g)).toHaveLength(2);
    expect(d.startsWith('M0,')).toBe(true);
  });

  it('puts the label inside the outside ring', () => {
    const p = projectionFor([square])!;
    const [x, y] = labelPoint(square, p)!;
    expect(x).toBeCloseTo(VIEW_WIDTH / 2, 0);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(p.height);
  });

  it('has nothing to draw without outlines', () => {
    expect(projectionFor([])).toBeNull();
  });

  it('colours a larger share deeper', () => {
    expect(shareColour(0)).toBe('rgb(240, 249, 232)');
    expect(shareColour(1)).toBe('rgb(26, 127, 55)');
    expect(shareColour(2)).toBe(shareColour(1));
    const green = (c: string) => Number(/rgb\(\d+, (\d+)/.exec(c)![1]);
    expect(green(shareColour(0.5))).toBeLessThan(green(shareColour(0.1)));
  });
});
