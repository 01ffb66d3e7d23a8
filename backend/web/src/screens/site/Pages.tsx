// The page tree: open a page to edit it; move pages up, down, in and out with buttons that
// work from the keyboard (each move is one `updatePage` with the page's version); add a page.

import { useState, type FormEvent, type ReactElement } from "react";
import { Collection, Form, TreeItem, TreeItemContent } from "react-aria-components";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, TextField } from "../../ui/fields";
import { PageTree, type Node } from "./PageTree";

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

  interface TreeNode extends Node {
    children: TreeNode[];
  }
  const build = (parent: string | null): TreeNode[] =>
    children(parent).map((p) => ({ ...p, children: build(p.id) }));
  const roots = build(null);

  /** Moves `page` to `position` among the children of `parent` (null: the top level). */
  const moveTo = (page: Node, parent: string | null, position: number) => {
    const change: { parentId?: string; moveToTop?: boolean; position: number } = { position };
    if ((page.parentId ?? null) !== parent) {
      if (parent) change.parentId = parent;
      else change.moveToTop = true;
    }
    return apply(page, change);
  };

  const renderItem = (p: TreeNode): ReactElement => {
    const parent = p.parentId ?? null;
    const siblings = children(parent);
    const i = siblings.findIndex((q) => q.id === p.id);
    const before = siblings[i - 1];
    const after = siblings[i + 1];
    const grand = pages.find((q) => q.id === parent)?.parentId ?? null;
    return (
      <TreeItem id={p.id} textValue={p.titleUk || p.slug || "/"} className="tree-item">
        <TreeItemContent>
          {({ hasChildItems, isExpanded, level }) => (
            <div className="tree-row" style={{ paddingLeft: `${(level - 1) * 1.5}rem` }}>
              <Button slot="drag" variant="quiet" aria-label={t("site.drag", { title: p.titleUk })}>
                ⠿
              </Button>
              {hasChildItems ? (
                <Button slot="chevron" variant="quiet" aria-label={isExpanded ? t("site.collapse") : t("site.expand")}>
                  {isExpanded ? "▾" : "▸"}
                </Button>
              ) : (
                <span className="chevron-space" aria-hidden="true" />
              )}
              <span className="tree-title">{p.titleUk || p.slug || "/"}</span>
              <span className={`badge badge-${p.status.toLowerCase()}`}>{t(`status.${p.status}` as MessageKey)}</span>
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
          )}
        </TreeItemContent>
        <Collection items={p.children}>{renderItem}</Collection>
      </TreeItem>
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
      <p className="muted">{t("site.treeHint")}</p>
      <PageTree
        roots={roots}
        pages={pages}
        renderItem={renderItem}
        onOpen={(id) => navigate(`/t/${tenant}/site/pages/${id}`)}
        onMove={(page, parent, position) => void moveTo(page, parent, position)}
        label={t("site.title")}
      />
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
