import type { HelperOptions } from 'handlebars';
import { amountInFigures, amountInWords, yuanInFigures, yuanInWords } from './amount-words.ts';
import { LONG_TERM } from './publication/periods.ts';

/** An officer as a document names them: the name and the enforcement certificate number, never the user name. */
export interface DocumentPerson {
  name: string;
  certificateNo: string | null;
  /** The department (机构) the person works in, when the agency records one. */
  department?: string | null;
}

type People = Record<string, DocumentPerson>;
const peopleOf = (options: HelperOptions): People => ((options.data as { root?: { people?: People } }).root?.people ?? {});

function personText(value: unknown, people: People): string {
  const p = typeof value === 'string' ? people[value] : undefined;
  if (!p) return String(value);
  return p.certificateNo ? `${p.name}（执法证号：${p.certificateNo}）` : p.name;
}

/**
 * Helpers of the document templates: `{{yuan case.fineAmount}}` 250,000.00, `{{yuanWords
 * case.fineAmount}}` 贰拾伍万元整, `{{person case.hearingHost}}` and `{{people case.investigators}}`
 * 张执法（执法证号：43000001）、李执法（…）, `{{inc @index}}` counting from 1, `{{cnDate case.validFrom}}`
 * 2026年3月25日, `{{validity case.validFrom case.validUntil}}` 自2026年3月25日至2031年3月24日 (or, until
 * the platform's long-term 2099-12-31, 自2026年3月25日起长期有效).
 */
export const documentHelpers: Record<string, (...args: any[]) => unknown> = {
  eq: (a: unknown, b: unknown) => a === b,
  yuan: (n: unknown) => yuanInFigures(Number(n)),
  yuanWords: (n: unknown) => yuanInWords(Number(n)),
  // A decided fine printed once in words and once in figures, both from the one decided amount
  // (an absent amount prints nothing; `yuan`/`yuanWords` are the same words and figures).
  amountWords: (v: unknown) => (typeof v === 'number' ? amountInWords(v) : ''),
  amountFigures: (v: unknown) => (typeof v === 'number' ? amountInFigures(v) : ''),
  inc: (n: unknown) => Number(n) + 1,
  // Free text closed as one sentence: a full stop added only when the officer did not type one ("。。" never).
  sentence: (v: unknown) => {
    const t = typeof v === 'string' ? v.trim() : '';
    return t && !/[。！？；.!?]$/.test(t) ? `${t}。` : t;
  },
  cnDate: (v: unknown) => cnDate(v),
  validity: (from: unknown, until: unknown) => (until === LONG_TERM ? `自${cnDate(from)}起长期有效` : `自${cnDate(from)}至${cnDate(until)}`),
  // A recorded date (2026-03-05) as documents print it: 2026年3月5日 (the same as cnDate).
  day: (v: unknown) => cnDate(v),
  person: (value: unknown, options: HelperOptions) => personText(value, peopleOf(options)),
  // The unit a staff member acts for (送审机构): their department, or the agency when none is recorded.
  unitOf: (value: unknown, options: HelperOptions) => {
    const root = (options.data as { root?: { people?: People; agency?: { name?: string } } }).root;
    const p = typeof value === 'string' ? root?.people?.[value] : undefined;
    return p?.department ? `${root?.agency?.name ?? ''}${p.department}` : (root?.agency?.name ?? '');
  },
  people: (value: unknown, options: HelperOptions) => (Array.isArray(value) ? value : [value]).map((v) => personText(v, peopleOf(options))).join('、'),
};

/** The user names a case's variables mention (top level, strings and lists of strings): the people a document may name. */
export function mentionedNames(variables: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const v of Object.values(variables)) {
    if (typeof v === 'string' && /^[A-Za-z_][\w.-]{0,63}$/.test(v)) names.add(v);
    if (Array.isArray(v)) for (const item of v) if (typeof item === 'string' && /^[A-Za-z_][\w.-]{0,63}$/.test(item)) names.add(item);
  }
  return [...names];
}

/** 2026-03-25 → 2026年3月25日; anything else prints nothing, for the quality check to catch. */
export function cnDate(v: unknown): string {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
