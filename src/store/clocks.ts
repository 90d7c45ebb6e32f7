import type { ClockEvent, ClockStatus } from '../calendar/statutory-clock.ts';
import type { DbOrTx } from './db.ts';

export interface ClockRow {
  id: number;
  case_id: string;
  /** The instance that started the clock: its own diagram and its sub-processes see it by name. */
  scope_id: string;
  name: string;
  status: ClockStatus;
  due_at: number | null;
  provisional: boolean | number;
  updated_at: number;
}

export interface ClockEventRow extends ClockEvent {
  id: number;
  clock_id: number;
  actor: string | null;
  reason: string | null;
}

export function clocksOfCase(db: DbOrTx, caseId: string): Promise<ClockRow[]> {
  return db<ClockRow>('clocks').where({ case_id: caseId }).orderBy('id');
}

export function clockInScope(db: DbOrTx, scopeId: string, name: string): Promise<ClockRow | undefined> {
  return db<ClockRow>('clocks').where({ scope_id: scopeId, name }).first();
}

export async function insertClock(db: DbOrTx, row: Omit<ClockRow, 'id'>): Promise<number> {
  const [inserted] = await db('clocks').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export async function updateClock(db: DbOrTx, id: number, changes: Pick<ClockRow, 'status' | 'due_at' | 'provisional' | 'updated_at'>): Promise<void> {
  await db('clocks').where({ id }).update(changes);
}

export async function appendClockEvent(db: DbOrTx, row: Omit<ClockEventRow, 'id'>): Promise<void> {
  await db('clock_events').insert(row);
}

export function eventsOfClock(db: DbOrTx, clockId: number): Promise<ClockEventRow[]> {
  return db<ClockEventRow>('clock_events').where({ clock_id: clockId }).orderBy('id');
}

/** Clocks whose due time may depend on the calendar: not stopped. */
export function liveClocks(db: DbOrTx): Promise<ClockRow[]> {
  return db<ClockRow>('clocks').whereNot({ status: 'stopped' }).orderBy('id');
}

/** The clocks an instance started that still run or are paused. */
export function liveClocksOfScope(db: DbOrTx, scopeId: string): Promise<ClockRow[]> {
  return db<ClockRow>('clocks').where({ scope_id: scopeId }).whereNot({ status: 'stopped' }).orderBy('id');
}

/** The running clocks of several cases (a list page's next deadlines), in one query. */
export function runningClocksOfCases(db: DbOrTx, caseIds: string[]): Promise<ClockRow[]> {
  if (!caseIds.length) return Promise.resolve([]);
  return db<ClockRow>('clocks').whereIn('case_id', caseIds).where({ status: 'running' }).whereNotNull('due_at').orderBy('due_at');
}
