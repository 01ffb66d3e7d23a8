// CNAPs and remote workplaces with their weekly hours (breaks included) and dated
// exceptions, and the holiday calendar of working days.

import { useState } from "react";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, Checkbox, Select, TextField } from "../../ui/fields";
import MobileVisits from "./MobileVisits";
import NewPlace from "./NewPlace";
import { Notice } from "../../ui/Alerts";

const CnapsQuery = graphql(`
  query Cnaps($from: NaiveDate!, $to: NaiveDate!) {
    cnaps {
      ...Place
    }
    remoteWorkplaces {
      ...Place
    }
    holidays(from: $from, to: $to) {
      date
      kind
      nameUk
      inherited
    }
  }
  fragment Place on Cnap {
    id
    kind
    nameUk
    nameEn
    addressUk
    addressEn
    lat
    lon
    phone
    email
    website
    active
    version
    accessibility {
      stepFree
      floor
      selfServiceTerminal
      signLanguage
    }
    schedule {
      mon { ...Day }
      tue { ...Day }
      wed { ...Day }
      thu { ...Day }
      fri { ...Day }
      sat { ...Day }
      sun { ...Day }
    }
    exceptions {
      date
      note
      hours { ...Day }
    }
  }
  fragment Day on DayHours {
    open
    close
    breaks {
      from
      to
    }
  }
`);

const UpdateCnap = graphql(`
  mutation UpdateCnap($input: UpdateCnapInput!) {
    updateCnap(input: $input) {
      cnap {
        id
        version
      }
    }
  }
`);

const SetDay = graphql(`
  mutation SetCalendarDay($input: SetCalendarDayInput!) {
    setCalendarDay(input: $input) {
      day {
        date
      }
    }
  }
`);

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type DayKey = (typeof DAYS)[number];
interface Hours {
  open: string;
  close: string;
  breaks: { from: string; to: string }[];
}
type Week = Record<DayKey, Hours | null>;
interface Exception {
  date: string;
  note: string;
  hours: Hours | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function strip(h: Hours | null | undefined): Hours | null {
  return h ? { open: h.open, close: h.close, breaks: h.breaks.map((b) => ({ from: b.from, to: b.to })) } : null;
}

interface Place {
  id: string;
  kind: "CENTER" | "REMOTE_WORKPLACE";
  nameUk: string;
  nameEn: string;
  addressUk: string;
  addressEn: string;
  lat: number;
  lon: number;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  active: boolean;
  version: number;
  accessibility: { stepFree: boolean; floor: number; selfServiceTerminal: boolean; signLanguage: boolean };
  schedule: Record<DayKey, Hours | null | undefined>;
  exceptions: { date: string; note: string; hours?: Hours | null }[];
}

/** The week's hours and dated exceptions of one place. The card around it is keyed by the
 * place's version, so a save remounts the editor: the "saved" notice lives with the list. */
function HoursEditor({ place, onSaving, onSaved }: { place: Place; onSaving: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [week, setWeek] = useState<Week>(
    () => Object.fromEntries(DAYS.map((d) => [d, strip(place.schedule[d])])) as Week,
  );
  const [exceptions, setExceptions] = useState<Exception[]>(() =>
    place.exceptions.map((e) => ({ date: e.date, note: e.note, hours: strip(e.hours) })),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [result, update] = useMutation(UpdateCnap);
  const timeRule = (v: string) => (TIME.test(v) ? null : t("cnap.timeInvalid"));
  const setDay = (d: DayKey, h: Hours | null) => setWeek((w) => ({ ...w, [d]: h }));

  const save = async () => {
    onSaving();
    const r = await update({
      input: {
        id: place.id,
        version: place.version,
        active: place.active,
        cnap: {
          kind: place.kind,
          nameUk: place.nameUk,
          nameEn: place.nameEn,
          addressUk: place.addressUk,
          addressEn: place.addressEn,
          lat: place.lat,
          lon: place.lon,
          phone: place.phone ?? null,
          email: place.email ?? null,
          website: place.website ?? null,
          accessibility: {
            stepFree: place.accessibility.stepFree,
            floor: place.accessibility.floor,
            selfServiceTerminal: place.accessibility.selfServiceTerminal,
            signLanguage: place.accessibility.signLanguage,
          },
          schedule: week,
          exceptions,
        },
      },
    });
    const found = problemsOf(r.error, lang);
    setProblems(found);
    if (r.data) onSaved();
  };

  return (
    <div className="stack">
      {problems
        .filter((p) => p.code !== "BAD_USER_INPUT" || !p.field?.startsWith("cnap.schedule"))
        .map((p) => (
          <p key={p.message} role="alert" className="alert alert-error">
            {p.message}
          </p>
        ))}
      <table className="table hours">
        <caption>{t("cnap.week")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cnap.day")}</th>
            <th scope="col">{t("cnap.closed")}</th>
            <th scope="col">{t("cnap.open")}</th>
            <th scope="col">{t("cnap.close")}</th>
            <th scope="col">{t("cnap.breaks")}</th>
          </tr>
        </thead>
        <tbody>
          {DAYS.map((d) => {
            const h = week[d];
            const dayName = t(`day.${d}` as MessageKey);
            return (
              <tr key={d}>
                <th scope="row">{dayName}</th>
                <td>
                  <Checkbox
                    isSelected={h === null}
                    onChange={(closed) => setDay(d, closed ? null : { open: "08:00", close: "17:00", breaks: [] })}
                  >
                    <span className="visually-hidden">{t("cnap.closedOn", { day: dayName })}</span>
                  </Checkbox>
                </td>
                <td>
                  {h ? (
                    <TextField
                      label={t("cnap.openOn", { day: dayName })}
                      className="compact"
                      value={h.open}
                      onChange={(v) => setDay(d, { ...h, open: v })}
                      validate={timeRule}
                      serverError={fieldError(problems, `cnap.schedule.${d}.open`) ?? fieldError(problems, `cnap.schedule.${d}`)}
                    />
                  ) : null}
                </td>
                <td>
                  {h ? (
                    <TextField
                      label={t("cnap.closeOn", { day: dayName })}
                      className="compact"
                      value={h.close}
                      onChange={(v) => setDay(d, { ...h, close: v })}
                      validate={timeRule}
                      serverError={fieldError(problems, `cnap.schedule.${d}.close`)}
                    />
                  ) : null}
                </td>
                <td>
                  {h ? (
                    <div className="breaks">
                      {h.breaks.map((b, i) => (
                        <div key={i} className="row">
                          <TextField
                            label={t("cnap.breakFrom", { day: dayName })}
                            className="compact"
                            value={b.from}
                            validate={timeRule}
                            onChange={(v) => setDay(d, { ...h, breaks: h.breaks.map((x, j) => (j === i ? { ...x, from: v } : x)) })}
                          />
                          <TextField
                            label={t("cnap.breakTo", { day: dayName })}
                            className="compact"
                            value={b.to}
                            validate={timeRule}
                            onChange={(v) => setDay(d, { ...h, breaks: h.breaks.map((x, j) => (j === i ? { ...x, to: v } : x)) })}
                          />
                          <Button variant="quiet" onPress={() => setDay(d, { ...h, breaks: h.breaks.filter((_, j) => j !== i) })}>
                            {t("cnap.removeBreak")}
                          </Button>
                        </div>
                      ))}
                      <Button variant="quiet" onPress={() => setDay(d, { ...h, breaks: [...h.breaks, { from: "12:00", to: "13:00" }] })}>
                        {t("cnap.addBreak")}
                      </Button>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems
        .filter((p) => p.field?.startsWith("cnap.schedule"))
        .map((p) => (
          <p key={p.message} role="alert" className="field-error">
            {p.field}: {p.message}
          </p>
        ))}
      <h3>{t("cnap.exceptions")}</h3>
      {exceptions.map((e, i) => (
        <div key={i} className="row">
          <TextField
            label={t("cnap.exceptionDate")}
            type="date"
            value={e.date}
            onChange={(v) => setExceptions((xs) => xs.map((x, j) => (j === i ? { ...x, date: v } : x)))}
            serverError={fieldError(problems, `cnap.exceptions[${i}].date`)}
          />
          <TextField
            label={t("cnap.exceptionNote")}
            value={e.note}
            onChange={(v) => setExceptions((xs) => xs.map((x, j) => (j === i ? { ...x, note: v } : x)))}
          />
          <Checkbox
            isSelected={e.hours === null}
            onChange={(closed) =>
              setExceptions((xs) => xs.map((x, j) => (j === i ? { ...x, hours: closed ? null : { open: "09:00", close: "13:00", breaks: [] } } : x)))
            }
          >
            {t("cnap.closedAllDay")}
          </Checkbox>
          <Button variant="quiet" onPress={() => setExceptions((xs) => xs.filter((_, j) => j !== i))}>
            {t("cnap.removeException")}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onPress={() => setExceptions((xs) => [...xs, { date: "", note: "", hours: null }])}>
        {t("cnap.addException")}
      </Button>
      <div className="actions">
        <Button onPress={save} isDisabled={result.fetching}>
          {t("cnap.save")}
        </Button>
      </div>
    </div>
  );
}

function Holidays({ days, onSaved }: { days: { date: string; kind: string; nameUk: string; inherited: boolean }[]; onSaved: () => void }) {
  const { t, lang, date } = useI18n();
  const [day, setDayValue] = useState("");
  const [kind, setKind] = useState<"HOLIDAY" | "WORKING_DAY">("HOLIDAY");
  const [name, setName] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [, set] = useMutation(SetDay);
  return (
    <section aria-labelledby="holidays-title">
      <h2 id="holidays-title">{t("cnap.calendar")}</h2>
      <ul className="plain">
        {days.map((d) => (
          <li key={d.date}>
            {date(d.date)} — {d.nameUk} ({t(d.kind === "HOLIDAY" ? "cnap.holiday" : "cnap.workingDay")}
            {d.inherited ? `, ${t("cnap.fromOblast")}` : ""})
          </li>
        ))}
      </ul>
      <div className="row">
        <TextField label={t("cnap.exceptionDate")} type="date" value={day} onChange={setDayValue} serverError={fieldError(problems, "date")} />
        <Select
          label={t("cnap.dayKind")}
          value={kind}
          onChange={(v) => setKind(v as "HOLIDAY" | "WORKING_DAY")}
          options={[
            { id: "HOLIDAY", label: t("cnap.holiday") },
            { id: "WORKING_DAY", label: t("cnap.workingDay") },
          ]}
        />
        <TextField label={t("cnap.dayName")} value={name} onChange={setName} serverError={fieldError(problems, "nameUk")} />
        <Button
          variant="secondary"
          isDisabled={!day || !name}
          onPress={async () => {
            const r = await set({ input: { date: day, kind, nameUk: name } });
            setProblems(problemsOf(r.error, lang));
            if (r.data) {
              setDayValue("");
              setName("");
              onSaved();
            }
          }}
        >
          {t("cnap.addDay")}
        </Button>
      </div>
    </section>
  );
}

export default function Cnaps() {
  const { t, lang } = useI18n();
  const year = new Date().getFullYear();
  const [{ data, fetching, error }, reload] = useQuery({
    query: CnapsQuery,
    variables: { from: `${year}-01-01`, to: `${year + 1}-12-31` },
  });
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data) return <p role="alert">{problemsOf(error, lang)[0]?.message}</p>;
  const places = [...data.cnaps, ...data.remoteWorkplaces] as Place[];
  const refresh = () => reload({ requestPolicy: "network-only" });
  return (
    <section aria-labelledby="cnap-title">
      <h1 id="cnap-title">{t("cnap.title")}</h1>
      {places.length === 0 ? <p>{t("cnap.none")}</p> : null}
      {places.map((p) => (
        <article key={`${p.id}:${p.version}`} className="card">
          <h2>
            {p.nameUk} <span className="badge">{t(p.kind === "CENTER" ? "cnap.center" : "cnap.remote")}</span>
          </h2>
          <p className="muted">{p.addressUk}</p>
          <Button variant="secondary" onPress={() => setOpen(open === p.id ? null : p.id)} aria-expanded={open === p.id}>
            {open === p.id ? t("cnap.hideHours") : t("cnap.editHours")}
          </Button>
          {open === p.id ? <Notice message={saved === p.id ? t("cnap.saved") : null} /> : null}
          {open === p.id ? (
            <HoursEditor
              place={p}
              onSaving={() => setSaved(null)}
              onSaved={() => {
                setSaved(p.id);
                refresh();
              }}
            />
          ) : null}
        </article>
      ))}
      <NewPlace onCreated={refresh} />
      <MobileVisits />
      <Holidays days={data.holidays} onSaved={refresh} />
    </section>
  );
}
