// The urql client: every request carries the CSRF token, the chosen tenant (X-Tenant) and
// the console's language. An UNAUTHENTICATED answer means the session ended: listeners (the
// sign-in dialog) are told, and the screen stays as it is with everything typed.

import { Client, cacheExchange, fetchExchange, mapExchange } from "urql";

import { csrfToken } from "./session";

let tenant: string | null = null;
let language = "uk";
const expiredListeners = new Set<() => void>();

/** The tenant (slug) the console works in; sent as `X-Tenant`. */
export function setTenant(slug: string | null): void {
  tenant = slug;
}

export function currentTenant(): string | null {
  return tenant;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Calls `listener` when the server says the session has ended; returns an unsubscribe. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Headers of every API call of the console. */
export function apiHeaders(): Record<string, string> {
  const headers: Record<string, string> = { "Accept-Language": language };
  const token = csrfToken();
  if (token) headers["X-CSRF-Token"] = token;
  if (tenant) headers["X-Tenant"] = tenant;
  return headers;
}

export const client = new Client({
  url: "/graphql",
  requestPolicy: "cache-and-network",
  exchanges: [
    cacheExchange,
    mapExchange({
      onResult(result) {
        const expired = result.error?.graphQLErrors.some(
          (e) => e.extensions?.code === "UNAUTHENTICATED" && e.extensions?.reason !== "THROTTLED",
        );
        if (expired) {
          expiredListeners.forEach((l) => l());
        }
        return result;
      },
    }),
    fetchExchange,
  ],
  fetchOptions: () => ({ headers: apiHeaders(), credentials: "same-origin" }),
});
