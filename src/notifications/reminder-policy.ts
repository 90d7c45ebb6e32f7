import { readJsonFile } from '../json-file.ts';

export const RecipientRoles = ['assignee', 'departmentHead', 'managerAbove'] as const;
export type RecipientRole = (typeof RecipientRoles)[number];

export interface ReminderStep {
  id: string;
  /** Working days from the due time: -1 before, 0 at, 1 after. */
  workingDays: number;
  template: string;
  level: 'near' | 'due' | 'missed';
  to: RecipientRole[];
}

export class PolicyError extends Error {}

const OFFSET = /^(-)?P(\d{1,2})WD$|^PT0S$/;
/** The reminder scan reads limits due within 30 calendar days of now: 10 working days fit in that even across the Spring Festival. */
export const MAX_OFFSET_WORKING_DAYS = 10;

export function parseOffset(offset: string): number {
  const m = OFFSET.exec(offset.trim());
  if (!m) throw new PolicyError(`reminder offset "${offset}" must be -P<n>WD (before), PT0S (at) or P<n>WD (after the due time)`);
  if (!m[2]) return 0;
  const n = Number(m[2]);
  if (n > MAX_OFFSET_WORKING_DAYS) throw new PolicyError(`reminder offset "${offset}" is more than ${MAX_OFFSET_WORKING_DAYS} working days from the due time`);
  return (m[1] ? -1 : 1) * n;
}

function parseRoles(list: unknown, where: string): RecipientRole[] {
  const roles = Array.isArray(list) ? list : typeof list === 'string' ? list.split(',') : [];
  const out = roles.map((r) => String(r).trim()).filter(Boolean);
  for (const r of out) if (!RecipientRoles.includes(r as RecipientRole)) throw new PolicyError(`${where}: recipient "${r}" must be one of ${RecipientRoles.join(', ')}`);
  if (!out.length) throw new PolicyError(`${where}: a step needs at least one recipient`);
  return out as RecipientRole[];
}

const LEVELS = { before: 'near', at: 'due', after: 'missed' } as const;
const TEMPLATES = { before: 'reminder', at: 'due', after: 'escalation' } as const;

function stepOf(workingDays: number, to: RecipientRole[], id?: string, template?: string, level?: ReminderStep['level']): ReminderStep {
  const when = workingDays < 0 ? 'before' : workingDays === 0 ? 'at' : 'after';
  return { id: id ?? `${when}${Math.abs(workingDays) || ''}`, workingDays, template: template ?? TEMPLATES[when], level: level ?? LEVELS[when], to };
}

/** The diagram's short form: `-P1WD:assignee; PT0S:assignee,departmentHead; P1WD:managerAbove`. */
export function parseStepList(text: string, where: string): ReminderStep[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [offset, roles] = part.split(':');
      if (!offset || roles === undefined) throw new PolicyError(`${where}: "${part}" must read <offset>:<recipients>, e.g. -P1WD:assignee`);
      let workingDays: number;
      try {
        workingDays = parseOffset(offset);
      } catch (err) {
        throw new PolicyError(`${where}: ${(err as Error).message}`);
      }
      return stepOf(workingDays, parseRoles(roles, where));
    });
}

/**
 * Who is reminded when, per process and task: rules/reminder-policy.json gives the default and
 * overrides by "process/element"; a diagram's `zhifa:reminders` property on a task overrides both.
 */
export class ReminderPolicy {
  constructor(readonly defaults: ReminderStep[], readonly overrides: Record<string, ReminderStep[]>) {}

  static fromFile(file: string): ReminderPolicy {
    let raw: { default?: unknown; overrides?: Record<string, unknown> };
    try {
      raw = readJsonFile(file);
    } catch (err) {
      throw new PolicyError(`reminder policy ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    }
    const steps = (list: unknown, where: string): ReminderStep[] => {
      if (typeof list === 'string') return parseStepList(list, where);
      if (!Array.isArray(list) || !list.length) throw new PolicyError(`${where} must be a non-empty list of steps`);
      return list.map((s: { id?: string; offset?: string; template?: string; level?: ReminderStep['level']; to?: unknown }, i) => {
        if (typeof s?.offset !== 'string') throw new PolicyError(`${where}[${i}] needs an offset such as -P1WD`);
        return stepOf(parseOffset(s.offset), parseRoles(s.to, `${where}[${i}]`), s.id, s.template, s.level);
      });
    };
    const overrides: Record<string, ReminderStep[]> = {};
    for (const [key, list] of Object.entries(raw.overrides ?? {})) overrides[key] = steps(list, `${file} overrides["${key}"]`);
    return new ReminderPolicy(steps(raw.default, `${file} default`), overrides);
  }

  stepsFor(processKey: string, elementId: string, diagramOverride?: string): ReminderStep[] {
    if (diagramOverride) {
      // Refused at deployment when it cannot be read (workflow/definitions.ts), so it parses here.
      return parseStepList(diagramOverride, `${processKey}/${elementId} zhifa:reminders`);
    }
    return this.overrides[`${processKey}/${elementId}`] ?? this.overrides[processKey] ?? this.defaults;
  }

  templates(): string[] {
    return [...new Set([...this.defaults, ...Object.values(this.overrides).flat()].map((s) => s.template))];
  }
}
