import type { ExportSheet } from './export.ts';
import type { statisticsView } from './statistics-view.ts';

type StatisticsView = Awaited<ReturnType<typeof statisticsView>>;

/** The statistics page's tables as the annual report's sheets, with the same figures the page shows. */
export function statisticsSheets(v: StatisticsView): ExportSheet[] {
  return [
    { name: '案件办理结果', columns: ['执法程序', '办理结果', '案件数'], rows: v.cases.map((c) => [c.procedureName, c.outcome, c.cases]) },
    { name: '法定期限执行情况', columns: ['执法程序', '法定期限', '按期完成', '超期完成', '尚未结束', '其中已逾期'], rows: v.timeliness.map((t) => [t.procedureName, t.clockName, t.onTime, t.late, t.open, t.openOverdue]) },
    { name: '逾期立案', columns: ['逾期立案案件数', '理由'], rows: [[v.lateFilings.cases, v.lateFilings.reasons.join('；')]] },
    {
      name: '法制审核意见',
      columns: ['同意', '提出问题', '合计', '经协调决定', '经集体讨论决定'],
      rows: [[v.reviewOpinions.agree, v.reviewOpinions.problems, v.reviewOpinions.total, v.reviewOpinions.proceedByCoordination, v.reviewOpinions.proceedByCollectiveDiscussion]],
    },
    { name: '行政执法决定公示', columns: ['公示类别', '按期公示', '超期公示'], rows: v.publications.map((p) => [p.kindLabel, p.onTime, p.late]) },
    { name: '说明', columns: ['统计范围', '立案日期自', '至', '案件总数'], rows: [[v.scopeLabel, v.from, v.to, v.totalCases]] },
  ];
}
