/**
 * Small per-user preferences of this console kept in the browser's localStorage (watch list, panel collapse, wall
 * scale): they belong to one officer at one screen, are read at every render and must work with the hub away.
 * Keys carry the user id, so the next person signing in at the same console starts from their own.
 */
const PREFIX = 'grid.prefs';

export function readPref<T>(userId: string, name: string, parse: (value: unknown) => T | null): T | null {
  try {
    const raw = window.localStorage.getItem(`${PREFIX}.${userId}.${name}`);
    return raw === null ? null : parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function writePref(userId: string, name: string, value: unknown): void {
  try {
    window.localStorage.setItem(`${PREFIX}.${userId}.${name}`, JSON.stringify(value));
  } catch {
    // Storage full or disabled (a locked-down kiosk profile): the preference lasts for this session only.
  }
}
