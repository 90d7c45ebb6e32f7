import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarInputError, WorkCalendar, loadCalendarDir } from '../../../src/calendar/index.ts';

describe('calendar: loadCalendarDir', () => {
  let root: string;
  let n = 0;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'zhifa-calendars-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A fresh directory holding the given files. */
  function dir(files: Record<string, unknown>): string {
    const path = join(root, String(n++));
    mkdirSync(path);
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(path, name), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return path;
  }

  // HYPOTHETICAL arrangements, for tests only.
  const y2027 = { year: 2027, source: 'hypothetical 2027 notice', holidays: ['2027-02-05', '2027-02-09'], workdays: ['2027-02-13'] };
  const y2028 = { year: 2028, source: 'hypothetical 2028 notice', holidays: ['2028-01-01'], workdays: [] };

  it('loads every <year>.json and ignores other files', () => {
    const cal = new WorkCalendar();
    const years = loadCalendarDir(dir({ '2028.json': y2028, '2027.json': y2027, 'README.md': '# notes', 'draft.json': '{' }), cal);
    expect(years).to.deep.equal([2027, 2028]);
    expect(cal.yearArrangement(2027)).to.deep.equal({
      year: 2027, source: 'loaded', holidays: y2027.holidays, workdays: y2027.workdays, reference: 'hypothetical 2027 notice',
    });
    expect(cal.day('2027-02-09')).to.include({ workday: false, provisional: false });
    expect(cal.years().filter((y) => y.source === 'loaded').map((y) => y.year)).to.deep.equal([2027, 2028]);
  });

  it('loads nothing from an empty directory', () => {
    expect(loadCalendarDir(dir({}), new WorkCalendar())).to.deep.equal([]);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['a year that does not match the file name', { '2027.json': { ...y2027, year: 2028 } }, /2027\.json: "year" must be 2027/],
    ['a missing source', { '2027.json': { ...y2027, source: undefined } }, /2027\.json: "source" must name the published notice/],
    ['broken JSON', { '2027.json': '{"year": 2027,' }, /2027\.json: not readable JSON/],
    ['a day both off and on', { '2027.json': { ...y2027, workdays: ['2027-02-05'] } }, /2027\.json: .*2027-02-05 同时列为放假日和调休上班日/],
    ['a non-existent date', { '2027.json': { ...y2027, holidays: ['2027-02-29'] } }, /2027\.json: .*2027-02-29 不是存在的日期/],
    ['a year outside the range', { '2003.json': { ...y2027, year: 2003, holidays: [], workdays: [] } }, /2003\.json: 年份 2003 超出/],
  ];
  for (const [what, files, message] of bad) {
    it(`rejects ${what}, naming the file, and loads none of the files`, () => {
      const cal = new WorkCalendar();
      expect(() => loadCalendarDir(dir({ ...files, '2028.json': y2028 }), cal)).to.throw(CalendarInputError, message);
      expect(cal.years().filter((y) => y.source === 'loaded')).to.deep.equal([]);
    });
  }

  it('rejects a directory that does not exist', () => {
    expect(() => loadCalendarDir(join(root, 'nope'), new WorkCalendar())).to.throw(CalendarInputError, /nope cannot be read/);
  });

  it('loads every <year>.json of the repository calendars/ directory, and the example its README shows', () => {
    const cal = new WorkCalendar();
    const yearFiles = readdirSync('calendars').filter((f) => /^\d{4}\.json$/.test(f)).map((f) => Number(f.slice(0, 4))).sort();
    expect(loadCalendarDir('calendars', cal)).to.deep.equal(yearFiles);
    expect(cal.years().filter((y) => y.source === 'loaded').map((y) => y.year)).to.deep.equal(yearFiles);
    // The README's example is what an administrator copies: it must load as a year file.
    const example = /```json\n([\s\S]*?)```/.exec(readFileSync('calendars/README.md', 'utf8'))?.[1];
    expect(example, 'calendars/README.md shows an example file').to.be.a('string');
    const year = JSON.parse(example!).year as number;
    expect(loadCalendarDir(dir({ [`${year}.json`]: JSON.parse(example!) }), cal)).to.deep.equal([year]);
    expect(cal.years().find((y) => y.year === year)?.source).to.equal('loaded');
  });
});
