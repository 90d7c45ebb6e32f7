import type { DbOrTx } from '../store/db.ts';
import { inboxOf, markInboxRead, unreadCount } from '../store/inbox.ts';

/** A message in someone's in-app inbox (站内信): a reminder, a warning or an escalation. */
export interface InboxMessage {
  id: number;
  subject: string;
  body: string;
  link: string | null;
  level: string;
  unread: boolean;
  /** When it was delivered (ms). */
  at: number;
}

/** The signed-in user's inbox, newest first (the latest `limit`: 100 on the inbox page, fewer on the dashboard). */
export async function inboxMessages(db: DbOrTx, username: string, limit = 100): Promise<InboxMessage[]> {
  return (await inboxOf(db, username, limit)).map((i) => ({ id: i.id, subject: i.subject, body: i.body, link: i.link, level: i.level, unread: i.read_at === null, at: Number(i.created_at) }));
}

/** How many of a user's messages are unread (the count beside 站内信 on every page). */
export function unreadMessages(db: DbOrTx, username: string): Promise<number> {
  return unreadCount(db, username);
}

/** Marks one of the user's own unread messages read; false when there is no such unread message of theirs. */
export function markMessageRead(db: DbOrTx, username: string, id: number, now: number): Promise<boolean> {
  return markInboxRead(db, username, id, now);
}
