import { ZhifaError } from '../errors.ts';
import { creditCodeProblem, idNumberProblem, normaliseNumber } from './party-numbers.ts';

/** The kinds of party the start forms know (forms/*-start.json partyType). */
export const PARTY_TYPES = ['自然人', '法人及非法人组织', '个体工商户'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** A party as the register keeps it. */
export interface PartyInput {
  partyType: PartyType;
  name: string;
  creditCode: string | null;
  idNumber: string | null;
  address: string | null;
  legalRepresentative: string | null;
  contact: string | null;
}

const LIMITS: Record<string, number> = { name: 200, address: 300, legalRepresentative: 100, contact: 200 };
const LABELS: Record<string, string> = { partyType: '当事人类别', name: '名称或姓名', creditCode: '统一社会信用代码', idNumber: '居民身份证号码', address: '住所地或经营场所', legalRepresentative: '法定代表人', contact: '联系方式' };

/** A natural person (自然人) is known by an ID number, an organisation by its 统一社会信用代码. */
export function partyKindOf(type: PartyType): 'person' | 'organisation' {
  return type === '自然人' ? 'person' : 'organisation';
}

/**
 * What a clerk entered for a new party, checked field by field (refused with every problem at once,
 * each naming its field): a known type, a name, numbers that pass their check digits, an
 * organisation's legal representative, text within its length. `today` bounds a date of birth.
 */
export function checkPartyInput(raw: unknown, today: string): PartyInput {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const errors: Array<{ field: string; message: string }> = [];
  const text = (field: string): string | null => {
    const v = body[field];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') {
      errors.push({ field, message: `「${LABELS[field]}」应为文字` });
      return null;
    }
    const t = v.trim();
    if (LIMITS[field] && t.length > LIMITS[field]!) errors.push({ field, message: `「${LABELS[field]}」不得超过${LIMITS[field]}个字` });
    return t || null;
  };
  const partyType = body.partyType as PartyType;
  if (!PARTY_TYPES.includes(partyType)) errors.push({ field: 'partyType', message: `「当事人类别」应为${PARTY_TYPES.join('、')}之一` });
  const name = text('name');
  if (!name) errors.push({ field: 'name', message: '「名称或姓名」为必填项' });
  const number = (field: 'creditCode' | 'idNumber', problem: (n: string) => string | null): string | null => {
    const t = text(field);
    if (!t) return null;
    const n = normaliseNumber(t);
    const p = problem(n);
    if (p) errors.push({ field, message: p });
    return n;
  };
  const creditCode = number('creditCode', creditCodeProblem);
  const idNumber = number('idNumber', (n) => idNumberProblem(n, today));
  const legalRepresentative = text('legalRepresentative');
  if (partyType === '法人及非法人组织' && !legalRepresentative) errors.push({ field: 'legalRepresentative', message: '法人及非法人组织须填写「法定代表人」（负责人）' });
  if (partyType === '自然人' && creditCode) errors.push({ field: 'creditCode', message: '自然人没有统一社会信用代码：请填写居民身份证号码' });
  const input = { partyType, name: name ?? '', creditCode, idNumber, address: text('address'), legalRepresentative, contact: text('contact') };
  if (errors.length) throw new ZhifaError('unprocessable', `当事人信息有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
  return input;
}

/** The variable a procedure's start form names its party by: 申请人 for a permit, 当事人 otherwise. */
export function partyVariableOf(formFields: Iterable<string>): { variable: 'party' | 'applicant'; role: '当事人' | '申请人' } {
  return [...formFields].includes('applicant') ? { variable: 'applicant', role: '申请人' } : { variable: 'party', role: '当事人' };
}

/** The start form's party fields filled from the register (only those the form declares; what the clerk typed stays). */
export function partyStartVariables(party: PartyInput, formFields: Set<string>, typed: Record<string, unknown>): Record<string, unknown> {
  const { variable } = partyVariableOf(formFields);
  const offered: Record<string, unknown> = {
    [variable]: party.name,
    partyType: party.partyType,
    creditCode: party.creditCode ?? party.idNumber ?? undefined,
    legalRepresentative: party.legalRepresentative ?? undefined,
    partyAddress: party.address ?? undefined,
  };
  const out = { ...typed };
  for (const [k, v] of Object.entries(offered)) if (v !== undefined && formFields.has(k)) out[k] = v;
  return out;
}
