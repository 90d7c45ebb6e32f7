import path from 'node:path';
import { readJsonFile } from '../../json-file.ts';

/** The publishing agency (处罚机关 / 许可机关 / 数据来源单位), as documents/kinds.json names it. */
export interface Agency {
  name: string;
  creditCode: string;
}

export function readAgency(documentsDir: string): Agency {
  const kinds = readJsonFile(path.join(documentsDir, 'kinds.json')) as { agency?: { name?: string; creditCode?: string } };
  if (!kinds.agency?.name) throw new Error(`${path.join(documentsDir, 'kinds.json')} names no agency`);
  return { name: kinds.agency.name, creditCode: kinds.agency.creditCode ?? '' };
}
