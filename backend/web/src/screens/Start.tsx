// After sign-in: the tenant of this host when the person has a role there, else the first
// tenant they have a role in.

import { Navigate } from "react-router";
import { Provider, useQuery } from "urql";

import { hostClient } from "../api/client";
import { graphql } from "../gql";
import { useI18n } from "../i18n/i18n";

const StartQuery = graphql(`
  query Start {
    me {
      id
      roles {
        tenantSlug
      }
    }
    tenant {
      slug
    }
  }
`);

function Choose() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: StartQuery });
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  const ended = error?.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
  if (error && !data && !ended) return <p role="alert">{error.message}</p>;
  const me = data?.me;
  if (!me) return <Navigate to="/sign-in" replace />;
  const host = data?.tenant?.slug;
  const slugs = me.roles.map((r) => r.tenantSlug);
  const target = host && slugs.includes(host) ? host : slugs[0];
  if (!target) {
    return (
      <main className="auth" id="main">
        <div className="auth-card">
          <h1>{t("start.noRoles")}</h1>
          <p>{t("start.noRolesLead")}</p>
        </div>
      </main>
    );
  }
  return <Navigate to={`/t/${target}/`} replace />;
}

export function Start() {
  return (
    <Provider value={hostClient}>
      <Choose />
    </Provider>
  );
}
