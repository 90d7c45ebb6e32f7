import bcrypt from 'bcryptjs';

// bcrypt at cost 10 is ~60 ms in pure JS: slow enough against guessing, fast enough for a login.
export function hashPassword(password: string, rounds = 10): Promise<string> {
  return bcrypt.hash(password, rounds);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
