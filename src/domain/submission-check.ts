import { mayDecideAfterReview } from './legal-review-outcome.ts';
import { shanghaiDateOfEnd } from '../calendar/dates.ts';
import { shanghaiDate, type WorkCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import type { Tx } from '../store/db.ts';
import { instanceById } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import type { TaskRow } from '../store/tasks.ts';
import { checkPeriodsAfter } from './date-rules.ts';
import { checkFinePayment } from './fine-payment.ts';
import { checkCollectiveQuorum } from './collective-quorum.ts';
import { checkDateOrder } from './date-order.ts';
import { checkDecidedPenalty } from './decided-penalty.ts';
import { caseReviewDiscretion, decisionDiscretion, type DiscretionSources } from './case-discretion.ts';
import { checkPaymentSchedule } from './payment-schedule.ts';
import { checkFiling, type LimitationPeriod } from './filing-check.ts';
import { checkNotAfterToday } from './not-after-today.ts';
import { checkPublicationComplete } from './publication/preview.ts';
import { checkRedactionLists } from './publication/redaction.ts';
import { checkPenaltyTransfer } from './penalty-transfer.ts';
import { clockInScope } from '../store/clocks.ts';
import type { FieldError } from './form-messages.ts';
import { documentVariables, type DocumentTemplates } from './documents.ts';
import type { FormRegistry, TaskForm } from './forms.ts';
import { checkCertifiedOfficers } from './personnel.ts';
import { displayNames, missingCaseVariables, personNotInProblems, unknownUsers } from './penalty-form-rules.ts';
import type { ProtectedVariables } from './protected-variables.ts';

/**
 * Checks a submission against its task's form; returns the variables to apply (with what the form
 * records). `bpmnError`: the task ends by a BPMN error, not through its form — only the rules that
 * hold however a step ends (the audio-video gate) apply.
 */
export type SubmissionCheck = (tx: Tx, task: TaskRow, variables: Record<string, unknown>, username: string, how?: { bpmnError: true }) => Promise<Record<string, unknown>>;

/**
 * A task completed through its form is checked before the case may move: the schema, then the
 * rules that need the case or the database (certified and distinct officers, a reviewer who
 * did not handle the case, a decision only after a passed legal review), the calendar (a date
 * at least P7WD after another) or the law's arithmetic (a fine paid with its surcharge). The
 * answer is one 422 with a message per field, in the words staff read. A protected variable
 * (rules/protected-variables.json) is refused first unless this step owns it.
 */
export function createSubmissionCheck(forms: FormRegistry, protectedVariables: ProtectedVariables, clock: Clock, documents?: DocumentTemplates, calendar?: WorkCalendar, limitation?: LimitationPeriod, discretion?: DiscretionSources): SubmissionCheck {
  return async (tx, task, variables, username, how) => {
    const instance = await instanceById(tx, task.instance_id);
    // Before anything else and however the step ends: only the owning step writes what a rule relies on.
    protectedVariables.assertWritable(variables, { kind: 'task', step: { process: instance?.process_key ?? '', element: task.element_id } });
    if (how?.bpmnError) return variables;
    const form = forms.get(task.form_key);
    if (!form) {
      // A form key that names no form must not mean "no checks": deployment refuses such a
      // diagram, and a form removed since is refused here rather than skipped.
      if (task.form_key) throw new ZhifaError('unprocessable', `任务「${task.name ?? task.element_id}」的表单「${task.form_key}」不存在，不能办理；请管理员恢复表单目录中的 ${task.form_key}.json`);
      return variables;
    }
    // Only what the step's form declares: an undeclared field would otherwise reach the case (and,
    // from a called process, its caller) and could turn a gateway that the form never asks about.
    const errors = forms.checkDeclared(form, variables);
    for (const field of form.rules.certifiedOfficers ?? []) {
      errors.push(...(await checkCertifiedOfficers(tx, field, titleOf(form, field), variables[field], clock.now().getTime())));
    }
    if (form.rules.certifiedActor) {
      const own = await checkCertifiedOfficers(tx, '', '办理人', username, clock.now().getTime());
      errors.push(...own.map((e) => ({ ...e, message: `${e.message}：只有持有效执法证的人员可以办理「${task.name ?? form.schema.title ?? form.key}」` })));
    }
    const caseVars = fromJson<Record<string, unknown>>(instance?.variables, {});
    errors.push(...caseRules(form, caseVars, variables, username));
    const title = (field: string) => titleOf(form, field);
    if (form.rules.periodsAfter) errors.push(...checkPeriodsAfter(form.rules.periodsAfter, variables, caseVars, title, needCalendar(calendar, form), clock.now()));
    errors.push(...(await caseDataRules(tx, form, variables, caseVars)));
    const payment = form.rules.finePayment ? checkFinePayment(form.rules.finePayment, variables, caseVars, title, shanghaiDate(clock.now())) : { errors: [], record: {} };
    errors.push(...payment.errors);
    if (form.rules.dateOrder) errors.push(...checkDateOrder(form.rules.dateOrder, variables, caseVars, shanghaiDate(clock.now())));
    const collective = form.rules.collectiveQuorum ? await checkCollectiveQuorum(tx, form.rules.collectiveQuorum, variables, title) : { errors: [], record: {} };
    errors.push(...collective.errors);
    const decided = form.rules.notHeavierThanNotice ? checkDecidedPenalty(variables, caseVars) : { errors: [], record: {} };
    errors.push(...decided.errors);
    const discretionOutcome = discretionRule(form, discretion, variables, caseVars, shanghaiDate(clock.now()));
    errors.push(...discretionOutcome.errors);
    if (form.rules.paymentSchedule) errors.push(...checkPaymentSchedule(form.rules.paymentSchedule, variables, caseVars, title));
    if (form.rules.redactionLists) errors.push(...checkRedactionLists(form.rules.redactionLists, variables, title));
    if (form.rules.publicationComplete) {
      if (!documents) throw new Error(`form ${form.key} checks a publication but the submission check was built without the documents (the agency)`);
      const agency = documents.kinds.agency;
      errors.push(...checkPublicationComplete(variables, caseVars, { name: agency.name, creditCode: agency.creditCode ?? '' }));
    }
    if (form.rules.notAfterToday) errors.push(...checkNotAfterToday(form.rules.notAfterToday, variables, title, shanghaiDate(clock.now())));
    let filingDate: Record<string, unknown> = {};
    if (form.rules.filingDecision) {
      if (!limitation) throw new Error(`form ${form.key} decides on filing but the submission check was built without the limitation period`);
      const filingClock = await clockInScope(tx, task.instance_id, form.rules.filingDecision.clock);
      const due = filingClock?.status === 'running' && filingClock.due_at !== null ? Number(filingClock.due_at) : null;
      const today = shanghaiDate(clock.now());
      errors.push(...checkFiling(limitation, { values: { ...caseVars, ...variables }, today, filingLastDay: due === null ? null : shanghaiDateOfEnd(new Date(due)) }));
      // The day of the decision is recorded: the decision clock counts from it.
      if (variables.filingDate === undefined) filingDate = { filingDate: today };
    }
    const transfer = form.rules.penaltyTransfer ? await checkPenaltyTransfer(tx, form.rules.penaltyTransfer, variables, caseVars) : { errors: [], record: {} };
    errors.push(...transfer.errors);
    // A step done after its due time (the emergency report, 24 hours, 强制法 art. 19) says why, and the case records that it was late.
    const late = form.rules.lateStep ? lateStep(form.rules.lateStep, task, variables, title, clock.now().getTime()) : { errors: [], record: {} };
    errors.push(...late.errors);
    if (errors.length) {
      throw new ZhifaError('unprocessable', `表单「${form.schema.title ?? form.key}」有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
    }
    let result: Record<string, unknown> = { ...variables, ...filingDate, ...payment.record, ...decided.record, ...discretionOutcome.record, ...collective.record, ...late.record, ...transfer.record };
    if (form.rules.recordActorAs) result[form.rules.recordActorAs] = username;
    for (const kind of form.rules.issueDocuments ?? []) {
      if (!documents || !instance) break;
      const issued = await documents.issue(tx, instance.root_id, instance.id, kind, { ...caseVars, ...result }, username);
      result = { ...result, ...documentVariables(kind, issued) };
    }
    return result;
  };
}

function discretionRule(form: TaskForm, sources: DiscretionSources | undefined, variables: Record<string, unknown>, caseVars: Record<string, unknown>, today: string): { errors: FieldError[]; record: Record<string, unknown> } {
  const rule = form.rules.discretion;
  if (!rule) return { errors: [], record: {} };
  if (rule === 'check') return decisionDiscretion(variables, caseVars);
  if (!sources) throw new Error(`form ${form.key} computes the discretion but the submission check was built without the violation library and the benchmark`);
  return caseReviewDiscretion(sources, variables, caseVars, today);
}

function lateStep(rule: { reason: string; flag: string }, task: TaskRow, variables: Record<string, unknown>, title: (f: string) => string, now: number): { errors: FieldError[]; record: Record<string, unknown> } {
  const isLate = task.due_at !== null && now >= Number(task.due_at);
  const reason = variables[rule.reason];
  if (isLate && (typeof reason !== 'string' || !reason.trim())) {
    // A limit in days ends at 24:00 of its last day: named by that day, never by the next day's 00:00.
    const at = new Date(Number(task.due_at));
    const due = (at.getTime() + 8 * 3_600_000) % 86_400_000 === 0 ? shanghaiDateOfEnd(at) : at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    return { errors: [{ field: rule.reason, message: `「${task.name ?? task.element_id}」的期限已于 ${due} 届满，逾期办理须填写「${title(rule.reason)}」` }], record: {} };
  }
  return { errors: [], record: { [rule.flag]: isLate } };
}

function caseRules(form: TaskForm, vars: Record<string, unknown>, submitted: Record<string, unknown>, username: string): FieldError[] {
  const errors: FieldError[] = [];
  const gate = form.rules.requiresPassedReview;
  const gated = typeof gate === 'string' ? submitted[gate] === true : gate === true;
  if (gated && vars.legalReviewRequired === true && !mayDecideAfterReview(vars)) {
    const rule = vars.legalReviewRuleLabel ? `（${String(vars.legalReviewRuleLabel)}）` : '';
    errors.push({ field: '', message: `本案属于法制审核目录${rule}，未经法制审核或审核未通过，不得作出决定` });
  }
  for (const name of form.rules.excludeActorsIn ?? []) {
    const v = vars[name];
    const people = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)];
    if (people.includes(username)) errors.push({ field: '', message: `您是本案的${ROLE_WORDS[name] ?? name}，不得办理本环节` });
  }
  return errors;
}

/** The rules of the notice and hearing steps (处罚法 arts. 44, 64): the basis recorded, a host who did not investigate, dates in order. */
async function caseDataRules(tx: Tx, form: TaskForm, variables: Record<string, unknown>, caseVars: Record<string, unknown>): Promise<FieldError[]> {
  const { requiresCaseVariables, personNotIn, knownUsers } = form.rules;
  const title = (field: string) => form.schema.properties?.[field]?.title ?? CASE_TITLES[field] ?? field;
  const errors = missingCaseVariables(requiresCaseVariables ?? [], caseVars, CASE_TITLES);
  if (knownUsers) errors.push(...(await unknownUsers(tx, knownUsers, variables, title)));
  if (personNotIn) {
    const people = personNotIn.flatMap((r) => (variables[r.field] === undefined ? [] : [String(variables[r.field])]));
    const names = await displayNames(tx, people);
    errors.push(...personNotInProblems(personNotIn, variables, caseVars, title, (u) => names.get(u) ?? u));
  }
  return errors;
}

const CASE_TITLES: Record<string, string> = {
  violatedProvisions: '违反的法律规定（违法依据）', penaltyProvisions: '处罚依据', proposedPenaltyKinds: '拟处罚种类', hearingDate: '听证日期',
  reminderLastDay: '催告期届满日', remedyLastDay: '复议、诉讼期限届满日',
};

function needCalendar(calendar: WorkCalendar | undefined, form: TaskForm): WorkCalendar {
  if (!calendar) throw new Error(`form ${form.key} counts working days but the submission check was built without the calendar`);
  return calendar;
}

function titleOf(form: TaskForm, field: string): string {
  return form.schema.properties?.[field]?.title ?? CASE_TITLES[field] ?? field;
}

const ROLE_WORDS: Record<string, string> = { investigators: '调查人员', handledBy: '承办人', handler: '承办人' };
