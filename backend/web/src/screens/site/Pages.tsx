// The page tree: open a page to edit it; move pages up, down, in and out with buttons that
// work from the keyboard (each move is one `updatePage` with the page's version); add a page.

import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, TextField } from "../../ui/fields";

const PagesQuery = graphql(`
  query SitePages {
    pages(first: 100) {
      nodes {
        id
        parentId
        slug
        position
        section
        version
        status
        hasUnpublishedChanges
        titleUk
      }
    }
  }
`);

const Move = graphql(`
  mutation MovePage($input: UpdatePageInput!) {
    updatePage(input: $input) {
      page {
        id
        parentId
        position
        version
      }
    }
  }
`);

const Create = graphql(`
  mutation CreatePage($input: CreatePageInput!) {
    createPage(input: $input) {
      page {
        id
      }
    }
  }
`);

interface Node {
  id: string;
  parentId?: string | null;
  slug: string;
  position: number;
  version: number;
  status: string;
  hasUnpublishedChanges: boolean;
  titleUk: string;
  section?: string | null;
}

export default function Pages() {
  const { t, lang } = useI18n();
  const { tenant } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({ query: PagesQuery });
  const [, move] = useMutation(Move);
  const [, create] = useMutation(Create);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [slug, setSlug] = useState("");
  const [title, setTitle] = useState("");
  const [createProblems, setCreateProblems] = useState<Problem[]>([]);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  const pages: Node[] = data?.pages.nodes ?? [];
  const children = (parent: string | null) =>
    pages.filter((p) => (p.parentId ?? null) === parent).sort((a, b) => a.position - b.position);

  const apply = async (page: Node, change: { parentId?: string; moveToTop?: boolean; position?: number }) => {
    const r = await move({ input: { id: page.id, version: page.version, ...change } });
    setProblems(problemsOf(r.error, lang));
    reload({ requestPolicy: "network-only" });
  };

  const render = (parent: string | null, depth: number) => {
    const list = children(parent);
    if (list.length === 0) return null;
    return (
      <ul className={depth === 0 ? "tree" : "tree-children"}>
        {list.map((p, i) => {
          const before = list[i - 1];
          const after = list[i + 1];
          const grand = pages.find((q) => q.id === parent)?.parentId ?? null;
          return (
            <li key={p.id}>
              <div className="tree-row">
                <Link href={`/admin/t/${tenant}/site/pages/${p.id}`}>{p.titleUk || p.slug || "/"}</Link>
                <span className={`badge badge-${p.status.toLowerCase()}`}>
                  {t(`status.${p.status}` as MessageKey)}
                </span>
                {p.hasUnpublishedChanges ? <span className="badge">{t("site.changed")}</span> : null}
                <span className="tree-actions">
                  <Button
                    variant="quiet"
                    aria-label={t("site.moveUp", { title: p.titleUk })}
                    isDisabled={!before}
                    onPress={() => before && apply(p, { position: before.position })}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="quiet"
                    aria-label={t("site.moveDown", { title: p.titleUk })}
                    isDisabled={!after}
                    onPress={() => after && apply(p, { position: after.position })}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="quiet"
                    aria-label={t("site.indent", { title: p.titleUk })}
                    isDisabled={!before || p.slug === ""}
                    onPress={() => before && apply(p, { parentId: before.id })}
                  >
                    →
                  </Button>
                  <Button
                    variant="quiet"
                    aria-label={t("site.outdent", { title: p.titleUk })}
                    isDisabled={parent === null}
                    onPress={() => apply(p, grand ? { parentId: grand } : { moveToTop: true })}
                  >
                    ←
                  </Button>
                </span>
              </div>
              {render(p.id, depth + 1)}
            </li>
          );
        })}
      </ul>
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: { slug, titleUk: title } });
    const found = problemsOf(r.error, lang);
    setCreateProblems(found);
    if (r.data) navigate(`/t/${tenant}/site/pages/${r.data.createPage.page.id}`);
  };

  return (
    <section aria-labelledby="pages-title">
      <h1 id="pages-title">{t("site.title")}</h1>
      {error && !data ? (
        <p role="alert" className="alert alert-error">
          {problemsOf(error, lang)[0]?.message}
        </p>
      ) : null}
      {problems.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.message}
        </p>
      ))}
      {render(null, 0)}
      <h2>{t("site.newPage")}</h2>
      <Form onSubmit={submit} className="row">
        <TextField
          label={t("site.pageTitle")}
          value={title}
          onChange={setTitle}
          isRequired
          serverError={fieldError(createProblems, "titleUk")}
        />
        <TextField
          label={t("site.slug")}
          value={slug}
          onChange={setSlug}
          isRequired
          description={t("site.slugHint")}
          validate={(v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : t("site.slugInvalid"))}
          serverError={fieldError(createProblems, "slug")}
        />
        <Button type="submit" isDisabled={!slug || !title}>
          {t("site.create")}
        </Button>
      </Form>
    </section>
  );
}
