/**
 * An amount of yuan in Chinese capital numerals (大写), as a decision states a fine: the figure
 * and the words must say the same, so both come from the one stored amount.
 * 250000 → 贰拾伍万元整; 5000.5 → 伍仟元伍角; 1020.03 → 壹仟零贰拾元零叁分.
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
