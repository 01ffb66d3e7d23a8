// One news item: its text and cover alt text, saved as a draft with the version it was read
// at (a newer save by someone else is shown, nothing typed is lost), published, scheduled
// or unpublished.

import { useEffect, useState } from "react";
import { Link } from "react-aria-components";
import { useParams } from "react-router";
import { useClient, useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const NewsQuery = graphql(`
  query EditNews($id: ID!) {
    newsPost(id: $id) {
      id
      slug
      version
      status
      titleUk
      titleEn
      leadUk
      bodyUk
      coverId
      coverAltUk
      publishedAt
      updatedAt
    }
  }
`);

const SaveNews = graphql(`
  mutation SaveNews($input: UpdateNewsPostInput!) {
    updateNewsPost(input: $input) {
      newsPost {
        id
        version
        status
      }
    }
  }
`);

const PublishNewsItem = graphql(`
  mutation PublishNewsItem($input: PublishInput!) {
    publishNewsPost(input: $input) {
      newsPost {
        id
        version
        status
      }
    }
  }
`);

const UnpublishNews = graphql(`
  mutation UnpublishNews($input: UnpublishInput!) {
    unpublishNewsPost(input: $input) {
      newsPost {
        id
        status
      }
    }
  }
`);

interface Draft {
  titleUk: string;
  titleEn: string;
  leadUk: string;
  bodyUk: string;
  coverAltUk: string;
}

export default function NewsEditor() {
  const { t, lang, dateTime } = useI18n();
  const { id = "", tenant } = useParams();
  const client = useClient();
  const [{ data, fetching, error }, reload] = useQuery({ query: NewsQuery, variables: { id } });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<{ version: number; at: string; title: string } | null>(null);
  const [, save] = useMutation(SaveNews);
  const [, publish] = useMutation(PublishNewsItem);
  const [, unpublish] = useMutation(UnpublishNews);
  const post = data?.newsPost;
  useEffect(() => {
    if (post && version === null) {
      setDraft({ titleUk: post.titleUk, titleEn: post.titleEn, leadUk: post.leadUk, bodyUk: post.bodyUk, coverAltUk: post.coverAltUk });
      setVersion(post.version);
    }
  }, [post, version]);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!post || !draft || version === null) return <p role="alert">{problemsOf(error, lang)[0]?.message ?? t("common.notFound")}</p>;
  const set = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setNotice(null);
  };
  const onSave = async (): Promise<number | null> => {
    const r = await save({ input: { id, version, ...draft } });
    const found = problemsOf(r.error, lang);
    if (found.some((p) => p.code === "CONFLICT")) {
      const latest = await client.query(NewsQuery, { id }, { requestPolicy: "network-only" }).toPromise();
      const l = latest.data?.newsPost;
      if (l) setTheirs({ version: l.version, at: l.updatedAt, title: l.titleUk });
      return null;
    }
    setProblems(found);
    if (!r.data) return null;
    setVersion(r.data.updateNewsPost.newsPost.version);
    setNotice(t("editor.saved"));
    return r.data.updateNewsPost.newsPost.version;
  };
  return (
    <section aria-labelledby="news-edit-title" className="stack narrow">
      <p>
        <Link href={`/admin/t/${tenant}/news`}>← {t("news.title")}</Link>
      </p>
      <h1 id="news-edit-title">{draft.titleUk}</h1>
      <p className="muted">
        {t(`status.${post.status}` as MessageKey)}
        {post.publishedAt ? ` · ${dateTime(post.publishedAt)}` : ""}
      </p>
      <Notice message={notice} />
      {theirs ? (
        <div role="alert" className="alert">
          <p>{t("conflict.lead", { at: dateTime(theirs.at) })}</p>
          <p>
            {t("conflict.theirs")}: {theirs.title}
          </p>
          <Button
            onPress={() => {
              setVersion(theirs.version);
              setTheirs(null);
              setNotice(t("conflict.keptMine"));
            }}
          >
            {t("conflict.keepMine")}
          </Button>
        </div>
      ) : null}
      {problems.filter((p) => !p.field || !["titleUk", "titleEn", "leadUk", "bodyUk", "coverAltUk"].includes(p.field)).map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.field ? `${p.field}: ` : ""}
          {p.message}
        </p>
      ))}
      <TextField label={t("news.headline")} value={draft.titleUk} onChange={(v) => set({ titleUk: v })} isRequired serverError={fieldError(problems, "titleUk")} />
      <TextField label={t("editor.titleEn")} value={draft.titleEn} onChange={(v) => set({ titleEn: v })} serverError={fieldError(problems, "titleEn")} />
      <TextField label={t("news.lead")} value={draft.leadUk} onChange={(v) => set({ leadUk: v })} multiline rows={2} serverError={fieldError(problems, "leadUk")} />
      <TextField label={t("news.body")} value={draft.bodyUk} onChange={(v) => set({ bodyUk: v })} multiline rows={10} description={t("blocks.markdownHint")} serverError={fieldError(problems, "bodyUk")} />
      {post.coverId ? (
        <TextField label={t("news.coverAlt")} value={draft.coverAltUk} onChange={(v) => set({ coverAltUk: v })} isRequired serverError={fieldError(problems, "coverAltUk")} />
      ) : null}
      <div className="actions">
        <Button onPress={() => void onSave()}>{t("editor.save")}</Button>
        <Button
          variant="secondary"
          onPress={async () => {
            const v = await onSave();
            if (v === null) return;
            const r = await publish({ input: { id, version: v } });
            setProblems(problemsOf(r.error, lang));
            if (r.data) {
              setVersion(r.data.publishNewsPost.newsPost.version);
              setNotice(t("news.published"));
              reload({ requestPolicy: "network-only" });
            }
          }}
        >
          {t("editor.publish")}
        </Button>
        {post.status !== "DRAFT" ? (
          <Button
            variant="secondary"
            onPress={async () => {
              const r = await unpublish({ input: { id } });
              setProblems(problemsOf(r.error, lang));
              if (r.data) reload({ requestPolicy: "network-only" });
            }}
          >
            {t("editor.unpublish")}
          </Button>
        ) : null}
        <Link href={`/news/${post.slug}`} target="_blank">
          {t("news.open")}
        </Link>
      </div>
    </section>
  );
}
