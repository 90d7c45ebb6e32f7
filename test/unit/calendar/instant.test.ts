import { expect } from 'chai';
import { parseInstant } from '../../../src/calendar/index.ts';

describe('calendar: a point in time written by a case or a diagram', () => {
  it('reads a date as the start of that day in Shanghai, and a date-time with its zone as it says', () => {
    expect(parseInstant('2026-03-02').toISOString()).to.equal('2026-03-01T16:00:00.000Z');
    expect(parseInstant('2026-03-02T10:00:00+08:00').toISOString()).to.equal('2026-03-02T02:00:00.000Z');
    expect(parseInstant('2026-03-02T02:00:00.000Z').toISOString()).to.equal('2026-03-02T02:00:00.000Z');
  });

  it('refuses what it cannot read without guessing: no zone, a day that does not exist, other text', () => {
    expect(() => parseInstant('2026-03-02T10:00:00', 'the start')).to.throw('the start "2026-03-02T10:00:00" is not a date (YYYY-MM-DD) or an ISO date-time with its zone');
    expect(() => parseInstant('2026-02-30')).to.throw(/不是存在的日期/);
    expect(() => parseInstant('2026-02-30T10:00:00Z')).to.throw(/不是存在的日期/);
    expect(() => parseInstant('下周一')).to.throw(/is not a date/);
    expect(() => parseInstant(1772416800000)).to.throw(/is not a date/);
  });
});
