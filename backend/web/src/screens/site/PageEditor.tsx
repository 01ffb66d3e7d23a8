// The page editor: the page's fields and blocks on the left, the server's own rendering of
// the unsaved draft on the right (POST /admin/preview/{id}, refreshed as the person types).
// Saving sends the version the edit started from: when someone else saved in between, the
// server says CONFLICT and the editor shows what they changed, keeping this person's text.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Dialog, Heading, Link, Modal } from "react-aria-components";
import { useParams } from "react-router";
import { useClient, useMutation, useQuery } from "urql";

import { apiHeaders } from "../../api/client";
import { problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, Select, TextField } from "../../ui/fields";
import { TextDiff } from "../../ui/TextDiff";
import {
  blockTypes,
  newBlock,
  ObjectFields,
  type BlockValue,
  type JsonSchema,
  type Refs,
} from "./BlockForm";
import { Notice } from "../../ui/Alerts";

const PageQuery = graphql(`
  query EditPage($id: ID!) {
    page(id: $id) {
      id
      slug
      section
      version
      status
      hasUnpublishedChanges
      titleUk
      titleEn
      descriptionUk
      descriptionEn
      blocks
      publishedAt
      scheduledAt
      updatedAt
    }
    blockSchema
    mediaItems(first: 100) {
      nodes {
        id
        kind
        fileName
        title
      }
    }
    cnaps {
      id
      nameUk
    }
    layers {
      id
      nameUk
    }
  }
`);

const Revisions = graphql(`
  query PageRevisions($id: ID!) {
    pageRevisions(pageId: $id, first: 20) {
      nodes {
        id
        version
        action
        at
        titleUk
        blocks
      }
    }
  }
`);

const Save = graphql(`
  mutation SavePage($input: UpdatePageInput!) {
    updatePage(input: $input) {
      page {
        id
        version
        status
        hasUnpublishedChanges
        updatedAt
      }
    }
  }
`);

const Publish = graphql(`
  mutation PublishPage($input: PublishInput!) {
    publishPage(input: $input) {
      page {
        id
        version
        status
        hasUnpublishedChanges
        publishedAt
        scheduledAt
      }
    }
  }
`);

const Unpublish = graphql(`
  mutation UnpublishPage($input: UnpublishInput!) {
    unpublishPage(input: $input) {
      page {
        id
        version
        status
      }
    }
  }
`);

const Restore = graphql(`
  mutation RestoreRevision($input: RestoreRevisionInput!) {
    restoreRevision(input: $input) {
      page {
        id
        version
      }
    }
  }
`);

const ShareLink = graphql(`
  mutation SharePreview($input: CreatePreviewLinkInput!) {
    createPreviewLink(input: $input) {
      path
      expiresAt
    }
  }
`);

interface Draft {
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  blocks: BlockValue[];
}

function draftOf(page: {
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  blocks: unknown;
}): Draft {
  return {
    titleUk: page.titleUk,
    titleEn: page.titleEn,
    descriptionUk: page.descriptionUk,
    descriptionEn: page.descriptionEn,
    blocks: Array.isArray(page.blocks) ? (page.blocks as BlockValue[]) : [],
  };
}

/** Renders `draft` into the preview frame, keeping its scroll position. */
function usePreview(id: string, tenant: string, draft: Draft | null, lang: string) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [state, setState] = useState<{ ms: number | null; problems: Problem[] }>({
    ms: null,
    problems: [],
  });
  useEffect(() => {
    if (!draft) return;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      const started = performance.now();
      try {
        const res = await fetch(`/admin/preview/${id}`, {
          method: "POST",
          headers: { ...apiHeaders(tenant), "Content-Type": "application/json" },
          body: JSON.stringify({ ...draft, en: lang === "en" }),
          credentials: "same-origin",
          signal: controller.signal,
        });
        const type = res.headers.get("content-type") ?? "";
        if (!type.startsWith("text/html")) {
          const body = (await res.json()) as { errors?: [] };
          setState({ ms: null, problems: problemsOf(body.errors ?? [], lang) });
          return;
        }
        const html = await res.text();
        const doc = frame.current?.contentDocument;
        if (!doc) return;
        const y = frame.current?.contentWindow?.scrollY ?? 0;
        doc.open();
        doc.write(html);
        doc.close();
        frame.current?.contentWindow?.scrollTo(0, y);
        const ms = Math.round(performance.now() - started);
        frame.current?.setAttribute("data-rendered", String(Date.now()));
        setState({ ms, problems: [] });
      } catch (e) {
        if ((e as Error).name !== "AbortError") setState({ ms: null, problems: [] });
      }
    }, 120);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id, tenant, draft, lang]);
  return { frame, ...state };
}

export default function PageEditor() {
  const { t, lang, dateTime } = useI18n();
  const { id = "", tenant = "" } = useParams();
  const client = useClient();
  const [{ data, fetching, error }, reload] = useQuery({ query: PageQuery, variables: { id } });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [saved, setSaved] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ theirs: Draft; version: number; at: string } | null>(
    null,
  );
  const [addType, setAddType] = useState<string | null>(null);
  const [scheduleAt, setScheduleAt] = useState("");
  const [shared, setShared] = useState<string | null>(null);
  const [showRevisions, setShowRevisions] = useState(false);
  const [, save] = useMutation(Save);
  const [, publish] = useMutation(Publish);
  const [, unpublish] = useMutation(Unpublish);
  const [, restore] = useMutation(Restore);
  const [, share] = useMutation(ShareLink);

  const page = data?.page;
  useEffect(() => {
    if (page && version === null) {
      setDraft(draftOf(page));
      setSaved(draftOf(page));
      setVersion(page.version);
    }
  }, [page, version]);

  const schema = useMemo(() => (data?.blockSchema ?? {}) as JsonSchema, [data?.blockSchema]);
  const defs = schema.$defs ?? {};
  const types = useMemo(() => blockTypes(schema), [schema]);
  const refs: Refs = useMemo(
    () => ({
      images: (data?.mediaItems.nodes ?? [])
        .filter((m) => m.kind === "IMAGE")
        .map((m) => ({ id: m.id, label: m.title || m.fileName })),
      documents: (data?.mediaItems.nodes ?? [])
        .filter((m) => m.kind === "DOCUMENT")
        .map((m) => ({ id: m.id, label: m.title || m.fileName })),
      cnaps: (data?.cnaps ?? []).map((c) => ({ id: c.id, label: c.nameUk })),
      layers: (data?.layers ?? []).map((l) => ({ id: l.id, label: l.nameUk })),
    }),
    [data],
  );
  const preview = usePreview(id, tenant, draft, lang);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const update = useCallback((change: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...change } : d));
    setNotice(null);
  }, []);

  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!page || !draft || version === null) {
    return (
      <p role="alert" className="alert alert-error">
        {problemsOf(error, lang)[0]?.message ?? t("common.notFound")}
      </p>
    );
  }

  const onSave = async () => {
    const result = await save({ input: { id, version, ...draft } });
    const found = problemsOf(result.error, lang);
    if (found.some((p) => p.code === "CONFLICT")) {
      const latest = await client.query(PageQuery, { id }, { requestPolicy: "network-only" }).toPromise();
      const theirs = latest.data?.page;
      if (theirs) setConflict({ theirs: draftOf(theirs), version: theirs.version, at: theirs.updatedAt });
      return;
    }
    setProblems(found);
    if (result.data) {
      setVersion(result.data.updatePage.page.version);
      setSaved(draft);
      setNotice(t("editor.saved"));
    }
  };

  const onPublish = async (at: string | null) => {
    if (dirty) await onSave();
    const result = await publish({
      input: { id, version: version, at: at ? new Date(at).toISOString() : null },
    });
    const found = problemsOf(result.error, lang);
    setProblems(found);
    if (result.data) {
      const p = result.data.publishPage.page;
      setVersion(p.version);
      setNotice(
        p.status === "SCHEDULED" && p.scheduledAt
          ? t("editor.scheduled", { at: dateTime(p.scheduledAt) })
          : t("editor.published"),
      );
      reload({ requestPolicy: "network-only" });
    }
  };

  const blockError = (i: number) => problems.find((p) => p.field?.startsWith(`blocks[${i}]`));
  const general = problems.filter((p) => !p.field?.startsWith("blocks[") && !p.field?.startsWith("title"));

  return (
    <div className="editor">
      <section className="editor-form" aria-labelledby="editor-title">
        <p>
          <Link href={`/admin/t/${tenant}/site`}>← {t("editor.back")}</Link>
        </p>
        <h1 id="editor-title">{draft.titleUk || t("editor.untitled")}</h1>
        <p className="muted">
          {t(`status.${page.status}` as MessageKey)}
          {page.publishedAt ? ` · ${t("editor.publishedAt", { at: dateTime(page.publishedAt) })}` : ""}
          {dirty ? ` · ${t("editor.unsaved")}` : ""}
        </p>
        <Notice message={notice} />
        {general.map((p) => (
          <p key={p.message} role="alert" className="alert alert-error">
            {p.field ? `${p.field}: ` : ""}
            {p.message}
          </p>
        ))}
        <TextField
          label={t("editor.titleUk")}
          value={draft.titleUk}
          onChange={(v) => update({ titleUk: v })}
          isRequired
          maxLength={200}
          serverError={problems.find((p) => p.field === "titleUk")?.message}
        />
        <TextField
          label={t("editor.titleEn")}
          value={draft.titleEn}
          onChange={(v) => update({ titleEn: v })}
          maxLength={200}
          serverError={problems.find((p) => p.field === "titleEn")?.message}
        />
        <TextField
          label={t("editor.descriptionUk")}
          value={draft.descriptionUk}
          onChange={(v) => update({ descriptionUk: v })}
          multiline
          rows={2}
        />
        <h2>{t("editor.blocks")}</h2>
        <ol className="blocks">
          {draft.blocks.map((block, i) => {
            const type = String(block.type);
            const blockSchema = types.find(([n]) => n === type)?.[1];
            const problem = blockError(i);
            return (
              <li key={i} className={`block-card ${problem ? "invalid" : ""}`}>
                <div className="block-head">
                  <h3>{t(`block.${type}` as MessageKey)}</h3>
                  <div className="row">
                    <Button
                      variant="quiet"
                      aria-label={t("editor.moveUp")}
                      isDisabled={i === 0}
                      onPress={() => {
                        const next = [...draft.blocks];
                        [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                        update({ blocks: next });
                      }}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t("editor.moveDown")}
                      isDisabled={i === draft.blocks.length - 1}
                      onPress={() => {
                        const next = [...draft.blocks];
                        [next[i + 1], next[i]] = [next[i]!, next[i + 1]!];
                        update({ blocks: next });
                      }}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="danger"
                      onPress={() => update({ blocks: draft.blocks.filter((_, j) => j !== i) })}
                    >
                      {t("editor.removeBlock")}
                    </Button>
                  </div>
                </div>
                {problem && problem.field === `blocks[${i}]` ? (
                  <p className="field-error">{problem.message}</p>
                ) : null}
                {blockSchema ? (
                  <ObjectFields
                    schema={blockSchema}
                    defs={defs}
                    value={block}
                    onChange={(v) =>
                      update({ blocks: draft.blocks.map((b, j) => (j === i ? v : b)) })
                    }
                    path={`blocks[${i}]`}
                    problems={problems}
                    refs={refs}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
        <div className="row add-block">
          <Select
            label={t("editor.blockType")}
            value={addType}
            onChange={setAddType}
            options={types.map(([n]) => ({ id: n, label: t(`block.${n}` as MessageKey) }))}
          />
          <Button
            variant="secondary"
            isDisabled={!addType}
            onPress={() => {
              const found = types.find(([n]) => n === addType);
              if (found) update({ blocks: [...draft.blocks, newBlock(found[0], found[1])] });
            }}
          >
            {t("editor.addBlock")}
          </Button>
        </div>
        <div className="actions">
          <Button onPress={onSave} isDisabled={!dirty}>
            {t("editor.save")}
          </Button>
          <Button variant="secondary" onPress={() => onPublish(null)}>
            {t("editor.publish")}
          </Button>
          {page.status !== "DRAFT" ? (
            <Button
              variant="secondary"
              onPress={async () => {
                const r = await unpublish({ input: { id } });
                setProblems(problemsOf(r.error, lang));
                if (r.data) {
                  setNotice(t("editor.unpublished"));
                  reload({ requestPolicy: "network-only" });
                }
              }}
            >
              {t("editor.unpublish")}
            </Button>
          ) : null}
        </div>
        <div className="row">
          <TextField
            label={t("editor.scheduleAt")}
            type="datetime-local"
            value={scheduleAt}
            onChange={setScheduleAt}
          />
          <Button variant="secondary" isDisabled={!scheduleAt} onPress={() => onPublish(scheduleAt)}>
            {t("editor.schedule")}
          </Button>
        </div>
        <div className="row">
          <Button
            variant="secondary"
            onPress={async () => {
              const r = await share({ input: { pageId: id, validMinutes: 60 * 24 * 7 } });
              if (r.data) setShared(`${window.location.origin}${r.data.createPreviewLink.path}`);
            }}
          >
            {t("editor.share")}
          </Button>
          {shared ? (
            <output className="share-link" aria-label={t("editor.shareLink")}>
              {shared}
            </output>
          ) : null}
        </div>
        <Button variant="quiet" onPress={() => setShowRevisions((s) => !s)}>
          {showRevisions ? t("editor.hideRevisions") : t("editor.revisions")}
        </Button>
        {showRevisions ? (
          <RevisionList
            id={id}
            current={draft}
            onRestore={async (revisionId) => {
              const r = await restore({ input: { revisionId, version } });
              setProblems(problemsOf(r.error, lang));
              if (r.data) {
                const latest = await client
                  .query(PageQuery, { id }, { requestPolicy: "network-only" })
                  .toPromise();
                if (latest.data?.page) {
                  setDraft(draftOf(latest.data.page));
                  setSaved(draftOf(latest.data.page));
                  setVersion(latest.data.page.version);
                  setNotice(t("editor.restored"));
                }
              }
            }}
          />
        ) : null}
      </section>
      <section className="editor-preview" aria-label={t("editor.preview")}>
        <p className="muted" aria-live="polite">
          {preview.problems[0]
            ? `${t("editor.previewProblem")}: ${preview.problems[0].message}`
            : preview.ms !== null
              ? t("editor.previewTime", { ms: preview.ms })
              : t("common.loading")}
        </p>
        <iframe ref={preview.frame} title={t("editor.preview")} className="preview-frame" />
      </section>
      <Modal isOpen={conflict !== null} isDismissable={false} className="modal">
        <Dialog className="dialog" aria-labelledby="conflict-title">
          <Heading slot="title" id="conflict-title">
            {t("conflict.title")}
          </Heading>
          {conflict ? (
            <>
              <p>{t("conflict.lead", { at: dateTime(conflict.at) })}</p>
              <ChangeList mine={draft} theirs={conflict.theirs} />
              <div className="actions">
                <Button
                  onPress={() => {
                    setVersion(conflict.version);
                    setSaved(conflict.theirs);
                    setConflict(null);
                    setNotice(t("conflict.keptMine"));
                  }}
                >
                  {t("conflict.keepMine")}
                </Button>
                <Button
                  variant="secondary"
                  onPress={() => {
                    setDraft(conflict.theirs);
                    setSaved(conflict.theirs);
                    setVersion(conflict.version);
                    setConflict(null);
                  }}
                >
                  {t("conflict.takeTheirs")}
                </Button>
              </div>
            </>
          ) : null}
        </Dialog>
      </Modal>
    </div>
  );
}

/** What differs between two drafts, field by field and block by block. */
function ChangeList({ mine, theirs, labels }: { mine: Draft; theirs: Draft; labels?: [string, string] }) {
  const { t } = useI18n();
  const rows: { what: string; mine: string; theirs: string }[] = [];
  for (const key of ["titleUk", "titleEn", "descriptionUk", "descriptionEn"] as const) {
    if (mine[key] !== theirs[key]) rows.push({ what: t(`editor.${key}` as MessageKey), mine: mine[key], theirs: theirs[key] });
  }
  const n = Math.max(mine.blocks.length, theirs.blocks.length);
  for (let i = 0; i < n; i++) {
    const a = mine.blocks[i];
    const b = theirs.blocks[i];
    if (JSON.stringify(a && comparable(a)) !== JSON.stringify(b && comparable(b))) {
      rows.push({
        what: t("conflict.block", { n: i + 1 }),
        mine: a ? summary(a) : "—",
        theirs: b ? summary(b) : "—",
      });
    }
  }
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">{t("conflict.what")}</th>
          <th scope="col">{labels?.[0] ?? t("conflict.mine")}</th>
          <th scope="col">{labels?.[1] ?? t("conflict.theirs")}</th>
          <th scope="col">{t("conflict.difference")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.what}>
            <th scope="row">{r.what}</th>
            <td className="diff-mine">{r.mine}</td>
            <td className="diff-theirs">{r.theirs}</td>
            <td>
              <TextDiff before={r.theirs} after={r.mine} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A block without what the server derives on save (HTML, player URLs), keys in order. */
function comparable(block: BlockValue): BlockValue {
  return Object.fromEntries(
    Object.entries(block)
      .filter(([k]) => !k.startsWith("html") && k !== "playerUrl")
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

function summary(block: BlockValue): string {
  const text = Object.entries(block)
    .filter(([k, v]) => k !== "type" && !k.startsWith("html") && typeof v === "string" && v)
    .map(([, v]) => v as string)
    .join(" · ");
  return `${String(block.type)}: ${text.slice(0, 160)}`;
}

function RevisionList({
  id,
  current,
  onRestore,
}: {
  id: string;
  current: Draft;
  onRestore: (revisionId: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const [{ data }] = useQuery({ query: Revisions, variables: { id }, requestPolicy: "network-only" });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ol className="revisions">
      {(data?.pageRevisions.nodes ?? []).map((r) => {
        const theirs: Draft = {
          titleUk: r.titleUk,
          titleEn: current.titleEn,
          descriptionUk: current.descriptionUk,
          descriptionEn: current.descriptionEn,
          blocks: Array.isArray(r.blocks) ? (r.blocks as BlockValue[]) : [],
        };
        return (
          <li key={r.id}>
            <span>
              {t("editor.revision", { version: r.version, at: dateTime(r.at) })} — {r.action}
            </span>
            <Button variant="quiet" onPress={() => setOpen(open === r.id ? null : r.id)}>
              {t("editor.compare")}
            </Button>
            <Button variant="secondary" onPress={() => onRestore(r.id)}>
              {t("editor.restore")}
            </Button>
            {open === r.id ? <ChangeList mine={current} theirs={theirs} labels={[t("revision.now"), t("revision.then")]} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
