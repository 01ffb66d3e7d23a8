// The console's session: an HttpOnly cookie the server sets at sign-in, which scripts never
// see, and a CSRF token (a readable cookie) that every API request repeats in a header.

/** The CSRF token of the current session, if any. */
export function csrfToken(): string | null {
  const found = document.cookie.split("; ").find((c) => c.startsWith("hromada_csrf="));
  const value = found?.slice("hromada_csrf=".length);
  return value ? decodeURIComponent(value) : null;
}

/** A GraphQL-style error as the server sends it. */
export interface ApiError {
  message: string;
  extensions?: {
    code?: string;
    field?: string;
    messageUk?: string;
    reason?: string;
    retryAfterSeconds?: number;
  };
}

/** Signs in; resolves to the errors the server gave (empty on success). */
export async function signIn(email: string, password: string): Promise<ApiError[]> {
  const res = await fetch("/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
    credentials: "same-origin",
  });
  const body = (await res.json().catch(() => ({}))) as { errors?: ApiError[] };
  if (body.errors?.length) return body.errors;
  if (!res.ok) return [{ message: `HTTP ${res.status}`, extensions: { code: "INTERNAL" } }];
  return [];
}

/** Ends the session. */
export async function signOut(): Promise<void> {
  const token = csrfToken();
  await fetch("/admin/session", {
    method: "DELETE",
    headers: token ? { "X-CSRF-Token": token } : {},
    credentials: "same-origin",
  });
}
