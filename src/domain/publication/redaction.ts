/**
 * Redaction (脱敏) of free text before publication: a natural person's ID number, phone numbers,
 * bank account numbers and house-number addresses are masked; natural persons other than the
 * party are not named (张三 → 张某). Pure: the same text and names give the same result.
 */
export interface RedactionOptions {
  /** Natural persons other than the party, named in the text (witnesses, employees, relatives). */
  names?: readonly string[];
}

/** 18-digit 居民身份证号: region (6), birth date (8), sequence (3), check digit (digit or X). */
const ID_NUMBER = /(?<![\dA-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
/** Mobile numbers (optionally +86): 138****5678. */
const MOBILE = /(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
/** Landlines with an area code: 0743-8******. */
const LANDLINE = /(?<!\d)(0\d{2,3})([- ]?)(\d{7,8})(?!\d)/g;
/** Bank card or account numbers: 12 to 30 digits, possibly grouped by spaces or hyphens; the last four stay. */
const ACCOUNT = /(?<![\dA-Za-z])\d{4}(?:[ -]?\d){8,26}(?![\dA-Za-z])/g;
/** An address after its label (住址：…), up to the next punctuation. */
const LABELLED_ADDRESS = /(家庭住址|户籍地址|户籍所在地|居住地址|经常居住地|现住址|住址|住所地|住所|通讯地址|联系地址|地址|家住)([：:为是在]?\s*)([^，。；;,、\s（）()]+)/g;
/** A house-number address in running text: the road stays, the number goes (人民北路***). */
const HOUSE_NUMBER = /(路|街|大道|巷|弄|村|组|社区|小区)([\d一二三四五六七八九十百零〇-]+号(?:[\d一二三四五六七八九十-]*(?:栋|幢|单元|室|楼|层|号))*)/g;

const stars = (n: number) => '*'.repeat(Math.max(n, 0));

export function maskIdNumber(id: string): string {
  return `${id.slice(0, 1)}${stars(id.length - 2)}${id.slice(-1)}`;
}

export function maskAccount(account: string): string {
  const digits = account.replace(/\D/g, '');
  return `${stars(digits.length - 4)}${digits.slice(-4)}`;
}

/** 张三 → 张某, 欧阳娜娜 → 欧阳某 (two-character surnames where the name is four characters long). */
export function pseudonym(name: string): string {
  const chars = [...name];
  const surname = chars.length >= 4 ? chars.slice(0, 2).join('') : chars[0] ?? '';
  return `${surname}某`;
}

export function redactText(text: string, options: RedactionOptions = {}): string {
  let out = text;
  // Longest names first, so 张三丰 is not turned into 张某丰 by 张三.
  const names = [...new Set((options.names ?? []).map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  for (const name of names) out = out.split(name).join(pseudonym(name));
  out = out.replace(ID_NUMBER, (m) => maskIdNumber(m));
  out = out.replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`);
  out = out.replace(ACCOUNT, (m) => maskAccount(m));
  out = out.replace(LANDLINE, (_m, area: string, sep: string, num: string) => `${area}${sep}${stars(num.length)}`);
  out = out.replace(LABELLED_ADDRESS, (_m, label: string, sep: string) => `${label}${sep}***`);
  out = out.replace(HOUSE_NUMBER, (_m, road: string) => `${road}***`);
  return out;
}

/** Redacts the named free-text fields of a record; the others are left as they are. */
export function redactFields<T extends Record<string, unknown>>(fields: T, freeText: readonly string[], options: RedactionOptions = {}): T {
  const out: Record<string, unknown> = { ...fields };
  for (const key of freeText) {
    const value = out[key];
    if (typeof value === 'string') out[key] = redactText(value, options);
  }
  return out as T;
}
