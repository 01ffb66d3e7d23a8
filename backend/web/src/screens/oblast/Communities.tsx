// The oblast's communities: status, site completeness, with suspend and reactivate.

import { useState } from "react";
import { Link } from "react-aria-components";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button } from "../../ui/fields";

const CommunitiesQuery = graphql(`
  query CommunitySites {
    communitySites(first: 100) {
      nodes {
        community {
          slug
          nameUk
          status
        }
        template
        pagesPublished
        newsPublished
        missingSections
        complete
        lastUpdate
      }
    }
    myPermissions {
      object
      action
    }
    catalogCoverage(first: 100) {
      nodes {
        community {
          slug
        }
        standardTotal
        offered
      }
    }
    gisSummary {
      slug
      hasBoundary
      totalParcelAreaHa
      layers {
        features
        public
      }
    }
  }
`);

const SetStatus = graphql(`
  mutation SetCommunityStatus($input: SetCommunityStatusInput!) {
    setCommunityStatus(input: $input) {
      community {
        slug
        status
      }
    }
  }
`);

export default function Communities() {
  const { t, lang, date } = useI18n();
  const { tenant } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: CommunitiesQuery });
  const [, setStatus] = useMutation(SetStatus);
  const [problems, setProblems] = useState<Problem[]>([]);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data) return <p role="alert">{problemsOf(error, lang)[0]?.message}</p>;
  const may = (o: string, a: string) => data.myPermissions.some((p) => p.object === o && p.action === a);
  return (
    <section aria-labelledby="communities-title">
      <h1 id="communities-title">{t("communities.title")}</h1>
      {may("community", "create") ? (
        <p>
          <Link href={`/admin/t/${tenant}/communities/new`}>{t("communities.onboard")}</Link>
        </p>
      ) : null}
      {problems.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.message}
        </p>
      ))}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("communities.name")}</th>
            <th scope="col">{t("communities.status")}</th>
            <th scope="col">{t("communities.site")}</th>
            <th scope="col">{t("communities.catalog")}</th>
            <th scope="col">{t("communities.gis")}</th>
            <th scope="col">{t("communities.updated")}</th>
            <th scope="col">{t("catalog.action")}</th>
          </tr>
        </thead>
        <tbody>
          {data.communitySites.nodes.map((c) => (
            <tr key={c.community.slug}>
              <td>
                {c.community.nameUk} <span className="muted">({c.community.slug})</span>
              </td>
              <td>{t(`tenantStatus.${c.community.status}` as MessageKey)}</td>
              <td>
                {c.complete
                  ? t("communities.complete")
                  : t("communities.missing", { count: c.missingSections.length })}
                <br />
                <span className="muted">
                  {t("communities.pages", { count: c.pagesPublished })}, {t("communities.news", { count: c.newsPublished })}
                </span>
              </td>
              <td>
                {(() => {
                  const cov = data.catalogCoverage.nodes.find((n) => n.community.slug === c.community.slug);
                  return cov ? t("communities.coverage", { offered: cov.offered, count: cov.standardTotal }) : "—";
                })()}
              </td>
              <td>
                {(() => {
                  const g = data.gisSummary.find((n) => n.slug === c.community.slug);
                  if (!g) return "—";
                  const features = g.layers.reduce((s, l) => s + l.features, 0);
                  return (
                    <>
                      {g.hasBoundary ? t("communities.boundary") : t("communities.noBoundary")}
                      <br />
                      <span className="muted">
                        {t("communities.features", { count: features })},{" "}
                        {t("communities.hectares", { ha: g.totalParcelAreaHa.toLocaleString(lang, { maximumFractionDigits: 0 }) })}
                      </span>
                    </>
                  );
                })()}
              </td>
              <td>{c.lastUpdate ? date(c.lastUpdate) : "—"}</td>
              <td>
                {may("community", "update") ? (
                  <Button
                    variant={c.community.status === "ACTIVE" ? "danger" : "secondary"}
                    onPress={async () => {
                      const r = await setStatus({
                        input: { slug: c.community.slug, status: c.community.status === "ACTIVE" ? "SUSPENDED" : "ACTIVE" },
                      });
                      setProblems(problemsOf(r.error, lang));
                      reload({ requestPolicy: "network-only" });
                    }}
                  >
                    {c.community.status === "ACTIVE" ? t("communities.suspend") : t("communities.reactivate")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
