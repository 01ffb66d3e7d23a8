// A service card with every field of the law's requirements for a card (Cabinet resolution
// No. 44 of 30.01.2013): name, category and life situation, audience, legal basis, grounds,
// documents, how to submit, channels, cost, term, result and its delivery, grounds for
// refusal, appeal, keywords. For a card adopted from the oblast's standard, each field shows
// whether the community overrides it and what the standard says, and can follow the
// standard again. Publishing names the fields a card still lacks.

import { useEffect, useState } from "react";
import { Link } from "react-aria-components";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import type { ServiceCardInput } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, Checkbox, Select, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";
import { edrpouValid } from "./Providers";

/** Whether `iban` is a Ukrainian IBAN (UA, 27 digits) whose check digits are right (ISO 13616). */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s/g, "").toUpperCase();
  if (!/^UA\d{27}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  const digits = moved.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

const FIELD_KINDS = ["TEXT", "NUMBER", "DATE", "CHOICE", "ADDRESS", "CADASTRAL", "PARCEL"] as const;

const CardQuery = graphql(`
  query ServiceCard($id: ID!) {
    service(id: $id) {
      id
      standardServiceId
      status
      currentVersion
      overriddenFields
      card {
        ...CardFields
      }
    }
  }
  fragment CardFields on ServiceCard {
    code
    nameUk
    nameEn
    category
    lifeSituation
    audience
    legalBasis {
      kind
      number
      date
      title
      url
    }
    grounds
    documents {
      name
      requirements
      originalRequired
    }
    submission
    channels {
      kind
      url
    }
    cost {
      free
      feeIndividuals
      feeBusinesses
      paymentDetails
      recipient
      iban
      edrpou
      termFromPayment
    }
    term {
      days
      unit
    }
    result
    resultDelivery
    refusalGrounds
    appeal
    keywords
    formFields {
      key
      labelUk
      labelEn
      kind
      required
      options
    }
    rnokppOptional
  }
`);

const StandardQuery = graphql(`
  query StandardCard($id: ID!) {
    standardService(id: $id) {
      id
      code
      currentVersion
      publishedVersion
      card {
        ...CardFields
      }
      publishedCard {
        ...CardFields
      }
    }
  }
`);

const SaveStandard = graphql(`
  mutation SaveStandard($input: UpdateStandardServiceInput!) {
    updateStandardService(input: $input) {
      standardService {
        id
        currentVersion
        publishedVersion
      }
    }
  }
`);

const PublishStandard = graphql(`
  mutation PublishStandard($input: IdInput!) {
    publishStandardService(input: $input) {
      standardService {
        id
        publishedVersion
      }
    }
  }
`);

const Save = graphql(`
  mutation SaveService($input: UpdateServiceInput!) {
    updateService(input: $input) {
      service {
        id
        currentVersion
        status
        overriddenFields
      }
    }
  }
`);

const Publish = graphql(`
  mutation PublishCard($input: IdInput!) {
    publishService(input: $input) {
      service {
        id
        status
      }
    }
  }
`);

type Card = Required<{
  [K in keyof ServiceCardInput]-?: NonNullable<ServiceCardInput[K]>;
}>;

function toCard(c: Record<string, unknown>): Card {
  const strip = <T extends object>(o: T): T => {
    const copy = { ...o } as Record<string, unknown>;
    delete copy.__typename;
    return copy as T;
  };
  const card = strip(c) as unknown as Card;
  return {
    ...card,
    legalBasis: card.legalBasis.map(strip),
    documents: card.documents.map(strip),
    channels: card.channels.map(strip),
    formFields: card.formFields.map(strip),
    cost: strip(card.cost),
    term: strip(card.term),
  };
}

const TEXTS = ["nameUk", "nameEn", "category", "lifeSituation", "grounds", "submission", "result", "resultDelivery", "refusalGrounds", "appeal"] as const;
const LONG = new Set(["grounds", "submission", "result", "resultDelivery", "refusalGrounds", "appeal"]);
const CHANNELS = ["IN_PERSON", "MOBILE_CNAP", "POST", "ONLINE_HERE", "ONLINE_ELSEWHERE"] as const;

/** The oblast's own standard card: the same form, saved as the standard's next version. */
export function StandardCardEditor() {
  return <CardEditor standard />;
}

export default function CardEditor({ standard: isStandard = false }: { standard?: boolean }) {
  const { t, lang } = useI18n();
  const { id = "", tenant } = useParams();
  const [serviceResult, reloadService] = useQuery({ query: CardQuery, variables: { id }, pause: isStandard });
  const [ownStandard, reloadStandard] = useQuery({ query: StandardQuery, variables: { id }, pause: !isStandard });
  const [, saveStandard] = useMutation(SaveStandard);
  const [, publishStandard] = useMutation(PublishStandard);
  const own = ownStandard.data?.standardService;
  const data = isStandard
    ? own
      ? {
          service: {
            id: own.id,
            standardServiceId: null,
            status: own.publishedVersion === null ? "DRAFT" : own.publishedVersion === own.currentVersion ? "PUBLISHED" : "CHANGED",
            currentVersion: own.currentVersion,
            overriddenFields: [] as string[],
            card: own.card,
          },
        }
      : undefined
    : serviceResult.data;
  const fetching = isStandard ? ownStandard.fetching : serviceResult.fetching;
  const error = isStandard ? ownStandard.error : serviceResult.error;
  const reload = isStandard ? reloadStandard : reloadService;
  const [card, setCard] = useState<Card | null>(null);
  const [loaded, setLoaded] = useState<Card | null>(null);
  const [clear, setClear] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [, save] = useMutation(Save);
  const [, publish] = useMutation(Publish);
  const service = data?.service;
  const [standardResult] = useQuery({
    query: StandardQuery,
    variables: { id: service?.standardServiceId ?? "" },
    pause: !service?.standardServiceId,
  });
  useEffect(() => {
    if (service && loaded === null) {
      const c = toCard(service.card as Record<string, unknown>);
      setCard(c);
      setLoaded(c);
    }
  }, [service, loaded]);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!service || !card || !loaded) return <p role="alert">{problemsOf(error, lang)[0]?.message ?? t("common.notFound")}</p>;
  const standard = standardResult.data?.standardService.publishedCard;
  const overridden = new Set(service.overriddenFields.filter((f) => !clear.includes(f)));
  const set = <K extends keyof Card>(key: K, value: Card[K]) => {
    setCard({ ...card, [key]: value });
    setClear(clear.filter((f) => f !== key));
    setNotice(null);
  };
  const changed = (Object.keys(card) as (keyof Card)[]).filter((k) => JSON.stringify(card[k]) !== JSON.stringify(loaded[k]));

  const field = (key: keyof Card, input: React.ReactNode) => {
    const std = standard ? (standard as Record<string, unknown>)[key] : undefined;
    return (
      <div className="card-field" key={key}>
        {input}
        {service.standardServiceId ? (
          overridden.has(key) || changed.includes(key) ? (
            <p className="override">
              <span className="badge">{t("card.overridden")}</span>{" "}
              <span className="muted">
                {t("card.standardSays")}: {typeof std === "string" ? std || "—" : Array.isArray(std) ? std.length : "…"}
              </span>{" "}
              <Button
                variant="quiet"
                onPress={() => {
                  if (standard) setCard({ ...card, [key]: toCard(standard as Record<string, unknown>)[key] });
                  setClear([...clear.filter((f) => f !== key), key]);
                }}
              >
                {t("card.followStandard")}
              </Button>
            </p>
          ) : (
            <p className="muted">{t("card.asStandard")}</p>
          )
        ) : null}
      </div>
    );
  };

  const onSave = async () => {
    const input: ServiceCardInput = {};
    for (const k of changed) (input as Record<string, unknown>)[k] = card[k];
    const r = isStandard
      ? await saveStandard({ input: { id, version: service.currentVersion, card: input } })
      : await save({ input: { id, version: service.currentVersion, card: input, clear: clear.filter((f) => !changed.includes(f as keyof Card)) } });
    const found = problemsOf(r.error, lang);
    setProblems(found);
    if (r.data) {
      setNotice(t("card.saved"));
      setClear([]);
      setLoaded(card);
      reload({ requestPolicy: "network-only" });
    }
  };

  return (
    <section aria-labelledby="card-title" className="narrow-wide">
      <p>
        <Link href={`/admin/t/${tenant}/${isStandard ? "standard" : "catalog"}`}>← {t("card.back")}</Link>
      </p>
      <h1 id="card-title">{card.nameUk}</h1>
      <p className="muted">
        {card.code} · {t(`serviceStatus.${service.status}` as MessageKey)}
        {service.standardServiceId ? ` · ${t("card.adoptedFromStandard")}` : ""}
      </p>
      <Notice message={notice} />
      {problems.length ? (
        <div role="alert" className="alert alert-error">
          <p>{t("card.problems", { count: problems.length })}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                {p.field ? `${t(`cardField.${p.field.replace(/^card\./, "").split(/[.[]/)[0]}` as MessageKey)}: ` : ""}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="stack">
        {TEXTS.map((k) =>
          field(
            k,
            <TextField
              label={t(`cardField.${k}` as MessageKey)}
              value={card[k]}
              onChange={(v) => set(k, v)}
              multiline={LONG.has(k)}
              rows={3}
              serverError={fieldError(problems, k) ?? fieldError(problems, `card.${k}`)}
            />,
          ),
        )}
        {field(
          "audience",
          <fieldset className="subform">
            <legend>{t("cardField.audience")}</legend>
            {(["INDIVIDUALS", "BUSINESSES"] as const).map((a) => (
              <Checkbox
                key={a}
                isSelected={card.audience.includes(a)}
                onChange={(on) => set("audience", on ? [...card.audience, a] : card.audience.filter((x) => x !== a))}
              >
                {t(`audience.${a}` as MessageKey)}
              </Checkbox>
            ))}
          </fieldset>,
        )}
        {field(
          "legalBasis",
          <fieldset className="subform">
            <legend>{t("cardField.legalBasis")}</legend>
            {card.legalBasis.map((act, i) => (
              <div key={i} className="row subform-item">
                <TextField label={t("card.actKind")} value={act.kind} onChange={(v) => set("legalBasis", card.legalBasis.map((a, j) => (j === i ? { ...a, kind: v } : a)))} />
                <TextField label={t("card.actNumber")} value={act.number} onChange={(v) => set("legalBasis", card.legalBasis.map((a, j) => (j === i ? { ...a, number: v } : a)))} />
                <TextField label={t("card.actDate")} type="date" value={act.date ?? ""} onChange={(v) => set("legalBasis", card.legalBasis.map((a, j) => (j === i ? { ...a, date: v || null } : a)))} />
                <TextField label={t("card.actTitle")} value={act.title} onChange={(v) => set("legalBasis", card.legalBasis.map((a, j) => (j === i ? { ...a, title: v } : a)))} />
                <TextField label={t("card.actUrl")} type="url" value={act.url ?? ""} onChange={(v) => set("legalBasis", card.legalBasis.map((a, j) => (j === i ? { ...a, url: v || null } : a)))} />
                <Button variant="quiet" onPress={() => set("legalBasis", card.legalBasis.filter((_, j) => j !== i))}>
                  {t("blocks.removeItem")}
                </Button>
              </div>
            ))}
            <Button variant="secondary" onPress={() => set("legalBasis", [...card.legalBasis, { kind: "Закон України", number: "", date: null, title: "", url: null }])}>
              {t("card.addAct")}
            </Button>
          </fieldset>,
        )}
        {field(
          "documents",
          <fieldset className="subform">
            <legend>{t("cardField.documents")}</legend>
            {card.documents.map((doc, i) => (
              <div key={i} className="row subform-item">
                <TextField label={t("card.docName")} value={doc.name} onChange={(v) => set("documents", card.documents.map((d, j) => (j === i ? { ...d, name: v } : d)))} />
                <TextField label={t("card.docRequirements")} value={doc.requirements ?? ""} onChange={(v) => set("documents", card.documents.map((d, j) => (j === i ? { ...d, requirements: v } : d)))} />
                <Checkbox isSelected={!!doc.originalRequired} onChange={(v) => set("documents", card.documents.map((d, j) => (j === i ? { ...d, originalRequired: v } : d)))}>
                  {t("card.original")}
                </Checkbox>
                <Button variant="quiet" onPress={() => set("documents", card.documents.filter((_, j) => j !== i))}>
                  {t("blocks.removeItem")}
                </Button>
              </div>
            ))}
            <Button variant="secondary" onPress={() => set("documents", [...card.documents, { name: "", requirements: "", originalRequired: false }])}>
              {t("card.addDocument")}
            </Button>
          </fieldset>,
        )}
        {field(
          "channels",
          <fieldset className="subform">
            <legend>{t("cardField.channels")}</legend>
            {CHANNELS.map((kind) => {
              const on = card.channels.find((c) => c.kind === kind);
              return (
                <div key={kind} className="row">
                  <Checkbox isSelected={!!on} onChange={(v) => set("channels", v ? [...card.channels, { kind, url: null }] : card.channels.filter((c) => c.kind !== kind))}>
                    {t(`channel.${kind}` as MessageKey)}
                  </Checkbox>
                  {on && kind === "ONLINE_ELSEWHERE" ? (
                    <TextField label={t("card.channelUrl")} type="url" value={on.url ?? ""} onChange={(v) => set("channels", card.channels.map((c) => (c.kind === kind ? { ...c, url: v || null } : c)))} />
                  ) : null}
                </div>
              );
            })}
          </fieldset>,
        )}
        {field(
          "cost",
          <fieldset className="subform">
            <legend>{t("cardField.cost")}</legend>
            <Checkbox isSelected={card.cost.free} onChange={(v) => set("cost", { ...card.cost, free: v })}>
              {t("card.free")}
            </Checkbox>
            {!card.cost.free ? (
              <div className="row">
                <TextField label={t("card.feeIndividuals")} value={card.cost.feeIndividuals ?? ""} onChange={(v) => set("cost", { ...card.cost, feeIndividuals: v || null })} validate={(v) => (/^\d+([.,]\d{1,2})?$/.test(v) ? null : t("card.money"))} />
                <TextField label={t("card.feeBusinesses")} value={card.cost.feeBusinesses ?? ""} onChange={(v) => set("cost", { ...card.cost, feeBusinesses: v || null })} validate={(v) => (/^\d+([.,]\d{1,2})?$/.test(v) ? null : t("card.money"))} />
                <TextField label={t("card.paymentDetails")} value={card.cost.paymentDetails ?? ""} onChange={(v) => set("cost", { ...card.cost, paymentDetails: v })} multiline rows={2} />
              </div>
            ) : null}
            {!card.cost.free ? (
              <div className="row">
                <TextField label={t("card.recipient")} value={card.cost.recipient ?? ""} onChange={(v) => set("cost", { ...card.cost, recipient: v })} serverError={fieldError(problems, "cost.recipient")} />
                <TextField
                  label={t("card.iban")}
                  value={card.cost.iban ?? ""}
                  onChange={(v) => set("cost", { ...card.cost, iban: v.replace(/\s/g, "").toUpperCase() })}
                  description={t("card.ibanHint")}
                  validate={(v) => (ibanValid(v) ? null : t("card.ibanInvalid"))}
                  serverError={fieldError(problems, "cost.iban")}
                />
                <TextField
                  label={t("providers.edrpou")}
                  value={card.cost.edrpou ?? ""}
                  onChange={(v) => set("cost", { ...card.cost, edrpou: v.replace(/\s/g, "") })}
                  validate={(v) => (edrpouValid(v) ? null : t("providers.edrpouCheck"))}
                  serverError={fieldError(problems, "cost.edrpou")}
                />
                <Checkbox isSelected={!!card.cost.termFromPayment} onChange={(v) => set("cost", { ...card.cost, termFromPayment: v })}>
                  {t("card.termFromPayment")}
                </Checkbox>
              </div>
            ) : null}
          </fieldset>,
        )}
        {field(
          "term",
          <div className="row">
            <TextField
              label={t("cardField.term")}
              value={String(card.term.days)}
              onChange={(v) => set("term", { ...card.term, days: Number(v.replace(/\D/g, "")) || 0 })}
              description={t(card.term.unit === "WORKING_DAYS" ? "term.workingDays" : "term.calendarDays", { count: card.term.days })}
              serverError={fieldError(problems, "term") ?? fieldError(problems, "card.term")}
            />
            <Select
              label={t("card.termUnit")}
              value={card.term.unit}
              onChange={(v) => set("term", { ...card.term, unit: v as Card["term"]["unit"] })}
              options={[
                { id: "WORKING_DAYS", label: t("card.workingDays") },
                { id: "CALENDAR_DAYS", label: t("card.calendarDays") },
              ]}
            />
          </div>,
        )}
        {field(
          "formFields",
          <fieldset className="subform">
            <legend>{t("cardField.formFields")}</legend>
            <p className="muted">{t("card.formFieldsLead")}</p>
            {card.formFields.map((f, i) => {
              const put = (patch: Partial<Card["formFields"][number]>) => set("formFields", card.formFields.map((x, j) => (j === i ? { ...x, ...patch } : x)));
              return (
                <div key={i} className="row subform-item">
                  <TextField
                    label={t("card.fieldKey", { n: i + 1 })}
                    value={f.key}
                    onChange={(v) => put({ key: v })}
                    description={t("card.fieldKeyHint")}
                    validate={(v) => (/^[a-z][a-zA-Z0-9]{0,39}$/.test(v) ? null : t("card.fieldKeyInvalid"))}
                    serverError={fieldError(problems, `formFields[${i}].key`)}
                  />
                  <TextField label={t("card.fieldLabelUk", { n: i + 1 })} value={f.labelUk} onChange={(v) => put({ labelUk: v })} serverError={fieldError(problems, `formFields[${i}].labelUk`)} />
                  <TextField label={t("card.fieldLabelEn", { n: i + 1 })} value={f.labelEn ?? ""} onChange={(v) => put({ labelEn: v })} />
                  <Select
                    label={t("card.fieldKind", { n: i + 1 })}
                    value={f.kind}
                    options={FIELD_KINDS.map((k) => ({ id: k, label: t(`fieldKind.${k}` as MessageKey) }))}
                    onChange={(v) => put({ kind: v as Card["formFields"][number]["kind"] })}
                  />
                  {f.kind === "CHOICE" ? (
                    <TextField
                      label={t("card.fieldOptions", { n: i + 1 })}
                      description={t("card.keywordsHint")}
                      value={(f.options ?? []).join(", ")}
                      onChange={(v) => put({ options: v.split(",").map((o) => o.trim()).filter(Boolean) })}
                      serverError={fieldError(problems, `formFields[${i}].options`)}
                    />
                  ) : null}
                  <Checkbox isSelected={!!f.required} onChange={(v) => put({ required: v })}>
                    {t("card.fieldRequired")}
                  </Checkbox>
                  <Button variant="quiet" onPress={() => set("formFields", card.formFields.filter((_, j) => j !== i))}>
                    {t("blocks.removeItem")}
                  </Button>
                </div>
              );
            })}
            <Button variant="secondary" onPress={() => set("formFields", [...card.formFields, { key: "", labelUk: "", labelEn: "", kind: "TEXT", required: false, options: [] }])}>
              {t("card.addField")}
            </Button>
          </fieldset>,
        )}
        {field(
          "rnokppOptional",
          <Checkbox isSelected={card.rnokppOptional} onChange={(v) => set("rnokppOptional", v)}>
            {t("cardField.rnokppOptional")}
          </Checkbox>,
        )}
        {field(
          "keywords",
          <TextField label={t("cardField.keywords")} description={t("card.keywordsHint")} value={card.keywords.join(", ")} onChange={(v) => set("keywords", v.split(",").map((s) => s.trim()).filter(Boolean))} />,
        )}
      </div>
      <div className="actions">
        <Button onPress={onSave} isDisabled={changed.length === 0 && clear.length === 0}>
          {t("card.save")}
        </Button>
        <Button
          variant="secondary"
          onPress={async () => {
            if (changed.length || clear.length) await onSave();
            const r = isStandard ? await publishStandard({ input: { id } }) : await publish({ input: { id } });
            setProblems(problemsOf(r.error, lang));
            if (r.data) {
              setNotice(t("card.published"));
              reload({ requestPolicy: "network-only" });
            }
          }}
        >
          {t("catalog.publish")}
        </Button>
      </div>
    </section>
  );
}
