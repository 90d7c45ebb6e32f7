/**
 * Redaction (脱敏) of free text before publication: a natural person's ID number, phone numbers,
 * bank account numbers and house-number addresses are masked; natural persons other than the
 * party are not named (张三 → 张某); what the reviewer lists besides (a plate number, a shop sign)
 * is hidden (***). Pure: the same text and lists give the same result. The text is split into
 * parts, each redacted part keeping what it replaced and why, so the review page shows the very
 * text the publication gets with every redaction marked (redactText joins the same parts).
 */
export interface RedactionOptions {
  /** Natural persons other than the party, named in the text (witnesses, employees, relatives). */
  names?: readonly string[];
  /** Anything else the reviewer wants hidden (a plate number, a shop sign, a relative's workplace). */
  texts?: readonly string[];
}

/** Why a part was redacted, in the words the review page shows. */
export const REDACTION_REASONS = {
  text: '审核人列明须隐去的内容',
  name: '当事人以外自然人的姓名',
  idNumber: '身份证号',
  mobile: '手机号码',
  account: '银行账号',
  landline: '固定电话',
  address: '住址',
  houseNumber: '门牌号',
} as const;
export type RedactionReason = keyof typeof REDACTION_REASONS;

/** A piece of the published text: as published (`text`); a redacted one also says what it replaced and why. */
export interface RedactedPart {
  text: string;
  redacted?: { original: string; reason: RedactionReason };
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

/** A match: `keep` (a label, a road) stays as it is, the rest is replaced by `masked`. */
type Masking = (m: RegExpExecArray) => { keep?: string; masked: string };

interface Rule {
  reason: RedactionReason;
  pattern: RegExp;
  mask: Masking;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A list the reviewer gave, trimmed, without duplicates, longest first (张三丰 before 张三, so 张三丰 is not turned into 张某丰). */
function listed(entries: readonly string[] | undefined): string[] {
  return [...new Set((entries ?? []).map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
}

function rules(options: RedactionOptions): Rule[] {
  const out: Rule[] = [];
  const texts = listed(options.texts);
  if (texts.length) out.push({ reason: 'text', pattern: new RegExp(texts.map(escape).join('|'), 'gu'), mask: () => ({ masked: '***' }) });
  const names = listed(options.names);
  if (names.length) out.push({ reason: 'name', pattern: new RegExp(names.map(escape).join('|'), 'gu'), mask: (m) => ({ masked: pseudonym(m[0]) }) });
  out.push(
    { reason: 'idNumber', pattern: ID_NUMBER, mask: (m) => ({ masked: maskIdNumber(m[0]) }) },
    { reason: 'mobile', pattern: MOBILE, mask: (m) => ({ masked: `${m[1]}****${m[3]}` }) },
    { reason: 'account', pattern: ACCOUNT, mask: (m) => ({ masked: maskAccount(m[0]) }) },
    { reason: 'landline', pattern: LANDLINE, mask: (m) => ({ masked: `${m[1]}${m[2]}${stars(m[3]!.length)}` }) },
    { reason: 'address', pattern: LABELLED_ADDRESS, mask: (m) => ({ keep: `${m[1]}${m[2]}`, masked: '***' }) },
    { reason: 'houseNumber', pattern: HOUSE_NUMBER, mask: (m) => ({ keep: m[1], masked: '***' }) },
  );
  return out;
}

/** One rule over the parts not yet redacted: a part already masked is never masked again. */
function apply(parts: RedactedPart[], rule: Rule): RedactedPart[] {
  const out: RedactedPart[] = [];
  for (const part of parts) {
    if (part.redacted) {
      out.push(part);
      continue;
    }
    let at = 0;
    for (const m of part.text.matchAll(rule.pattern)) {
      const { keep = '', masked } = rule.mask(m as RegExpExecArray);
      const plain = part.text.slice(at, m.index) + keep;
      if (plain) out.push({ text: plain });
      out.push({ text: masked, redacted: { original: m[0].slice(keep.length), reason: rule.reason } });
      at = m.index + m[0].length;
    }
    if (at < part.text.length) out.push({ text: part.text.slice(at) });
  }
  return out;
}

/** The text as published, in parts: the reviewer's lists first, then the patterns. */
export function redactParts(text: string, options: RedactionOptions = {}): RedactedPart[] {
  return rules(options).reduce(apply, text ? [{ text }] : []);
}

export function redactText(text: string, options: RedactionOptions = {}): string {
  return redactParts(text, options).map((p) => p.text).join('');
}

/** The reviewer's lists as a case keeps them (namesToRedact, textsToRedact: forms/publication-review.json). */
export function redactionOptionsOf(v: Record<string, unknown>): RedactionOptions {
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((n): n is string => typeof n === 'string') : []);
  return { names: strings(v.namesToRedact), texts: strings(v.textsToRedact) };
}

/** Redacts the named free-text fields of a record, keeping each one's parts; the others are left as they are. */
export function redactFieldParts<T extends Record<string, unknown>>(fields: T, freeText: readonly string[], options: RedactionOptions = {}): { fields: T; parts: Record<string, RedactedPart[]> } {
  const out: Record<string, unknown> = { ...fields };
  const parts: Record<string, RedactedPart[]> = {};
  for (const key of freeText) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    parts[key] = redactParts(value, options);
    out[key] = parts[key].map((p) => p.text).join('');
  }
  return { fields: out as T, parts };
}

/** Redacts the named free-text fields of a record; the others are left as they are. */
export function redactFields<T extends Record<string, unknown>>(fields: T, freeText: readonly string[], options: RedactionOptions = {}): T {
  return redactFieldParts(fields, freeText, options).fields;
}

/**
 * An entry of the reviewer's lists is a name or a term of 2 to 30 characters: one character would
 * hide that character everywhere in the text, and a passage is not a redaction but a reason not to
 * publish (依法不予公示).
 */
export const REDACTION_ENTRY = { min: 2, max: 30 } as const;

/** The form rule `redactionLists` (公示信息审核): every entry of the named lists, in the words the reviewer reads. */
export function checkRedactionLists(fields: readonly string[], variables: Record<string, unknown>, title: (field: string) => string): Array<{ field: string; message: string }> {
  const errors: Array<{ field: string; message: string }> = [];
  for (const field of fields) {
    const list = variables[field];
    if (!Array.isArray(list)) continue; // the schema says what a list is
    list.forEach((entry, i) => {
      const at = `「${title(field)}」第 ${i + 1} 项`;
      const text = typeof entry === 'string' ? entry.trim() : '';
      const length = [...text].length;
      if (!text) errors.push({ field, message: `${at}为空：每项填写一个要隐去的姓名或词语，不需要的请删去` });
      else if (length < REDACTION_ENTRY.min) errors.push({ field, message: `${at}「${text}」只有 1 个字：会把公示内容中所有的「${text}」都隐去，请填写完整的姓名或词语` });
      else if (length > REDACTION_ENTRY.max) errors.push({ field, message: `${at}超过 ${REDACTION_ENTRY.max} 个字（「${[...text].slice(0, 10).join('')}…」）：只填写要隐去的姓名或词语；整段内容不宜公开的，请选择「依法不予公示」并写明理由` });
    });
  }
  return errors;
}
