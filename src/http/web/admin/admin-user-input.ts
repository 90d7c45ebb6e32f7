import { CalendarInputError, endOfShanghaiDay, parseIsoDate, shanghaiDate } from '../../../calendar/index.ts';
import type { NewUser } from '../../../auth/accounts.ts';
import { ROLE_LABELS } from '../../../auth/accounts.ts';
import { MIN_PASSWORD, type AccessChange } from '../../../auth/user-admin.ts';

export { ROLE_LABELS };
const USERNAME = /^[A-Za-z][\w.-]{1,39}$/;
const CERTIFICATE_NO = /^[A-Za-z0-9-]{4,40}$/;

export type FieldErrors = Record<string, string>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);

/** A certificate is valid through the end of its last day in Shanghai, as a deadline is. */
export function certificateInput(noValue: unknown, dateValue: unknown, now: Date, errors: FieldErrors): { no: string; validUntil: Date } | undefined {
  const no = text(noValue);
  const date = text(dateValue);
  if (!CERTIFICATE_NO.test(no)) errors.certificateNo = '「执法证号」应为 4 至 40 位字母、数字或连字符';
  let validUntil: Date | undefined;
  try {
    parseIsoDate(date);
    validUntil = endOfShanghaiDay(date);
    if (date < shanghaiDate(now)) errors.validUntil = `「有效期至」${date} 已过去：请填写新的有效期`;
  } catch (err) {
    if (!(err instanceof CalendarInputError)) throw err;
    errors.validUntil = '「有效期至」应为日期 YYYY-MM-DD';
  }
  return Object.keys(errors).length || !validUntil ? undefined : { no, validUntil };
}

/** Department, groups and roles as the forms send them; unknown groups or roles, or none of the roles, are field errors. */
export function accessInput(body: Record<string, unknown>, groups: Array<{ id: string; name: string }>, errors: FieldErrors): AccessChange {
  const groupIds = list(body.groups);
  const unknownGroups = groupIds.filter((g) => !groups.some((k) => k.id === g));
  if (unknownGroups.length) errors.groups = `未知的组：${unknownGroups.join('、')}`;
  const roles = [...new Set(list(body.roles))];
  const unknownRoles = roles.filter((r) => !(r in ROLE_LABELS));
  if (unknownRoles.length) errors.roles = `未知的角色：${unknownRoles.join('、')}`;
  if (!roles.length) errors.roles = '至少选择一个角色';
  const department = text(body.department);
  if (department.length > 100) errors.department = '「部门」不超过 100 个字';
  return { department: department || null, groups: groups.filter((g) => groupIds.includes(g.id)), roles };
}

/** The "新建用户" form checked field by field; the user is created only when nothing is wrong. */
export function newUserInput(body: Record<string, unknown>, groups: Array<{ id: string; name: string }>, now: Date): { user?: NewUser; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const username = text(body.username);
  const password = typeof body.password === 'string' ? body.password : '';
  if (!USERNAME.test(username)) errors.username = '「用户名」以字母开头，2 至 40 位字母、数字、点、下划线或连字符';
  if (password.length < MIN_PASSWORD) errors.password = `「初始密码」至少 ${MIN_PASSWORD} 位`;
  const access = accessInput(body, groups, errors);
  const wantsCertificate = text(body.certificateNo) || text(body.validUntil);
  const certificate = wantsCertificate ? certificateInput(body.certificateNo, body.validUntil, now, errors) : undefined;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    user: {
      username, password,
      displayName: text(body.displayName) || undefined,
      department: access.department ?? undefined,
      email: text(body.email) || undefined,
      groups: access.groups,
      roles: access.roles,
      certificate,
    },
  };
}
