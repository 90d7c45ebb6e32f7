import { shanghaiDate } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { creditCodeProblem, idNumberProblem, normaliseNumber } from '../domain/party-numbers.ts';
import { checkPartyInput, partyKindOf, partyStartVariables, partyVariableOf, PARTY_TYPES, type PartyInput, type PartyType } from '../domain/parties.ts';
import { conflict, notFound } from '../errors.ts';
import type { DbOrTx, Tx } from '../store/db.ts';
import { insertParty, linkCaseParty, partyById, partyByNumber, searchParties, unnumberedPartyByName, type PartyRow } from '../store/parties.ts';

/** The party as the API and the pages show it. */
export function partyJson(p: PartyRow) {
  return { id: p.id, kind: p.kind, partyType: p.party_type, name: p.name, creditCode: p.credit_code, idNumber: p.id_number, address: p.address, legalRepresentative: p.legal_representative, contact: p.contact };
}

const inputOf = (p: PartyRow): PartyInput => ({ partyType: p.party_type as PartyType, name: p.name, creditCode: p.credit_code, idNumber: p.id_number, address: p.address, legalRepresentative: p.legal_representative, contact: p.contact });

/**
 * The party register: a party is entered once (numbers checked by their check digits, one entry
 * per number) and every case links it. A case's start either names a registered party (partyId:
 * its start form's party fields are filled from the register, so the processes keep reading the
 * variables they always read) or carries the party's fields, which are registered — reusing the
 * entry with the same number, or with the same name when no valid number was given.
 */
export class PartyRegister {
  constructor(private readonly db: DbOrTx, private readonly clock: Clock, private readonly startFields: (processKey: string) => Set<string> | undefined) {}

  async register(raw: unknown, actor: string | null): Promise<PartyRow> {
    const input = checkPartyInput(raw, shanghaiDate(this.clock.now()));
    for (const number of [input.creditCode, input.idNumber]) {
      const existing = number ? await partyByNumber(this.db, number) : undefined;
      if (existing) throw conflict(`号码 ${number} 已登记为「${existing.name}」（当事人 ${existing.id}）：请直接选用`);
    }
    const id = await this.insert(this.db, input, actor);
    return (await partyById(this.db, id))!;
  }

  search(text: string, limit = 20): Promise<PartyRow[]> {
    return searchParties(this.db, text, limit);
  }

  async get(id: number, db: DbOrTx = this.db): Promise<PartyRow> {
    const party = Number.isInteger(id) ? await partyById(db, id) : undefined;
    if (!party) throw notFound(`当事人 ${id} 未登记`);
    return party;
  }

  /** A start naming a registered party: its start form's party fields from the register. */
  async fillStart(tx: Tx, processKey: string, partyId: number, typed: Record<string, unknown>): Promise<Record<string, unknown>> {
    const party = await this.get(partyId, tx);
    return partyStartVariables(inputOf(party), this.startFields(processKey) ?? new Set(), typed);
  }

  /** After a start: the case linked to its party (named, or registered from what the start carried). */
  async linkStart(tx: Tx, caseId: string, processKey: string, variables: Record<string, unknown>, partyId: number | undefined, actor: string | null): Promise<void> {
    const { variable, role } = partyVariableOf(this.startFields(processKey) ?? Object.keys(variables));
    if (partyId !== undefined) return linkCaseParty(tx, caseId, partyId, role);
    const name = variables[variable];
    if (typeof name !== 'string' || !name.trim()) return;
    const party = await this.fromStartVariables(tx, name.trim(), variables, actor);
    await linkCaseParty(tx, caseId, party, role);
  }

  private async fromStartVariables(tx: Tx, name: string, v: Record<string, unknown>, actor: string | null): Promise<number> {
    const partyType: PartyType = PARTY_TYPES.includes(v.partyType as PartyType) ? (v.partyType as PartyType) : '法人及非法人组织';
    const typed = typeof v.creditCode === 'string' ? normaliseNumber(v.creditCode) : '';
    // The forms' one number field holds a person's ID number or an organisation's code; only a number that passes its check is registered.
    const creditCode = typed && !creditCodeProblem(typed) ? typed : null;
    const idNumber = typed && !creditCode && !idNumberProblem(typed, shanghaiDate(this.clock.now())) ? typed : null;
    const known = creditCode || idNumber ? await partyByNumber(tx, (creditCode ?? idNumber)!) : await unnumberedPartyByName(tx, name, partyType);
    if (known) return known.id;
    const text = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string).trim() : null);
    return this.insert(tx, { partyType, name, creditCode, idNumber, address: text('partyAddress'), legalRepresentative: text('legalRepresentative'), contact: null }, actor);
  }

  private insert(db: DbOrTx, p: PartyInput, actor: string | null): Promise<number> {
    return insertParty(db, {
      kind: partyKindOf(p.partyType), party_type: p.partyType, name: p.name, credit_code: p.creditCode, id_number: p.idNumber,
      address: p.address, legal_representative: p.legalRepresentative, contact: p.contact, created_at: this.clock.now().getTime(), created_by: actor,
    });
  }
}
