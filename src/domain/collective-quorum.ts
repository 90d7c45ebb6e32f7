import path from 'node:path';
import type { DbOrTx } from '../store/db.ts';
import { usersInGroups } from '../store/users.ts';
import type { FieldError } from './form-messages.ts';
import { readJsonFile } from '../json-file.ts';

/**
 * A collective discussion of the agency's leadership (处罚法 art. 57; 生态环境行政处罚办法 on the
 * second extension of the decision period; the legal-review disagreement procedure): the members
 * present must be members of the leadership group and reach the quorum of
 * rules/collective-discussion.json (by default more than half of the group's active members and
 * at least 3). One rule for every form that records such a discussion:
 * `"x-zhifa": {"collectiveQuorum": {"members": "collectiveMembers", "chair": "collectiveChair", "opinions": "memberOpinions"}}`.
 */
export interface QuorumRule {
  group: string;
  moreThanHalf: boolean;
  atLeast: number;
}

export interface CollectiveFields {
  members: string;
  chair?: string;
  /** A list of {member, opinion}: every member present gives one. */
  opinions?: string;
  /** The variable the names for the minutes are kept in (collectiveRecord by default). */
  record?: string;
}

const FILE = path.resolve(import.meta.dirname, '../../rules/collective-discussion.json');
let rule: QuorumRule | undefined;

export function quorumRule(): QuorumRule {
  if (rule) return rule;
  const r = readJsonFile(FILE) as Partial<QuorumRule>;
  if (typeof r.group !== 'string' || typeof r.moreThanHalf !== 'boolean' || !Number.isInteger(r.atLeast) || r.atLeast! < 1) {
    throw new Error(`${FILE}: needs "group" (a group id), "moreThanHalf" (true/false) and "atLeast" (a whole number ≥ 1)`);
  }
  rule = r as QuorumRule;
  return rule;
}

/** How many members a discussion needs when the group has `groupSize` active members. */
export function quorumOf(groupSize: number, r: QuorumRule = quorumRule()): number {
  return Math.max(r.atLeast, r.moreThanHalf ? Math.floor(groupSize / 2) + 1 : 0);
}

export function collectiveQuorumProblems(value: unknown, fields: string[]): string[] {
  const v = value as Partial<CollectiveFields> | undefined;
  if (!v || typeof v !== 'object' || typeof v.members !== 'string') return ['must be {"members": "<field>", "chair"?: "<field>", "opinions"?: "<field>", "record"?: "<variable>"}'];
  if (v.record !== undefined && (typeof v.record !== 'string' || !/^[A-Za-z_]\w*$/.test(v.record))) return ['"record" must name a case variable'];
  return [v.members, v.chair, v.opinions].filter((f): f is string => f !== undefined).filter((f) => !fields.includes(f)).map((f) => `"${f}" is not a field of the form`);
}

/**
 * The refusals, and what the minutes print: the names of the members, the chair and each opinion
 * (collectiveRecord), since a document names people, never their user names.
 */
export async function checkCollectiveQuorum(
  db: DbOrTx,
  spec: CollectiveFields,
  submitted: Record<string, unknown>,
  titleOf: (f: string) => string,
): Promise<{ errors: FieldError[]; record: Record<string, unknown> }> {
  const r = quorumRule();
  const group = new Map((await usersInGroups(db, [r.group])).map((u) => [u.username, u]));
  const members = Array.isArray(submitted[spec.members]) ? (submitted[spec.members] as unknown[]).map(String) : [];
  const errors: FieldError[] = [];
  const outsiders = members.filter((m) => !group.has(m));
  if (outsiders.length) errors.push({ field: spec.members, message: `「${titleOf(spec.members)}」中的 ${outsiders.join('、')} 不是本机关负责人，不能参加集体讨论` });
  const present = new Set(members.filter((m) => group.has(m)));
  const needed = quorumOf(group.size, r);
  if (present.size < needed) {
    errors.push({ field: spec.members, message: `集体讨论须有本机关负责人 ${needed} 人以上参加（现有负责人 ${group.size} 人，须过半数且不少于 ${r.atLeast} 人），本次只有 ${present.size} 人` });
  }
  const chair = spec.chair ? submitted[spec.chair] : undefined;
  if (spec.chair && chair !== undefined && !present.has(String(chair))) errors.push({ field: spec.chair, message: `「${titleOf(spec.chair)}」须为参加讨论的负责人` });
  if (spec.opinions) {
    const list = Array.isArray(submitted[spec.opinions]) ? (submitted[spec.opinions] as Array<{ member?: unknown }>) : [];
    const given = new Set(list.map((o) => String(o?.member)));
    const missing = [...present].filter((m) => !given.has(m));
    const strangers = [...given].filter((m) => !present.has(m));
    if (missing.length) errors.push({ field: spec.opinions, message: `「${titleOf(spec.opinions)}」缺少 ${missing.map((m) => group.get(m)?.display_name ?? m).join('、')} 的意见` });
    if (strangers.length) errors.push({ field: spec.opinions, message: `「${titleOf(spec.opinions)}」中的 ${strangers.join('、')} 未参加讨论` });
  }
  const name = (m: unknown) => group.get(String(m))?.display_name ?? String(m);
  const opinions = spec.opinions && Array.isArray(submitted[spec.opinions]) ? (submitted[spec.opinions] as Array<{ member?: unknown; opinion?: unknown }>) : [];
  const record = {
    [spec.record ?? 'collectiveRecord']: {
      members: [...present].map(name),
      chair: chair === undefined ? undefined : name(chair),
      opinions: opinions.map((o) => ({ name: name(o.member), opinion: String(o.opinion ?? '') })),
      quorum: needed,
      groupSize: group.size,
    },
  };
  return { errors, record: errors.length ? {} : record };
}
