// The media library: every image and document with its variants, alt texts edited in place,
// and uploads with progress (type and size checked before sending; an image needs its alt
// text first).

import { useState } from "react";
import { FileTrigger, ProgressBar } from "react-aria-components";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { refusal, uploadMedia } from "../../api/upload";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const MediaQuery = graphql(`
  query MediaLibrary {
    mediaItems(first: 100) {
      nodes {
        id
        kind
        fileName
        contentType
        byteSize
        title
        altUk
        altEn
        width
        height
        url
        variants {
          width
          url
        }
        createdAt
      }
    }
  }
`);

const UpdateMedia = graphql(`
  mutation UpdateMedia($input: UpdateMediaInput!) {
    updateMedia(input: $input) {
      mediaItem {
        id
        altUk
        altEn
        title
      }
    }
  }
`);

function size(bytes: number, lang: string): string {
  const kb = bytes / 1024;
  return kb < 1024
    ? `${kb.toLocaleString(lang, { maximumFractionDigits: 0 })} КБ`
    : `${(kb / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} МБ`;
}

function AltEditor({ item }: { item: { id: string; title: string; altUk: string; altEn: string } }) {
  const { t, lang } = useI18n();
  const [altUk, setAltUk] = useState(item.altUk);
  const [altEn, setAltEn] = useState(item.altEn);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const [, update] = useMutation(UpdateMedia);
  return (
    <div className="row">
      <TextField label={t("media.altUk")} value={altUk} onChange={(v) => { setAltUk(v); setSaved(false); }} serverError={fieldError(problems, "altUk")} />
      <TextField label={t("media.altEn")} value={altEn} onChange={(v) => { setAltEn(v); setSaved(false); }} serverError={fieldError(problems, "altEn")} />
      <Button
        variant="secondary"
        isDisabled={altUk === item.altUk && altEn === item.altEn}
        onPress={async () => {
          const r = await update({ input: { id: item.id, title: item.title, altUk, altEn } });
          setProblems(problemsOf(r.error, lang));
          setSaved(!!r.data);
        }}
      >
        {t("media.saveAlt")}
      </Button>
      {saved ? <span role="status">{t("media.saved")}</span> : null}
    </div>
  );
}

export default function Media() {
  const { t, lang, date } = useI18n();
  const { tenant = "" } = useParams();
  const [{ data, fetching }, reload] = useQuery({ query: MediaQuery });
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const refused = file ? refusal(file) : null;
  const isImage = file?.type.startsWith("image/") ?? false;
  const upload = async () => {
    if (!file || refused) return;
    if (isImage && !alt.trim()) {
      setProblems([{ code: "BAD_USER_INPUT", field: "altUk", message: t("news.altRequired") }]);
      return;
    }
    setProgress(0);
    const result = await uploadMedia(tenant, file, { altUk: alt, altEn: "", title: file.name }, setProgress);
    setProgress(null);
    setProblems(problemsOf(result.errors, lang));
    if (result.media) {
      setNotice(t("media.uploaded", { name: file.name }));
      setFile(null);
      setAlt("");
      reload({ requestPolicy: "network-only" });
    }
  };
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  const items = data?.mediaItems.nodes ?? [];
  return (
    <section aria-labelledby="media-title">
      <h1 id="media-title">{t("media.title")}</h1>
      <p className="muted">{t("media.count", { count: items.length })}</p>
      <div className="card stack narrow">
        <h2>{t("media.upload")}</h2>
        <Notice message={notice} />
        <FileTrigger
          acceptedFileTypes={["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"]}
          onSelect={(files) => {
            setFile(files?.[0] ?? null);
            setNotice(null);
            setProblems([]);
          }}
        >
          <Button variant="secondary">{file ? file.name : t("media.choose")}</Button>
        </FileTrigger>
        <span className="muted">{t("media.rule")}</span>
        {refused ? (
          <p className="field-error" role="alert">
            {refused.reason === "type" ? t("upload.badTypeAny") : t("upload.tooLarge", { mb: Math.round((refused.max ?? 0) / 1048576) })}
          </p>
        ) : null}
        {problems.filter((p) => p.field !== "altUk").map((p) => (
          <p key={p.message} className="field-error" role="alert">
            {p.message}
          </p>
        ))}
        {file && isImage ? (
          <TextField label={t("media.altUk")} value={alt} onChange={setAlt} isRequired description={t("news.altHint")} serverError={fieldError(problems, "altUk")} />
        ) : null}
        {progress !== null ? (
          <ProgressBar value={progress * 100} aria-label={t("upload.progress")} className="progress">
            {({ percentage }) => (
              <span className="bar">
                <span className="fill" style={{ width: `${percentage ?? 0}%` }} />
              </span>
            )}
          </ProgressBar>
        ) : null}
        <Button onPress={upload} isDisabled={!file || !!refused || progress !== null}>
          {t("media.send")}
        </Button>
      </div>
      <ul className="media-grid">
        {items.map((m) => (
          <li key={m.id} className="card">
            {m.kind === "IMAGE" ? (
              <img src={m.variants[0]?.url ?? m.url} alt={m.altUk} width={160} loading="lazy" />
            ) : (
              <span className="doc-icon" aria-hidden="true">
                PDF
              </span>
            )}
            <p>
              <a href={m.url}>{m.title || m.fileName}</a>
              <br />
              <span className="muted">
                {size(m.byteSize, lang)}
                {m.width ? ` · ${m.width}×${m.height}` : ""} · {date(m.createdAt)}
              </span>
            </p>
            {m.variants.length ? (
              <p className="muted">
                {t("media.variants")}: {m.variants.map((v) => `${v.width}px`).join(", ")}
              </p>
            ) : null}
            {m.kind === "IMAGE" && !m.altUk ? (
              <p className="field-error">{t("media.noAlt")}</p>
            ) : null}
            {m.kind === "IMAGE" ? <AltEditor item={m} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
