/** How the dashboard and the statistics name a case of no department (its opener has none), and a supervisor without one. */
export const NO_DEPARTMENT = '（未设部门）';

/** The forms of supervision steps (reminders before a limit, escalations after it). */
export const SUPERVISION_FORM = /-(reminder|escalation|overdue)$/;
