import type { BenchmarkVersion, DiscretionBenchmark } from './discretion.ts';

/**
 * The discretion benchmark as the case review form offers it (issue 15): per violation type with a
 * table, its factors and their levels in Chinese; the 从重 / 从轻 / 减轻 / 不予处罚 circumstances by
 * name. The same words name what was chosen on the case page, so an officer never reads a factor id.
 */
export interface DiscretionChoices {
  groups: Array<{ code: string; title: string; factors: Array<{ id: string; name: string; levels: Array<{ level: number; label: string; score: number }> }> }>;
  circumstances: Array<{ id: string; name: string; effect: string }>;
}

/** The version in force on `date` (else the earliest), or the one named. */
function versionOf(b: DiscretionBenchmark, date?: string, version?: string): BenchmarkVersion {
  if (version) return b.versions.find((v) => v.version === version) ?? versionOf(b, date);
  return [...b.versions].reverse().find((v) => !date || v.effectiveDate <= date) ?? b.versions[0]!;
}

export function discretionChoices(b: DiscretionBenchmark, date?: string, version?: string): DiscretionChoices {
  const v = versionOf(b, date, version);
  const c = v.circumstances;
  return {
    groups: v.tables.map((t) => ({ code: t.code, title: t.title, factors: t.factors.map((f) => ({ id: f.id, name: f.name, levels: f.levels.map((l) => ({ level: l.level, label: l.label, score: l.score })) })) })),
    circumstances: [
      ...c.aggravating.map((x) => ({ id: x.id, name: x.name, effect: '从重' })),
      ...c.mitigating.map((x) => ({ id: x.id, name: x.name, effect: x.allowsReduction ? '从轻或者减轻' : '从轻' })),
      ...c.exemptions.map((x) => ({ id: x.id, name: x.name, effect: x.mandatory ? '不予处罚' : '可以不予处罚' })),
    ],
  };
}

/** The chosen levels of a type's factors as words: 「超标倍数：超标1倍以上不足2倍（60分）」; an unknown id is shown as it was recorded. */
export function levelsInWords(choices: DiscretionChoices, code: unknown, levels: Record<string, unknown>): string {
  const group = choices.groups.find((g) => g.code === code);
  return Object.entries(levels).map(([id, level]) => {
    const f = group?.factors.find((x) => x.id === id);
    const l = f?.levels.find((x) => x.level === Number(level));
    return f && l ? `${f.name}：${l.label}（${l.score}分）` : `${f?.name ?? id}：第${String(level)}级`;
  }).join('；');
}

/** Chosen circumstances by their names, each with its effect. */
export function circumstancesInWords(choices: DiscretionChoices, ids: unknown[]): string {
  return ids.map((id) => {
    const c = choices.circumstances.find((x) => x.id === id);
    return c ? `${c.effect}：${c.name}` : String(id);
  }).join('、');
}
