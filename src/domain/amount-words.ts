/**
 * An amount of money in yuan as written on a 文书: in capitals (人民币大写, 伍万元整,
 * 贰拾伍万叁仟元零伍角) and in figures (250,000.00), so the amount is written once in each.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

export function yuanInWords(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0 || amount >= 1e16) throw new RangeError(`cannot write ${amount} yuan in words`);
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const f = fen % 10;
  let words = yuan === 0 ? '' : `${integerWords(yuan)}元`;
  if (jiao === 0 && f === 0) return words ? `${words}整` : '零元整';
  if (words && (jiao === 0 || yuan % 10 === 0)) words += '零';
  if (jiao) words += `${DIGITS[jiao]}角`;
  if (f) words += `${DIGITS[f]}分`;
  else words += '整';
  return words;
}

function integerWords(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let zero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      zero = out !== '';
      continue;
    }
    if (zero || (out !== '' && group < 1000)) out += '零';
    zero = false;
    out += groupWords(group) + BIG[g];
  }
  return out;
}

function groupWords(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL[i];
  }
  return out;
}

/** 250000 → "250,000.00". */
export function yuanInFigures(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
