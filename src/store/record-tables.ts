/**
 * The tables whose rows are only ever added: the case record, its evidence and documents, the
 * record's checkpoints, and the account changes an inquiry reads. On PostgreSQL triggers refuse
 * UPDATE and DELETE on them, and the server's role may only SELECT and INSERT them.
 */
export const RECORD_TABLES = ['history', 'evidence', 'documents', 'record_checkpoints', 'user_changes'] as const;
