/**
 * A session token a no-login page keeps in this browser tab only (sessionStorage): gone when the
 * tab closes, never shared with other tabs. Private mode, where storage refuses, keeps it for the
 * page's life instead (the caller holds it in state).
 */
export function tabToken(key: string) {
  return {
    get(): string | null {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(token: string): void {
      try {
        sessionStorage.setItem(key, token);
      } catch {
        // Private mode: the token lives as long as the page.
      }
    },
    clear(): void {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };
}
