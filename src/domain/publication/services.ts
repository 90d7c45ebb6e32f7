import { shanghaiDate, startOfShanghaiDay } from '../../calendar/index.ts';
import { ZhifaError } from '../../errors.ts';
import type { Clock } from '../../clock.ts';
import type { ServiceRegistry } from '../../engine/services.ts';
import type { ServiceContext } from '../../workflow/service-context.ts';
import { appendHistory } from '../../store/history.ts';
import { insertPublication, publicationRowById, withdrawPublicationRow, type PublicationRow } from '../../store/publications.ts';
import type { Agency } from './agency.ts';
import { registerCorrectionService } from './correction.ts';
import { exclusionOf } from './exclusion.ts';
import type { DecisionDocument } from './decision-documents.ts';
import { buildFields } from './fields.ts';
import { dateOf, earliestRepairDay, PUBLICATION_KINDS, publicationEnd, publicationPeriods, type PublicationKind, type PublicationPeriods } from './periods.ts';
import { findPublishedDecision, missingNumber } from './published-decision.ts';
import { sameCase } from './same-case.ts';

/** The context a service gets from the instance runner (see workflow/clock-services.ts). */

export interface PublicationServiceOptions {
  clock: Clock;
  agency: Agency;
  /** Which issued document each publication publishes (documents/kinds.json, `publishes`). */
  decisionDocuments: readonly DecisionDocument[];
  periods?: PublicationPeriods;
}

function kindOf(arg: string | undefined, variables: Record<string, unknown>): PublicationKind {
  const kind = arg || variables.publicationKind;
  if (!PUBLICATION_KINDS.includes(kind as PublicationKind)) throw new Error(`a publication needs a kind (argument or publicationKind): one of ${PUBLICATION_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
  return kind as PublicationKind;
}

/**
 * `${services.findDecision}` (or `('penalty')`), at the start of a publication, finds the decision
 * it publishes (published-decision.ts) and sets publicationDecisionNo (null when none is found),
 * publicationDecisionDate (YYYY-MM-DD, from which the publication limit counts) and
 * publicationDecisionDocumentId. It always looks again: a value left by an earlier publication
 * of the case is never taken for this one's.
 * `${services.publishDecision('penalty')}` (or without an argument: the case's publicationKind)
 * publishes that decision, with the number the review confirmed or entered (publicationDecisionNo);
 * without any number it refuses and publishes nothing. It
 * builds the 双公示 fields from the case variables, redacts them and publishes them until the end
 * of the publication period; sets published, publicationId, publicationUntil (ISO instant, for a
 * timer) and publicationLastDay. An excluded case (minor, secrets, privacy) is not published:
 * published = false and publicationExcludedReason.
 * `${services.withdrawPublication}` withdraws the case's publication with withdrawalReason
 * (and withdrawalExplanation); the withdrawal notice stays listed, the item itself not.
 */
export function registerPublicationServices(registry: ServiceRegistry, options: PublicationServiceOptions): void {
  const periods = options.periods ?? publicationPeriods();
  registerCorrectionService(registry, options.clock);
  const table = options.decisionDocuments;

  registry.register('findDecision', async ({ args: [arg], variables, context }) => {
    const ctx = context as ServiceContext;
    const found = await findPublishedDecision(ctx.tx, ctx.caseId, kindOf(arg, variables), variables, table, options.clock.now());
    return { publicationDecisionNo: found.number, publicationDecisionDate: found.date, publicationDecisionDocumentId: found.documentId };
  });

  registry.register('publishDecision', async ({ args: [arg], variables, context, instanceId, idempotencyKey, elementId }) => {
    const ctx = context as ServiceContext;
    const kind = kindOf(arg, variables);
    const now = options.clock.now();
    const exclusion = exclusionOf(variables);
    if (exclusion.excluded) {
      await appendHistory(ctx.tx, [{ instanceId: ctx.caseId, at: now.getTime(), actor: ctx.actor, kind: 'publication.excluded', elementId, data: { kind, reason: exclusion.reason } }]);
      return { published: false, publicationExcludedReason: exclusion.reason };
    }
    const found = await findPublishedDecision(ctx.tx, ctx.caseId, kind, variables, table, now);
    const decisionNo = (typeof variables.publicationDecisionNo === 'string' && variables.publicationDecisionNo.trim()) || found.number;
    if (!decisionNo) throw new Error(missingNumber(kind, table, variables));
    const decisionDate = dateOf(variables.publicationDecisionDate) ?? found.date;
    const serious = variables.serious === true;
    const override = typeof variables.publicationPeriod === 'string' && variables.publicationPeriod ? variables.publicationPeriod : undefined;
    const { lastDay, until } = publicationEnd(kind, decisionDate, { serious, validTo: dateOf(variables.validUntil), override }, periods);
    const fields = buildFields(kind, variables, { agency: options.agency, decisionNo, decisionDate, lastDay });
    const id = await insertPublication(ctx.tx, {
      case_id: ctx.caseId,
      instance_id: instanceId,
      idempotency_key: idempotencyKey,
      kind,
      party_name: String(fields['行政相对人名称'] ?? ''),
      decision_no: decisionNo,
      fields,
      serious,
      decision_date: startOfShanghaiDay(decisionDate).getTime(),
      published_at: now.getTime(),
      publish_until: until.getTime(),
      published_by: ctx.actor,
    });
    await appendHistory(ctx.tx, [{ instanceId: ctx.caseId, at: now.getTime(), actor: ctx.actor, kind: 'publication.published', elementId, data: { publicationId: id, kind, publishUntil: until.toISOString() } }]);
    return { published: true, publicationId: id, publicationUntil: until.toISOString(), publicationLastDay: lastDay };
  });

  registry.register('withdrawPublication', async ({ variables, context, elementId }) => {
    const ctx = context as ServiceContext;
    const id = Number(variables.publicationId);
    const reason = typeof variables.withdrawalReason === 'string' ? variables.withdrawalReason.trim() : '';
    if (!Number.isInteger(id) || id <= 0) throw new Error('withdrawPublication needs the case variable publicationId (set by publishDecision)');
    if (!reason) throw new Error('withdrawPublication needs the case variable withdrawalReason (撤销, 确认违法, 责令重作 …)');
    const row = await publicationRowById(ctx.tx, id);
    if (!row || !(await sameCase(ctx.tx, row.case_id, ctx.caseId))) throw new Error(`publication ${id} does not belong to case ${ctx.caseId} or to a case with its business key`);
    const now = options.clock.now().getTime();
    const explanation = typeof variables.withdrawalExplanation === 'string' && variables.withdrawalExplanation.trim() ? variables.withdrawalExplanation.trim() : null;
    const creditRepair = reason === CREDIT_REPAIR ? creditRepairOf(row, variables, periods) : undefined;
    if (await withdrawPublicationRow(ctx.tx, id, { at: now, reason, explanation, by: ctx.actor, creditRepair })) {
      // Recorded on the decision's own case, where a supervisor looks for it.
      await appendHistory(ctx.tx, [{ instanceId: row.case_id, at: now, actor: ctx.actor, kind: 'publication.withdrawn', elementId, data: { publicationId: id, reason, withdrawnBy: ctx.caseId } }]);
    }
    const after = await publicationRowById(ctx.tx, id);
    if (creditRepair) await appendHistory(ctx.tx, [{ instanceId: row.case_id, at: now, actor: ctx.actor, kind: 'publication.creditRepaired', elementId, data: { publicationId: id, creditRepairNo: creditRepair.no, creditRepairOn: new Date(creditRepair.on).toISOString() } }]);
    return { publicationWithdrawn: true, publicationWithdrawnAt: new Date(after?.withdrawn_at ?? now).toISOString() };
  });
}

/** The withdrawal reason for an early take-down after credit repair (信用修复). */
export const CREDIT_REPAIR = '信用修复';

/**
 * Credit repair takes a penalty down before its maximum period, only once its minimum period is
 * over (rules/publication-periods.json: 最短公示期届满后方可修复) and on an approved repair decision
 * (`creditRepairDecisionNo`, `creditRepairApprovedOn`), named on the withdrawal notice.
 */
function creditRepairOf(row: PublicationRow, variables: Record<string, unknown>, periods: PublicationPeriods): { no: string; on: number } {
  if (row.kind !== 'penalty') throw new ZhifaError('unprocessable', '信用修复只适用于行政处罚信息；许可等其他决定的公示按原因撤回');
  const no = typeof variables.creditRepairDecisionNo === 'string' ? variables.creditRepairDecisionNo.trim() : '';
  const approved = dateOf(variables.creditRepairApprovedOn);
  if (!no || !approved) throw new ZhifaError('unprocessable', '因信用修复撤回的，请填写「信用修复决定文书号」和「信用修复批准日期」');
  const decided = shanghaiDate(new Date(Number(row.decision_date)));
  const earliest = earliestRepairDay(decided, Boolean(row.serious), periods);
  if (approved < earliest) {
    const severity = periods.penalty[row.serious ? 'serious' : 'ordinary'];
    throw new ZhifaError('unprocessable', `${severity.label}的行政处罚信息最短公示期为${severity.minimumText}（决定日期 ${decided}），${earliest} 起方可经信用修复提前停止公示；信用修复批准日期为 ${approved}`);
  }
  return { no, on: startOfShanghaiDay(approved).getTime() };
}
