import { describe, expect, it } from 'vitest';
import { meanOfFigures, percent, roundedRatio } from './round.js';

describe('roundedRatio', () => {
  it('rounds half away from zero, on both sides of zero', () => {
    expect(roundedRatio(1, 8, 2)).toBe(0.13);
    expect(roundedRatio(-1, 8, 2)).toBe(-0.13);
    expect(roundedRatio(1, 400, 3)).toBe(0.003); // 0.0025
    expect(roundedRatio(-1, 400, 3)).toBe(-0.003);
  });

  it('keeps exact halves that naive float arithmetic loses', () => {
    // 1.005 * 100 is 100.49999… in binary; as counts 201 / 200 it is exactly 1.005.
    expect(roundedRatio(201, 200, 2)).toBe(1.01);
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the trap this avoids
  });

  it('returns null when there is nothing to divide by, and never −0', () => {
    expect(roundedRatio(5, 0, 1)).toBeNull();
    expect(Object.is(roundedRatio(-1, 1000, 1), 0)).toBe(true);
  });
});

describe('percent', () => {
  it('is part / whole × 100 with one decimal', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(-1, 8)).toBe(-12.5);
    expect(percent(-1, 16)).toBe(-6.3); // −6.25
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('meanOfFigures', () => {
  it('averages the figures that exist, one decimal', () => {
    expect(meanOfFigures([80, 65.5, null, undefined])).toBe(72.8); // 72.75
    expect(meanOfFigures([-10.1, -10.2])).toBe(-10.2); // −10.15
    expect(meanOfFigures([null])).toBeNull();
    expect(meanOfFigures([])).toBeNull();
  });
});
