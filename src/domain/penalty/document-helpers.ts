import { penaltyKindLabel } from './penalty-kinds.ts';

interface Provision {
  law?: unknown;
  article?: unknown;
  paragraph?: unknown;
  item?: unknown;
  text?: unknown;
}

const filled = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== '';

/** 《中华人民共和国水污染防治法》第八十三条第一款第（二）项 — one provision as a document cites it. */
export function citeProvision(p: Provision): string {
  const law = String(p.law ?? '').replace(/^《|》$/g, '');
  let s = `《${law}》第${String(p.article)}条`;
  if (filled(p.paragraph)) s += `第${String(p.paragraph)}款`;
  if (filled(p.item)) s += `第（${String(p.item)}）项`;
  return s;
}

/** The provisions of a case variable, joined as a document reads them: 《甲》第一条、《乙》第二条第一款. */
export function citeProvisions(list: unknown): string {
  return Array.isArray(list) ? list.map((p) => citeProvision(p as Provision)).join('、') : '';
}

/** Penalty kind codes as their names: 罚款、责令停产停业. */
export function penaltyKindNames(list: unknown): string {
  return Array.isArray(list) ? list.map((k) => penaltyKindLabel(String(k))).join('、') : '';
}

/** Handlebars helpers the penalty documents use. */
export const penaltyDocumentHelpers = { provisions: citeProvisions, penaltyKinds: penaltyKindNames };
