import { isIsoDate } from './date-rules.ts';

/**
 * The identifiers a party is known by, checked as the national standards define them, so that a
 * mistyped number is refused when the party is registered instead of reaching a decision served
 * on nobody:
 * - 统一社会信用代码 (GB 32100-2015): 18 characters of 0-9 and A-Z without I, O, S, V, Z; the
 *   last is a check character over the first 17 (weights 3^i mod 31);
 * - 公民身份号码 on the 居民身份证 (GB 11643-1999): 17 digits and a check character (0-9 or X,
 *   ISO 7064 MOD 11-2); characters 7-14 are the date of birth.
 * Each check returns null when the number is valid, or the reason in words a clerk can act on.
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为18位（现为${code.length}位）`;
  const bad = [...code].find((c) => !USCC_CHARS.includes(c));
  if (bad !== undefined) return `统一社会信用代码含有不允许的字符「${bad}」（只用数字和除 I、O、S、V、Z 以外的大写字母）`;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位不符，请核对是否录入有误';
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of a 公民身份号码. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** `today` (YYYY-MM-DD): a date of birth after it is refused. */
export function idNumberProblem(id: string, today?: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '居民身份证号码应为18位：17位数字加1位校验码（数字或大写 X）';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth)) return `居民身份证号码中的出生日期「${id.slice(6, 14)}」不是有效日期`;
  if (today && birth > today) return `居民身份证号码中的出生日期「${id.slice(6, 14)}」晚于今天`;
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '居民身份证号码校验码不符，请核对是否录入有误';
  return null;
}

/** What a clerk types, as it is stored: spaces removed, letters upper-case (x → X). */
export function normaliseNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
