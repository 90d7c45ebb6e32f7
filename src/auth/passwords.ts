import bcrypt from 'bcryptjs';

// bcrypt at cost 10 is ~60 ms in pure JS: slow enough against guessing, fast enough for a login.
export function hashPassword(password: string, rounds = 10): Promise<string> {
  return bcrypt.hash(password, rounds);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

export const MIN_PASSWORD = 8;

/** The rule every new password meets (an administrator's, the user's own, the first sign-in's). */
export function passwordProblem(password: string, label: string): string | null {
  return password.length < MIN_PASSWORD ? `「${label}」至少 ${MIN_PASSWORD} 位` : null;
}
