// "Ready to launch?": each item from what the server knows, linking to the screen that
// fixes it.

import { Link } from "react-aria-components";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { problemsOf } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";

const ChecklistQuery = graphql(`
  query Checklist {
    launchChecklist {
      sections {
        key
        pageId
        filled
      }
      cnaps
      cnapsWithHours
      standardServices
      standardAdopted
      hasBoundary
      publicLayers
      people
      pendingInvitations
      ready
    }
  }
`);

interface Item {
  done: boolean;
  label: string;
  detail: string;
  href: string | null;
  fix: string;
}

export function Checklist() {
  const { t, lang } = useI18n();
  const { tenant } = useParams();
  const base = `/admin/t/${tenant}`;
  const [{ data, fetching, error }] = useQuery({ query: ChecklistQuery });
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  const c = data?.launchChecklist;
  if (!c) {
    return (
      <p role="alert" className="alert alert-error">
        {problemsOf(error, lang)[0]?.message}
      </p>
    );
  }
  const missing = c.sections.filter((s) => !s.filled);
  const items: Item[] = [
    {
      done: missing.length === 0,
      label: t("checklist.sections"),
      detail:
        missing.length === 0
          ? t("checklist.sectionsDone")
          : t("checklist.sectionsMissing", { count: missing.length }),
      href: `${base}/site`,
      fix: t("checklist.fixSite"),
    },
    {
      done: c.cnaps > 0 && c.cnapsWithHours === c.cnaps,
      label: t("checklist.hours"),
      detail:
        c.cnaps === 0
          ? t("checklist.noCnap")
          : t("checklist.hoursDetail", { done: c.cnapsWithHours, count: c.cnaps }),
      href: `${base}/cnap`,
      fix: t("checklist.fixHours"),
    },
    {
      done: c.standardAdopted >= c.standardServices,
      label: t("checklist.services"),
      detail: t("checklist.servicesDetail", {
        count: c.standardServices - c.standardAdopted,
      }),
      href: `${base}/catalog`,
      fix: t("checklist.fixCatalog"),
    },
    {
      done: c.hasBoundary && c.publicLayers > 0,
      label: t("checklist.map"),
      detail: c.hasBoundary
        ? t("checklist.layers", { count: c.publicLayers })
        : t("checklist.noBoundary"),
      href: `/map`,
      fix: t("checklist.fixMap"),
    },
    {
      done: c.people + c.pendingInvitations > 1,
      label: t("checklist.people"),
      detail: t("checklist.peopleDetail", { count: c.people, pending: c.pendingInvitations }),
      href: `${base}/people`,
      fix: t("checklist.fixPeople"),
    },
  ];
  const done = items.filter((i) => i.done).length;
  return (
    <section aria-labelledby="checklist-title">
      <h1 id="checklist-title">{t("checklist.title")}</h1>
      <p className={c.ready ? "alert alert-ok" : "muted"}>
        {c.ready ? t("checklist.ready") : t("checklist.progress", { done, count: items.length })}
      </p>
      <ol className="checklist">
        {items.map((item) => (
          <li key={item.label} className={item.done ? "done" : "todo"}>
            <span className="mark" aria-hidden="true">
              {item.done ? "✓" : "○"}
            </span>
            <div>
              <h2>
                {item.label}
                <span className="visually-hidden">
                  {" — "}
                  {item.done ? t("checklist.doneMark") : t("checklist.todoMark")}
                </span>
              </h2>
              <p>{item.detail}</p>
              {item.label === t("checklist.sections") && missing.length > 0 ? (
                <ul className="inline-list">
                  {missing.map((s) => (
                    <li key={s.key}>
                      {s.pageId ? (
                        <Link href={`${base}/site/pages/${s.pageId}`}>
                          {t(`section.${s.key}` as MessageKey)}
                        </Link>
                      ) : (
                        t(`section.${s.key}` as MessageKey)
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
              {!item.done && item.href ? <Link href={item.href}>{item.fix}</Link> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
