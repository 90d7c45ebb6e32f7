import { lastDayOf as lastDay } from '../domain/last-day.ts';
import { clockCatalog } from '../domain/clock-catalog.ts';
import { kindLabel } from '../domain/decided-penalty.ts';
import type { CaseDiscretionRecord } from '../domain/case-discretion.ts';
import { NEVER } from '../engine/due.ts';
import { notFound } from '../errors.ts';
import type { DbOrTx } from '../store/db.ts';
import { definitionById } from '../store/definitions.ts';
import { instanceById, instancesOfCase, type InstanceRow } from '../store/instances.ts';
import { jobsOfInstance, JobStatus } from '../store/jobs.ts';
import { fromJson } from '../store/json.ts';
import { subscriptionsOfCase } from '../store/subscriptions.ts';
import { tasksOfCase, TaskStatus, type TaskRow } from '../store/tasks.ts';
import type { CaseClocks } from './case-clocks.ts';
import type { Definitions } from './definitions.ts';
import { holderLabels } from './task-holders.ts';

export interface CaseSummaryDeps {
  db: DbOrTx;
  caseClocks: CaseClocks;
  definitions: Definitions;
}

export interface CaseSummary {
  caseId: string;
  running: boolean;
  party?: { label: string; name: string };
  /** 统一社会信用代码, 身份证件号码, 法定代表人: those the case has. */
  identifiers: Array<{ label: string; value: string }>;
  /** 案由 (or a permit's 申请事项). */
  cause?: { label: string; value: string };
  /** Every open task of the case and of the processes it called, with who holds it. */
  steps: Array<{ taskId: string; name: string; processName?: string; holder: string; lastDay?: string }>;
  penalty?: { label: string; text: string };
  /** The violation chosen from the library and the discretion recorded at the case review (issue 15). */
  discretion?: { label: string; text: string };
  clocks: Array<{ label: string; lastDay?: string; statutory: boolean; paused: boolean; provisional: boolean }>;
  /** What the case waits for and until when, in the diagram's words. */
  waiting: string[];
}

const IDENTIFIERS: Array<[string, string]> = [['creditCode', '统一社会信用代码'], ['idNumber', '身份证件号码'], ['legalRepresentative', '法定代表人']];
const CAUSES: Array<[string, string]> = [['caseCause', '案由'], ['matter', '申请事项']];

// A limit set at the end of time (no limit) has no last day.
const lastDayOf = (ms: number | null | undefined) => (ms === null || ms === undefined || ms >= NEVER.getTime() ? undefined : (lastDay(ms) ?? undefined));
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * What a case is about and where it stands, for the top of the case page and of every task page:
 * one function, so the head approving the filing, the reviewer and 法制审核 read the same thing.
 */
export async function caseSummary(deps: CaseSummaryDeps, caseId: string): Promise<CaseSummary> {
  const { db } = deps;
  const root = await instanceById(db, caseId);
  if (!root) throw notFound('案件不存在');
  const v = fromJson<Record<string, unknown>>(root.variables, {});
  const running = (await instancesOfCase(db, caseId)).filter((i) => i.status === 'running');
  const open = (await tasksOfCase(db, caseId)).filter((t) => t.status === TaskStatus.open).sort((a, b) => a.created_at - b.created_at);
  const holders = await holderLabels(db, open);

  const processNames = new Map<string, string>();
  for (const inst of running) if (inst.id !== caseId) processNames.set(inst.id, (await definitionById(db, inst.definition_id))?.name ?? inst.process_key);

  const partyName = text(v.party) ?? text(v.applicant);
  const cause = CAUSES.find(([k]) => text(v[k]));
  return {
    caseId,
    running: root.status === 'running',
    ...(partyName && { party: { label: text(v.party) ? '当事人' : '申请人', name: partyName } }),
    identifiers: IDENTIFIERS.filter(([k]) => text(v[k])).map(([k, label]) => ({ label, value: text(v[k])! })),
    ...(cause && { cause: { label: cause[1], value: text(v[cause[0]])! } }),
    steps: open.map((t, i) => ({ taskId: t.id, name: t.name ?? '', processName: processNames.get(t.instance_id), holder: holders[i]!, lastDay: lastDayOf(t.due_at) })),
    penalty: penaltyOf(v),
    discretion: discretionOf(v),
    clocks: (await deps.caseClocks.list(db, caseId))
      .filter((c) => c.status !== 'stopped')
      .map((c) => ({ label: clockCatalog().label(c.name), lastDay: lastDayOf(c.dueAt ? Date.parse(c.dueAt) : null), statutory: clockCatalog().statutory(c.name), paused: c.status === 'paused', provisional: c.provisional })),
    waiting: await waitingOf(deps, caseId, running, open),
  };
}

/** 违法行为和裁量: the recorded calculation as a person reads it (never recomputed). */
function discretionOf(v: Record<string, unknown>): CaseSummary['discretion'] {
  if (typeof v.violationName !== 'string') return undefined;
  const d = v.discretion as CaseDiscretionRecord | null | undefined;
  const calc = d
    ? `；裁量基准${d.version}版：裁量分值${d.score}，计算幅度${d.computedRange.low}元至${d.computedRange.high}元，建议罚款${d.suggestedFine}元`
    : '；该违法行为尚无裁量基准表，未计算裁量幅度';
  const dev = v.discretionDeviation as { reason?: string } | null | undefined;
  return { label: '违法行为和裁量', text: `${v.violationName}${calc}${dev?.reason ? `；决定罚款不在计算幅度内，理由：${dev.reason}` : ''}` };
}

/** The decided penalty once there is one (处罚决定), else the one proposed at the case review and notified (拟处罚). */
function penaltyOf(v: Record<string, unknown>): CaseSummary['penalty'] {
  const decided = Array.isArray(v.decidedPenaltyKinds) && v.decidedPenaltyKinds.length > 0;
  const kinds = decided ? v.decidedPenaltyKinds : v.proposedPenaltyKinds;
  const fine = decided ? v.decidedFineAmount : v.proposedFineAmount;
  const parts: string[] = [];
  if (Array.isArray(kinds) && kinds.length) parts.push(kinds.map(kindLabel).join('、'));
  if (typeof fine === 'number' && fine > 0) parts.push(`罚款金额 ${fine.toLocaleString('zh-CN')} 元`);
  const confiscated = decided ? v.confiscatedAmount : v.proposedConfiscationValue;
  if (typeof confiscated === 'number' && confiscated > 0) parts.push(`没收金额（价值） ${confiscated.toLocaleString('zh-CN')} 元`);
  if (!parts.length && !decided && text(v.proposedPenalty)) parts.push(text(v.proposedPenalty)!);
  return parts.length ? { label: decided ? '处罚决定' : '拟处罚', text: parts.join('，') } : undefined;
}

/**
 * What the case waits for, named as the diagram names it: each timer with the day it falls due
 * (公告期满视为送达, 催告期满且复议、诉讼期限届满), and each message that may come only until then
 * (收到听证申请 on the statement period: until the period's timer, or the task's own deadline).
 * Messages that may come at any time (an extension request) are the page's 登记事项, not listed here.
 */
async function waitingOf(deps: CaseSummaryDeps, caseId: string, running: InstanceRow[], open: TaskRow[]): Promise<string[]> {
  const { db } = deps;
  const out: string[] = [];
  const compiled = new Map<string, Awaited<ReturnType<Definitions['compiledById']>>>();
  for (const inst of running) compiled.set(inst.id, await deps.definitions.compiledById(db, inst.definition_id));
  // The day each waiting activity ends: its timer boundary's, else its task's deadline.
  const ends = new Map<string, string>();
  for (const t of open) if (lastDayOf(t.due_at)) ends.set(`${t.instance_id}:${t.element_id}`, lastDayOf(t.due_at)!);
  for (const inst of running) {
    const c = compiled.get(inst.id)!;
    for (const job of (await jobsOfInstance(db, inst.id)).filter((j) => j.status === JobStatus.pending)) {
      const day = lastDayOf(job.due_at);
      if (!day) continue;
      const owner = c.attachedTo[job.element_id];
      const name = c.elementNames[job.element_id];
      if (!name) continue;
      if (owner) ends.set(`${inst.id}:${owner}`, day);
      const activity = owner ? c.elementNames[owner] : undefined;
      // A timer on an open task (审核期限届满 on 法制审核) is that task's deadline, shown with the task.
      if (owner && open.some((t) => t.instance_id === inst.id && t.element_id === owner)) continue;
      out.push(activity ? `${activity}：${name}，${day} 届满` : `${name}：${day} 届满`);
    }
  }
  for (const sub of await subscriptionsOfCase(db, caseId)) {
    const c = compiled.get(sub.instance_id);
    const owner = c?.attachedTo[sub.element_id];
    const until = owner ? ends.get(`${sub.instance_id}:${owner}`) : undefined;
    if (c && until) out.push(`${c.elementNames[sub.element_id] ?? sub.message_name}：可至 ${until}`);
  }
  return out;
}
