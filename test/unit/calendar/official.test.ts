import { expect } from 'chai';
import chineseDays from 'chinese-days';
import { WorkCalendar, lastOfficialYear } from '../../../src/calendar/index.ts';
import { addDays } from '../../../src/calendar/dates.ts';
import { citeNotice, officialNotices } from '../../../src/calendar/official-notices.ts';

/** Every date from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function withTimeZone(tz: string, fn: () => void): void {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('calendar: official arrangements (chinese-days)', () => {
  const cal = new WorkCalendar();
  const off = (d: string) => expect(cal.day(d).workday, `${d} should be a day off`).to.equal(false);
  const on = (d: string) => expect(cal.day(d).workday, `${d} should be a working day`).to.equal(true);

  it('has 2004 to the last year the package really carries, and nothing after', () => {
    const last = lastOfficialYear();
    expect(last).to.be.at.least(2026);
    const years = cal.years();
    expect(years[0]).to.deep.equal({ year: 2004, source: 'official' });
    expect(years.filter((y) => y.source === 'official').map((y) => y.year)).to.deep.equal(
      Array.from({ length: last - 2004 + 1 }, (_, i) => 2004 + i),
    );
    expect(years.find((y) => y.year === last + 1)?.source).to.equal('provisional');
    expect(years.at(-1)).to.deep.equal({ year: 2100, source: 'provisional' });
  });

  it('matches the published 2025 arrangement', () => {
    const daysOff = [
      '2025-01-01', ...range('2025-01-28', '2025-02-04'), ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'), ...range('2025-05-31', '2025-06-02'), ...range('2025-10-01', '2025-10-08'),
    ];
    const adjusted = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];
    expect(cal.yearArrangement(2025)).to.deep.include({ year: 2025, source: 'official', holidays: daysOff, workdays: adjusted });
    daysOff.forEach(off);
    for (const d of adjusted) expect(cal.day(d)).to.include({ workday: true, adjusted: true, provisional: false });
    // the edges of each break are ordinary working days
    ['2024-12-31', '2025-01-02', '2025-01-27', '2025-02-05', '2025-04-03', '2025-04-07', '2025-04-30', '2025-05-06'].forEach(on);
    ['2025-05-30', '2025-06-03', '2025-09-30', '2025-10-09', '2025-10-10'].forEach(on);
    off('2025-10-12'); // the Sunday after the adjusted Saturday stays a rest day
  });

  it('matches the published 2026 arrangement', () => {
    const daysOff = [
      ...range('2026-01-01', '2026-01-03'), ...range('2026-02-15', '2026-02-23'), ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'), ...range('2026-06-19', '2026-06-21'), ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ];
    const adjusted = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
    expect(cal.yearArrangement(2026)).to.deep.include({ holidays: daysOff, workdays: adjusted });
    daysOff.forEach(off);
    adjusted.forEach(on);
    ['2026-01-05', '2026-02-13', '2026-02-24', '2026-04-30', '2026-05-06', '2026-09-30', '2026-10-08', '2026-10-09'].forEach(on);
    ['2026-02-07', '2026-03-01', '2026-05-10', '2026-10-11'].forEach(off);
  });

  it('names holidays and adjusted days in Chinese', () => {
    expect(cal.day('2026-02-17')).to.deep.equal({ date: '2026-02-17', workday: false, name: '春节', provisional: false });
    expect(cal.day('2026-02-14')).to.deep.equal({
      date: '2026-02-14', workday: true, name: '春节', adjusted: true, provisional: false,
    });
    expect(cal.day('2025-10-01').name).to.equal('国庆节');
    expect(cal.day('2025-10-06').name).to.equal('中秋节');
    expect(cal.day('2026-04-05').name).to.equal('清明节');
    expect(cal.day('2026-06-19').name).to.equal('端午节');
    expect(cal.day('2026-05-01').name).to.equal('劳动节');
    expect(cal.day('2026-01-01').name).to.equal('元旦');
    expect(cal.day('2015-09-03').name).to.match(/抗日战争/);
    expect(cal.day('2026-03-02')).to.deep.equal({ date: '2026-03-02', workday: true, provisional: false });
    expect(cal.day('2026-03-01')).to.deep.equal({ date: '2026-03-01', workday: false, provisional: false });
  });

  it('lists whole breaks, including weekend days the package leaves out', () => {
    expect(cal.yearArrangement(2012).holidays).to.include.members(['2012-06-22', '2012-06-23', '2012-06-24']);
    expect(cal.day('2012-06-23')).to.include({ workday: false, name: '端午节' });
  });

  it('agrees with chinese-days on every day it really knows', () => {
    withTimeZone('Asia/Shanghai', () => {
      for (const d of range('2004-01-01', `${lastOfficialYear()}-12-31`)) {
        if (cal.day(d).workday !== chineseDays.isWorkday(d)) expect.fail(`${d}: calendar and chinese-days disagree`);
      }
    });
  });

  it('does not follow chinese-days into years it has no data for', function () {
    if (lastOfficialYear() >= 2027) this.skip();
    withTimeZone('Asia/Shanghai', () => {
      // 2027-02-08 (Monday) is the third day of Spring Festival; the package calls it a working day.
      expect(chineseDays.isWorkday('2027-02-08')).to.equal(true);
      expect(cal.day('2027-02-08')).to.include({ workday: false, name: '春节', provisional: true });
    });
  });

  describe('sources: each year cites the State Council notice, not the package', () => {
    it('cites 2026 by title, number and date', () => {
      expect(cal.yearArrangement(2026).reference).to.equal('《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号，2025年11月4日）');
      expect(cal.yearArrangement(2025).reference).to.equal('《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号，2024年11月12日）');
    });

    it('cites the notices that changed a year after the arrangement (2015, 2019, 2020)', () => {
      expect(cal.yearArrangement(2020).reference).to.equal(
        '《国务院办公厅关于2020年部分节假日安排的通知》（国办发明电〔2019〕16号，2019年11月21日）；'
        + '《国务院办公厅关于延长2020年春节假期的通知》（国办发明电〔2020〕1号，2020年1月26日）',
      );
      expect(cal.yearArrangement(2019).reference).to.include('《国务院办公厅关于调整2019年劳动节假期安排的通知》（国办发明电〔2019〕3号，2019年3月22日）');
      expect(cal.yearArrangement(2015).reference).to.include('（国发明电〔2015〕1号，2015年5月13日）');
    });

    it('has a notice for every official year, with its number and date from 2006 on, and never names chinese-days', () => {
      for (let year = 2004; year <= lastOfficialYear(); year++) {
        const notices = officialNotices().get(year);
        expect(notices, `notice for ${year}`).to.be.an('array').that.is.not.empty;
        expect(notices![0].title).to.equal(`国务院办公厅关于${year}年部分节假日安排的通知`);
        if (year >= 2006) expect(notices![0].number, String(year)).to.match(new RegExp(`^国办发明电〔${year - 1}〕\\d+号$`));
        if (year >= 2006) expect(notices![0].date?.slice(0, 4), String(year)).to.equal(String(year - 1));
        const reference = cal.yearArrangement(year).reference!;
        expect(reference, String(year)).to.match(/^《国务院办公厅关于\d{4}年部分节假日安排的通知》/).and.not.include('chinese-days');
      }
      // 2004 and 2005: only the titles are recorded (the numbers were not verified).
      expect(cal.yearArrangement(2004).reference).to.equal('《国务院办公厅关于2004年部分节假日安排的通知》');
    });

    it('formats a citation the way a document cites another one', () => {
      expect(citeNotice({ title: '国务院办公厅关于2026年部分节假日安排的通知', number: '国办发明电〔2025〕7号', date: '2025-11-04' }))
        .to.equal('《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号，2025年11月4日）');
      expect(citeNotice({ title: '国务院办公厅关于2004年部分节假日安排的通知' })).to.equal('《国务院办公厅关于2004年部分节假日安排的通知》');
    });
  });
});
