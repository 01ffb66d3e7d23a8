// The e-queue's statistics for the CNAP head, the community and the oblast: visits, waiting
// and service times (median and 90th percentile), the share called within 15 minutes,
// people who did not come and how the bookings went, per day, window, service group or (on
// the oblast's host) community. The figures are the server's (`queueStats`), measured from
// each ticket's times; the screen only lays them out.

import { useState } from "react";
import { useQuery } from "urql";

import { problemsOf } from "../../api/errors";
import { graphql } from "../../gql";
import type { QueueStatsBy } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import { Select, TextField } from "../../ui/fields";

const Places = graphql(`
  query QueueStatsPlaces {
    cnaps {
      id
      nameUk
      nameEn
    }
    tenant {
      kind
    }
  }
`);

const StatsQuery = graphql(`
  query QueueStatsScreen($cnapId: ID, $from: NaiveDate!, $to: NaiveDate!, $by: QueueStatsBy!) {
    queueStats(cnapId: $cnapId, from: $from, to: $to, by: $by) {
      rows {
        ...QueueStatsLine
      }
      total {
        ...QueueStatsLine
      }
      bookings {
        booked
        used
        noShows
        cancelled
      }
    }
  }
  fragment QueueStatsLine on QueueStatsRow {
    key
    visits
    served
    noShows
    waitMedianMinutes
    waitP90Minutes
    serviceMedianMinutes
    serviceP90Minutes
    waitedWithin15Percent
  }
`);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of the day `back` days before today in Kyiv: the CNAP's calendar, whatever
 * the browser's time zone. */
function isoDay(back: number): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv" })
    .format(new Date())
    .split("-")
    .map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - back)).toISOString().slice(0, 10);
}

export default function Stats() {
  const { t, lang, date } = useI18n();
  const [places] = useQuery({ query: Places });
  const [cnap, setCnap] = useState("all");
  const [from, setFrom] = useState(isoDay(6));
  const [to, setTo] = useState(isoDay(0));
  const [by, setBy] = useState<QueueStatsBy>("DAY");
  const valid = DATE.test(from) && DATE.test(to);
  const [stats] = useQuery({
    query: StatsQuery,
    variables: { cnapId: cnap === "all" ? null : cnap, from, to, by },
    pause: !valid,
    requestPolicy: "cache-and-network",
  });
  const oblast = places.data?.tenant?.kind === "OBLAST";
  const name = (uk: string, en?: string | null) => (lang === "en" && en) || uk;
  const minutes = (v: number | null | undefined) => (v == null ? "—" : t("queueStats.minutes", { count: v }));
  const percent = (v: number | null | undefined) =>
    v == null ? "—" : new Intl.NumberFormat(lang === "en" ? "en-GB" : "uk-UA", { maximumFractionDigits: 1 }).format(v) + " %";
  const problem = places.error ?? stats.error;
  const s = stats.data?.queueStats;
  const label = (key: string) => {
    if (by === "DAY" && DATE.test(key)) return date(key);
    // Tickets no window has called yet have no workplace.
    if (by === "WORKPLACE" && key === "—") return t("queueStats.noWindow");
    return key;
  };
  const byOptions = [
    { id: "DAY", label: t("queueStats.byDay") },
    { id: "WORKPLACE", label: t("queueStats.byWindow") },
    { id: "GROUP", label: t("queueStats.byGroup") },
    ...(oblast ? [{ id: "COMMUNITY", label: t("queueStats.byCommunity") }] : []),
  ];

  return (
    <section aria-labelledby="queue-stats-title">
      <h1 id="queue-stats-title">{t("queueStats.title")}</h1>
      <div className="row">
        {oblast ? null : (
          <Select
            label={t("queue.cnap")}
            value={cnap}
            options={[
              { id: "all", label: t("queueStats.allCnaps") },
              ...(places.data?.cnaps ?? []).map((c) => ({ id: c.id, label: name(c.nameUk, c.nameEn) })),
            ]}
            onChange={setCnap}
          />
        )}
        <TextField label={t("queueStats.from")} type="date" value={from} onChange={setFrom} className="date" />
        <TextField label={t("queueStats.to")} type="date" value={to} onChange={setTo} className="date" />
        <Select label={t("queueStats.by")} value={by} options={byOptions} onChange={(v) => setBy(v as QueueStatsBy)} />
      </div>
      {problem ? (
        <p role="alert" className="alert alert-error">
          {problemsOf(problem, lang)[0]?.message}
        </p>
      ) : null}
      {s ? (
        <>
          <p>
            {t("queueStats.bookings", {
              booked: s.bookings.booked,
              used: s.bookings.used,
              noShows: s.bookings.noShows,
              cancelled: s.bookings.cancelled,
            })}
          </p>
          <div className="table-wrap" role="region" aria-label={t("queueStats.title")} tabIndex={0}>
            <table className="table">
              <caption>{t("queueStats.caption", { from: date(from), to: date(to) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{byOptions.find((o) => o.id === by)?.label}</th>
                  <th scope="col">{t("queueStats.visits")}</th>
                  <th scope="col">{t("queueStats.served")}</th>
                  <th scope="col">{t("queueStats.noShows")}</th>
                  <th scope="col">{t("queueStats.waitMedian")}</th>
                  <th scope="col">{t("queueStats.waitP90")}</th>
                  <th scope="col">{t("queueStats.serviceMedian")}</th>
                  <th scope="col">{t("queueStats.serviceP90")}</th>
                  <th scope="col">{t("queueStats.within15")}</th>
                </tr>
              </thead>
              <tbody>
                {s.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{label(r.key)}</th>
                    <td>{r.visits}</td>
                    <td>{r.served}</td>
                    <td>{r.noShows}</td>
                    <td>{minutes(r.waitMedianMinutes)}</td>
                    <td>{minutes(r.waitP90Minutes)}</td>
                    <td>{minutes(r.serviceMedianMinutes)}</td>
                    <td>{minutes(r.serviceP90Minutes)}</td>
                    <td>{percent(r.waitedWithin15Percent)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("queueStats.total")}</th>
                  <td>{s.total.visits}</td>
                  <td>{s.total.served}</td>
                  <td>{s.total.noShows}</td>
                  <td>{minutes(s.total.waitMedianMinutes)}</td>
                  <td>{minutes(s.total.waitP90Minutes)}</td>
                  <td>{minutes(s.total.serviceMedianMinutes)}</td>
                  <td>{minutes(s.total.serviceP90Minutes)}</td>
                  <td>{percent(s.total.waitedWithin15Percent)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {s.rows.length === 0 ? <p>{t("queueStats.none")}</p> : null}
        </>
      ) : valid ? (
        <p className="loading">{t("common.loading")}</p>
      ) : null}
    </section>
  );
}
