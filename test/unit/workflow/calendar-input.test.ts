import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { CalendarInputError, WorkCalendar } from '../../../src/calendar/index.ts';
import { ZhifaError } from '../../../src/errors.ts';
import { calendarInput } from '../../../src/workflow/calendar-input.ts';

const SRC = path.resolve(import.meta.dirname, '../../../src');

/** Calendar input errors become a 400 in one function, keeping the calendar's wording. */
describe('calendarInput', () => {
  it('answers a calendar input error with 400 and its own words', () => {
    const calendar = new WorkCalendar();
    let caught: unknown;
    try {
      calendarInput(() => calendar.addPeriod(new Date('2026-03-02T00:00:00Z'), 'P7XD'));
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(ZhifaError);
    expect((caught as ZhifaError).status).to.equal(400);
    expect((caught as ZhifaError).detail).to.match(/P7XD/);
  });

  it('passes every other failure on unchanged and returns the result when there is none', () => {
    const bug = new TypeError('a bug');
    expect(() => calendarInput(() => { throw bug; })).to.throw(bug);
    expect(calendarInput(() => 42)).to.equal(42);
  });

  it('is the only place in src that turns a CalendarInputError into an HTTP status', () => {
    const offenders: string[] = [];
    for (const file of fs.readdirSync(SRC, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(SRC, file), 'utf8');
      if (/instanceof CalendarInputError\)\s*throw (badRequest|new ZhifaError)/.test(text)) offenders.push(file);
    }
    expect(offenders).to.deep.equal([path.join('workflow', 'calendar-input.ts')]);
    expect(new CalendarInputError('x')).to.be.instanceOf(Error);
  });
});
