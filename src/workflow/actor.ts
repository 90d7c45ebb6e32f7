/** Who asks for a command: the user behind a request, or the scheduler. */
export interface Actor {
  username: string;
  groups: string[];
  roles: string[];
  /** The client's address (request IP) when the command came over HTTP; recorded with every entry. */
  address?: string;
  /** The user's department: a department's own groups act only on its cases. */
  department?: string | null;
}
