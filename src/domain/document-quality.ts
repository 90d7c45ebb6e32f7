import { demoUsers } from './demo-agency.ts';

/**
 * Reads an issued document (文书) as the party would and names what gives it away as unfinished:
 * a field left empty ("依据，", "：。", "（）"), punctuation doubled by an empty value ("。。",
 * "，，", "、。"), a program's words (undefined, null, NaN, [object Object]) or a user name where
 * a person's name belongs. Empty when the document reads clean.
 */
export interface QualityOptions {
  /** User names that must not appear (officers are named by display name and certificate number). */
  usernames?: string[];
}

const EMPTY_PLACEHOLDERS: Array<[RegExp, string]> = [
  [/依据[，。；、]/, '「依据」之后没有内容'],
  [/[：:]\s*[。，；、）)]/, '冒号之后没有内容'],
  // A line may end in a colon after the party's name (the salutation), never after a field's label.
  [/(当事人|地址|住所|法定代表人|负责人|统一社会信用代码|身份证号码?|执法人员|执法证号|户名|账号|开户行|文号|日期|联系电话)[：:]\s*$/m, '冒号之后没有内容'],
  [/（\s*）|\(\s*\)/, '括号中没有内容'],
  [/“\s*”|「\s*」|《\s*》/, '引号或书名号中没有内容'],
  [/人民币\s*元/, '金额为空'],
  [/第\s*条/, '条文序号为空'],
];

const DOUBLED = /[。，；、：][。，；、：]|，\s+，|。\s+。/;
const PROGRAM_WORDS = /\b(undefined|null|NaN|Infinity)\b|\[object Object\]|\{\{|\}\}/;

/** The visible text of rendered HTML: tags dropped, entities read, whitespace collapsed line by line. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<(br|\/p|\/h\d|\/tr|\/li|\/header|\/footer|\/div)\b[^>]*>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The problems of one rendered document, each with the text around it. */
export function documentProblems(html: string, options: QualityOptions = {}): string[] {
  const text = visibleText(html);
  const problems: string[] = [];
  const around = (index: number) => text.slice(Math.max(0, index - 12), index + 14).replace(/\n/g, '⏎');
  for (const [pattern, what] of EMPTY_PLACEHOLDERS) {
    const m = pattern.exec(text);
    if (m) problems.push(`${what}：「${around(m.index)}」`);
  }
  const doubled = DOUBLED.exec(text);
  if (doubled) problems.push(`标点重复：「${around(doubled.index)}」`);
  const word = PROGRAM_WORDS.exec(text);
  if (word) problems.push(`程序用语「${word[0]}」：「${around(word.index)}」`);
  const names = new Set(['admin', ...demoUsers('', false).map((u) => u.username), ...(options.usernames ?? [])].filter((n) => n.length > 1));
  for (const name of names) {
    const m = new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).exec(text);
    if (m) problems.push(`出现用户名「${name}」（应写姓名和执法证号）：「${around(m.index)}」`);
  }
  return problems;
}
