import type { DbOrTx } from '../store/db.ts';
import { casesByBusinessKey } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import type { FieldError } from './form-messages.ts';

/**
 * 没收非法财物 is an administrative penalty (《行政处罚法》第九条): property seized under
 * 《行政强制法》 is confiscated only by a penalty decision made through the penalty procedure
 * (notice, statement, hearing where it applies, legal review, decision). The seizure case
 * therefore transfers (移送) the matter to a penalty case of the same party and records its number;
 * it may later record the property as confiscated only when that penalty case has decided
 * 没收非法财物, and copies the decision's number and date from it.
 *
 * `transfer` checks the handling decision (handling = transfer, penaltyCaseKey); `outcome` checks
 * what the seizure case records once the penalty case has decided (penaltyOutcome).
 */
export type PenaltyTransferRule = 'transfer' | 'outcome';

export const PENALTY_TRANSFER_RULES: readonly PenaltyTransferRule[] = ['transfer', 'outcome'];

/** The penalty decision's kind code for 没收非法财物 (rules/penalty-kinds.json). */
const CONFISCATE_PROPERTY = 'confiscateProperty';

interface Checked {
  errors: FieldError[];
  record: Record<string, unknown>;
}

export async function checkPenaltyTransfer(db: DbOrTx, rule: PenaltyTransferRule, variables: Record<string, unknown>, caseVars: Record<string, unknown>): Promise<Checked> {
  return rule === 'transfer' ? checkTransfer(db, variables, caseVars) : checkOutcome(db, variables, caseVars);
}

async function checkTransfer(db: DbOrTx, variables: Record<string, unknown>, caseVars: Record<string, unknown>): Promise<Checked> {
  if (variables.handling !== 'transfer') return { errors: [], record: {} };
  const key = typeof variables.penaltyCaseKey === 'string' ? variables.penaltyCaseKey.trim() : '';
  if (!key) {
    return { errors: [{ field: 'penaltyCaseKey', message: '移送行政处罚须填写「行政处罚案件编号」：请先在行政处罚程序中登记线索（与本案同一当事人），再填写该案件的编号' }], record: {} };
  }
  const found = await penaltyCase(db, key);
  if (!found) return { errors: [{ field: 'penaltyCaseKey', message: `没有编号为「${key}」的行政处罚案件：请先在行政处罚程序中登记线索，再填写该案件的编号` }], record: {} };
  const party = String(found.variables.party ?? '');
  if (party !== String(caseVars.party ?? '')) {
    return { errors: [{ field: 'penaltyCaseKey', message: `行政处罚案件「${key}」的当事人是「${party}」，与本案当事人「${String(caseVars.party ?? '')}」不同：只能移送同一当事人的案件` }], record: {} };
  }
  return { errors: [], record: { penaltyCaseKey: key } };
}

async function checkOutcome(db: DbOrTx, variables: Record<string, unknown>, caseVars: Record<string, unknown>): Promise<Checked> {
  if (variables.penaltyOutcome !== 'confiscated') return { errors: [], record: {} };
  const key = String(caseVars.penaltyCaseKey ?? '');
  const found = await penaltyCase(db, key);
  const kinds = found?.variables.decidedPenaltyKinds;
  const decisionNo = found?.variables.penaltyDecisionNo;
  if (!found || !Array.isArray(kinds) || !kinds.includes(CONFISCATE_PROPERTY) || typeof decisionNo !== 'string' || !decisionNo) {
    return {
      errors: [{ field: 'penaltyOutcome', message: `行政处罚案件「${key}」尚未作出没收非法财物的行政处罚决定，不能登记为已没收：财物仍予查封、扣押，直至处罚决定作出或者期限届满解除（《行政处罚法》第九条，《行政强制法》第二十八条）` }],
      record: {},
    };
  }
  return {
    errors: [],
    record: {
      penaltyCaseDecisionNo: decisionNo,
      penaltyCaseDecisionDate: found.variables.decisionDate ?? null,
      penaltyCaseConfiscatedItems: found.variables.confiscatedItems ?? null,
    },
  };
}

async function penaltyCase(db: DbOrTx, key: string): Promise<{ variables: Record<string, unknown> } | undefined> {
  if (!key) return undefined;
  const [row] = await casesByBusinessKey(db, 'penalty', key);
  return row ? { variables: fromJson<Record<string, unknown>>(row.variables, {}) } : undefined;
}
