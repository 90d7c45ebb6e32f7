import type { Clock } from '../../clock.ts';
import type { ServiceRegistry } from '../../engine/services.ts';
import { ZhifaError } from '../../errors.ts';
import { appendHistory } from '../../store/history.ts';
import { correctPublicationField } from '../../store/publication-corrections.ts';
import { publicationRowById, toPublication } from '../../store/publications.ts';
import type { ServiceContext } from '../../workflow/service-context.ts';
import { FREE_TEXT_FIELDS } from './fields.ts';
import type { PublicationKind } from './periods.ts';
import { redactFields } from './redaction.ts';
import { sameCase } from './same-case.ts';

/**
 * What may not be corrected in place: the agency's own fields, and the dates the publication period
 * counts from or ends on (公示截止期, the decision date). A wrong decision date is a wrong period:
 * the item is withdrawn and published again, never quietly moved.
 */
const NOT_CORRECTABLE = /机关|数据来源单位|公示截止期|决定日期/;
const NUMERIC = /（万元）$/;

const refuse = (detail: string) => new ZhifaError('unprocessable', detail);

export interface CorrectionInput {
  field: string;
  correctedValue: string;
}

function correctionsOf(v: Record<string, unknown>): CorrectionInput[] {
  const list = Array.isArray(v.publicationCorrections) ? v.publicationCorrections : [];
  return list.map((c) => ({ field: String((c as CorrectionInput)?.field ?? '').trim(), correctedValue: String((c as CorrectionInput)?.correctedValue ?? '').trim() }));
}

/**
 * `${services.correctPublication}` (更正公示): a published item found wrong is corrected within the
 * same 3 working days as a withdrawal (processes/publication-correction.bpmn). Each listed field
 * (`publicationCorrections`: [{field, correctedValue}]) gets its new value, redacted like the
 * rest (redaction.ts), and a correction record: what was published, what it is now, the public
 * explanation (`correctionExplanation`) and the date. Refused (422, nothing changed): an item
 * not listed any more (withdrawn or past its period), a field it does not have or that may not
 * be corrected in place, a value unchanged or empty.
 */
export function registerCorrectionService(registry: ServiceRegistry, clock: Clock): void {
  registry.register('correctPublication', async ({ variables, context, elementId, instanceId, idempotencyKey }) => {
    const ctx = context as ServiceContext;
    const id = Number(variables.publicationId);
    if (!Number.isInteger(id) || id <= 0) throw new Error('correctPublication needs the case variable publicationId (set by publishDecision)');
    const row = await publicationRowById(ctx.tx, id);
    if (!row || !(await sameCase(ctx.tx, row.case_id, ctx.caseId))) throw new Error(`publication ${id} does not belong to case ${ctx.caseId} or to a case with its business key`);
    const now = clock.now().getTime();
    const item = toPublication(row, now);
    if (item.status !== 'published') throw refuse(`决定文书号 ${item.decisionNo} 的公示信息${item.status === 'withdrawn' ? '已撤回' : '已过公示期限'}，不能更正`);
    const explanation = typeof variables.correctionExplanation === 'string' ? variables.correctionExplanation.trim() : '';
    if (!explanation) throw refuse('请填写「更正说明（公开）」：写明原公示信息错在何处');
    const corrections = correctionsOf(variables);
    if (!corrections.length) throw refuse('请至少列出一项需要更正的公示内容');
    const kind = item.kind as PublicationKind;
    const names = Array.isArray(variables.namesToRedact) ? variables.namesToRedact.filter((n): n is string => typeof n === 'string') : [];
    const fields: Record<string, string | number> = { ...item.fields };
    const changes: Array<{ field: string; oldValue: string; newValue: string | number }> = [];
    for (const c of corrections) {
      if (!(c.field in fields)) throw refuse(`公示信息中没有「${c.field}」一项，不能更正`);
      if (NOT_CORRECTABLE.test(c.field)) throw refuse(`「${c.field}」不能直接更正：机关信息由系统填写；决定日期和公示截止期决定公示期限，有误的应撤回后重新公示`);
      if (changes.some((x) => x.field === c.field)) throw refuse(`「${c.field}」列出了两次，请合并为一项`);
      if (!c.correctedValue) throw refuse(`请填写「${c.field}」更正后的内容`);
      let value: string | number = c.correctedValue;
      if (NUMERIC.test(c.field)) {
        const n = Number(c.correctedValue.replace(/[,，\s]/g, ''));
        if (!Number.isFinite(n) || n < 0) throw refuse(`「${c.field}」应填写以万元计的数字，如 30（收到“${c.correctedValue.slice(0, 20)}”）`);
        value = n;
      }
      value = redactFields({ [c.field]: value }, FREE_TEXT_FIELDS[kind] ?? [], { names })[c.field] as string | number;
      if (String(value) === String(fields[c.field])) throw refuse(`「${c.field}」更正后的内容与原公示内容相同`);
      changes.push({ field: c.field, oldValue: String(fields[c.field] ?? ''), newValue: value });
      fields[c.field] = value;
    }
    for (const c of changes) {
      const columns = c.field === '行政相对人名称' ? { party_name: String(c.newValue) } : /决定书?文号$|决定文书号$/.test(c.field) ? { decision_no: String(c.newValue) } : {};
      await correctPublicationField(ctx.tx, {
        publication_id: id, idempotency_key: `${idempotencyKey}:${c.field}`, field: c.field, old_value: c.oldValue, new_value: String(c.newValue),
        explanation, corrected_at: now, corrected_by: ctx.actor, instance_id: instanceId,
      }, fields, columns);
    }
    // Recorded on the decision's own case, where a supervisor looks for it.
    await appendHistory(ctx.tx, [{ instanceId: row.case_id, at: now, actor: ctx.actor, kind: 'publication.corrected', elementId, data: { publicationId: id, fields: changes.map((c) => c.field), explanation, correctedBy: ctx.caseId } }]);
    return { publicationCorrected: true, publicationCorrectedAt: new Date(now).toISOString() };
  });
}
