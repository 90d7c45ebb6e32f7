import { clockCatalog } from '../../../domain/clock-catalog.ts';
import { dueText } from '../shared/last-day.ts';
import { periodText } from '../shared/period-text.ts';

/** What describing an entry reads of it: its kind, the step it concerns and what was recorded with it. */
export interface RecordedEntry {
  kind: string;
  elementId: string | null;
  data: unknown;
}

const CLOCK_EVENTS: Record<string, string> = { start: '开始计算', pause: '中止（暂停）', resume: '恢复计算', extend: '延长', stop: '停止' };
const RELEASE_REASONS: Record<string, string> = { 'account deactivated': '办理人的账号已停用' };
const IDENTIFIER = /^[A-Za-z_][\w.-]*$/;

/** The name the diagram gives a step (立案审批), or undefined for a step it leaves unnamed. */
export type StepName = (elementId: string | null | undefined) => string | undefined;

/**
 * A clock's recorded reason is the step that changed it ("startFilingClock"), maybe with words
 * ("pauseForHearing：听证"): the step by its name, an unnamed step not at all.
 */
export function reasonText(reason: unknown, stepName: StepName): string {
  if (typeof reason !== 'string' || !reason) return '';
  const [head, ...rest] = reason.split('：');
  const words = rest.join('：');
  if (!IDENTIFIER.test(head!)) return reason;
  const step = stepName(head);
  return [step ? `「${step}」` : '', words].filter(Boolean).join('：');
}

/**
 * A recorded entry in words a clerk or a supervisor reads (zh-CN), or null for one that is the
 * engine's own bookkeeping (a gateway or a script step the diagram leaves unnamed, a call's start
 * that the called process's own start already says). Steps are named as the diagram names them.
 */
export function describeEntry(h: RecordedEntry, processName: string, stepName: StepName = () => undefined): { label: string; detail: string } | null {
  const d = (h.data ?? {}) as Record<string, unknown>;
  // An ended step or a timer records its diagram name; a message's `name` is its id, never shown.
  const step = stepName(h.elementId) ?? ((h.kind === 'activity.end' || h.kind === 'timer.fired') && typeof d.name === 'string' && d.name ? d.name : undefined);
  const quoted = step ? `「${step}」` : '';
  switch (h.kind) {
    case 'instance.started':
      return { label: `启动「${processName}」`, detail: '' };
    case 'instance.cancelled':
      return { label: `「${processName}」被取消`, detail: String(d.reason ?? '') };
    case 'task.completed': {
      // A late filing decision carries its reason on the record (生态环境行政处罚办法 2023: 15 days, +15 on approval).
      const vars = d.variables as { lateFilingReason?: unknown; emergencyReportLate?: unknown; lateReportReason?: unknown } | undefined;
      const late = vars?.lateFilingReason;
      // A late emergency report (强制法 art. 19, 24 hours) is flagged on the case with its reason.
      const lateReport = vars?.emergencyReportLate === true ? `逾期报告（超过24小时），理由：${String(vars.lateReportReason ?? '')}` : '';
      return { label: `提交${quoted || '任务'}表单`, detail: [typeof late === 'string' && late ? `逾期立案理由：${late}` : '', lateReport].filter(Boolean).join('；') };
    }
    case 'task.error':
      return { label: `${quoted || '任务'}以业务异常结束`, detail: '' };
    case 'task.claimed':
      return { label: `认领任务${quoted}`, detail: '' };
    case 'task.released':
      return { label: `退回任务${quoted}`, detail: RELEASE_REASONS[String(d.reason ?? '')] ?? String(d.reason ?? '') };
    case 'activity.end':
      return step ? { label: `完成环节「${step}」`, detail: '' } : null;
    case 'call':
      return null;
    case 'timer.fired':
      return { label: `计时到期${quoted}`, detail: '' };
    case 'timer.due':
      return { label: `计时器到期处理${quoted}`, detail: '' };
    case 'process.end':
      return { label: `「${processName}」办结`, detail: '' };
    case 'deadline.changed': {
      const which = d.clock ? clockCatalog().label(String(d.clock)) : step ?? '期限';
      return { label: '期限变更', detail: `${which}：${dueText(d.oldDue) || '—'} → ${dueText(d.newDue) || '—'}${d.why ? `（${String(d.why)}）` : ''}` };
    }
    case 'document.issued':
      return { label: '制作执法文书', detail: `${d.title ?? ''} ${d.number ?? ''}` };
    case 'publication.published':
      return { label: '公示', detail: String(d.decisionNo ?? '') };
    case 'publication.withdrawn':
      return { label: '撤回公示', detail: String(d.reason ?? '') };
    case 'publication.corrected':
      return { label: '更正公示', detail: `${Array.isArray(d.fields) ? d.fields.join('、') : ''}：${String(d.explanation ?? '')}` };
    case 'publication.excluded':
      return { label: '依法不予公示', detail: String(d.reason ?? '') };
    case 'publication.creditRepaired':
      return { label: '信用修复，停止公示', detail: String(d.creditRepairNo ?? '') };
    case 'call.returned':
      return { label: '子流程办结返回', detail: '' };
    case 'evidence.added': {
      const corrects = (d.corrects ?? null) as { label?: string } | null;
      return corrects
        ? { label: `更正证据说明「${corrects.label ?? ''}」`, detail: `${d.label ?? ''} ${d.fileName ?? ''}`.trim() }
        : { label: `上传证据「${d.label ?? ''}」`, detail: `${d.fileName ?? ''} SHA-256 ${String(d.sha256 ?? '').slice(0, 12)}…` };
    }
    case 'message.correlated':
      return { label: step?.startsWith('收到') ? step : `收到${quoted || '消息'}`, detail: '' };
    case 'message.late':
      return { label: '期限届满后收到', detail: String(d.recordedAs ?? '') };
    default:
      if (h.kind.startsWith('clock.')) {
        const clock = d.clock ? String(d.clock) : '';
        return {
          label: `${clock && !clockCatalog().statutory(clock) ? '提醒期限' : '法定期限'}${CLOCK_EVENTS[h.kind.slice(6)] ?? ''}`,
          detail: [clock ? clockCatalog().label(clock) : '', periodText(d.period), reasonText(d.reason, stepName)].filter(Boolean).join(' '),
        };
      }
      return { label: '其他记录', detail: '' };
  }
}

export const CLOCK_EVENT_LABELS = CLOCK_EVENTS;
