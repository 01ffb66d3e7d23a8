// The e-queue at the CNAP: the operator's window (call the next person, start, finish, or
// mark that the called person did not come) and the kiosk's two actions (a walk-in ticket
// for a service, a booked visitor checked in with the code of the confirmation), with the
// hall's board beside them. What the counter may do follows the server (`queue:operate`);
// the order of calling is the CNAP's rule, applied by the server.

import { useState } from "react";
import { useMutation, useQuery } from "urql";

import { problemsOf } from "../../api/errors";
import { useAllServices } from "../../api/services";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Notice } from "../../ui/Alerts";
import { Button, Select, TextField } from "../../ui/fields";

const Places = graphql(`
  query CounterPlaces {
    cnaps {
      id
      nameUk
      nameEn
      active
    }
  }
`);

const Queue = graphql(`
  query CounterQueue($cnapId: ID!) {
    queueSettings(cnapId: $cnapId) {
      version
      workplaces {
        id
        nameUk
        nameEn
        active
      }
      services {
        serviceId
        group
      }
    }
    queueBoard(cnapId: $cnapId) {
      called {
        id
        ticket
        status
        booked
        workplaceId
        workplaceNameUk
      }
      waiting {
        letter
        waiting
      }
    }
  }
`);

const CallNext = graphql(`
  mutation CounterCallNext($input: CallNextInput!) {
    callNext(input: $input) {
      visit {
        id
        ticket
        status
        booked
      }
    }
  }
`);

const Start = graphql(`
  mutation CounterStart($input: VisitStepInput!) {
    startVisit(input: $input) {
      visit {
        id
        status
      }
    }
  }
`);

const Finish = graphql(`
  mutation CounterFinish($input: VisitStepInput!) {
    finishVisit(input: $input) {
      visit {
        id
        status
      }
    }
  }
`);

const NoShow = graphql(`
  mutation CounterNoShow($input: VisitStepInput!) {
    markNoShow(input: $input) {
      visit {
        id
        status
      }
    }
  }
`);

const Ticket = graphql(`
  mutation CounterTicket($input: IssueTicketInput!) {
    issueTicket(input: $input) {
      visit {
        ticket
        ahead
      }
    }
  }
`);

const CheckIn = graphql(`
  mutation CounterCheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      visit {
        ticket
        ahead
      }
    }
  }
`);

export default function Counter() {
  const { t, lang } = useI18n();
  const [places] = useQuery({ query: Places });
  const all = useAllServices();
  const active = (places.data?.cnaps ?? []).filter((c) => c.active);
  const [cnapId, setCnapId] = useState<string | null>(null);
  const cnap = cnapId ?? active[0]?.id ?? null;
  const [queue, reload] = useQuery({
    query: Queue,
    variables: { cnapId: cnap ?? "" },
    pause: !cnap,
    requestPolicy: "network-only",
  });
  const [windowId, setWindowId] = useState<string | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [, callNext] = useMutation(CallNext);
  const [, start] = useMutation(Start);
  const [, finish] = useMutation(Finish);
  const [, noShow] = useMutation(NoShow);
  const [, ticket] = useMutation(Ticket);
  const [, checkIn] = useMutation(CheckIn);

  const name = (uk: string, en?: string | null) => (lang === "en" && en) || uk;
  const windows = (queue.data?.queueSettings.workplaces ?? []).filter((w) => w.active);
  const place = windowId ?? windows[0]?.id ?? null;
  const current = queue.data?.queueBoard.called.find((c) => c.workplaceId === place) ?? null;
  const queued = new Set((queue.data?.queueSettings.services ?? []).map((s) => s.serviceId));
  const services = (all.services ?? []).filter((s) => queued.has(s.id));

  /** Runs a step; shows the server's problem or `done`, and reads the board again. */
  const run = async (step: Promise<{ error?: Parameters<typeof problemsOf>[0] }>, done: (() => string) | null) => {
    setProblem(null);
    setNotice(null);
    const r = await step;
    if (r.error) {
      setProblem(problemsOf(r.error, lang)[0]?.message ?? t("queue.failed"));
    } else if (done) {
      setNotice(done());
    }
    reload({ requestPolicy: "network-only" });
  };

  if (places.error) {
    return (
      <p role="alert" className="alert alert-error">
        {problemsOf(places.error, lang)[0]?.message}
      </p>
    );
  }
  return (
    <section aria-labelledby="counter-title">
      <h1 id="counter-title">{t("queue.title")}</h1>
      <Select
        label={t("queue.cnap")}
        value={cnap}
        options={active.map((c) => ({ id: c.id, label: name(c.nameUk, c.nameEn) }))}
        onChange={(id) => {
          setCnapId(id);
          setWindowId(null);
        }}
      />
      <Notice message={notice} />
      {problem ? (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      ) : null}
      {windows.length === 0 && queue.data ? <p>{t("queue.notSet")}</p> : null}

      <div className="row">
        <section aria-labelledby="window-title" className="panel">
          <h2 id="window-title">{t("queue.window")}</h2>
          <Select
            label={t("queue.window")}
            value={place}
            options={windows.map((w) => ({ id: w.id, label: name(w.nameUk, w.nameEn) }))}
            onChange={setWindowId}
          />
          {current ? (
            <>
              <p className="ticket-now" aria-live="polite">
                {t("queue.current", { ticket: current.ticket })}
                {current.booked ? ` · ${t("queue.booked")}` : ""}
              </p>
              {current.status === "CALLED" ? (
                <div className="row">
                  <Button onPress={() => run(start({ input: { id: current.id } }), null)}>{t("queue.start")}</Button>
                  <Button
                    variant="secondary"
                    onPress={() => run(noShow({ input: { id: current.id } }), () => t("queue.markedNoShow", { ticket: current.ticket }))}
                  >
                    {t("queue.noShow")}
                  </Button>
                </div>
              ) : (
                <Button onPress={() => run(finish({ input: { id: current.id } }), () => t("queue.finished", { ticket: current.ticket }))}>
                  {t("queue.finish")}
                </Button>
              )}
            </>
          ) : (
            <Button
              isDisabled={!place}
              onPress={async () => {
                if (!place) return;
                setProblem(null);
                setNotice(null);
                const r = await callNext({ input: { workplaceId: place } });
                if (r.error) {
                  setProblem(problemsOf(r.error, lang)[0]?.message ?? t("queue.failed"));
                } else if (!r.data?.callNext.visit) {
                  setNotice(t("queue.nobody"));
                }
                reload({ requestPolicy: "network-only" });
              }}
            >
              {t("queue.callNext")}
            </Button>
          )}
        </section>

        <section aria-labelledby="kiosk-title" className="panel">
          <h2 id="kiosk-title">{t("queue.kiosk")}</h2>
          <Select
            label={t("queue.service")}
            value={service}
            options={services.map((s) => ({ id: s.id, label: name(s.card.nameUk, s.card.nameEn) }))}
            onChange={setService}
          />
          <Button
            isDisabled={!service || !cnap}
            onPress={async () => {
              if (!service || !cnap) return;
              setProblem(null);
              setNotice(null);
              const r = await ticket({ input: { cnapId: cnap, serviceId: service } });
              const v = r.data?.issueTicket.visit;
              if (r.error) setProblem(problemsOf(r.error, lang)[0]?.message ?? t("queue.failed"));
              else if (v) setNotice(t("queue.issued", { ticket: v.ticket, ahead: v.ahead ?? 0 }));
              reload({ requestPolicy: "network-only" });
            }}
          >
            {t("queue.issue")}
          </Button>
          <TextField label={t("queue.code")} value={code} onChange={setCode} maxLength={6} />
          <Button
            variant="secondary"
            isDisabled={!cnap || code.trim().length !== 6}
            onPress={async () => {
              if (!cnap) return;
              setProblem(null);
              setNotice(null);
              const r = await checkIn({ input: { cnapId: cnap, code: code.trim() } });
              const v = r.data?.checkIn.visit;
              if (r.error) setProblem(problemsOf(r.error, lang)[0]?.message ?? t("queue.failed"));
              else if (v) {
                setNotice(t("queue.checkedIn", { ticket: v.ticket }));
                setCode("");
              }
              reload({ requestPolicy: "network-only" });
            }}
          >
            {t("queue.checkIn")}
          </Button>
        </section>
      </div>

      <section aria-labelledby="hall-title">
        <h2 id="hall-title">{t("queue.hall")}</h2>
        <ul>
          {(queue.data?.queueBoard.waiting ?? []).map((w) => (
            <li key={w.letter}>{t("queue.waiting", { letter: w.letter, count: w.waiting })}</li>
          ))}
        </ul>
        <table>
          <caption>{t("queue.called")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("queue.ticket")}</th>
              <th scope="col">{t("queue.window")}</th>
            </tr>
          </thead>
          <tbody>
            {(queue.data?.queueBoard.called ?? []).map((c) => (
              <tr key={c.id}>
                <td>{c.ticket}</td>
                <td>{c.workplaceNameUk}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {cnap ? (
          <p>
            <a href={`/queue/board/${cnap}`} target="_blank" rel="noreferrer">
              {t("queue.openBoard")}
            </a>
          </p>
        ) : null}
      </section>
    </section>
  );
}
