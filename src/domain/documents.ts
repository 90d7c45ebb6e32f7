import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { shanghaiDate } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import type { ServiceRegistry } from '../engine/services.ts';
import type { ServiceContext } from '../workflow/service-context.ts';
import type { DbOrTx, Tx } from '../store/db.ts';
import { insertDocument, nextDocumentNumber } from '../store/documents.ts';
import { appendHistory } from '../store/history.ts';
import { sha256Hex } from '../record/canonical.ts';
import { usersByName } from '../store/users.ts';
import { ZhifaError } from '../errors.ts';
import { isIsoDate } from './date-rules.ts';
import { documentHelpers, mentionedNames, type DocumentPerson } from './document-helpers.ts';
import { penaltyDocumentHelpers } from './penalty/document-helpers.ts';

interface Kinds {
  /** The agency, with where and how a fine is paid and where the party may seek 复议 or sue (处罚法 art. 59). */
  agency: { name: string; numberPrefix: string; creditCode?: string; [more: string]: unknown };
  /** `dateVariable`: the case's date the document bears (决定日期 …); without it, or before it is recorded, the day it is issued. */
  kinds: Record<string, { title: string; number: string | null; dateVariable?: string }>;
}


/**
 * Enforcement documents (文书) from documents/<kind>.hbs, numbered in the agency's pattern
 * (湘西环罚〔2026〕12号): one sequence per agency, kind and year, taken in the case's transaction,
 * so a number is never given twice and never reused. Every template compiles at start.
 */
export class DocumentTemplates {
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<string, HandlebarsTemplateDelegate>();
  readonly kinds: Kinds;

  constructor(dir: string, private readonly clock: Clock) {
    const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
    this.kinds = JSON.parse(read('kinds.json')) as Kinds;
    for (const [name, helper] of Object.entries(documentHelpers)) this.hbs.registerHelper(name, helper);
    for (const [name, fn] of Object.entries(penaltyDocumentHelpers)) this.hbs.registerHelper(name, fn);
    for (const file of fs.readdirSync(path.join(dir, 'partials')).filter((f) => f.endsWith('.hbs'))) {
      this.hbs.registerPartial(path.basename(file, '.hbs'), read(path.join('partials', file)));
    }
    for (const kind of Object.keys(this.kinds.kinds)) {
      const file = `${kind}.hbs`;
      try {
        const source = read(file);
        this.hbs.precompile(source); // parses now: a broken template stops the start, not a case
        // Strict: a variable the case does not have stops the issue with its name, never prints a blank.
        this.templates.set(kind, this.hbs.compile(source, { strict: true }));
      } catch (err) {
        throw new Error(`document template ${path.join(dir, file)} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** The document's HTML for a case's variables; refused (422) when the template reads a variable the case lacks. */
  render(kind: string, variables: Record<string, unknown>, at: { number: string | null; day: string; people: Record<string, DocumentPerson> }): string {
    const spec = this.kinds.kinds[kind];
    const template = this.templates.get(kind);
    if (!spec || !template) throw new Error(`no document kind "${kind}" in documents/kinds.json (known: ${Object.keys(this.kinds.kinds).join(', ')})`);
    const [y, m, d] = at.day.split('-').map(Number);
    try {
      return chineseDates(template({ agency: this.kinds.agency, title: spec.title, number: at.number, date: `${y}年${m}月${d}日`, case: variables, people: at.people }));
    } catch (err) {
      const missing = /"([^"]+)" not defined/.exec(err instanceof Error ? err.message : '')?.[1];
      if (!missing) throw err;
      throw new ZhifaError('unprocessable', `文书「${spec.title}」需要的「${missing}」尚未填写，不能出具：请先在相应办理环节填写（documents/${kind}.hbs）`);
    }
  }

  /** The officers and other staff the case names by user name, as documents name them. */
  async people(db: DbOrTx, variables: Record<string, unknown>): Promise<Record<string, DocumentPerson>> {
    const names = mentionedNames(variables);
    if (!names.length) return {};
    const rows = await usersByName(db, names);
    return Object.fromEntries(rows.map((u) => [u.username, { name: u.display_name ?? u.username, certificateNo: u.certificate_no ?? null, department: u.department ?? null }]));
  }

  async issue(tx: Tx, caseId: string, instanceId: string, kind: string, variables: Record<string, unknown>, actor: string | null) {
    const spec = this.kinds.kinds[kind];
    const template = this.templates.get(kind);
    if (!spec || !template) throw new Error(`no document kind "${kind}" in documents/kinds.json (known: ${Object.keys(this.kinds.kinds).join(', ')})`);
    const now = this.clock.now();
    // Dated as the step records it (a decision of 13 March entered on the 16th is dated 13 March, and numbered in its year).
    const dated = spec.dateVariable ? variables[spec.dateVariable] : undefined;
    const day = isIsoDate(dated) ? dated : shanghaiDate(now);
    const year = Number(day.slice(0, 4));
    let number: string | null = null;
    if (spec.number) {
      const prefix = `${this.kinds.agency.numberPrefix}${spec.number}`;
      number = `${prefix}〔${year}〕${await nextDocumentNumber(tx, prefix, year)}号`;
    }
    const html = this.render(kind, variables, { number, day, people: await this.people(tx, variables) });
    const id = await insertDocument(tx, { case_id: caseId, instance_id: instanceId, kind, number, title: spec.title, html, created_at: now.getTime(), created_by: actor });
    await appendHistory(tx, [{ instanceId: caseId, at: now.getTime(), actor, kind: 'document.issued', data: { documentId: id, kind, number, title: spec.title, sha256: sha256Hex(html) } }]);
    return { id, number };
  }
}

/** `${services.issueDocument('penalty-decision')}` sets penaltyDecisionNo (and penaltyDecisionDocumentId). */
export function registerDocumentService(registry: ServiceRegistry, documents: DocumentTemplates): void {
  registry.register('issueDocument', async ({ args: [kind], instanceId, variables, context }) => {
    if (!kind) throw new Error("issueDocument needs a document kind, e.g. ('penalty-decision')");
    const ctx = context as ServiceContext;
    return documentVariables(kind, await documents.issue(ctx.tx, ctx.caseId, instanceId, kind, variables, ctx.actor));
  });
}

/** The names of the case variables that point to an issued document: penalty-decision → penaltyDecisionNo, penaltyDecisionDocumentId. */
export function documentVariableNames(kind: string): { number: string; id: string } {
  const name = kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return { number: `${name}No`, id: `${name}DocumentId` };
}

/** The case variables that point to an issued document. */
export function documentVariables(kind: string, issued: { id: number; number: string | null }): Record<string, unknown> {
  const names = documentVariableNames(kind);
  return { [names.number]: issued.number, [names.id]: issued.id };
}

/**
 * A document served on a party prints every date as 2026年3月5日: the recorded dates are ISO
 * (2026-03-05) in the case, and the templates print them as recorded, so the one conversion is
 * here, after rendering, rather than a helper in every template (a helper would also lose strict
 * mode's refusal of a date the case lacks).
 */
export function chineseDates(html: string): string {
  return html.replace(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g, (all, y: string, m: string, d: string) =>
    Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${y}年${Number(m)}月${Number(d)}日` : all);
}
