// A paper application taken at the counter or received by post (the Ukrposhta channel):
// the officer picks the service, types the applicant's data and the card's fields, scans the
// documents, and gives the applicant the tracking number and the access code the case was
// created with. The same case as an online one, with its channel and the day it came in.

import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { print } from "graphql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { multipartGraphql } from "../../api/upload";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, Select, TextField } from "../../ui/fields";

const Services = graphql(`
  query IntakeServices {
    services(first: 100) {
      nodes {
        id
        status
        card {
          code
          nameUk
          nameEn
        }
      }
    }
  }
`);

const Card = graphql(`
  query IntakeCard($id: ID!) {
    service(id: $id) {
      id
      card {
        rnokppOptional
        documents {
          name
        }
        formFields {
          key
          labelUk
          labelEn
          kind
          required
          options
        }
      }
    }
  }
`);

const Take = graphql(`
  mutation IntakeApplication($input: IntakeApplicationInput!) {
    intakeApplication(input: $input) {
      accessCode
      statusUrl
      application {
        id
        tracking
        dueDate
      }
    }
  }
`);

interface Taken {
  accessCode: string;
  statusUrl: string;
  application: { id: string; tracking: string; dueDate?: string | null };
}

/** The largest scan the server takes (`MAX_DOCUMENT_BYTES`), and its types. */
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ["application/pdf", "image/jpeg", "image/png"];

export default function Intake() {
  const { t, lang, date } = useI18n();
  const { tenant = "" } = useParams();
  const [{ data }] = useQuery({ query: Services });
  const [serviceId, setServiceId] = useState("");
  const [{ data: cardData }] = useQuery({ query: Card, variables: { id: serviceId }, pause: !serviceId });
  const [channel, setChannel] = useState("COUNTER");
  const [receivedOn, setReceivedOn] = useState("");
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [rnokpp, setRnokpp] = useState("");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<number, File>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [taken, setTaken] = useState<Taken | null>(null);
  const [busy, setBusy] = useState(false);
  const card = cardData?.service.card;
  const published = (data?.services.nodes ?? []).filter((s) => s.status === "PUBLISHED");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const documents = Object.keys(files).map((slot) => ({ slot: Number(slot), file: null }));
    const r = await multipartGraphql<{ intakeApplication: Taken }>(
      tenant,
      print(Take),
      {
        input: {
          serviceId,
          channel,
          receivedOn: receivedOn || null,
          lang: "UK",
          person: { fullName, email: email || null, phone: phone || null, rnokpp: rnokpp || null },
          fields: Object.entries(answers)
            .filter(([, v]) => v.trim())
            .map(([key, value]) => ({ key, value })),
          documents,
        },
      },
      documents.map((d, i) => ({ path: `variables.input.documents.${i}.file`, file: files[d.slot]! })),
    );
    setBusy(false);
    setProblems(problemsOf(r.errors.length ? r.errors : null, lang));
    if (r.data?.intakeApplication) setTaken(r.data.intakeApplication);
  };

  if (taken) {
    return (
      <section aria-labelledby="intake-title">
        <h1 id="intake-title">{t("intake.takenTitle", { tracking: taken.application.tracking })}</h1>
        <p role="status" className="alert alert-ok">
          {t("intake.taken", { tracking: taken.application.tracking })}
        </p>
        <dl className="facts">
          <dt>{t("desk.number")}</dt>
          <dd className="big">{taken.application.tracking}</dd>
          <dt>{t("intake.code")}</dt>
          <dd className="big">{taken.accessCode}</dd>
          <dt>{t("case.expected")}</dt>
          <dd>{taken.application.dueDate ? date(taken.application.dueDate) : t("case.noTerm")}</dd>
          <dt>{t("intake.statusLink")}</dt>
          <dd>{taken.statusUrl}</dd>
        </dl>
        <p className="muted">{t("intake.giveToApplicant")}</p>
        <div className="row">
          <Button onPress={() => window.print()}>{t("intake.print")}</Button>
          <Link href={`/admin/t/${tenant}/applications/${taken.application.id}`}>{t("intake.openCase")}</Link>
        </div>
      </section>
    );
  }

  // Errors shown at the field they name; the rest above the form.
  const atField = (field: string) =>
    ["serviceId", "person.fullName", "person.email", "person.phone", "person.rnokpp", "receivedOn"].includes(field) ||
    field.startsWith("fields.") ||
    field.startsWith("documents[");
  const shown = problems.filter((p) => !p.field || !atField(p.field));
  return (
    <section aria-labelledby="intake-title">
      <p>
        <Link href={`/admin/t/${tenant}/applications`}>{t("case.back")}</Link>
      </p>
      <h1 id="intake-title">{t("intake.title")}</h1>
      {shown.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.field ? `${p.field}: ` : ""}
          {p.message}
        </p>
      ))}
      {!data ? <p className="loading">{t("common.loading")}</p> : null}
      <Form onSubmit={submit} className="stack narrow">
        {data ? (
        <Select
          label={t("desk.service")}
          value={serviceId || null}
          options={published.map((s) => ({ id: s.id, label: `${s.card.code} — ${(lang === "en" && s.card.nameEn) || s.card.nameUk}` }))}
          onChange={(v) => {
            setServiceId(v);
            setAnswers({});
            setFiles({});
          }}
          serverError={fieldError(problems, "serviceId")}
        />
        ) : null}
        <div className="row">
          <Select
            label={t("desk.channel")}
            value={channel}
            options={[
              { id: "COUNTER", label: t("intake.counter") },
              { id: "POST", label: t("intake.post") },
            ]}
            onChange={setChannel}
          />
          <TextField label={t("intake.receivedOn")} type="date" value={receivedOn} onChange={setReceivedOn} description={t("intake.receivedOnHint")} serverError={fieldError(problems, "receivedOn")} />
        </div>
        <fieldset className="subform">
          <legend>{t("case.applicant")}</legend>
          <TextField label={t("case.fullName")} value={fullName} onChange={setFullName} isRequired autoComplete="off" serverError={fieldError(problems, "person.fullName")} />
          <div className="row">
            <TextField label={t("case.email")} type="email" value={email} onChange={setEmail} serverError={fieldError(problems, "person.email")} />
            <TextField label={t("case.phone")} type="tel" value={phone} onChange={setPhone} description={t("intake.phoneHint")} serverError={fieldError(problems, "person.phone")} />
            <TextField
              label={t("case.rnokpp")}
              value={rnokpp}
              onChange={(v) => setRnokpp(v.replace(/\s/g, ""))}
              isRequired={card ? !card.rnokppOptional : false}
              validate={(v) => (/^\d{10}$/.test(v) ? null : t("intake.rnokppDigits"))}
              serverError={fieldError(problems, "person.rnokpp")}
            />
          </div>
        </fieldset>
        {card && card.formFields.length ? (
          <fieldset className="subform">
            <legend>{t("intake.fields")}</legend>
            {card.formFields.map((f) => {
              const label = (lang === "en" && f.labelEn) || f.labelUk;
              const value = answers[f.key] ?? "";
              const put = (v: string) => setAnswers((a) => ({ ...a, [f.key]: v }));
              const error = fieldError(problems, `fields.${f.key}`);
              return f.kind === "CHOICE" ? (
                <Select key={f.key} label={label} value={value || null} options={f.options.map((o) => ({ id: o, label: o }))} onChange={put} serverError={error} />
              ) : (
                <TextField
                  key={f.key}
                  label={label}
                  value={value}
                  onChange={put}
                  isRequired={f.required}
                  type={f.kind === "DATE" ? "date" : "text"}
                  description={f.kind === "CADASTRAL" || f.kind === "PARCEL" ? t("intake.cadastralHint") : undefined}
                  serverError={error}
                />
              );
            })}
          </fieldset>
        ) : null}
        {card && card.documents.length ? (
          <fieldset className="subform">
            <legend>{t("case.documents")}</legend>
            <p className="muted">{t("intake.scansHint")}</p>
            {card.documents.map((d, i) => {
              const file = files[i];
              const wrong = file && (!TYPES.includes(file.type) ? t("intake.badType") : file.size > MAX_BYTES ? t("upload.tooLarge", { mb: 10 }) : null);
              const error = wrong || fieldError(problems, `documents[${i}]`);
              return (
                <div key={i} className="field">
                  <label htmlFor={`scan-${i}`}>{d.name}</label>
                  <input
                    id={`scan-${i}`}
                    type="file"
                    accept={TYPES.join(",")}
                    aria-invalid={!!error}
                    aria-describedby={error ? `scan-${i}-error` : undefined}
                    onChange={(e) => {
                      const chosen = e.target.files?.[0];
                      setFiles((all) => {
                        const next = { ...all };
                        if (chosen) next[i] = chosen;
                        else delete next[i];
                        return next;
                      });
                    }}
                  />
                  {error ? (
                    <p id={`scan-${i}-error`} className="field-error">
                      {error}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <Button type="submit" isDisabled={!serviceId || !fullName.trim() || busy}>
          {busy ? t("common.loading") : t(`intake.take${channel === "POST" ? "Post" : "Counter"}` as MessageKey)}
        </Button>
      </Form>
    </section>
  );
}
