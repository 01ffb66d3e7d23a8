// The CNAP desk's inbox: the community's cases newest first, a tab per status with its count,
// the filters the desk works with (service, channel, overdue, assigned to me, dates), and a
// page at a time. A provider's representative sees only the cases forwarded to their
// provider: the server decides that, the screen shows what it is given.

import { useState } from "react";
import { Link } from "react-aria-components";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { problemsOf } from "../../api/errors";
import { graphql } from "../../gql";
import type { ApplicationChannel, ApplicationFilter, ApplicationStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, Checkbox, Select, TextField } from "../../ui/fields";
import { STATUSES } from "./moves";

const InboxQuery = graphql(`
  query DeskInbox($filter: ApplicationFilter, $after: String) {
    applications(filter: $filter, first: 25, after: $after) {
      nodes {
        id
        tracking
        status
        statusNameUk
        statusNameEn
        serviceNameUk
        serviceNameEn
        person {
          fullName
        }
        channel
        submittedAt
        dueDate
        overdue
        paused
        assignedTo
      }
      endCursor
      hasNextPage
      counts {
        status
        count
      }
      overdue
    }
    services(first: 100) {
      nodes {
        id
        card {
          nameUk
          nameEn
        }
      }
    }
    me {
      id
    }
    myPermissions {
      object
      action
    }
  }
`);

const CHANNELS: ApplicationChannel[] = ["WEB", "COUNTER", "POST", "API"];

export default function Inbox() {
  const { t, lang, date } = useI18n();
  const { tenant } = useParams();
  const [status, setStatus] = useState<ApplicationStatus | null>(null);
  const [serviceId, setServiceId] = useState("");
  const [channel, setChannel] = useState("");
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [after, setAfter] = useState<string[]>([]);
  const filter: ApplicationFilter = {
    status,
    serviceId: serviceId || null,
    channel: (channel || null) as ApplicationChannel | null,
    overdue,
    assignedToMe: mine,
    submittedFrom: from || null,
    submittedTo: to || null,
  };
  const cursor = after.length ? after[after.length - 1] : null;
  const [{ data, fetching, error }] = useQuery({
    query: InboxQuery,
    variables: { filter, after: cursor },
    requestPolicy: "cache-and-network",
  });
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setAfter([]);
  };
  const inbox = data?.applications;
  const total = inbox?.counts.reduce((s, c) => s + c.count, 0) ?? 0;
  const countOf = (s: ApplicationStatus) => inbox?.counts.find((c) => c.status === s)?.count ?? 0;
  const problems = problemsOf(error, lang);
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t("desk.title")}</h1>
      {data?.myPermissions.some((p) => p.object === "cases" && p.action === "intake") ? (
        <p>
          <Link href={`/admin/t/${tenant}/applications/new`} className="btn btn-secondary">
            {t("desk.intake")}
          </Link>
        </p>
      ) : null}
      <nav aria-label={t("desk.statuses")} className="tabs">
        <ul className="tab-list">
          <li>
            <button type="button" className="tab" aria-pressed={status === null} onClick={() => refilter(setStatus)(null)}>
              {t("desk.all")} <span className="badge">{total}</span>
            </button>
          </li>
          {STATUSES.map((s) => (
            <li key={s}>
              <button type="button" className="tab" aria-pressed={status === s} onClick={() => refilter(setStatus)(s)}>
                {t(`caseStatus.${s}` as MessageKey)} <span className="badge">{countOf(s)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="row filters">
        <Select
          label={t("desk.service")}
          value={serviceId || "all"}
          options={[
            { id: "all", label: t("desk.anyService") },
            ...(data?.services?.nodes ?? []).map((s) => ({ id: s.id, label: (lang === "en" && s.card.nameEn) || s.card.nameUk })),
          ]}
          onChange={(v) => refilter(setServiceId)(v === "all" ? "" : v)}
        />
        <Select
          label={t("desk.channel")}
          value={channel || "all"}
          options={[
            { id: "all", label: t("desk.anyChannel") },
            ...CHANNELS.map((c) => ({ id: c, label: t(`caseChannel.${c}` as MessageKey) })),
          ]}
          onChange={(v) => refilter(setChannel)(v === "all" ? "" : v)}
        />
        <TextField label={t("desk.from")} type="date" value={from} onChange={refilter(setFrom)} />
        <TextField label={t("desk.to")} type="date" value={to} onChange={refilter(setTo)} validate={(v) => (from && v < from ? t("desk.toBeforeFrom") : null)} />
        <Checkbox isSelected={overdue} onChange={refilter(setOverdue)}>
          {t("desk.overdueOnly", { count: inbox?.overdue ?? 0 })}
        </Checkbox>
        <Checkbox isSelected={mine} onChange={refilter(setMine)}>
          {t("desk.mine")}
        </Checkbox>
      </div>
      {problems.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.field ? `${p.field}: ` : ""}
          {p.message}
        </p>
      ))}
      {fetching && !data ? <p className="loading">{t("common.loading")}</p> : null}
      {inbox ? (
        <>
          <p className="muted" role="status">
            {t("desk.shown", { count: inbox.nodes.length })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("desk.number")}</th>
                <th scope="col">{t("desk.serviceAndApplicant")}</th>
                <th scope="col">{t("desk.status")}</th>
                <th scope="col">{t("desk.submitted")}</th>
                <th scope="col">{t("desk.due")}</th>
                <th scope="col">{t("desk.channel")}</th>
              </tr>
            </thead>
            <tbody>
              {inbox.nodes.map((c) => (
                <tr key={c.id} className={c.overdue ? "row-overdue" : undefined}>
                  <td>
                    <Link href={`/admin/t/${tenant}/applications/${c.id}`}>{c.tracking}</Link>
                    {c.assignedTo && c.assignedTo === data?.me?.id ? <span className="badge">{t("desk.yours")}</span> : null}
                  </td>
                  <td>
                    {(lang === "en" && c.serviceNameEn) || c.serviceNameUk}
                    <br />
                    <span className="muted">{c.person.fullName}</span>
                  </td>
                  <td>{lang === "en" ? c.statusNameEn : c.statusNameUk}</td>
                  <td>{date(c.submittedAt)}</td>
                  <td>
                    {c.paused ? t("desk.paused") : c.dueDate ? date(c.dueDate) : "—"}
                    {c.overdue ? <span className="badge badge-overdue">{t("desk.overdue")}</span> : null}
                  </td>
                  <td>{t(`caseChannel.${c.channel}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {inbox.nodes.length === 0 ? <p className="muted">{t("desk.none")}</p> : null}
          <div className="row">
            {after.length ? (
              <Button variant="secondary" onPress={() => setAfter((a) => a.slice(0, -1))}>
                {t("desk.previous")}
              </Button>
            ) : null}
            {inbox.hasNextPage && inbox.endCursor ? (
              <Button variant="secondary" onPress={() => setAfter((a) => [...a, inbox.endCursor as string])}>
                {t("desk.next")}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
