/**
 * An amount of yuan as written on a 文书 (处罚法 art. 59: the decision states the penalty): in
 * capital numerals (人民币大写) and in figures, both from the one stored amount, so the figure and
 * the words say the same. 250000 → 贰拾伍万元整 / 250,000.00; 1020.03 → 壹仟零贰拾元零叁分;
 * 5000.5 → 伍仟元零伍角 (an amount ending in 角 takes no 整).
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

export function amountInWords(yuan: number): string {
  if (!Number.isFinite(yuan) || yuan < 0 || yuan >= 1e16) throw new RangeError(`an amount of yuan from 0 to below 10^16 is needed (got ${yuan})`);
  const fen = Math.round(yuan * 100);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const integer = whole === 0 ? '' : `${integerWords(whole)}元`;
  if (!jiao && !cents) return `${integer || '零元'}整`;
  const needZero = whole > 0 && (jiao === 0 || whole % 10 === 0);
  const jiaoPart = jiao ? `${needZero ? '零' : ''}${DIGITS[jiao]}角` : whole > 0 ? '零' : '';
  return `${integer}${jiaoPart}${cents ? `${DIGITS[cents]}分` : ''}`;
}

/** The name the document helpers use; the same implementation. */
export const yuanInWords = amountInWords;

/** 250000 → "250,000.00". */
export function amountInFigures(yuan: number): string {
  return yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const yuanInFigures = amountInFigures;

function integerWords(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      zeroPending = out !== '';
      continue;
    }
    if (out !== '' && (zeroPending || group < 1000)) out += '零';
    out += groupWords(group) + BIG[g];
    zeroPending = false;
  }
  return out;
}

function groupWords(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    out += (zero ? '零' : '') + DIGITS[d] + SMALL[pos];
    zero = false;
  }
  return out;
}
