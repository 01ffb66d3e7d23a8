// What a form says when it has done something: a status that screen readers read out
// politely.

/** "Saved", "published", …: nothing when there is nothing to say. */
export function Notice({ message }: { message: string | null }) {
  return message ? (
    <p role="status" className="alert alert-ok">
      {message}
    </p>
  ) : null;
}
