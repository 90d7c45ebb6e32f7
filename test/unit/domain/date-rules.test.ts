import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { WorkCalendar } from '../../../src/calendar/index.ts';
import { checkPeriodsAfter } from '../../../src/domain/date-rules.ts';
import { FormRegistry } from '../../../src/domain/forms.ts';

describe('domain: a date at least a period after another (x-zhifa periodsAfter)', () => {
  const calendar = new WorkCalendar();
  const titles: Record<string, string> = { hearingDate: '听证日期', noticeDate: '听证通知送达日期', inspectionDate: '检查日期' };
  const title = (f: string) => titles[f] ?? f;
  const now = new Date('2026-03-02T01:00:00Z'); // Monday 2 March 2026, 09:00 Shanghai
  const hearing = [{ field: 'hearingDate', after: 'noticeDate', period: 'P7WD' }];

  it('counts working days across the National Day holiday and its adjusted working Saturday', () => {
    // From Monday 28 September: 29, 30 September, 8, 9, Saturday 10 (worked), 12, 13 October.
    const refused = checkPeriodsAfter(hearing, { noticeDate: '2026-09-28', hearingDate: '2026-10-12' }, {}, title, calendar, now);
    expect(refused).to.deep.equal([{ field: 'hearingDate', message: '「听证日期」须在「听证通知送达日期」（2026-09-28）之后至少 7 个工作日，即不早于 2026-10-13' }]);
    expect(checkPeriodsAfter(hearing, { noticeDate: '2026-09-28', hearingDate: '2026-10-13' }, {}, title, calendar, now)).to.deep.equal([]);
  });

  it('reads the earlier date from the case when the form does not hold it, and counts from today without one', () => {
    expect(checkPeriodsAfter(hearing, { hearingDate: '2026-03-12' }, { noticeDate: '2026-03-04' }, title, calendar, now)).to.have.length(1);
    const fromToday = [{ field: 'inspectionDate', period: 'P7WD' }];
    expect(checkPeriodsAfter(fromToday, { inspectionDate: '2026-03-10' }, {}, title, calendar, now)).to.deep.equal([
      { field: 'inspectionDate', message: '「检查日期」须在今天（2026-03-02）之后至少 7 个工作日，即不早于 2026-03-11' },
    ]);
    expect(checkPeriodsAfter([{ field: 'inspectionDate', period: 'P15CD' }], { inspectionDate: '2026-03-16' }, {}, title, calendar, now)[0]!.message).to.contain('至少 15 日，即不早于 2026-03-17');
  });

  it('leaves a missing or malformed date to the schema', () => {
    expect(checkPeriodsAfter(hearing, { noticeDate: '2026-03-04' }, {}, title, calendar, now)).to.deep.equal([]);
    expect(checkPeriodsAfter(hearing, { noticeDate: '2026-02-30', hearingDate: '2026-03-05' }, {}, title, calendar, now)).to.deep.equal([]);
  });

  it('refuses at start a form whose rule names no field of the form or no period, naming its file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-forms-'));
    const form = (rule: unknown) => ({ type: 'object', properties: { hearingDate: { type: 'string', format: 'date' } }, 'x-zhifa': { periodsAfter: [rule] } });
    fs.writeFileSync(path.join(dir, 'typo.json'), JSON.stringify(form({ field: 'hearingDay', after: 'noticeDate', period: 'P7WD' })));
    expect(() => new FormRegistry().loadDirectory(dir)).to.throw(/typo\.json cannot be used: .*"hearingDay" is not a field of the form/);
    fs.rmSync(path.join(dir, 'typo.json'));
    fs.writeFileSync(path.join(dir, 'period.json'), JSON.stringify(form({ field: 'hearingDate', period: 'P7XD' })));
    expect(() => new FormRegistry().loadDirectory(dir)).to.throw(/period\.json cannot be used: .*"P7XD" is not a period/);
  });
});
