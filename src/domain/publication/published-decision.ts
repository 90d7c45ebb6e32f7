import { CalendarInputError, parseInstant, shanghaiDate } from '../../calendar/index.ts';
import type { DbOrTx } from '../../store/db.ts';
import { documentById, latestDocumentOfKind, type DocumentRow } from '../../store/documents.ts';
import { documentVariableNames } from '../documents.ts';
import { decisionDocumentFor, type DecisionDocument } from './decision-documents.ts';
import type { PublicationKind } from './periods.ts';

/** The decision a publication publishes: its number and its date (a Shanghai date). */
export interface PublishedDecision {
  number: string | null;
  date: string;
  documentId: number | null;
}

/** The case variable a caller may give the number in, when no document of the case carries it. */
const NUMBER_VARIABLE: Record<PublicationKind, string> = { penalty: 'penaltyDecisionNo', permit: 'permitDecisionNo', other: 'decisionNo' };
/** What the credit platform calls the number. */
export const NUMBER_FIELD: Record<PublicationKind, string> = { penalty: '行政处罚决定书文号', permit: '行政许可决定文书号', other: '决定文书号' };

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

/**
 * Number: the issued decision document's own case variable (penaltyDecisionNo, seizureExtensionNo …),
 * else that document as filed for the case, else the caller's variable (decisionNo for `other`).
 * Date: the case's decisionDate as staff stated it, else the day the document was issued, else
 * `now` (the publication follows its decision at once).
 */
export async function findPublishedDecision(
  db: DbOrTx,
  caseId: string,
  kind: PublicationKind,
  variables: Record<string, unknown>,
  table: readonly DecisionDocument[],
  now: Date,
): Promise<PublishedDecision> {
  const spec = decisionDocumentFor(table, kind, text(variables.decisionKind) || undefined);
  const issued = spec ? await issuedDocument(db, caseId, spec.documentKind, variables) : undefined;
  const ownNumber = spec ? text(variables[documentVariableNames(spec.documentKind).number]) : '';
  const number = ownNumber || issued?.number || text(variables[NUMBER_VARIABLE[kind]]) || null;
  const stated = variables.decisionDate;
  const date = stated !== undefined && stated !== null && stated !== '' ? statedDate(stated) : shanghaiDate(issued ? new Date(issued.created_at) : now);
  return { number, date, documentId: issued?.id ?? null };
}

/** The refusal when no number is found: what is missing and where it was looked for. */
export function missingNumber(kind: PublicationKind, table: readonly DecisionDocument[], variables: Record<string, unknown>): string {
  const spec = decisionDocumentFor(table, kind, text(variables.decisionKind) || undefined);
  const names = [...new Set([spec ? documentVariableNames(spec.documentKind).number : null, NUMBER_VARIABLE[kind]].filter(Boolean))].join('、');
  const document = spec ? `，本案也没有已签发的「${spec.title}」（${spec.documentKind}）` : '';
  return `不予公示：未找到所公示决定的${NUMBER_FIELD[kind]}（案件变量 ${names} 未填写${document}）。请在「公示信息审核」中填写决定文书号后再公示`;
}

/** The document the case variables point to (…DocumentId), else the case's latest of that kind. */
async function issuedDocument(db: DbOrTx, caseId: string, documentKind: string, variables: Record<string, unknown>): Promise<DocumentRow | undefined> {
  const id = Number(variables[documentVariableNames(documentKind).id]);
  if (Number.isInteger(id) && id > 0) {
    const row = await documentById(db, id);
    if (row && row.case_id === caseId && row.kind === documentKind) return row;
  }
  return latestDocumentOfKind(db, caseId, documentKind);
}

function statedDate(value: unknown): string {
  try {
    return shanghaiDate(parseInstant(value, '决定日期'));
  } catch (err) {
    if (err instanceof CalendarInputError) throw new Error(`决定日期（decisionDate）「${String(value)}」无法识别：应为 YYYY-MM-DD 或带时区的 ISO 日期时间`);
    throw err;
  }
}
