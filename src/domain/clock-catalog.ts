import path from 'node:path';
import { readJsonFile } from '../json-file.ts';

/**
 * The clocks the diagrams name, as rules/clocks.json lists them: how people read each one and
 * whether it is a statutory limit. Only a statutory clock is counted, listed as 法定期限 when
 * overdue and escalated; a reminder clock (statutory false) only prompts someone before a real
 * limit, so its passing is nobody's delay. Pages, messages and the dashboard all ask here.
 */
export interface ClockEntry {
  label: string;
  statutory: boolean;
  article: string;
  /** Whether its period counts working days (P<n>WD) or calendar days (P<n>CD). */
  days: 'working' | 'calendar';
}

export class ClockCatalog {
  constructor(readonly file: string, private readonly entries: ReadonlyMap<string, ClockEntry>) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The Chinese name. A clock not listed cannot be deployed; one left by an older deployment is
   * shown as unlisted rather than by its bare name alone.
   */
  label(name: string): string {
    return this.entries.get(name)?.label ?? `未登记的期限（${name}）`;
  }

  /** An unlisted clock counts as statutory: a real limit is never hidden by a missing entry. */
  statutory(name: string): boolean {
    return this.entries.get(name)?.statutory ?? true;
  }

  /** Working days unless the catalog says calendar days: pages say 剩余 3 个工作日 or 剩余 3 日. */
  days(name: string): 'working' | 'calendar' {
    return this.entries.get(name)?.days ?? 'working';
  }

  article(name: string): string | undefined {
    return this.entries.get(name)?.article;
  }

  /** The clocks that may be reported and escalated as overdue. */
  statutoryNames(): string[] {
    return [...this.entries].filter(([, e]) => e.statutory).map(([n]) => n);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }
}

export function loadClockCatalog(file: string): ClockCatalog {
  let raw: { clocks?: Record<string, Partial<ClockEntry>> };
  try {
    raw = readJsonFile(file);
  } catch (err) {
    throw new Error(`clock catalog ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!raw.clocks || typeof raw.clocks !== 'object') throw new Error(`clock catalog ${file}: needs "clocks": {name: {label, statutory, article}}`);
  const entries = new Map<string, ClockEntry>();
  for (const [name, e] of Object.entries(raw.clocks)) {
    if (!e || typeof e.label !== 'string' || !e.label.trim() || typeof e.statutory !== 'boolean' || typeof e.article !== 'string' || !e.article.trim()) {
      throw new Error(`clock catalog ${file}: clock "${name}" needs "label" (中文名称), "statutory" (true/false) and "article" (依据)`);
    }
    if (e.days !== undefined && e.days !== 'working' && e.days !== 'calendar') throw new Error(`clock catalog ${file}: clock "${name}": "days" is "working" (工作日) or "calendar" (日)`);
    entries.set(name, { label: e.label.trim(), statutory: e.statutory, article: e.article.trim(), days: e.days ?? 'working' });
  }
  return new ClockCatalog(file, entries);
}

const FILE = path.resolve(import.meta.dirname, '../../rules/clocks.json');
let catalog: ClockCatalog | undefined;

/** rules/clocks.json, read once; the server reads it at start, so a file that cannot load stops it. */
export function clockCatalog(): ClockCatalog {
  catalog ??= loadClockCatalog(FILE);
  return catalog;
}

const NAMED = [/services\.(?:(?:start|stop|pause|resume|extend)Clock|clockLastDay|clockExtensions)\(\s*'([^']+)'/g, /\bclock:([A-Za-z_][\w-]*)/g];

/**
 * The clock names a diagram's markup uses (clock services' first argument, `clock:name` dues and
 * timers), each with the id of the element it is written in (the nearest one before it).
 */
export function clockNamesIn(xml: string): Array<{ name: string; elementId: string | null }> {
  // Element ids with where they stand, read once: a large diagram is not scanned once per clock.
  const ids = [...xml.matchAll(/<[\w:]+\s[^>]*?\bid="([^"]+)"/g)].map((m) => ({ at: m.index, id: m[1]! }));
  const before = (at: number): string | null => {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? ids[lo - 1]!.id : null;
  };
  const found = new Map<string, string | null>();
  for (const re of NAMED) {
    for (const m of xml.matchAll(re)) if (!found.has(m[1]!)) found.set(m[1]!, before(m.index));
  }
  return [...found].map(([name, elementId]) => ({ name, elementId }));
}

/**
 * 法定期限执行情况, as the statistics page and `GET /api/statistics` both report it: reminder
 * clocks left out (they are no limit to keep), each clock with its Chinese name.
 */
export function statutoryTimeliness<T extends { clock: string }>(rows: T[], catalog: ClockCatalog = clockCatalog()): Array<T & { clockLabel: string }> {
  return rows.filter((r) => catalog.statutory(r.clock)).map((r) => ({ ...r, clockLabel: catalog.label(r.clock) }));
}
