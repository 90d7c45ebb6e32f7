import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { decisionDocumentFor, readDecisionDocuments } from '../../../src/domain/publication/decision-documents.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('domain: which document a publication publishes (documents/kinds.json publishes)', () => {
  const table = readDecisionDocuments(path.join(ROOT, 'documents'));

  it('maps penalty and permit publications, and other decisions by their decisionKind', () => {
    expect(decisionDocumentFor(table, 'penalty', undefined)?.documentKind).to.equal('penalty-decision');
    expect(decisionDocumentFor(table, 'permit', undefined)?.documentKind).to.equal('permit-decision');
    expect(decisionDocumentFor(table, 'other', '查封、扣押')?.documentKind).to.equal('seizure-decision');
    expect(decisionDocumentFor(table, 'other', '延长查封、扣押期限')?.documentKind).to.equal('seizure-extension');
    expect(decisionDocumentFor(table, 'other', '解除查封、扣押')?.documentKind).to.equal('seizure-release');
    expect(decisionDocumentFor(table, 'other', '没收'), 'not every decision has a document kind').to.equal(undefined);
  });

  it('stops the start on a wrong entry, naming the file and the document kind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-kinds-'));
    const write = (kinds: unknown) => fs.writeFileSync(path.join(dir, 'kinds.json'), JSON.stringify({ agency: { name: 'x' }, kinds }));
    try {
      write({ a: { title: 'A', number: '甲', publishes: { kind: 'licence' } } });
      expect(() => readDecisionDocuments(dir)).to.throw(`${path.join(dir, 'kinds.json')}: "a".publishes needs a kind, one of penalty, permit, other (got "licence")`);
      write({ a: { title: 'A', number: null, publishes: { kind: 'other', decisionKind: '没收' } } });
      expect(() => readDecisionDocuments(dir)).to.throw(/"a".publishes is a document without a number/);
      write({ a: { title: 'A', number: '甲', publishes: { kind: 'penalty' } }, b: { title: 'B', number: '乙', publishes: { kind: 'penalty' } } });
      expect(() => readDecisionDocuments(dir)).to.throw(/"b".publishes publishes the same decision as "a"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
