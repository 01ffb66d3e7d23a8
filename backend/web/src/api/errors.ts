// The server's errors as the console shows them: the code decides what to do (CONFLICT
// reloads the version, BAD_USER_INPUT marks the field it names), the message is the
// server's, in Ukrainian where it gives one.

import type { CombinedError } from "urql";

import type { ApiError } from "./session";

export interface Problem {
  code: string;
  field: string | null;
  message: string;
  /** `THROTTLED` for a sign-in refused for too many failures. */
  reason?: string | null;
}

export function problemsOf(error: CombinedError | ApiError[] | undefined | null, lang: string): Problem[] {
  if (!error) return [];
  const list: ApiError[] = Array.isArray(error)
    ? error
    : error.graphQLErrors.length
      ? error.graphQLErrors.map((e) => ({
          message: e.message,
          extensions: e.extensions as ApiError["extensions"],
        }))
      : [{ message: error.message, extensions: { code: "NETWORK" } }];
  return list.map((e) => {
    const field = e.extensions?.field ?? null;
    const message = lang === "uk" && e.extensions?.messageUk ? e.extensions.messageUk : e.message;
    // Shown at its field, a message need not repeat the field's name.
    const bare = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
    return { code: e.extensions?.code ?? "INTERNAL", field, message: bare, reason: e.extensions?.reason ?? null };
  });
}

/** The message for `field` (or a field under it, `blocks[2].titleUk`), if any. */
export function fieldError(problems: Problem[], field: string): string | null {
  const found = problems.find((p) => p.field === field);
  return found ? found.message : null;
}
