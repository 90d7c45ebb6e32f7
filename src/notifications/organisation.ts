import fs from 'node:fs';

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
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { departments?: Department[]; agencyWideGroups?: unknown };
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

  /** The head of the department above (the first one up with a head other than this department's). */
  headAbove(department: string | null): string | null {
    const own = this.headOf(department);
    for (let d = department ? this.byName.get(department) : undefined, seen = 0; d && seen < 20; seen++) {
      d = d.parent ? this.byName.get(d.parent) : undefined;
      if (d?.head && d.head !== own) return d.head;
    }
    return null;
  }

  departments(): Department[] {
    return [...this.byName.values()];
  }
}
