// Onboarding a community: find it in the KATOTTG codifier by name, check the code, choose
// slug, hosts, site template and the first admin's e-mail; the server creates the community
// with a complete site and sends the invitation.

import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, Select, TextField } from "../../ui/fields";

const Codifier = graphql(`
  query Codifier($query: String!) {
    codifierHromadas(query: $query) {
      code
      name
      raion
      onboardedSlug
      suggestedSlug
      suggestedNameEn
    }
    siteTemplates {
      key
      nameUk
    }
  }
`);

const CreateCommunity = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      community {
        slug
        nameUk
        hosts
      }
    }
  }
`);

interface Chosen {
  code: string;
  name: string;
  suggestedSlug: string;
  suggestedNameEn: string;
}

export default function Onboard() {
  const { t, lang } = useI18n();
  const { tenant } = useParams();
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [slug, setSlug] = useState("");
  const [nameUk, setNameUk] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [hosts, setHosts] = useState("");
  const [template, setTemplate] = useState<string | null>("standard");
  const [email, setEmail] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ data }] = useQuery({ query: Codifier, variables: { query }, pause: query.trim().length < 2 && step === 1 });
  const [created, create] = useMutation(CreateCommunity);

  const choose = (h: Chosen) => {
    setChosen(h);
    setNameUk(h.name);
    setNameEn(h.suggestedNameEn);
    setSlug(h.suggestedSlug);
    setStep(2);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const r = await create({
      input: {
        slug,
        katottg: chosen.code,
        nameUk,
        nameEn,
        hosts: hosts.split(/[\s,]+/).filter(Boolean),
        adminEmail: email,
        siteTemplate: template ?? "standard",
      },
    });
    const found = problemsOf(r.error, lang);
    setProblems(found);
    if (found.some((p) => p.field === "katottg")) setStep(1);
    else if (found.length) setStep(2);
  };

  const done = created.data?.createCommunity.community;
  if (done) {
    return (
      <section aria-labelledby="onboard-title">
        <h1 id="onboard-title">{t("onboard.title")}</h1>
        <p role="status" className="alert alert-ok">
          {t("onboard.done", { name: done.nameUk, email })}
        </p>
        <p>
          <Link href={`/admin/t/${tenant}/`}>{t("onboard.toCommunities")}</Link>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="onboard-title">
      <h1 id="onboard-title">{t("onboard.title")}</h1>
      <ol className="steps" aria-label={t("onboard.steps")}>
        <li aria-current={step === 1 ? "step" : undefined}>{t("onboard.step1")}</li>
        <li aria-current={step === 2 ? "step" : undefined}>{t("onboard.step2")}</li>
        <li aria-current={step === 3 ? "step" : undefined}>{t("onboard.step3")}</li>
      </ol>
      {problems
        .filter((p) => !["slug", "nameUk", "nameEn", "hosts", "adminEmail", "siteTemplate"].includes(p.field ?? ""))
        .map((p) => (
          <p key={p.message} role="alert" className="alert alert-error">
            {p.field ? `${p.field}: ` : ""}
            {p.message}
          </p>
        ))}
      {step === 1 ? (
        <div className="stack">
          <TextField label={t("onboard.search")} description={t("onboard.searchHint")} value={query} onChange={setQuery} />
          <ul className="plain results" aria-live="polite">
            {(data?.codifierHromadas ?? []).map((h) => (
              <li key={h.code}>
                <strong>{h.name}</strong> <span className="muted">{h.code}</span>
                {h.raion ? <span className="muted"> · {h.raion}</span> : null}{" "}
                {h.onboardedSlug ? (
                  <span className="badge">{t("onboard.already", { slug: h.onboardedSlug })}</span>
                ) : (
                  <Button variant="secondary" aria-label={t("onboard.chooseNamed", { name: h.name })} onPress={() => choose(h)}>
                    {t("onboard.choose")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {step >= 2 && chosen ? (
        <Form
          className="stack narrow"
          onSubmit={(e) => {
            if (step === 2) {
              e.preventDefault();
              setStep(3);
            } else void submit(e);
          }}
        >
          <p>
            {t("onboard.code")}: <strong>{chosen.code}</strong> — {chosen.name}{" "}
            <Button variant="quiet" onPress={() => setStep(1)}>
              {t("onboard.change")}
            </Button>
          </p>
          <TextField label={t("onboard.nameUk")} value={nameUk} onChange={setNameUk} isRequired serverError={fieldError(problems, "nameUk")} />
          <TextField label={t("onboard.nameEn")} value={nameEn} onChange={setNameEn} isRequired serverError={fieldError(problems, "nameEn")} />
          <TextField
            label={t("site.slug")}
            description={t("onboard.slugHint")}
            value={slug}
            onChange={setSlug}
            isRequired
            validate={(v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : t("site.slugInvalid"))}
            serverError={fieldError(problems, "slug")}
          />
          <TextField label={t("onboard.hosts")} description={t("onboard.hostsHint")} value={hosts} onChange={setHosts} serverError={fieldError(problems, "hosts")} />
          <Select
            label={t("onboard.template")}
            value={template}
            onChange={setTemplate}
            options={(data?.siteTemplates ?? [{ key: "standard", nameUk: "standard" }]).map((s) => ({ id: s.key, label: s.nameUk }))}
            serverError={fieldError(problems, "siteTemplate")}
          />
          <TextField
            label={t("onboard.adminEmail")}
            type="email"
            value={email}
            onChange={setEmail}
            isRequired
            validate={(v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? null : t("signIn.emailInvalid"))}
            serverError={fieldError(problems, "adminEmail")}
          />
          {step === 3 ? (
            <p className="alert">{t("onboard.confirm", { name: nameUk, slug, email })}</p>
          ) : null}
          <div className="actions">
            <Button type="submit" isDisabled={!slug || !nameUk || !nameEn || !email || created.fetching}>
              {step === 2 ? t("onboard.next") : t("onboard.create")}
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
