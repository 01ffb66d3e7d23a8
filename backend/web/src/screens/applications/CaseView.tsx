// One case at the desk: what the applicant sent (their data, the form's answers, the
// documents), where the case is and by when it is due, its history, and the moves the
// person may make from its status: register, return for correction with remarks on named
// fields, forward to the provider, ask and record clarifications, decide with grounds, mark
// the result ready and issued, confirm a payment, take the case or give it back. Every move
// sends the version the screen shows: a case changed meanwhile is refused (CONFLICT) and
// reloaded, so two officers never overwrite each other. Opening a case is logged by the
// server as a read of personal data.

import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useParams } from "react-router";
import { useMutation, useQuery, type CombinedError } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Notice } from "../../ui/Alerts";
import { Button, Select, TextField } from "../../ui/fields";
import { movesFor, type Move } from "./moves";

const CaseQuery = graphql(`
  query DeskCase($id: ID!) {
    application(id: $id) {
      id
      tracking
      serviceId
      serviceNameUk
      serviceNameEn
      status
      statusNameUk
      statusNameEn
      version
      channel
      person {
        fullName
        email
        phone
        rnokpp
      }
      fields {
        key
        value
      }
      remarks {
        field
        text
      }
      fixBy
      clarification
      decision {
        approved
        grounds
        legalBasis
      }
      submittedAt
      dueDate
      overdue
      paused
      decidedAt
      closedAt
      fee
      paidAt
      providerId
      assignedTo
      documentsPurgedAt
      history {
        at
        action
        statusTo
        actorKind
        actorName
        channel
        comment
      }
      documents {
        id
        slot
        fileName
        sizeBytes
        url
        purgedAt
      }
      rating {
        score
        comment
      }
    }
    me {
      id
    }
    myPermissions {
      object
      action
    }
    providers {
      id
      nameUk
      nameEn
    }
  }
`);

const CaseCard = graphql(`
  query DeskCaseCard($id: ID!) {
    service(id: $id) {
      id
      card {
        documents {
          name
        }
        formFields {
          key
          labelUk
          labelEn
        }
      }
    }
  }
`);

const Register = graphql(`
  mutation DeskRegister($input: ApplicationMoveInput!) {
    registerApplication(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const ReturnForCorrection = graphql(`
  mutation DeskReturn($input: ReturnForCorrectionInput!) {
    returnForCorrection(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const Forward = graphql(`
  mutation DeskForward($input: ForwardApplicationInput!) {
    forwardApplication(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const RequestClarification = graphql(`
  mutation DeskAsk($input: RequestClarificationInput!) {
    requestClarification(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const AnswerClarification = graphql(`
  mutation DeskAnswer($input: AnswerClarificationInput!) {
    answerClarification(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const Decide = graphql(`
  mutation DeskDecide($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const MarkResultReady = graphql(`
  mutation DeskReady($input: ApplicationMoveInput!) {
    markResultReady(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const MarkIssued = graphql(`
  mutation DeskIssued($input: ApplicationMoveInput!) {
    markIssued(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const ConfirmPayment = graphql(`
  mutation DeskPaid($input: ApplicationMoveInput!) {
    confirmPayment(input: $input) {
      application {
        id
        version
      }
    }
  }
`);
const Assign = graphql(`
  mutation DeskAssign($input: AssignApplicationInput!) {
    assignApplication(input: $input) {
      application {
        id
        version
        assignedTo
      }
    }
  }
`);

/** A remark being written: the field it names and its text. */
interface Draft {
  field: string;
  text: string;
}

export default function CaseView() {
  const { t, lang, date, dateTime } = useI18n();
  const { tenant, id = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: CaseQuery, variables: { id }, requestPolicy: "network-only" });
  const serviceId = data?.application.serviceId ?? "";
  const [{ data: cardData }] = useQuery({ query: CaseCard, variables: { id: serviceId }, pause: !serviceId });
  const [, register] = useMutation(Register);
  const [, giveBack] = useMutation(ReturnForCorrection);
  const [, forward] = useMutation(Forward);
  const [, ask] = useMutation(RequestClarification);
  const [, answer] = useMutation(AnswerClarification);
  const [, decide] = useMutation(Decide);
  const [, ready] = useMutation(MarkResultReady);
  const [, issued] = useMutation(MarkIssued);
  const [, paid] = useMutation(ConfirmPayment);
  const [, assign] = useMutation(Assign);
  const [open, setOpen] = useState<Move | null>(null);
  const [comment, setComment] = useState("");
  const [remarks, setRemarks] = useState<Draft[]>([{ field: "person.fullName", text: "" }]);
  const [fixBy, setFixBy] = useState("");
  const [providerId, setProviderId] = useState("");
  const [question, setQuestion] = useState("");
  const [approved, setApproved] = useState("approve");
  const [grounds, setGrounds] = useState("");
  const [legalBasis, setLegalBasis] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // The version a move returned: the next move may come before the reload arrives.
  const [moved, setMoved] = useState<{ id: string; version: number } | null>(null);

  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data) {
    return (
      <p role="alert" className="alert alert-error">
        {problemsOf(error, lang)[0]?.message}
      </p>
    );
  }
  const c = data.application;
  const can = (action: string) => data.myPermissions.some((p) => p.object === "cases" && p.action === action);
  const moves = movesFor(c.status, can);
  const card = cardData?.service.card;
  const fieldLabel = (key: string) => {
    const f = card?.formFields.find((x) => x.key === key);
    return f ? (lang === "en" && f.labelEn) || f.labelUk : key;
  };
  const targets = [
    { id: "person.fullName", label: t("case.fullName") },
    { id: "person.email", label: t("case.email") },
    { id: "person.phone", label: t("case.phone") },
    { id: "person.rnokpp", label: t("case.rnokpp") },
    ...(card?.formFields ?? []).map((f) => ({ id: `fields.${f.key}`, label: fieldLabel(f.key) })),
    ...(card?.documents ?? []).map((d, i) => ({ id: `documents[${i}]`, label: d.name })),
  ];
  const targetLabel = (field: string) => targets.find((x) => x.id === field)?.label ?? field;

  /** Runs a move; on success reloads the case and says what was done. */
  const run = async (
    done: MessageKey,
    move: () => Promise<{ error?: CombinedError; data?: unknown }>,
  ) => {
    const r = await move();
    const found = problemsOf(r.error, lang);
    setProblems(found);
    if (found.some((p) => p.code === "CONFLICT")) reload({ requestPolicy: "network-only" });
    if (r.data && !r.error) {
      const payload = Object.values(r.data as Record<string, { application?: { version?: number } }>)[0];
      setMoved({ id: c.id, version: payload?.application?.version ?? 0 });
      setNotice(t(done, { tracking: c.tracking }));
      setOpen(null);
      setComment("");
      reload({ requestPolicy: "network-only" });
    }
  };
  const base = { id: c.id, version: moved?.id === c.id ? Math.max(moved.version, c.version) : c.version };
  const simple = (m: Move) => async () => {
    const input = { ...base, comment };
    if (m === "register") await run("case.registered", () => register({ input }));
    if (m === "markResultReady") await run("case.readyDone", () => ready({ input }));
    if (m === "markIssued") await run("case.issuedDone", () => issued({ input }));
  };
  const submitMove = (m: Move) => async (e: FormEvent) => {
    e.preventDefault();
    if (m === "returnForCorrection") {
      await run("case.returned", () =>
        giveBack({ input: { ...base, comment, fixBy: fixBy || null, remarks: remarks.filter((r) => r.text.trim()) } }),
      );
    } else if (m === "forward") {
      await run("case.forwarded", () => forward({ input: { ...base, comment, providerId: providerId || null } }));
    } else if (m === "requestClarification") {
      await run("case.asked", () => ask({ input: { ...base, question } }));
    } else if (m === "answerClarification") {
      await run("case.answered", () => answer({ input: { ...base, answer: question } }));
    } else if (m === "decide") {
      await run("case.decided", () =>
        decide({ input: { ...base, approved: approved === "approve", grounds, legalBasis } }),
      );
    }
  };
  // Errors shown at the field they name; the rest above the case.
  const atField = new Set<string>(
    open === "returnForCorrection"
      ? ["fixBy", "comment", ...remarks.map((_, i) => `remarks[${i}].text`)]
      : open === "forward"
        ? ["providerId", "comment"]
        : open === "decide"
          ? ["decision.grounds", "decision.legalBasis"]
          : open
            ? ["comment"]
            : [],
  );
  const other = problems.filter((p) => !p.field || !atField.has(p.field));

  return (
    <section aria-labelledby="case-title">
      <p>
        <Link href={`/admin/t/${tenant}/applications`}>{t("case.back")}</Link>
      </p>
      <h1 id="case-title">
        {t("case.title", { tracking: c.tracking })}
        {c.overdue ? <span className="badge badge-overdue">{t("desk.overdue")}</span> : null}
      </h1>
      <p className="lead">{(lang === "en" && c.serviceNameEn) || c.serviceNameUk}</p>
      <Notice message={notice} />
      {other.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.code === "CONFLICT" ? t("case.conflict") + " " : ""}
          {p.field ? `${targetLabel(p.field)}: ` : ""}
          {p.message}
        </p>
      ))}
      <dl className="facts">
        <dt>{t("desk.status")}</dt>
        <dd>{lang === "en" ? c.statusNameEn : c.statusNameUk}</dd>
        <dt>{t("case.expected")}</dt>
        <dd>{c.paused ? t("case.pausedLong") : c.dueDate ? date(c.dueDate) : t("case.noTerm")}</dd>
        <dt>{t("desk.submitted")}</dt>
        <dd>
          {dateTime(c.submittedAt)} · {t(`caseChannel.${c.channel}` as MessageKey)}
        </dd>
        {c.fixBy ? (
          <>
            <dt>{t("case.fixBy")}</dt>
            <dd>{date(c.fixBy)}</dd>
          </>
        ) : null}
        {c.fee ? (
          <>
            <dt>{t("case.fee")}</dt>
            <dd>
              {t("case.amount", { amount: c.fee })} · {c.paidAt ? t("case.paidOn", { date: date(c.paidAt) }) : t("case.unpaid")}
            </dd>
          </>
        ) : null}
        <dt>{t("case.assigned")}</dt>
        <dd>{c.assignedTo ? (c.assignedTo === data.me?.id ? t("case.toYou") : t("case.toColleague")) : t("case.nobody")}</dd>
        {c.providerId ? (
          <>
            <dt>{t("case.provider")}</dt>
            <dd>{data.providers.find((p) => p.id === c.providerId)?.nameUk ?? "—"}</dd>
          </>
        ) : null}
      </dl>

      <div className="row actions" aria-label={t("case.actions")} role="group">
        {can("register") && !c.closedAt ? (
          c.assignedTo === data.me?.id ? (
            <Button variant="secondary" onPress={() => run("case.unassigned", () => assign({ input: { ...base, userId: null } }))}>
              {t("case.unassign")}
            </Button>
          ) : (
            <Button variant="secondary" onPress={() => run("case.assignedDone", () => assign({ input: { ...base, userId: data.me?.id ?? null } }))}>
              {t("case.assignToMe")}
            </Button>
          )
        ) : null}
        {c.fee && !c.paidAt && can("register") && !c.closedAt ? (
          <Button variant="secondary" onPress={() => run("case.paidDone", () => paid({ input: base }))}>
            {t("case.confirmPayment")}
          </Button>
        ) : null}
        {moves.map((m) =>
          m === "register" || m === "markResultReady" || m === "markIssued" ? (
            <Button key={m} onPress={simple(m)}>
              {t(`move.${m}` as MessageKey)}
            </Button>
          ) : (
            <Button key={m} variant={open === m ? "primary" : "secondary"} aria-expanded={open === m} onPress={() => setOpen(open === m ? null : m)}>
              {t(`move.${m}` as MessageKey)}
            </Button>
          ),
        )}
      </div>

      {open ? (
        <Form onSubmit={submitMove(open)} className="card move-form" aria-label={t(`move.${open}` as MessageKey)}>
          <h2>{t(`move.${open}` as MessageKey)}</h2>
          {open === "returnForCorrection" ? (
            <>
              <p className="muted">{t("case.remarksLead")}</p>
              {remarks.map((r, i) => (
                <div className="row" key={i}>
                  <Select
                    label={t("case.remarkField", { n: i + 1 })}
                    value={r.field}
                    options={targets}
                    onChange={(v) => setRemarks((all) => all.map((x, j) => (j === i ? { ...x, field: v } : x)))}
                  />
                  <TextField
                    label={t("case.remarkText", { n: i + 1 })}
                    value={r.text}
                    onChange={(v) => setRemarks((all) => all.map((x, j) => (j === i ? { ...x, text: v } : x)))}
                    serverError={fieldError(problems, `remarks[${i}].text`)}
                  />
                  {remarks.length > 1 ? (
                    <Button variant="quiet" onPress={() => setRemarks((all) => all.filter((_, j) => j !== i))}>
                      {t("case.removeRemark")}
                    </Button>
                  ) : null}
                </div>
              ))}
              <Button variant="secondary" onPress={() => setRemarks((all) => [...all, { field: "person.fullName", text: "" }])}>
                {t("case.addRemark")}
              </Button>
              <TextField label={t("case.fixByLabel")} type="date" value={fixBy} onChange={setFixBy} description={t("case.fixByHint")} serverError={fieldError(problems, "fixBy")} />
            </>
          ) : null}
          {open === "forward" ? (
            <Select
              label={t("case.provider")}
              value={providerId || "service"}
              options={[
                { id: "service", label: t("case.serviceProvider") },
                ...data.providers.map((p) => ({ id: p.id, label: (lang === "en" && p.nameEn) || p.nameUk })),
              ]}
              onChange={(v) => setProviderId(v === "service" ? "" : v)}
              serverError={fieldError(problems, "providerId")}
            />
          ) : null}
          {open === "requestClarification" || open === "answerClarification" ? (
            <TextField
              label={open === "requestClarification" ? t("case.question") : t("case.answer")}
              value={question}
              onChange={setQuestion}
              multiline
              isRequired
              serverError={fieldError(problems, "comment")}
            />
          ) : null}
          {open === "decide" ? (
            <>
              <Select
                label={t("case.decision")}
                value={approved}
                options={[
                  { id: "approve", label: t("case.approve") },
                  { id: "refuse", label: t("case.refuse") },
                ]}
                onChange={setApproved}
              />
              {approved === "refuse" ? (
                <>
                  <TextField label={t("case.grounds")} value={grounds} onChange={setGrounds} multiline isRequired serverError={fieldError(problems, "decision.grounds")} />
                  <TextField label={t("case.legalBasis")} value={legalBasis} onChange={setLegalBasis} isRequired serverError={fieldError(problems, "decision.legalBasis")} />
                </>
              ) : null}
            </>
          ) : null}
          {open === "returnForCorrection" || open === "forward" ? (
            <TextField label={t("case.comment")} value={comment} onChange={setComment} multiline rows={2} serverError={fieldError(problems, "comment")} />
          ) : null}
          <div className="row">
            <Button type="submit">{t("case.confirm")}</Button>
            <Button variant="quiet" onPress={() => setOpen(null)}>
              {t("common.cancel")}
            </Button>
          </div>
        </Form>
      ) : null}

      {c.remarks.length ? (
        <>
          <h2>{t("case.remarks")}</h2>
          <ul>
            {c.remarks.map((r) => (
              <li key={r.field + r.text}>
                <strong>{targetLabel(r.field)}</strong>: {r.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {c.clarification ? (
        <>
          <h2>{t("case.clarification")}</h2>
          <p>{c.clarification}</p>
        </>
      ) : null}
      {c.decision ? (
        <>
          <h2>{t("case.decision")}</h2>
          <p>{c.decision.approved ? t("case.approved") : t("case.refused")}</p>
          {c.decision.grounds ? <p>{t("case.groundsIs", { text: c.decision.grounds })}</p> : null}
          {c.decision.legalBasis ? <p>{t("case.legalBasisIs", { text: c.decision.legalBasis })}</p> : null}
        </>
      ) : null}

      <h2>{t("case.applicant")}</h2>
      <dl className="facts">
        <dt>{t("case.fullName")}</dt>
        <dd>{c.person.fullName}</dd>
        <dt>{t("case.email")}</dt>
        <dd>{c.person.email ?? "—"}</dd>
        <dt>{t("case.phone")}</dt>
        <dd>{c.person.phone ?? "—"}</dd>
        <dt>{t("case.rnokpp")}</dt>
        <dd>{c.person.rnokpp ?? "—"}</dd>
        {c.fields.map((f) => (
          <div key={f.key} className="facts-pair">
            <dt>{fieldLabel(f.key)}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("case.documents")}</h2>
      {c.documents.length ? (
        <ul>
          {c.documents.map((d) => (
            <li key={d.id}>
              {d.slot}:{" "}
              {d.url && !d.purgedAt ? (
                <a href={`${d.url}?tenant=${tenant}`} download>
                  {d.fileName}
                </a>
              ) : (
                <span className="muted">{t("case.purged", { name: d.fileName })}</span>
              )}{" "}
              <span className="muted">({t("case.kilobytes", { count: Math.max(1, Math.round(d.sizeBytes / 1024)) })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("case.noDocuments")}</p>
      )}

      {c.rating ? (
        <>
          <h2>{t("case.rating")}</h2>
          <p>
            {t("case.score", { score: c.rating.score })}
            {c.rating.comment ? ` — «${c.rating.comment}»` : ""}
          </p>
        </>
      ) : null}

      <h2>{t("case.history")}</h2>
      <ol className="history">
        {c.history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{dateTime(h.at)}</time> — {t(`caseStatus.${h.statusTo}` as MessageKey)}
            <span className="muted">
              {" "}
              ({h.actorKind === "staff" ? h.actorName || t("case.staff") : t(`actor.${h.actorKind}` as MessageKey)}, {t(`caseChannel.${h.channel.toUpperCase()}` as MessageKey)})
            </span>
            {h.comment ? <p>{h.comment}</p> : null}
          </li>
        ))}
      </ol>
      <p className="muted">
        <a href={`/applications/${c.id}/export?tenant=${tenant}`}>{t("case.export")}</a>
      </p>
    </section>
  );
}
