import path from 'node:path';
import { shanghaiDate } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import type { ServiceRegistry } from '../engine/services.ts';
import { readJsonFile } from '../json-file.ts';
import type { Tx } from '../store/db.ts';
import { nextDocumentNumber } from '../store/documents.ts';
import { appendHistory } from '../store/history.ts';
import { caseNumberOf, setCaseNumber } from '../store/instances.ts';
import type { ServiceContext } from '../workflow/service-context.ts';
import { isIsoDate } from './date-rules.ts';

export interface CaseNumberKind {
  label: string;
  /** The kind's code in the number (罚立); with the agency's prefix, the name of its sequence. */
  code: string;
  /** The case date the number's year is taken from (filingDate); without it, the day the number is given. */
  dateVariable?: string;
  when?: string;
}

export interface CaseNumberRules {
  pattern: string;
  kinds: Record<string, CaseNumberKind>;
}

/** rules/case-numbers.json, checked: a pattern with {no}, kinds with codes that no document number uses (they would share its sequence). */
export function loadCaseNumberRules(file: string, documentCodes: Iterable<string>): CaseNumberRules {
  const rules = readJsonFile(file) as CaseNumberRules;
  if (typeof rules.pattern !== 'string' || !/\{no(?::\d)?\}/.test(rules.pattern)) throw new Error(`${file}: "pattern" must contain {no} (the sequence number)`);
  const taken = new Set(documentCodes);
  for (const [kind, spec] of Object.entries(rules.kinds ?? {})) {
    if (!spec || typeof spec.code !== 'string' || !spec.code) throw new Error(`${file}: kind "${kind}" needs a "code"`);
    if (taken.has(spec.code)) throw new Error(`${file}: kind "${kind}" uses the code "${spec.code}" of a document number (documents/kinds.json); choose another, or both would count in one sequence`);
  }
  return rules;
}

/** The number in the pattern: 湘西环罚立〔2026〕7号; {no:3} pads to 007. */
export function formatCaseNumber(pattern: string, parts: { agency: string; code: string; year: number; no: number }): string {
  return pattern
    .replaceAll('{agency}', parts.agency)
    .replaceAll('{code}', parts.code)
    .replaceAll('{year}', String(parts.year))
    .replace(/\{no(?::(\d))?\}/g, (_, width: string | undefined) => String(parts.no).padStart(Number(width ?? 0), '0'));
}

/**
 * 立案编号: a case is numbered once, when it is filed (accepted, for a permit), from the agency's
 * document number sequences — one counter per agency, kind and year, taken under a row lock in the
 * case's transaction, so two servers on one database never give the same number and a rolled-back
 * filing gives none. The number is kept on the case (instances.case_no, searched and shown on every
 * page) and in the variable caseNo (documents print it).
 */
export class CaseNumbers {
  constructor(private readonly rules: CaseNumberRules, private readonly agencyPrefix: string, private readonly clock: Clock) {}

  labelOf(kind: string): string | undefined {
    return this.rules.kinds[kind]?.label;
  }

  async assign(tx: Tx, caseId: string, kind: string, variables: Record<string, unknown>, actor: string | null): Promise<string> {
    const spec = this.rules.kinds[kind];
    if (!spec) throw new Error(`assignCaseNumber: no kind "${kind}" in rules/case-numbers.json (known: ${Object.keys(this.rules.kinds).join(', ')})`);
    const existing = await caseNumberOf(tx, caseId);
    if (existing) return existing; // numbered once: a case accepted again after a supplement keeps its number
    const dated = spec.dateVariable ? variables[spec.dateVariable] : undefined;
    const year = Number((isIsoDate(dated) ? dated : shanghaiDate(this.clock.now())).slice(0, 4));
    const prefix = `${this.agencyPrefix}${spec.code}`;
    const caseNo = formatCaseNumber(this.rules.pattern, { agency: this.agencyPrefix, code: spec.code, year, no: await nextDocumentNumber(tx, prefix, year) });
    await setCaseNumber(tx, caseId, caseNo);
    await appendHistory(tx, [{ instanceId: caseId, at: this.clock.now().getTime(), actor, kind: 'case.numbered', data: { caseNo, kind } }]);
    return caseNo;
  }
}

/** `${services.assignCaseNumber('penalty')}` numbers the case and sets caseNo. */
export function registerCaseNumberService(registry: ServiceRegistry, numbers: CaseNumbers): void {
  registry.register('assignCaseNumber', async ({ args: [kind], variables, context }) => {
    if (!kind) throw new Error("assignCaseNumber needs the kind of case of rules/case-numbers.json, e.g. ('penalty')");
    const ctx = context as ServiceContext;
    return { caseNo: await numbers.assign(ctx.tx, ctx.caseId, kind, variables, ctx.actor) };
  });
}

/** The rules file beside the others. */
export const CASE_NUMBER_RULES = path.resolve(import.meta.dirname, '../../rules/case-numbers.json');
