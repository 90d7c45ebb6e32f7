import { clockCatalog } from '../../../domain/clock-catalog.ts';

/** What describing an entry reads of it: its kind, the step it concerns and what was recorded with it. */
export interface RecordedEntry {
  kind: string;
  elementId: string | null;
  data: unknown;
}

const CLOCK_EVENTS: Record<string, string> = { start: '开始计算', pause: '中止（暂停）', resume: '恢复计算', extend: '延长', stop: '停止' };

/** A recorded entry in words a clerk or a supervisor reads (zh-CN). */
export function describeEntry(h: RecordedEntry, processName: string): { label: string; detail: string } {
  const d = (h.data ?? {}) as Record<string, unknown>;
  const name = typeof d.name === 'string' ? d.name : h.elementId ?? '';
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
      const lateReport = vars?.emergencyReportLate === true ? `；逾期报告（超过24小时），理由：${String(vars.lateReportReason ?? '')}` : '';
      return { label: `提交任务表单`, detail: `${h.elementId ?? ''}${typeof late === 'string' && late ? `；逾期立案理由：${late}` : ''}${lateReport}` };
    }
    case 'task.error':
      return { label: `任务以业务异常结束`, detail: h.elementId ?? '' };
    case 'task.claimed':
      return { label: '认领任务', detail: h.elementId ?? '' };
    case 'activity.end':
      return { label: `完成环节「${name}」`, detail: '' };
    case 'timer.fired':
      return { label: `计时到期「${name}」`, detail: '' };
    case 'timer.due':
      return { label: '计时器到期处理', detail: h.elementId ?? '' };
    case 'process.end':
      return { label: `「${processName}」办结`, detail: '' };
    case 'deadline.changed':
      return { label: '期限变更', detail: `${d.clock ?? d.elementId ?? ''}：${d.oldDue ?? '—'} → ${d.newDue ?? '—'}（${d.why ?? ''}）` };
    case 'document.issued':
      return { label: '制作执法文书', detail: `${d.title ?? ''} ${d.number ?? ''}` };
    case 'publication.published':
      return { label: '公示', detail: String(d.decisionNo ?? '') };
    case 'publication.withdrawn':
      return { label: '撤回公示', detail: String(d.reason ?? '') };
    case 'publication.corrected':
      return { label: '更正公示', detail: `${Array.isArray(d.fields) ? d.fields.join('、') : ''}：${String(d.explanation ?? '')}` };
    case 'call.returned':
      return { label: '子流程办结返回', detail: '' };
    case 'evidence.added': {
      const corrects = (d.corrects ?? null) as { label?: string } | null;
      return corrects
        ? { label: `更正证据说明「${corrects.label ?? ''}」`, detail: `${d.label ?? ''} ${d.fileName ?? ''}`.trim() }
        : { label: `上传证据「${d.label ?? ''}」`, detail: `${d.fileName ?? ''} SHA-256 ${String(d.sha256 ?? '').slice(0, 12)}…` };
    }
    case 'message.correlated':
      return { label: '收到消息', detail: String(d.name ?? '') };
    default:
      if (h.kind.startsWith('clock.')) return { label: `${d.clock && !clockCatalog().statutory(String(d.clock)) ? '提醒期限' : '法定期限'}${CLOCK_EVENTS[h.kind.slice(6)] ?? h.kind}`, detail: `${d.clock ? clockCatalog().label(String(d.clock)) : ''} ${d.period ?? ''} ${d.reason ?? ''}`.trim() };
      return { label: h.kind, detail: '' };
  }
}

export const CLOCK_EVENT_LABELS = CLOCK_EVENTS;
