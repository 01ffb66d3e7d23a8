// The audit log, newest first, with filters by who, what and when (over the loaded pages;
// "more" loads the next page).

import { useState } from "react";
import { useQuery } from "urql";

import { problemsOf } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, TextField } from "../../ui/fields";

const AuditQuery = graphql(`
  query Audit($after: String) {
    auditLog(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        tenantSlug
        at
        actorEmail
        action
        targetType
        targetId
      }
    }
  }
`);

export default function Audit() {
  const { t, lang, dateTime } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: AuditQuery, variables: { after } });
  const [seen, setSeen] = useState<NonNullable<typeof data>["auditLog"]["nodes"]>([]);
  const [who, setWho] = useState("");
  const [what, setWhat] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const rows = [...seen, ...(data?.auditLog.nodes ?? [])];
  const shown = rows.filter(
    (r) =>
      (!who || (r.actorEmail ?? "").toLowerCase().includes(who.toLowerCase())) &&
      (!what || r.action.includes(what) || r.targetType.includes(what)) &&
      (!from || r.at >= from) &&
      (!to || r.at.slice(0, 10) <= to),
  );
  if (fetching && !data && rows.length === 0) return <p className="loading">{t("common.loading")}</p>;
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      {error ? <p role="alert">{problemsOf(error, lang)[0]?.message}</p> : null}
      <div className="row filters">
        <TextField label={t("audit.who")} value={who} onChange={setWho} />
        <TextField label={t("audit.what")} value={what} onChange={setWhat} />
        <TextField label={t("audit.from")} type="date" value={from} onChange={setFrom} />
        <TextField label={t("audit.to")} type="date" value={to} onChange={setTo} />
      </div>
      <p className="muted" aria-live="polite">
        {t("audit.count", { count: shown.length })}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.what")}</th>
            <th scope="col">{t("audit.target")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id}>
              <td>{dateTime(r.at)}</td>
              <td>{r.actorEmail ?? "—"}</td>
              <td>{r.action}</td>
              <td>
                {r.targetType} {r.targetId.slice(0, 8)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.auditLog.pageInfo.hasNextPage ? (
        <Button
          variant="secondary"
          onPress={() => {
            setSeen(rows);
            setAfter(data.auditLog.pageInfo.endCursor ?? null);
          }}
        >
          {t("audit.more")}
        </Button>
      ) : null}
    </section>
  );
}
