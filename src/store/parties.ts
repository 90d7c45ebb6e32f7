import type { DbOrTx } from './db.ts';

export interface PartyRow {
  id: number;
  kind: 'person' | 'organisation';
  party_type: string;
  name: string;
  credit_code: string | null;
  id_number: string | null;
  address: string | null;
  legal_representative: string | null;
  contact: string | null;
  created_at: number;
  created_by: string | null;
}

export async function insertParty(db: DbOrTx, row: Omit<PartyRow, 'id'>): Promise<number> {
  const [inserted] = await db('parties').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export function partyById(db: DbOrTx, id: number): Promise<PartyRow | undefined> {
  return db<PartyRow>('parties').where({ id }).first();
}

/** The party registered under this 统一社会信用代码 or ID number. */
export function partyByNumber(db: DbOrTx, number: string): Promise<PartyRow | undefined> {
  return db<PartyRow>('parties').where('credit_code', number).orWhere('id_number', number).first();
}

/** A party without a number, registered under exactly this name and type (a case started by the API without one). */
export function unnumberedPartyByName(db: DbOrTx, name: string, partyType: string): Promise<PartyRow | undefined> {
  return db<PartyRow>('parties').where({ name, party_type: partyType }).whereNull('credit_code').whereNull('id_number').first();
}

/** Parties whose name contains the text, or whose number is it (exactly, or its beginning). */
export function searchParties(db: DbOrTx, text: string, limit: number): Promise<PartyRow[]> {
  const like = `%${escapeLike(text)}%`;
  return db<PartyRow>('parties')
    .whereRaw("name like ? escape '\\'", [like])
    .orWhereRaw("credit_code like ? escape '\\'", [`${escapeLike(text.toUpperCase())}%`])
    .orWhereRaw("id_number like ? escape '\\'", [`${escapeLike(text.toUpperCase())}%`])
    .orderBy('name')
    .limit(limit);
}

export async function linkCaseParty(db: DbOrTx, caseId: string, partyId: number, role: string): Promise<void> {
  await db('case_parties').insert({ case_id: caseId, party_id: partyId, role }).onConflict(['case_id', 'party_id', 'role']).ignore();
}

export function partiesOfCase(db: DbOrTx, caseId: string): Promise<Array<PartyRow & { role: string }>> {
  return db('case_parties as cp').join('parties as p', 'p.id', 'cp.party_id').where('cp.case_id', caseId).select('p.*', 'cp.role').orderBy('p.id');
}

/** LIKE's own characters taken literally (the escape character is a backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
