// The urql clients: one per tenant the console works in (its cache holds that tenant's
// answers only), each request carrying the CSRF token, the tenant (X-Tenant) and the
// console's language. An UNAUTHENTICATED answer means the session ended: listeners (the
// sign-in dialog) are told, and the screen stays as it is with everything typed.

import { Client, cacheExchange, fetchExchange, mapExchange } from "urql";

import { csrfToken } from "./session";

let language = "uk";
const expiredListeners = new Set<() => void>();

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Calls `listener` when the server says the session has ended; returns an unsubscribe. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => {
    expiredListeners.delete(listener);
  };
}

/** Headers of every API call of the console in `tenant` (a slug), or of the host's. */
export function apiHeaders(tenant: string | null): Record<string, string> {
  const headers: Record<string, string> = { "Accept-Language": language };
  const token = csrfToken();
  if (token) headers["X-CSRF-Token"] = token;
  if (tenant) headers["X-Tenant"] = tenant;
  return headers;
}

/** A client for `tenant`, or for the host's tenant when null. */
export function makeClient(tenant: string | null): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          const expired = result.error?.graphQLErrors.some(
            (e) =>
              e.extensions?.code === "UNAUTHENTICATED" && e.extensions?.reason !== "THROTTLED",
          );
          if (expired) expiredListeners.forEach((l) => l());
          return result;
        },
      }),
      fetchExchange,
    ],
    fetchOptions: () => ({ headers: apiHeaders(tenant), credentials: "same-origin" }),
  });
}

/** For the screens used signed out (password reset, invitations), on the host's tenant. */
export const hostClient = makeClient(null);
