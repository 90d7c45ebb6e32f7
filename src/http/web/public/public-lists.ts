import path from 'node:path';
import type { Response } from 'express';
import { shanghaiDateOfEnd } from '../../../calendar/dates.ts';
import { UserDirectory } from '../../../auth/user-directory.ts';
import { loadAvRecordingMatters, loadInspectionMatters } from '../../../domain/public-lists.ts';
import type { CatalogRule } from '../../../domain/review-catalog.ts';
import type { PublicDeps } from './public-deps.ts';

const PROCEDURE_LABELS: Record<string, string> = { penalty: '行政处罚', coercion: '行政强制', permit: '行政许可' };
const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A rule's thresholds in words, so the public reads where the agency drew its lines. */
export function describeRule({ when }: CatalogRule): string {
  const parts: string[] = [];
  if (when.partyType) parts.push(`当事人为${when.partyType.join('或')}`);
  if (when.fineAmountAtLeast !== undefined) parts.push(`罚款金额达到 ${when.fineAmountAtLeast.toLocaleString('zh-CN')} 元`);
  if (when.penaltyKindsAny) parts.push(`处罚种类含${when.penaltyKindsAny.join('、')}`);
  if (when.procedure) parts.push(`适用${when.procedure.map((p) => PROCEDURE_LABELS[p] ?? p).join('、')}程序`);
  return parts.join('，');
}

/**
 * The five lists (五个清单) page: certified personnel, the matters (the deployed processes, each
 * at its newest version), random inspection, audio-video recording, and the legal-review catalog.
 * The two lists from rules/ are read when the server starts: a broken list stops the server
 * instead of the public page.
 */
export function publicListsPage(deps: PublicDeps, rulesDir: string) {
  const inspection = loadInspectionMatters(path.join(rulesDir, 'random-inspection.json'));
  const avRecording = loadAvRecordingMatters(path.join(rulesDir, 'av-recording-matters.json'));
  const users = new UserDirectory(deps.workflow.db);

  return async (res: Response, page: (res: Response, name: string, ctx: Record<string, unknown>) => void) => {
    const now = deps.clock.now().getTime();
    const personnel = (await users.certifiedPersonnel(now)).map((u) => ({ name: u.display_name ?? u.username, certificateNo: u.certificate_no, validUntil: u.certificate_valid_until === null ? null : shanghaiDateOfEnd(new Date(Number(u.certificate_valid_until))) }));
    const matters = (await deps.workflow.definitions.processes()).map((p) => ({ name: p.name, version: p.versions[0]!.version, deployedAt: iso(p.versions[0]!.deployed_at) }));
    const inForce = await deps.reviewCatalogs.inForce();
    page(res, 'public-lists', {
      title: '行政执法“五个清单”',
      personnel,
      matters,
      inspection,
      avRecording,
      catalog: { title: inForce.catalog.title, version: inForce.catalog.version, savedAt: iso(inForce.savedAt), rules: inForce.catalog.rules.map((rule) => ({ label: rule.label, conditions: describeRule(rule) })) },
    });
  };
}
