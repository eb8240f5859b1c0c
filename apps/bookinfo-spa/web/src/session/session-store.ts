/** The end-user header's value: a plain name, so it is always a valid header value. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const USER_NAME_RULE = 'Use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.';

const STORAGE_KEY = 'mirrormesh.endUser';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value !== null && USER_NAME_PATTERN.test(value) ? value : null;
  } catch {
    return null; // storage disabled: the session lasts until reload
  }
}

let current: string | null = typeof window === 'undefined' ? null : read();

function write(value: string | null): void {
  current = value;
  try {
    if (value === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // storage disabled: keep the in-memory value
  }
  for (const listener of listeners) listener();
}

/** The signed-in user name, or null. No password: the name only selects header-based routes. */
export function currentUser(): string | null {
  return current;
}

export function signIn(name: string): void {
  const trimmed = name.trim();
  if (!USER_NAME_PATTERN.test(trimmed)) throw new Error(USER_NAME_RULE);
  write(trimmed);
}

export function signOut(): void {
  write(null);
}

export function subscribeToUser(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
