// Site templates: the ones a new community's site can start from, and a new template made
// from an existing one — its name, and each page's title and address (the pages' blocks and
// sub-pages come from the template it is based on).

import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, Select, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const TemplatesQuery = graphql(`
  query SiteTemplates {
    siteTemplates {
      key
      nameUk
      nameEn
      builtin
      sections
    }
  }
`);

const CreateTemplate = graphql(`
  mutation CreateSiteTemplate($input: CreateSiteTemplateInput!) {
    createSiteTemplate(input: $input) {
      template {
        key
      }
    }
  }
`);

interface Section {
  key?: string | null;
  slug: string;
  titleUk: string;
  children?: Section[];
  [rest: string]: unknown;
}

function count(sections: Section[]): number {
  return sections.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
}

export default function Templates() {
  const { t, lang } = useI18n();
  const [{ data, fetching }, reload] = useQuery({ query: TemplatesQuery });
  const [, create] = useMutation(CreateTemplate);
  const [base, setBase] = useState<string | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [key, setKey] = useState("");
  const [nameUk, setNameUk] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  const templates = data?.siteTemplates ?? [];
  const sectionName = (k: string) => {
    const id = `section.${k}` as MessageKey;
    return t(id) === id ? k : t(id);
  };
  const choose = (k: string) => {
    setBase(k);
    const found = templates.find((x) => x.key === k);
    setSections(Array.isArray(found?.sections) ? (structuredClone(found.sections) as Section[]) : []);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: { key, nameUk, sections } });
    setProblems(problemsOf(r.error, lang));
    if (r.data) {
      setNotice(t("templates.created", { name: nameUk }));
      setKey("");
      setNameUk("");
      setBase(null);
      reload({ requestPolicy: "network-only" });
    }
  };
  return (
    <section aria-labelledby="templates-title">
      <h1 id="templates-title">{t("templates.title")}</h1>
      <ul className="plain">
        {templates.map((x) => (
          <li key={x.key}>
            <strong>{x.nameUk}</strong> <span className="muted">({x.key})</span>{" "}
            {x.builtin ? <span className="badge">{t("templates.builtin")}</span> : null}{" "}
            <span className="muted">{t("communities.pages", { count: Array.isArray(x.sections) ? count(x.sections as Section[]) : 0 })}</span>
          </li>
        ))}
      </ul>
      <h2>{t("templates.new")}</h2>
      <Notice message={notice} />
      {problems.filter((p) => p.field !== "key" && p.field !== "nameUk").map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.field ? `${p.field}: ` : ""}
          {p.message}
        </p>
      ))}
      <Form onSubmit={submit} className="stack narrow">
        <Select label={t("templates.base")} value={base} onChange={choose} options={templates.map((x) => ({ id: x.key, label: x.nameUk }))} />
        <TextField label={t("templates.key")} value={key} onChange={setKey} isRequired description={t("site.slugHint")} validate={(v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : t("site.slugInvalid"))} serverError={fieldError(problems, "key")} />
        <TextField label={t("templates.name")} value={nameUk} onChange={setNameUk} isRequired serverError={fieldError(problems, "nameUk")} />
        {sections.length ? (
          <fieldset className="subform">
            <legend>{t("templates.pages")}</legend>
            {sections.map((s, i) => (
              <div key={i} className="row subform-item">
                <TextField
                  label={t("templates.pageTitle", { n: i + 1 })}
                  value={s.titleUk}
                  onChange={(v) => setSections(sections.map((x, j) => (j === i ? { ...x, titleUk: v } : x)))}
                  serverError={fieldError(problems, `sections[${i}].titleUk`)}
                />
                <TextField
                  label={t("templates.pageSlug", { n: i + 1 })}
                  value={s.slug}
                  onChange={(v) => setSections(sections.map((x, j) => (j === i ? { ...x, slug: v } : x)))}
                  serverError={fieldError(problems, `sections[${i}].slug`)}
                />
                {s.key ? <span className="badge">{sectionName(s.key)}</span> : null}
              </div>
            ))}
          </fieldset>
        ) : null}
        <Button type="submit" isDisabled={!base || !key || !nameUk}>
          {t("templates.create")}
        </Button>
      </Form>
    </section>
  );
}
