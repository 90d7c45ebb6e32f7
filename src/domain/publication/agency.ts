import fs from 'node:fs';
import path from 'node:path';

/** The publishing agency (处罚机关 / 许可机关 / 数据来源单位), as documents/kinds.json names it. */
export interface Agency {
  name: string;
  creditCode: string;
}

export function readAgency(documentsDir: string): Agency {
  const kinds = JSON.parse(fs.readFileSync(path.join(documentsDir, 'kinds.json'), 'utf8')) as { agency?: { name?: string; creditCode?: string } };
  if (!kinds.agency?.name) throw new Error(`${path.join(documentsDir, 'kinds.json')} names no agency`);
  return { name: kinds.agency.name, creditCode: kinds.agency.creditCode ?? '' };
}
