// The catalog: the oblast's standard services, each adopted with one press (the card stays
// the standard's, with the community's overrides), and the community's own services with
// their state and publishing (the server names the fields a card still lacks).

import { useState } from "react";
import { Link } from "react-aria-components";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button } from "../../ui/fields";
import Providers from "./Providers";
import { Notice } from "../../ui/Alerts";

const CatalogQuery = graphql(`
  query Catalog {
    standardServices(first: 100) {
      nodes {
        id
        code
        publishedVersion
        card {
          nameUk
          category
          term {
            days
            unit
          }
        }
      }
    }
    services(first: 100) {
      nodes {
        id
        standardServiceId
        status
        overriddenFields
        card {
          code
          nameUk
        }
      }
    }
  }
`);

const Adopt = graphql(`
  mutation Adopt($input: AdoptStandardServiceInput!) {
    adoptStandardService(input: $input) {
      service {
        id
        status
      }
    }
  }
`);

const PublishService = graphql(`
  mutation PublishService($input: IdInput!) {
    publishService(input: $input) {
      service {
        id
        status
      }
    }
  }
`);

export default function Catalog() {
  const { t, lang } = useI18n();
  const { tenant } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: CatalogQuery });
  const [, adopt] = useMutation(Adopt);
  const [, publish] = useMutation(PublishService);
  const [problems, setProblems] = useState<Record<string, Problem[]>>({});
  const [notice, setNotice] = useState<string | null>(null);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data) return <p role="alert">{problemsOf(error, lang)[0]?.message}</p>;
  const adopted = new Set(data.services.nodes.map((s) => s.standardServiceId).filter(Boolean));
  const standard = data.standardServices.nodes.filter((s) => s.publishedVersion !== null);
  const refresh = () => reload({ requestPolicy: "network-only" });
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">{t("catalog.title")}</h1>
      <Notice message={notice} />
      <h2>{t("catalog.standard")}</h2>
      <p className="muted">
        {t("catalog.coverage", { adopted: standard.filter((s) => adopted.has(s.id)).length, count: standard.length })}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("catalog.code")}</th>
            <th scope="col">{t("catalog.name")}</th>
            <th scope="col">{t("catalog.term")}</th>
            <th scope="col">{t("catalog.action")}</th>
          </tr>
        </thead>
        <tbody>
          {standard.map((s) => (
            <tr key={s.id}>
              <td>{s.code}</td>
              <td>
                {s.card.nameUk}
                {problems[s.id]?.map((p) => (
                  <p key={p.message} role="alert" className="field-error">
                    {p.message}
                  </p>
                ))}
              </td>
              <td>{s.card.term.days ? t(s.card.term.unit === "WORKING_DAYS" ? "term.workingDays" : "term.calendarDays", { count: s.card.term.days }) : "—"}</td>
              <td>
                {adopted.has(s.id) ? (
                  <span className="badge badge-published">{t("catalog.adopted")}</span>
                ) : (
                  <Button
                    variant="secondary"
                    aria-label={t("catalog.adoptNamed", { name: s.card.nameUk })}
                    onPress={async () => {
                      const r = await adopt({ input: { standardServiceId: s.id } });
                      setProblems((p) => ({ ...p, [s.id]: problemsOf(r.error, lang) }));
                      if (r.data) {
                        setNotice(t("catalog.adoptedNotice", { name: s.card.nameUk }));
                        refresh();
                      }
                    }}
                  >
                    {t("catalog.adopt")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("catalog.own")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("catalog.code")}</th>
            <th scope="col">{t("catalog.name")}</th>
            <th scope="col">{t("catalog.status")}</th>
            <th scope="col">{t("catalog.action")}</th>
          </tr>
        </thead>
        <tbody>
          {data.services.nodes.map((s) => (
            <tr key={s.id}>
              <td>{s.card.code}</td>
              <td>
                {s.card.nameUk}
                {s.overriddenFields.length ? (
                  <p className="muted">{t("catalog.overridden", { fields: s.overriddenFields.join(", ") })}</p>
                ) : null}
                {problems[s.id]?.map((p) => (
                  <p key={p.message} role="alert" className="field-error">
                    {p.field ? `${p.field}: ` : ""}
                    {p.message}
                  </p>
                ))}
              </td>
              <td>{t(`serviceStatus.${s.status}` as MessageKey)}</td>
              <td>
                <Link href={`/admin/t/${tenant}/catalog/${s.id}`} aria-label={t("catalog.editNamed", { name: s.card.nameUk })}>
                  {t("catalog.edit")}
                </Link>{" "}
                {s.status !== "PUBLISHED" ? (
                  <Button
                    variant="secondary"
                    aria-label={t("catalog.publishNamed", { name: s.card.nameUk })}
                    onPress={async () => {
                      const r = await publish({ input: { id: s.id } });
                      setProblems((p) => ({ ...p, [s.id]: problemsOf(r.error, lang) }));
                      if (r.data) refresh();
                    }}
                  >
                    {t("catalog.publish")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Providers />
    </section>
  );
}
