import type { Clock } from '../clock.ts';
import { shanghaiDate } from '../calendar/index.ts';
import type { BenchmarkVersion, DiscretionBenchmark, DiscretionTable } from './discretion.ts';
import { rangeText } from './violation-view.ts';
import type { ViolationLibrary } from './violation-library.ts';

/**
 * The discretion benchmark as people read it, one view for /public/discretion and GET /api/discretion:
 * each table under the violation's name with its legal range in words, the factors with their levels,
 * scores and weights, and the version's 从重/从轻/减轻/不予处罚 rules. The version shown by default is
 * the one in force today (Shanghai day), so a version published ahead of its effective date is
 * listed but not yet shown as current.
 */
function describeTable(t: DiscretionTable, lib: ViolationLibrary) {
  const entry = lib.entries.find((e) => e.code === t.code);
  return {
    code: t.code,
    title: t.title,
    violationName: entry?.name ?? t.title,
    legalRangeText: rangeText(t.legalRange),
    weightTotal: t.weightTotal,
    bandPercent: t.band.percent,
    factors: t.factors.map((f) => ({ ...f, levels: f.levels.map((l) => ({ ...l })) })),
  };
}

function describeVersion(v: BenchmarkVersion, lib: ViolationLibrary) {
  const c = v.circumstances;
  return {
    version: v.version,
    effectiveDate: v.effectiveDate,
    formula: c.formula,
    aggravating: c.aggravating,
    mitigating: c.mitigating,
    reduction: c.reduction,
    exemptions: c.exemptions.map((e) => ({ ...e, effectLabel: e.mandatory ? '不予处罚' : '可以不予处罚' })),
    tables: v.tables.map((t) => describeTable(t, lib)),
  };
}

export class PublishedDiscretion {
  constructor(readonly benchmark: DiscretionBenchmark, private readonly library: ViolationLibrary, private readonly clock: Pick<Clock, 'now'>) {}

  /** The version in force today, else (all versions in the future) the earliest. */
  private current(): BenchmarkVersion {
    const today = shanghaiDate(this.clock.now());
    return [...this.benchmark.versions].reverse().find((v) => v.effectiveDate <= today) ?? this.benchmark.versions[0]!;
  }

  /** One version (the one in force when none is named), with the list of all; undefined for a version that does not exist. */
  all(version?: string) {
    const current = this.current();
    const v = version === undefined ? current : this.benchmark.versions.find((x) => x.version === version);
    if (!v) return undefined;
    return {
      title: this.benchmark.title,
      note: this.benchmark.note,
      appliesTo: this.benchmark.appliesTo.text,
      currentVersion: current.version,
      versions: this.benchmark.versions.map((x) => ({ version: x.version, effectiveDate: x.effectiveDate, current: x === current, shown: x === v })),
      ...describeVersion(v, this.library),
    };
  }

  /** One violation type's table in a version (in force by default), or undefined. */
  one(code: string, version?: string) {
    const all = this.all(version);
    const table = all?.tables.find((t) => t.code === code);
    if (!all || !table) return undefined;
    const { tables: _tables, versions: _versions, note: _note, ...head } = all;
    return { ...head, table };
  }
}
