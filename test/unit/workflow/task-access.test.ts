import { expect } from 'chai';
import { mayActOnTask } from '../../../src/workflow/task-access.ts';

/** The one rule behind the API's commands, the task list, the task page, the dashboard and the reminders. */
describe('workflow: may this user act on this task (mayActOnTask)', () => {
  const agencyWide = new Set(['legal']);
  const officer = (department: string | null, username = 'o1') => ({ username, groups: ['officers'], department });
  const offered = (groups: string[]) => ({ assignee: null, candidate_groups: JSON.stringify(groups) });

  it('gives an assigned task to its assignee alone, whatever their groups', () => {
    const task = { assignee: 'o2', candidate_groups: JSON.stringify(['officers']) };
    expect(mayActOnTask(task, '执法支队', officer('执法支队', 'o2'), agencyWide)).to.equal(true);
    expect(mayActOnTask(task, '执法支队', officer('执法支队', 'o1'), agencyWide)).to.equal(false);
  });

  it('offers a department group\'s task only to members of the case\'s department', () => {
    expect(mayActOnTask(offered(['officers']), '执法支队', officer('执法支队'), agencyWide)).to.equal(true);
    expect(mayActOnTask(offered(['officers']), '执法支队', officer('综合科'), agencyWide)).to.equal(false);
    expect(mayActOnTask(offered(['officers']), '执法支队', officer(null), agencyWide)).to.equal(false);
    expect(mayActOnTask(offered(['heads']), '执法支队', officer('执法支队'), agencyWide), 'not their group').to.equal(false);
  });

  it('offers an agency-wide group\'s task on every case, and a case of no department to every member', () => {
    expect(mayActOnTask(offered(['legal']), '执法支队', { username: 'l1', groups: ['legal'], department: '法制科' }, agencyWide)).to.equal(true);
    expect(mayActOnTask(offered(['officers']), null, officer('综合科'), agencyWide)).to.equal(true);
    expect(mayActOnTask(offered([]), null, officer('综合科'), agencyWide), 'offered to nobody').to.equal(false);
  });
});
