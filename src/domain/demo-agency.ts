import type { NewUser } from '../auth/accounts.ts';
import { Roles } from '../auth/accounts.ts';

/** The groups that diagrams name in camunda:candidateGroups. */
export const Groups = {
  officers: { id: 'officers', name: '承办人员' },
  caseReviewers: { id: 'case-reviewers', name: '案件审查' },
  legalReviewers: { id: 'legal-reviewers', name: '法制审核' },
  heads: { id: 'heads', name: '负责人' },
  managers: { id: 'managers', name: '管理人员' },
} as const;

export const DemoDepartments = { handling: '执法支队', reviewOffice: '法制审核科', leadership: '局领导' } as const;

/**
 * A demo agency, seeded on a fresh non-production database so that training and the browser
 * tests have people to act as (listed in the README). Certificates run to the end of 2030.
 */
export function demoUsers(password: string, mustChangePassword = false): NewUser[] {
  const certificate = (no: string) => ({ no, validUntil: new Date('2030-12-31T16:00:00Z') });
  const staff = [Roles.staff];
  return [
    { username: 'officer1', displayName: '张执法', department: DemoDepartments.handling, groups: [Groups.officers], roles: staff, certificate: certificate('43000000001') },
    { username: 'officer2', displayName: '李执法', department: DemoDepartments.handling, groups: [Groups.officers], roles: staff, certificate: certificate('43000000002') },
    { username: 'reviewer1', displayName: '王审查', department: DemoDepartments.handling, groups: [Groups.caseReviewers], roles: staff, certificate: certificate('43000000003') },
    { username: 'legal1', displayName: '赵法制', department: DemoDepartments.reviewOffice, groups: [Groups.legalReviewers], roles: staff },
    { username: 'head1', displayName: '陈局长', department: DemoDepartments.leadership, groups: [Groups.heads], roles: staff },
    // Three heads: a collective discussion needs at least three (rules/collective-discussion.json).
    { username: 'head2', displayName: '周副局长', department: DemoDepartments.leadership, groups: [Groups.heads], roles: staff },
    { username: 'head3', displayName: '吴副局长', department: DemoDepartments.leadership, groups: [Groups.heads], roles: staff },
    { username: 'manager1', displayName: '刘科长', department: DemoDepartments.handling, groups: [Groups.managers], roles: [Roles.manager] },
  ].map((u) => ({ ...u, password, email: `${u.username}@demo.zhifa.local`, seededPassword: true, mustChangePassword }));
}
