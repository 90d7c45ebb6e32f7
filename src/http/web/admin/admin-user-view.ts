import { shanghaiDateOfEnd } from '../../../calendar/dates.ts';
import type { Account, Group, UserChange } from '../../../auth/user-directory.ts';
import { ROLE_LABELS } from './admin-user-input.ts';

/** How the user administration pages show accounts: names for groups, roles and kinds of change, never codes. */
const KIND_LABELS: Record<UserChange['kind'], string> = {
  created: '新建', deactivated: '停用', reactivated: '启用', 'password-reset': '重置密码',
  'password-changed': '本人改密码', 'access-changed': '部门/组/角色', certificate: '执法证',
};

export const changeRows = (rows: UserChange[]) => rows.map((c) => ({ ...c, kindLabel: KIND_LABELS[c.kind] ?? c.kind }));

/** A row of the users list: groups and roles by name, the certificate's last day, and whether it has run out. */
export function accountRow(a: Account, groups: Group[]) {
  return {
    username: a.username, displayName: a.displayName, department: a.department, active: a.active,
    groups: a.groups.map((id) => groups.find((g) => g.id === id)?.name ?? id),
    roles: a.roles.map((role) => ROLE_LABELS[role] ?? role),
    certificateNo: a.certificateNo,
    validUntil: a.certificateValidUntil ? shanghaiDateOfEnd(new Date(a.certificateValidUntil)) : null,
    expired: !!a.certificateNo && !a.certificateValid,
  };
}

/** The group and role checkboxes, ticked as the form (or the account) has them. */
export function accessOptions(groups: Group[], form: Record<string, unknown>) {
  return {
    groupOptions: groups.map((g) => ({ ...g, checked: [form.groups].flat().includes(g.id) })),
    roleOptions: Object.entries(ROLE_LABELS).map(([id, label]) => ({ id, label, checked: [form.roles].flat().includes(id) })),
  };
}
