import path from 'node:path';
import { PUBLICATION_KINDS, type PublicationKind } from './periods.ts';
import { readJsonFile } from '../../json-file.ts';

/**
 * Which issued document is the decision a publication publishes, as documents/kinds.json says
 * with `"publishes": { "kind": "other", "decisionKind": "查封、扣押" }` on a document kind: the
 * agency adds a published decision by editing that file, not the code.
 */
export interface DecisionDocument {
  documentKind: string;
  title: string;
  publicationKind: PublicationKind;
  /** For the kind `other`: the case's decisionKind this document decides (查封、扣押, 解除查封、扣押 …). */
  decisionKind?: string;
}

interface KindsFile {
  kinds?: Record<string, { title?: string; number?: string | null; publishes?: { kind?: unknown; decisionKind?: unknown } }>;
}

/** Read once at start; a wrong entry stops the start, naming the file and the document kind. */
export function readDecisionDocuments(documentsDir: string): DecisionDocument[] {
  const file = path.join(documentsDir, 'kinds.json');
  const kinds = (readJsonFile(file) as KindsFile).kinds ?? {};
  const table: DecisionDocument[] = [];
  for (const [documentKind, spec] of Object.entries(kinds)) {
    if (!spec.publishes) continue;
    const { kind, decisionKind } = spec.publishes;
    const wrong = (why: string) => new Error(`${file}: "${documentKind}".publishes ${why}`);
    if (!PUBLICATION_KINDS.includes(kind as PublicationKind)) throw wrong(`needs a kind, one of ${PUBLICATION_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
    if (decisionKind !== undefined && (typeof decisionKind !== 'string' || !decisionKind.trim())) throw wrong('has a decisionKind that is not a text');
    if (!spec.number) throw wrong('is a document without a number: a published decision is numbered');
    const entry: DecisionDocument = { documentKind, title: spec.title ?? documentKind, publicationKind: kind as PublicationKind, ...(decisionKind ? { decisionKind: decisionKind as string } : {}) };
    const twin = table.find((d) => d.publicationKind === entry.publicationKind && d.decisionKind === entry.decisionKind);
    if (twin) throw wrong(`publishes the same decision as "${twin.documentKind}"`);
    table.push(entry);
  }
  return table;
}

/** The document a publication of `kind` (and, for `other`, of the case's decisionKind) publishes, if any. */
export function decisionDocumentFor(table: readonly DecisionDocument[], kind: PublicationKind, decisionKind: string | undefined): DecisionDocument | undefined {
  const ofKind = table.filter((d) => d.publicationKind === kind);
  return ofKind.find((d) => d.decisionKind !== undefined && d.decisionKind === decisionKind) ?? ofKind.find((d) => d.decisionKind === undefined);
}
