import { describe, expect, it } from 'vitest';
import {
  describeCredits,
  ectsFor,
  eqfLevelFor,
  isScqfLevel,
  notionalHoursFor,
  scqfLevel,
  SCQF_LEVELS,
} from './scqf-model.ts';

describe('SCQF rules', () => {
  it('counts ten notional hours of learning for each credit', () => {
    expect(notionalHoursFor(10)).toBe(100);
    expect(notionalHoursFor(15)).toBe(150);
  });

  it('makes one ECTS credit from two SCQF credits, keeping halves', () => {
    expect(ectsFor(10)).toBe(5);
    expect(ectsFor(15)).toBe(7.5);
  });

  it('explains a size in all three units at once', () => {
    expect(describeCredits(10)).toBe('10 SCQF credits = 100 hours of learning = 5 ECTS credits');
    expect(describeCredits(1)).toBe('1 SCQF credit = 10 hours of learning = 0.5 ECTS credits');
    expect(describeCredits(2)).toBe('2 SCQF credits = 20 hours of learning = 1 ECTS credit');
  });

  it('knows exactly twelve levels, in order', () => {
    expect(SCQF_LEVELS.map((level) => level.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(isScqfLevel(0)).toBe(false);
    expect(isScqfLevel(13)).toBe(false);
    expect(isScqfLevel(7.5)).toBe(false);
    expect(isScqfLevel(12)).toBe(true);
  });

  it('refuses a level outside 1 to 12 with a message that says the range', () => {
    expect(() => scqfLevel(13)).toThrow(/1 to 12/);
    expect(() => scqfLevel(0)).toThrow(/1 to 12/);
  });

  it('references levels to the European framework as the SCQF referencing report does', () => {
    expect(eqfLevelFor(12)).toBe(8);
    expect(eqfLevelFor(11)).toBe(7);
    expect(eqfLevelFor(10)).toBe(6);
    expect(eqfLevelFor(9)).toBe(6);
    expect(eqfLevelFor(7)).toBe(5);
    expect(eqfLevelFor(6)).toBe(4);
    expect(eqfLevelFor(3)).toBe(1);
    expect(eqfLevelFor(2)).toBeNull();
    expect(eqfLevelFor(1)).toBeNull();
  });

  it('never lets the EQF level fall as the SCQF level rises', () => {
    const eqf = SCQF_LEVELS.map((level) => level.eqfLevel ?? 0);
    for (let index = 1; index < eqf.length; index += 1)
      expect(eqf[index]).toBeGreaterThanOrEqual(eqf[index - 1] ?? 0);
  });
});
