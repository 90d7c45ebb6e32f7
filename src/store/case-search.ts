import type { Knex } from 'knex';
import type { DbOrTx } from './db.ts';
import type { InstanceStatus } from './instances.ts';
import { escapeLike } from './parties.ts';
import type { TaskRow } from './tasks.ts';

/** What a case list or task list is narrowed to; every field is optional. */
export interface CaseFilter {
  /** 我的案件: started by this user, or with an open task assigned to them. */
  mine?: string;
  /** 本部门案件: opened by someone of this department. */
  department?: string;
  procedure?: string;
  status?: InstanceStatus;
  /** A party's name (a part of it), or its 统一社会信用代码 / ID number (whole or its beginning). */
  party?: string;
  /** The cases a registered party is linked to. */
  partyId?: number;
  /** 立案编号, or a part of it. */
  caseNo?: string;
  /** Opened at or after (epoch ms). */
  from?: number;
  /** Opened before (epoch ms). */
  before?: number;
}

/**
 * Who is asking, as the one rule of src/http/case-access.ts reads it, here as SQL so that a list
 * never holds a case its reader may not open: an administrator everything; anyone the cases of
 * their department, and those where they hold, completed or are offered a step (a group serving the
 * whole agency everywhere, a department's group only where the case has no department).
 */
export interface CaseReader {
  username: string;
  admin: boolean;
  department: string | null;
  groups: string[];
  agencyWide: Set<string>;
}

const likeGroup = (g: string) => `%${escapeLike(JSON.stringify(g))}%`;

/** Case roots `r` (with their starter `u`) that the reader may open. */
function readable(q: Knex.QueryBuilder, db: DbOrTx, reader: CaseReader): void {
  if (reader.admin) return;
  q.where((w) => {
    if (reader.department) w.orWhere('u.department', reader.department);
    w.orWhereExists(
      db('tasks as at').join('instances as ai', 'ai.id', 'at.instance_id').whereRaw('ai.root_id = r.id').andWhere((t) => {
        t.where('at.assignee', reader.username).orWhere('at.completed_by', reader.username);
        for (const g of reader.groups) {
          if (reader.agencyWide.has(g)) t.orWhereRaw("at.candidate_groups like ? escape '\\'", [likeGroup(g)]);
          else t.orWhere((n) => n.whereNull('u.department').andWhereRaw("at.candidate_groups like ? escape '\\'", [likeGroup(g)]));
        }
      }),
    );
  });
}

/** The filter's conditions on the case root `r` and its starter `u`. */
export function applyCaseFilter(q: Knex.QueryBuilder, db: DbOrTx, f: CaseFilter): void {
  if (f.mine) {
    const me = f.mine;
    q.where((w) => w.where('r.started_by', me).orWhereExists(
      db('tasks as mt').join('instances as mi', 'mi.id', 'mt.instance_id').whereRaw('mi.root_id = r.id').andWhere({ 'mt.status': 'open', 'mt.assignee': me }),
    ));
  }
  if (f.department !== undefined) q.where('u.department', f.department);
  if (f.procedure) q.where('r.process_key', f.procedure);
  if (f.status) q.where('r.status', f.status);
  if (f.caseNo) q.whereRaw("r.case_no like ? escape '\\'", [`%${escapeLike(f.caseNo)}%`]);
  if (f.from !== undefined) q.where('r.started_at', '>=', f.from);
  if (f.before !== undefined) q.where('r.started_at', '<', f.before);
  if (f.partyId !== undefined) q.whereExists(db('case_parties as pp').whereRaw('pp.case_id = r.id').andWhere('pp.party_id', f.partyId));
  if (f.party) {
    const text = f.party;
    const number = `${escapeLike(text.toUpperCase())}%`;
    q.whereExists(
      db('case_parties as cp').join('parties as p', 'p.id', 'cp.party_id').whereRaw('cp.case_id = r.id').andWhere((w) => w
        .whereRaw("p.name like ? escape '\\'", [`%${escapeLike(text)}%`])
        .orWhereRaw("p.credit_code like ? escape '\\'", [number])
        .orWhereRaw("p.id_number like ? escape '\\'", [number])),
    );
  }
}

export interface CaseListRow {
  id: string;
  case_no: string | null;
  business_key: string | null;
  process_key: string;
  status: InstanceStatus;
  variables: string;
  started_by: string | null;
  started_at: number;
  ended_at: number | null;
  department: string | null;
}

/** One page of the cases (roots) the reader may open that match the filter, newest first, and how many match in all. */
export async function searchCases(db: DbOrTx, reader: CaseReader, filter: CaseFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: CaseListRow[] }> {
  const base = db('instances as r').leftJoin('users as u', 'u.username', 'r.started_by').whereRaw('r.id = r.root_id');
  readable(base, db, reader);
  applyCaseFilter(base, db, filter);
  const [count] = await base.clone().count({ n: '*' });
  const rows = (await base
    .select('r.id', 'r.case_no', 'r.business_key', 'r.process_key', 'r.status', 'r.variables', 'r.started_by', 'r.started_at', 'r.ended_at', 'u.department as department')
    .orderBy([{ column: 'r.started_at', order: 'desc' }, { column: 'r.id' }])
    .limit(page.limit)
    .offset(page.offset)) as CaseListRow[];
  return { total: Number((count as { n: number | string }).n), rows };
}

/** The open tasks of these cases (their own and those of the processes they called), earliest limit first. */
export function openTasksOfCases(db: DbOrTx, caseIds: string[]): Promise<Array<TaskRow & { case_id: string }>> {
  if (!caseIds.length) return Promise.resolve([]);
  return db('tasks as t').join('instances as i', 'i.id', 't.instance_id').whereIn('i.root_id', caseIds).andWhere('t.status', 'open')
    .select('t.*', 'i.root_id as case_id').orderByRaw('t.due_at is null, t.due_at asc').orderBy('t.created_at');
}

/** Open tasks (joined with their case root `r` and its starter `u`) of the cases matching the filter: the task list's candidates, before who may act is checked. */
export function openTasksMatching(db: DbOrTx, filter: CaseFilter): Knex.QueryBuilder {
  const q = db('tasks as t').join('instances as i', 'i.id', 't.instance_id').join('instances as r', 'r.id', 'i.root_id').leftJoin('users as u', 'u.username', 'r.started_by').where('t.status', 'open');
  applyCaseFilter(q, db, filter);
  return q;
}

/** The departments people belong to (what an administrator chooses 本部门案件 from). */
export async function knownDepartments(db: DbOrTx): Promise<string[]> {
  const rows: Array<{ department: string }> = await db('users').whereNotNull('department').distinct('department').orderBy('department');
  return rows.map((r) => r.department);
}
