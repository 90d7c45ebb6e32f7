import { readJsonFile } from '../json-file.ts';

export interface Department {
  name: string;
  head: string | null;
  parent: string | null;
}

/** Departments, their heads and the department above, from rules/organisation.json: the escalation chain. */
export class Organisation {
  private readonly byName: Map<string, Department>;

  /** `agencyWideGroups`: the groups that act on every department's cases (legal review, leadership). */
  constructor(departments: Department[], readonly agencyWideGroups: string[] = []) {
    this.byName = new Map(departments.map((d) => [d.name, d]));
    for (const d of departments) if (d.parent && !this.byName.has(d.parent)) throw new Error(`department "${d.name}" names an unknown parent "${d.parent}"`);
  }

  static fromFile(file: string): Organisation {
    try {
      const raw = readJsonFile(file) as { departments?: Department[]; agencyWideGroups?: unknown };
      if (!Array.isArray(raw.departments)) throw new Error('it needs a "departments" list');
      const wide = raw.agencyWideGroups ?? [];
      if (!Array.isArray(wide) || !wide.every((g) => typeof g === 'string' && g)) throw new Error('"agencyWideGroups" must be a list of group ids');
      return new Organisation(raw.departments.map((d) => ({ name: String(d.name), head: d.head ?? null, parent: d.parent ?? null })), wide as string[]);
    } catch (err) {
      throw new Error(`organisation ${file} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The head of a department; a department without one is led by the head above it. */
  headOf(department: string | null): string | null {
    for (let d = department ? this.byName.get(department) : undefined, seen = 0; d && seen < 20; d = d.parent ? this.byName.get(d.parent) : undefined, seen++) {
      if (d.head) return d.head;
    }
    return null;
  }

  /**
   * Who hears of a missed limit above the department: the head of its parent (or the parent's own
   * superior when the parent has none). At the top of the agency there is no one above, so the
   * top's own head hears of it rather than nobody.
   */
  headAbove(department: string | null): string | null {
    const d = department ? this.byName.get(department) : undefined;
    if (!d) return null;
    return d.parent ? this.headOf(d.parent) : this.headOf(d.name);
  }

  departments(): Department[] {
    return [...this.byName.values()];
  }
}
