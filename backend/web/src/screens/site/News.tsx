// News: the list, and a new item with a cover image uploaded with progress (alt text
// required), saved as a draft and published.

import { useState, type FormEvent } from "react";
import { FileTrigger, Form, Link, ProgressBar } from "react-aria-components";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { refusal, uploadMedia, type Uploaded } from "../../api/upload";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const NewsQuery = graphql(`
  query NewsList {
    newsPosts(first: 50) {
      nodes {
        id
        slug
        version
        status
        titleUk
        date
        publishedAt
      }
    }
  }
`);

const CreateNews = graphql(`
  mutation CreateNews($input: CreateNewsPostInput!) {
    createNewsPost(input: $input) {
      newsPost {
        id
        version
      }
    }
  }
`);

const PublishNews = graphql(`
  mutation PublishNews($input: PublishInput!) {
    publishNewsPost(input: $input) {
      newsPost {
        id
        status
      }
    }
  }
`);

export default function News() {
  const { t, lang, date } = useI18n();
  const { tenant = "" } = useParams();
  const [{ data }, reload] = useQuery({ query: NewsQuery });
  const [, create] = useMutation(CreateNews);
  const [, publish] = useMutation(PublishNews);
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [lead, setLead] = useState("");
  const [body, setBody] = useState("");
  const [alt, setAlt] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [cover, setCover] = useState<Uploaded | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const refused = file ? refusal(file) : null;

  const submit = async (andPublish: boolean) => {
    setNotice(null);
    let uploaded = cover;
    if (file && !uploaded) {
      if (refused) return;
      if (!alt.trim()) {
        setProblems([{ code: "BAD_USER_INPUT", field: "coverAltUk", message: t("news.altRequired") }]);
        return;
      }
      setProgress(0);
      const result = await uploadMedia(tenant, file, { altUk: alt, altEn: "", title: title }, setProgress);
      setProgress(null);
      if (!result.media) {
        setProblems(problemsOf(result.errors, lang).map((p) => ({ ...p, field: p.field === "file" ? "cover" : p.field })));
        return;
      }
      uploaded = result.media;
      setCover(uploaded);
    }
    const r = await create({
      input: {
        slug,
        titleUk: title,
        leadUk: lead,
        bodyUk: body,
        coverId: uploaded?.id ?? null,
        coverAltUk: uploaded ? alt : "",
        date: new Date().toISOString().slice(0, 10),
      },
    });
    const found = problemsOf(r.error, lang);
    setProblems(found);
    if (!r.data) return;
    const post = r.data.createNewsPost.newsPost;
    if (andPublish) {
      const p = await publish({ input: { id: post.id, version: post.version } });
      setProblems(problemsOf(p.error, lang));
    }
    setNotice(andPublish ? t("news.published") : t("news.saved"));
    setTitle("");
    setSlug("");
    setLead("");
    setBody("");
    setAlt("");
    setFile(null);
    setCover(null);
    reload({ requestPolicy: "network-only" });
  };

  return (
    <section aria-labelledby="news-title">
      <h1 id="news-title">{t("news.title")}</h1>
      <table className="table">
        <caption className="visually-hidden">{t("news.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("news.headline")}</th>
            <th scope="col">{t("news.date")}</th>
            <th scope="col">{t("news.status")}</th>
          </tr>
        </thead>
        <tbody>
          {(data?.newsPosts.nodes ?? []).map((n) => (
            <tr key={n.id}>
              <td>
                <Link href={`/admin/t/${tenant}/news/${n.id}`}>{n.titleUk}</Link>
              </td>
              <td>{n.date ? date(n.date) : "—"}</td>
              <td>{t(`status.${n.status}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("news.new")}</h2>
      <Notice message={notice} />
      {problems
        .filter((p) => !p.field || !["titleUk", "slug", "leadUk", "bodyUk", "coverAltUk", "cover"].includes(p.field))
        .map((p) => (
          <p key={p.message} role="alert" className="alert alert-error">
            {p.field ? `${p.field}: ` : ""}
            {p.message}
          </p>
        ))}
      <Form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit(true);
        }}
        className="stack narrow"
      >
        <TextField label={t("news.headline")} value={title} onChange={setTitle} isRequired serverError={fieldError(problems, "titleUk")} />
        <TextField
          label={t("site.slug")}
          value={slug}
          onChange={setSlug}
          isRequired
          description={t("site.slugHint")}
          validate={(v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : t("site.slugInvalid"))}
          serverError={fieldError(problems, "slug")}
        />
        <TextField label={t("news.lead")} value={lead} onChange={setLead} multiline rows={2} serverError={fieldError(problems, "leadUk")} />
        <TextField
          label={t("news.body")}
          value={body}
          onChange={setBody}
          multiline
          rows={8}
          description={t("blocks.markdownHint")}
          serverError={fieldError(problems, "bodyUk")}
        />
        <div className="field">
          <span className="label">{t("news.cover")}</span>
          <FileTrigger
            acceptedFileTypes={["image/jpeg", "image/png", "image/webp", "image/gif"]}
            onSelect={(files) => {
              const f = files?.[0] ?? null;
              setFile(f);
              setCover(null);
            }}
          >
            <Button variant="secondary">{file ? file.name : t("news.chooseCover")}</Button>
          </FileTrigger>
          <span className="muted">{t("news.coverRule")}</span>
          {refused ? (
            <p className="field-error" role="alert">
              {refused.reason === "type" ? t("upload.badType") : t("upload.tooLarge", { mb: Math.round((refused.max ?? 0) / 1048576) })}
            </p>
          ) : null}
          {fieldError(problems, "cover") ? <p className="field-error" role="alert">{fieldError(problems, "cover")}</p> : null}
        </div>
        {file ? (
          <TextField
            label={t("news.coverAlt")}
            value={alt}
            onChange={setAlt}
            isRequired
            description={t("news.altHint")}
            serverError={fieldError(problems, "coverAltUk")}
          />
        ) : null}
        {progress !== null ? (
          <ProgressBar value={progress * 100} aria-label={t("upload.progress")} className="progress">
            {({ percentage }) => (
              <>
                <span>{t("upload.progress")}</span>
                <span className="bar">
                  <span className="fill" style={{ width: `${percentage ?? 0}%` }} />
                </span>
              </>
            )}
          </ProgressBar>
        ) : null}
        <div className="actions">
          <Button type="submit" isDisabled={!title || !slug || !!refused}>
            {t("news.publish")}
          </Button>
          <Button variant="secondary" isDisabled={!title || !slug || !!refused} onPress={() => void submit(false)}>
            {t("news.saveDraft")}
          </Button>
        </div>
      </Form>
    </section>
  );
}
