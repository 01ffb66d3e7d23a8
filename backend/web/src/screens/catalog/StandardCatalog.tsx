// The oblast's standard catalog: every card with its state (a draft, published, or changed
// since publishing), a new card, and each card's editor.

import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, TextField } from "../../ui/fields";

const StandardList = graphql(`
  query StandardList {
    standardServices(first: 100) {
      nodes {
        id
        code
        currentVersion
        publishedVersion
        card {
          nameUk
          category
        }
      }
    }
  }
`);

const CreateStandard = graphql(`
  mutation CreateStandard($input: CreateStandardServiceInput!) {
    createStandardService(input: $input) {
      standardService {
        id
      }
    }
  }
`);

export default function StandardCatalog() {
  const { t, lang } = useI18n();
  const { tenant } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: StandardList });
  const [, create] = useMutation(CreateStandard);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data) return <p role="alert">{problemsOf(error, lang)[0]?.message}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: { card: { code, nameUk: name } } });
    setProblems(problemsOf(r.error, lang));
    if (r.data) navigate(`/t/${tenant}/standard/${r.data.createStandardService.standardService.id}`);
  };
  const state = (s: { currentVersion: number; publishedVersion?: number | null }) =>
    s.publishedVersion == null ? "DRAFT" : s.publishedVersion === s.currentVersion ? "PUBLISHED" : "CHANGED";
  return (
    <section aria-labelledby="standard-title">
      <h1 id="standard-title">{t("standard.title")}</h1>
      <p className="muted">{t("standard.lead", { count: data.standardServices.nodes.length })}</p>
      {problems.filter((p) => !["code", "card.code", "nameUk", "card.nameUk"].includes(p.field ?? "")).map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.message}
        </p>
      ))}
      <Form onSubmit={submit} className="row">
        <TextField label={t("cardField.code")} value={code} onChange={setCode} isRequired serverError={fieldError(problems, "code") ?? fieldError(problems, "card.code")} />
        <TextField label={t("cardField.nameUk")} value={name} onChange={setName} isRequired serverError={fieldError(problems, "nameUk") ?? fieldError(problems, "card.nameUk")} />
        <Button type="submit" isDisabled={!code || !name}>
          {t("standard.create")}
        </Button>
      </Form>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("catalog.code")}</th>
            <th scope="col">{t("catalog.name")}</th>
            <th scope="col">{t("cardField.category")}</th>
            <th scope="col">{t("catalog.status")}</th>
          </tr>
        </thead>
        <tbody>
          {data.standardServices.nodes.map((s) => (
            <tr key={s.id}>
              <td>{s.code}</td>
              <td>
                <Link href={`/admin/t/${tenant}/standard/${s.id}`}>{s.card.nameUk}</Link>
              </td>
              <td>{s.card.category}</td>
              <td>{t(`serviceStatus.${state(s)}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
