// The frame of every screen in a tenant: the tenant switcher, the navigation (only what the
// server says the person may do here), the language, signing out, and the sign-in dialog
// that opens over the screen when the session ends, keeping everything typed.

import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Dialog, Heading, Modal } from "react-aria-components";
import { NavLink, Route, Routes, useNavigate, useParams } from "react-router";
import { Provider, useQuery } from "urql";

import { makeClient, onSessionExpired } from "../api/client";
import { signOut } from "../api/session";
import { graphql } from "../gql";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/uk";
import { Button, Select } from "../ui/fields";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { SignInForm } from "./auth/SignIn";

const Home = lazy(() => import("./home/Home"));
const Pages = lazy(() => import("./site/Pages"));
const PageEditor = lazy(() => import("./site/PageEditor"));
const News = lazy(() => import("./site/News"));
const Media = lazy(() => import("./site/Media"));
const NewsEditor = lazy(() => import("./site/NewsEditor"));
const SiteSettings = lazy(() => import("./site/Settings"));
const Cnaps = lazy(() => import("./cnap/Cnaps"));
const Catalog = lazy(() => import("./catalog/Catalog"));
const CardEditor = lazy(() => import("./catalog/CardEditor"));
const StandardCardEditor = lazy(() => import("./catalog/CardEditor").then((m) => ({ default: m.StandardCardEditor })));
const StandardCatalog = lazy(() => import("./catalog/StandardCatalog"));
const Situations = lazy(() => import("./oblast/Situations"));
const People = lazy(() => import("./people/People"));
const Audit = lazy(() => import("./people/Audit"));
const Onboard = lazy(() => import("./oblast/Onboard"));
const Templates = lazy(() => import("./oblast/Templates"));
const Inbox = lazy(() => import("./applications/Inbox"));
const CaseView = lazy(() => import("./applications/CaseView"));
const Intake = lazy(() => import("./applications/Intake"));
const Counter = lazy(() => import("./queue/Counter"));
const QueueSetup = lazy(() => import("./queue/Setup"));
const QueueStats = lazy(() => import("./queue/Stats"));

const Frame = graphql(`
  query Frame {
    me {
      id
      email
      roles {
        tenantSlug
        tenantKind
        role
      }
    }
    tenant {
      slug
      kind
      nameUk
      nameEn
      status
    }
    myPermissions {
      object
      action
    }
  }
`);

/** A navigation entry and the permission it needs. */
interface Entry {
  to: string;
  label: MessageKey;
  needs: [string, string] | null;
}

const ENTRIES: Entry[] = [
  { to: "", label: "nav.home", needs: null },
  { to: "applications", label: "nav.applications", needs: ["cases", "decide"] },
  { to: "queue", label: "nav.queue", needs: ["queue", "operate"] },
  { to: "queue/settings", label: "nav.queueSetup", needs: ["queue", "settings"] },
  { to: "queue/stats", label: "nav.queueStats", needs: ["queue", "stats"] },
  { to: "site", label: "nav.site", needs: ["site", "edit"] },
  { to: "news", label: "nav.news", needs: ["site", "edit"] },
  { to: "media", label: "nav.media", needs: ["site", "edit"] },
  { to: "site/settings", label: "nav.siteSettings", needs: ["site", "edit"] },
  { to: "cnap", label: "nav.cnap", needs: ["cnap", "manage"] },
  { to: "catalog", label: "nav.catalog", needs: ["catalog", "manage"] },
  { to: "communities/new", label: "nav.onboard", needs: ["community", "create"] },
  { to: "standard", label: "nav.standard", needs: ["standard", "manage"] },
  { to: "situations", label: "nav.situations", needs: ["standard", "manage"] },
  { to: "templates", label: "nav.templates", needs: ["template", "manage"] },
  { to: "people", label: "nav.people", needs: ["role", "grant"] },
  { to: "audit", label: "nav.audit", needs: ["audit", "read"] },
];

function Shell({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: Frame });
  const [expired, setExpired] = useState(false);
  useEffect(() => onSessionExpired(() => setExpired(true)), []);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data?.me) {
    if (error || data) {
      return (
        <main className="auth" id="main">
          <div className="auth-card">
            <h1>{t("signIn.title")}</h1>
            <SignInForm onDone={() => refetch({ requestPolicy: "network-only" })} />
          </div>
        </main>
      );
    }
    return null;
  }
  const allowed = (needs: [string, string] | null) =>
    needs === null ||
    data.myPermissions.some((p) => p.object === needs[0] && p.action === needs[1]);
  const tenants = [...new Set(data.me.roles.map((r) => r.tenantSlug))];
  const name = data.tenant ? (lang === "en" && data.tenant.nameEn) || data.tenant.nameUk : slug;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("common.skip")}
      </a>
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        {tenants.length > 1 ? (
          <div className="tenant-switch">
            <Select
              label={t("nav.tenant")}
              value={slug}
              options={tenants.map((s) => ({ id: s, label: s }))}
              onChange={(s) => navigate(`/t/${s}/`)}
            />
          </div>
        ) : (
          <span className="tenant-name">{name}</span>
        )}
        <LanguageSwitch />
        <span className="muted who">{data.me.email}</span>
        <Button
          variant="secondary"
          onPress={async () => {
            await signOut();
            window.location.assign("/admin/sign-in");
          }}
        >
          {t("nav.signOut")}
        </Button>
      </header>
      <div className="body">
        <nav aria-label={t("nav.label")} className="sidenav">
          <ul>
            {ENTRIES.filter((e) => allowed(e.needs)).map((e) => (
              <li key={e.to}>
                <NavLink to={`/t/${slug}/${e.to}`} end={e.to === ""}>
                  {t(e.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {data.tenant?.status === "SUSPENDED" ? (
            <p role="alert" className="alert alert-error">
              {t("tenant.suspended")}
            </p>
          ) : null}
          <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
            <Routes>
              <Route index element={<Home kind={data.tenant?.kind ?? "COMMUNITY"} />} />
              <Route path="applications" element={<Inbox />} />
              <Route path="applications/new" element={<Intake />} />
              <Route path="applications/:id" element={<CaseView />} />
              <Route path="queue" element={<Counter />} />
              <Route path="queue/settings" element={<QueueSetup />} />
              <Route path="queue/stats" element={<QueueStats />} />
              <Route path="site" element={<Pages />} />
              <Route path="site/pages/:id" element={<PageEditor />} />
              <Route path="news" element={<News />} />
              <Route path="news/:id" element={<NewsEditor />} />
              <Route path="media" element={<Media />} />
              <Route path="site/settings" element={<SiteSettings />} />
              <Route path="cnap" element={<Cnaps />} />
              <Route path="catalog" element={<Catalog />} />
              <Route path="catalog/:id" element={<CardEditor />} />
              <Route path="standard" element={<StandardCatalog />} />
              <Route path="situations" element={<Situations />} />
              <Route path="standard/:id" element={<StandardCardEditor />} />
              <Route path="people" element={<People />} />
              <Route path="audit" element={<Audit />} />
              <Route path="communities/new" element={<Onboard />} />
              <Route path="templates" element={<Templates />} />
              <Route path="*" element={<p>{t("common.notFound")}</p>} />
            </Routes>
          </Suspense>
        </main>
      </div>
      <Modal isOpen={expired} isDismissable={false} className="modal">
        <Dialog className="dialog" aria-labelledby="expired-title">
          <Heading slot="title" id="expired-title">
            {t("session.expired")}
          </Heading>
          <p>{t("session.expiredLead")}</p>
          <SignInForm email={data.me.email} onDone={() => setExpired(false)} />
        </Dialog>
      </Modal>
    </div>
  );
}

export default function TenantLayout() {
  const { tenant } = useParams();
  const slug = tenant ?? "";
  const client = useMemo(() => makeClient(slug), [slug]);
  return (
    <Provider value={client}>
      <Shell slug={slug} />
    </Provider>
  );
}
