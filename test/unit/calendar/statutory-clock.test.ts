import { expect } from 'chai';
import { deriveClock, type ClockEvent } from '../../../src/calendar/statutory-clock.ts';
import { WorkCalendar } from '../../../src/calendar/work-calendar.ts';

const at = (iso: string) => new Date(iso).getTime();

describe('calendar: statutory clocks derived from their history', () => {
  const calendar = new WorkCalendar();

  it('runs a P15CD clock to the end of its last day (Shanghai)', () => {
    const c = deriveClock([{ kind: 'start', at: at('2026-03-02T10:00:00+08:00'), period: 'P15CD' }], calendar);
    expect(c).to.include({ status: 'running', due: '2026-03-17', provisional: false });
    expect(c.dueAt!.toISOString()).to.equal('2026-03-17T16:00:00.000Z');
  });

  it('has no due time while paused, and adds the paused days on resume', () => {
    const events: ClockEvent[] = [
      { kind: 'start', at: at('2026-03-02T10:00:00+08:00'), period: 'P15CD' },
      { kind: 'pause', at: at('2026-03-05T09:00:00+08:00') },
    ];
    const paused = deriveClock(events, calendar);
    expect(paused.status).to.equal('paused');
    expect(paused.dueAt).to.equal(null);
    events.push({ kind: 'resume', at: at('2026-03-09T15:00:00+08:00') });
    const resumed = deriveClock(events, calendar);
    expect(resumed.pausedUnits, '5, 6, 7 and 8 March are not counted').to.equal(4);
    expect(resumed.due).to.equal('2026-03-23'); // 17 March + 4 days = 21 March, a Saturday: rolls to Monday 23rd
  });

  it('ends a maximum duration (rollOver: false) on its last day even when that is a rest day: 行政强制法 art. 25 "不得超过三十日"', () => {
    const events: ClockEvent[] = [
      { kind: 'start', at: at('2026-03-02T09:00:00+08:00'), period: 'P30CD' },
      { kind: 'extend', at: at('2026-03-25T10:00:00+08:00'), period: 'P30CD' },
    ];
    // 60 days from 2 March is Friday 1 May (Labour Day): a party's period would roll to 6 May, a seizure must not.
    expect(deriveClock(events, calendar).due).to.equal('2026-05-06');
    const max = deriveClock(events, calendar, { rollOver: false });
    expect(max.due).to.equal('2026-05-01');
    expect(max.dueAt!.toISOString()).to.equal('2026-05-01T16:00:00.000Z');
  });

  it('counts only working days paused for a WD clock', () => {
    const c = deriveClock(
      [
        { kind: 'start', at: at('2026-09-21T10:00:00+08:00'), period: 'P5WD' },
        { kind: 'pause', at: at('2026-09-24T10:00:00+08:00') },
        { kind: 'resume', at: at('2026-10-08T10:00:00+08:00') },
      ],
      calendar,
    );
    // Paused 24 Sep – 7 Oct: working days 24, 28, 29, 30 Sep (25–27 Mid-Autumn, 1–7 Oct National Day).
    expect(c.pausedUnits).to.equal(4);
    // 9 working days after 21 Sep: 22, 23, 24, 28, 29, 30 Sep, 8, 9 Oct, and Saturday 10 Oct (adjusted working day).
    expect(c.due).to.equal('2026-10-10');
  });

  it('extends on approval in the same unit, and refuses another unit', () => {
    const start = { kind: 'start' as const, at: at('2026-01-05T09:00:00+08:00'), period: 'P90CD' };
    const extended = deriveClock([start, { kind: 'extend', at: at('2026-03-01T09:00:00+08:00'), period: 'P30CD' }], calendar);
    expect(extended.units).to.equal(120);
    expect(extended.due).to.equal('2026-05-06'); // 5 Jan + 120 days = 5 May, inside Labour Day (1–5 May): rolls to 6 May
    expect(() => deriveClock([start, { kind: 'extend', at: at('2026-03-01T09:00:00+08:00'), period: 'P3WD' }], calendar)).to.throw(/extension of a CD clock/);
  });

  it('keeps the due time it had when stopped and ignores later events', () => {
    const c = deriveClock(
      [
        { kind: 'start', at: at('2026-03-02T10:00:00+08:00'), period: 'P15CD' },
        { kind: 'stop', at: at('2026-03-04T10:00:00+08:00') },
        { kind: 'extend', at: at('2026-03-05T10:00:00+08:00'), period: 'P30CD' },
      ],
      calendar,
    );
    expect(c).to.include({ status: 'stopped', due: '2026-03-17' });
  });

  it('refuses a clock counted in ISO durations', () => {
    expect(() => deriveClock([{ kind: 'start', at: 0, period: 'P15D' }], calendar)).to.throw(/working days \(P<n>WD\) or calendar days/);
  });
});

describe('calendar: a stopped clock started again', () => {
  it('counts afresh from its latest start (a new review round)', () => {
    const c = deriveClock(
      [
        { kind: 'start', at: at('2026-03-02T10:00:00+08:00'), period: 'P5WD' },
        { kind: 'stop', at: at('2026-03-04T10:00:00+08:00') },
        { kind: 'start', at: at('2026-03-10T10:00:00+08:00'), period: 'P5WD' },
      ],
      new WorkCalendar(),
    );
    expect(c).to.include({ status: 'running', due: '2026-03-17' });
  });
});
