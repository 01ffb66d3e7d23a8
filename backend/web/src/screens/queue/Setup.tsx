// The e-queue's configuration of one CNAP (cnap_admin, cnap_head): the service groups and
// their ticket letters, the windows and the groups each serves, which services people may
// queue or book for and how long a visit takes, the booking horizon, the share of the day
// kept for walk-ins, how late a booked visitor may check in and the order of calling. The
// whole configuration is saved at once, like the server's `updateQueueSettings`; bookings the
// change leaves without a time are moved or cancelled by the server, and the screen says how
// many holders were told.

import { useState } from "react";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { useAllServices } from "../../api/services";
import { graphql } from "../../gql";
import type { CallRule, QueueSetupQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import { Notice } from "../../ui/Alerts";
import { Button, Checkbox, Select, TextField } from "../../ui/fields";

const Places = graphql(`
  query QueueSetupPlaces {
    cnaps {
      id
      nameUk
      nameEn
      active
    }
  }
`);

const Settings = graphql(`
  query QueueSetup($cnapId: ID!) {
    queueSettings(cnapId: $cnapId) {
      cnapId
      version
      horizonDays
      walkInPercent
      checkInMinutes
      callRule
      groups {
        letter
        nameUk
        nameEn
      }
      workplaces {
        id
        nameUk
        nameEn
        groups
        active
      }
      services {
        serviceId
        group
        minutes
      }
    }
  }
`);

const Save = graphql(`
  mutation QueueSetupSave($input: UpdateQueueSettingsInput!) {
    updateQueueSettings(input: $input) {
      bookingsChanged
      settings {
        version
      }
    }
  }
`);

type Loaded = QueueSetupQuery["queueSettings"];

interface Group {
  letter: string;
  nameUk: string;
  nameEn: string;
}
interface Workplace {
  id: string | null;
  nameUk: string;
  nameEn: string;
  groups: string[];
  active: boolean;
}
/** A service's line: no group means people cannot queue or book for it here. */
interface Line {
  group: string | null;
  minutes: string;
}

const NUMBER = /^\d{1,4}$/;

/** The editor of one loaded configuration; remounted (by key) after each save. */
function Editor({
  loaded,
  services,
  saved,
  onSaving,
  onSaved,
}: {
  loaded: Loaded;
  services: { id: string; label: string }[];
  saved: string | null;
  onSaving: () => void;
  onSaved: (changed: number) => void;
}) {
  const { t, lang } = useI18n();
  const [horizon, setHorizon] = useState(String(loaded.horizonDays));
  const [walkIn, setWalkIn] = useState(String(loaded.walkInPercent));
  const [checkIn, setCheckIn] = useState(String(loaded.checkInMinutes));
  const [rule, setRule] = useState<CallRule>(loaded.callRule);
  const [groups, setGroups] = useState<Group[]>(() => loaded.groups.map((g) => ({ ...g })));
  const [workplaces, setWorkplaces] = useState<Workplace[]>(() =>
    loaded.workplaces.map((w) => ({ id: w.id, nameUk: w.nameUk, nameEn: w.nameEn, groups: [...w.groups], active: w.active })),
  );
  const [lines, setLines] = useState<Record<string, Line>>(() =>
    Object.fromEntries(loaded.services.map((s) => [s.serviceId, { group: s.group, minutes: s.minutes == null ? "" : String(s.minutes) }])),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [, save] = useMutation(Save);
  const numberRule = (v: string) => (NUMBER.test(v) ? null : t("queueSetup.number"));
  const err = (field: string) => fieldError(problems, field);
  const letters = groups.map((g) => g.letter).filter((l) => l.trim() !== "");
  const setGroup = (i: number, g: Partial<Group>) => setGroups(groups.map((x, j) => (j === i ? { ...x, ...g } : x)));
  const setPlace = (i: number, w: Partial<Workplace>) =>
    setWorkplaces(workplaces.map((x, j) => (j === i ? { ...x, ...w } : x)));
  const setLine = (id: string, l: Partial<Line>) =>
    setLines({ ...lines, [id]: { group: null, minutes: "", ...lines[id], ...l } });

  const submit = async () => {
    onSaving();
    const queued = services.filter((s) => lines[s.id]?.group);
    const r = await save({
      input: {
        cnapId: loaded.cnapId,
        version: loaded.version,
        horizonDays: Number(horizon),
        walkInPercent: Number(walkIn),
        checkInMinutes: Number(checkIn),
        callRule: rule,
        groups: groups.map((g) => ({ letter: g.letter.trim().toUpperCase(), nameUk: g.nameUk, nameEn: g.nameEn })),
        workplaces: workplaces.map((w) => ({
          id: w.id,
          nameUk: w.nameUk,
          nameEn: w.nameEn,
          groups: w.groups,
          active: w.active,
        })),
        services: queued.map((s) => ({
          serviceId: s.id,
          group: lines[s.id]?.group ?? "",
          minutes: lines[s.id]?.minutes ? Number(lines[s.id]?.minutes) : null,
        })),
      },
    });
    setProblems(problemsOf(r.error, lang));
    if (r.data) onSaved(r.data.updateQueueSettings.bookingsChanged);
  };

  const shown = new Set(["horizonDays", "walkInPercent", "checkInMinutes"]);
  const general = problems.filter(
    (p) => !p.field || !(shown.has(p.field) || /^(groups|workplaces|services)\[/.test(p.field)),
  );
  // A problem with a row of a list the screen shows by service, not by position.
  const serviceProblem = (id: string) => {
    const i = services.filter((s) => lines[s.id]?.group).findIndex((s) => s.id === id);
    return i < 0 ? null : (err(`services[${i}].minutes`) ?? err(`services[${i}].group`) ?? err(`services[${i}].serviceId`));
  };

  return (
    <div className="stack">
      <Notice message={saved} />
      {general.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.message}
        </p>
      ))}

      <section className="card" aria-labelledby="queue-rules">
        <h2 id="queue-rules">{t("queueSetup.rules")}</h2>
        <div className="row">
          <TextField
            label={t("queueSetup.horizon")}
            description={t("queueSetup.horizonHint")}
            value={horizon}
            onChange={setHorizon}
            validate={numberRule}
            serverError={err("horizonDays")}
            className="short"
          />
          <TextField
            label={t("queueSetup.walkIn")}
            description={t("queueSetup.walkInHint")}
            value={walkIn}
            onChange={setWalkIn}
            validate={numberRule}
            serverError={err("walkInPercent")}
            className="short"
          />
          <TextField
            label={t("queueSetup.checkIn")}
            description={t("queueSetup.checkInHint")}
            value={checkIn}
            onChange={setCheckIn}
            validate={numberRule}
            serverError={err("checkInMinutes")}
            className="short"
          />
        </div>
        <Select
          label={t("queueSetup.rule")}
          value={rule}
          options={[
            { id: "BOOKED_FIRST", label: t("queueSetup.bookedFirst") },
            { id: "ALTERNATE", label: t("queueSetup.alternate") },
          ]}
          onChange={(v) => setRule(v as CallRule)}
        />
      </section>

      <section className="card" aria-labelledby="queue-groups">
        <h2 id="queue-groups">{t("queueSetup.groups")}</h2>
        <p className="muted">{t("queueSetup.groupsHint")}</p>
        {groups.map((g, i) => (
          <fieldset key={i} className="row">
            <legend className="visually-hidden">{t("queueSetup.groupN", { n: i + 1 })}</legend>
            <TextField
              label={t("queueSetup.letterN", { n: i + 1 })}
              value={g.letter}
              maxLength={1}
              onChange={(v) => setGroup(i, { letter: v.toUpperCase() })}
              serverError={err(`groups[${i}].letter`) ?? err(`groups[${i}]`)}
              className="short"
            />
            <TextField
              label={t("queueSetup.groupUk", { n: i + 1 })}
              value={g.nameUk}
              onChange={(v) => setGroup(i, { nameUk: v })}
              serverError={err(`groups[${i}].nameUk`)}
            />
            <TextField label={t("queueSetup.groupEn", { n: i + 1 })} value={g.nameEn} onChange={(v) => setGroup(i, { nameEn: v })} />
            <Button variant="quiet" onPress={() => setGroups(groups.filter((_, j) => j !== i))}>
              {t("queueSetup.removeGroup", { letter: g.letter || String(i + 1) })}
            </Button>
          </fieldset>
        ))}
        <Button variant="secondary" onPress={() => setGroups([...groups, { letter: "", nameUk: "", nameEn: "" }])}>
          {t("queueSetup.addGroup")}
        </Button>
      </section>

      <section className="card" aria-labelledby="queue-windows">
        <h2 id="queue-windows">{t("queueSetup.windows")}</h2>
        {workplaces.map((w, i) => (
          <fieldset key={w.id ?? `new-${i}`} className="stack">
            <legend>{w.nameUk || t("queueSetup.windowN", { n: i + 1 })}</legend>
            <div className="row">
              <TextField
                label={t("queueSetup.windowUk", { n: i + 1 })}
                value={w.nameUk}
                onChange={(v) => setPlace(i, { nameUk: v })}
                serverError={err(`workplaces[${i}].nameUk`)}
              />
              <TextField label={t("queueSetup.windowEn", { n: i + 1 })} value={w.nameEn} onChange={(v) => setPlace(i, { nameEn: v })} />
            </div>
            <div className="row" role="group" aria-label={t("queueSetup.serves", { name: w.nameUk || String(i + 1) })}>
              {letters.map((l) => (
                <Checkbox
                  key={l}
                  isSelected={w.groups.includes(l)}
                  onChange={(on) => setPlace(i, { groups: on ? [...w.groups, l] : w.groups.filter((x) => x !== l) })}
                >
                  {t("queueSetup.servesGroup", { letter: l, n: i + 1 })}
                </Checkbox>
              ))}
            </div>
            {err(`workplaces[${i}].groups`) ? (
              <p className="field-error" role="alert">
                {err(`workplaces[${i}].groups`)}
              </p>
            ) : null}
            <Checkbox isSelected={w.active} onChange={(on) => setPlace(i, { active: on })}>
              {t("queueSetup.open", { n: i + 1 })}
            </Checkbox>
            {w.id === null ? (
              <Button variant="quiet" onPress={() => setWorkplaces(workplaces.filter((_, j) => j !== i))}>
                {t("queueSetup.removeWindow")}
              </Button>
            ) : null}
          </fieldset>
        ))}
        <Button
          variant="secondary"
          onPress={() => setWorkplaces([...workplaces, { id: null, nameUk: "", nameEn: "", groups: [], active: true }])}
        >
          {t("queueSetup.addWindow")}
        </Button>
      </section>

      <section className="card" aria-labelledby="queue-services">
        <h2 id="queue-services">{t("queueSetup.services")}</h2>
        <p className="muted">{t("queueSetup.servicesHint")}</p>
        <p className="muted">{t("queueSetup.minutesHint")}</p>
        <table className="table">
          <caption className="visually-hidden">{t("queueSetup.services")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("queueSetup.service")}</th>
              <th scope="col">{t("queueSetup.group")}</th>
              <th scope="col">{t("queueSetup.minutes")}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => {
              const line = lines[s.id];
              return (
                <tr key={s.id}>
                  <th scope="row">{s.label}</th>
                  <td>
                    <Select
                      label={t("queueSetup.groupOf", { service: s.label })}
                      labelHidden
                      value={line?.group ?? "-"}
                      options={[
                        { id: "-", label: t("queueSetup.notQueued") },
                        ...groups.filter((g) => g.letter).map((g) => ({ id: g.letter, label: `${g.letter} — ${g.nameUk}` })),
                      ]}
                      onChange={(v) => setLine(s.id, { group: v === "-" ? null : v })}
                      serverError={serviceProblem(s.id)}
                    />
                  </td>
                  <td>
                    {line?.group ? (
                      <TextField
                        label={t("queueSetup.minutesOf", { service: s.label })}
                        value={line.minutes}
                        onChange={(v) => setLine(s.id, { minutes: v })}
                        validate={numberRule}
                        className="compact"
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <div className="actions">
        <Button onPress={submit}>{t("queueSetup.save")}</Button>
      </div>
    </div>
  );
}

export default function Setup() {
  const { t, lang } = useI18n();
  const [places] = useQuery({ query: Places });
  const cnaps = (places.data?.cnaps ?? []).filter((c) => c.active);
  const [cnapId, setCnapId] = useState<string | null>(null);
  const cnap = cnapId ?? cnaps[0]?.id ?? null;
  const [saved, setSaved] = useState<string | null>(null);
  const [settings, reload] = useQuery({
    query: Settings,
    variables: { cnapId: cnap ?? "" },
    pause: !cnap,
    requestPolicy: "network-only",
  });
  const name = (uk: string, en?: string | null) => (lang === "en" && en) || uk;
  const all = useAllServices();
  const services = (all.services ?? [])
    .filter((s) => s.status === "PUBLISHED")
    .map((s) => ({ id: s.id, label: name(s.card.nameUk, s.card.nameEn) }));

  const failed = places.error ?? settings.error ?? all.error;
  if (failed) {
    return (
      <p role="alert" className="alert alert-error">
        {problemsOf(failed, lang)[0]?.message}
      </p>
    );
  }
  const loaded = settings.data?.queueSettings ?? null;
  return (
    <section aria-labelledby="queue-setup-title">
      <h1 id="queue-setup-title">{t("queueSetup.title")}</h1>
      <Select
        label={t("queue.cnap")}
        value={cnap}
        options={cnaps.map((c) => ({ id: c.id, label: name(c.nameUk, c.nameEn) }))}
        onChange={(id) => {
          setCnapId(id);
          setSaved(null);
        }}
      />
      {loaded ? (
        <Editor
          key={`${loaded.cnapId}:${loaded.version}`}
          loaded={loaded}
          services={services}
          saved={saved}
          onSaving={() => setSaved(null)}
          onSaved={(changed) => {
            setSaved(t("queueSetup.saved", { count: changed }));
            reload({ requestPolicy: "network-only" });
          }}
        />
      ) : (
        <p className="loading">{t("common.loading")}</p>
      )}
    </section>
  );
}
