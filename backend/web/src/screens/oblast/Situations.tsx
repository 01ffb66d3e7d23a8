// Life situations of the oblast's portal ("birth of a child", "moving house"): each groups
// published services of the standard catalog. The oblast admin adds, edits, orders and
// removes them; the portal's home lists them and each has its page at /situations/<slug>.

import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, Checkbox, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const SituationsQuery = graphql(`
  query LifeSituations {
    lifeSituations {
      id
      slug
      titleUk
      titleEn
      summaryUk
      summaryEn
      standardServiceIds
      position
      version
    }
    standardServices(first: 100) {
      nodes {
        id
        code
        publishedVersion
        card {
          nameUk
        }
      }
    }
  }
`);

const SaveSituation = graphql(`
  mutation SaveLifeSituation($input: SaveLifeSituationInput!) {
    saveLifeSituation(input: $input) {
      lifeSituation {
        id
        version
      }
    }
  }
`);

const DeleteSituation = graphql(`
  mutation DeleteLifeSituation($input: DeleteLifeSituationInput!) {
    deleteLifeSituation(input: $input) {
      deleted
    }
  }
`);

interface Situation {
  id?: string;
  version?: number;
  slug: string;
  titleUk: string;
  titleEn: string;
  summaryUk: string;
  summaryEn: string;
  standardServiceIds: string[];
  position: number;
}

interface Standard {
  id: string;
  code: string;
  name: string;
}

const EMPTY: Situation = {
  slug: "",
  titleUk: "",
  titleEn: "",
  summaryUk: "",
  summaryEn: "",
  standardServiceIds: [],
  position: 0,
};

export default function Situations() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }, reload] = useQuery({ query: SituationsQuery });
  // The notice lives here: a saved situation's editor remounts with its new version.
  const [notice, setNotice] = useState<string | null>(null);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data) return <p role="alert">{problemsOf(error, lang)[0]?.message}</p>;
  const standards: Standard[] = data.standardServices.nodes
    .filter((s) => s.publishedVersion != null)
    .map((s) => ({ id: s.id, code: s.code, name: s.card.nameUk }));
  const done = (message: string) => {
    setNotice(message);
    reload({ requestPolicy: "network-only" });
  };
  const list = data.lifeSituations;
  return (
    <section aria-labelledby="situations-title">
      <h1 id="situations-title">{t("situations.title")}</h1>
      <p className="lead">{t("situations.lead", { count: list.length })}</p>
      <Notice message={notice} />
      {list.map((s) => (
        <SituationEditor
          key={`${s.id}:${s.version}`}
          initial={{ ...s, standardServiceIds: s.standardServiceIds.map(String), id: String(s.id) }}
          standards={standards}
          onDone={done}
        />
      ))}
      <h2>{t("situations.new")}</h2>
      <SituationEditor key={`new:${list.length}`} initial={{ ...EMPTY, position: list.length }} standards={standards} onDone={done} />
    </section>
  );
}

function SituationEditor({
  initial,
  standards,
  onDone,
}: {
  initial: Situation;
  standards: Standard[];
  onDone: (notice: string) => void;
}) {
  const { t, lang } = useI18n();
  const [s, setS] = useState<Situation>(initial);
  const [filter, setFilter] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [, save] = useMutation(SaveSituation);
  const [, remove] = useMutation(DeleteSituation);
  const isNew = !initial.id;
  const prefix = isNew ? "new" : initial.id;
  const set = (patch: Partial<Situation>) => setS({ ...s, ...patch });
  const chosen = new Set(s.standardServiceIds);
  const shown = standards.filter(
    (x) => !filter.trim() || `${x.code} ${x.name}`.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save({
      input: {
        id: initial.id ?? null,
        version: initial.version ?? null,
        slug: s.slug,
        titleUk: s.titleUk,
        titleEn: s.titleEn,
        summaryUk: s.summaryUk,
        summaryEn: s.summaryEn,
        standardServiceIds: s.standardServiceIds,
        position: s.position,
      },
    });
    setProblems(problemsOf(r.error, lang));
    if (r.data) onDone(t("situations.saved", { title: s.titleUk }));
  };
  const drop = async () => {
    if (!initial.id) return;
    const r = await remove({ input: { id: initial.id } });
    setProblems(problemsOf(r.error, lang));
    if (r.data) onDone(t("situations.deleted", { title: initial.titleUk }));
  };
  const general = problems.filter(
    (p) => !p.field || !["slug", "titleUk", "titleEn", "summaryUk", "summaryEn", "standardIds"].includes(p.field),
  );
  return (
    <Form onSubmit={submit} className="card stack" aria-label={isNew ? t("situations.new") : s.titleUk || initial.titleUk}>
      {isNew ? null : <h2>{initial.titleUk}</h2>}
      {general.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.message}
        </p>
      ))}
      <div className="row">
        <TextField label={t("situations.titleUk")} value={s.titleUk} onChange={(v) => set({ titleUk: v })} isRequired maxLength={120} serverError={fieldError(problems, "titleUk")} />
        <TextField label={t("situations.titleEn")} value={s.titleEn} onChange={(v) => set({ titleEn: v })} maxLength={120} serverError={fieldError(problems, "titleEn")} />
      </div>
      <div className="row">
        <TextField
          label={t("situations.slug")}
          value={s.slug}
          onChange={(v) => set({ slug: v })}
          isRequired
          description={t("situations.slugHint", { slug: s.slug || "…" })}
          validate={(v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : t("site.slugInvalid"))}
          serverError={fieldError(problems, "slug")}
        />
        <TextField
          label={t("situations.position")}
          value={String(s.position)}
          onChange={(v) => set({ position: Number.parseInt(v, 10) || 0 })}
          className="short"
          description={t("situations.positionHint")}
        />
      </div>
      <TextField label={t("situations.summaryUk")} value={s.summaryUk} onChange={(v) => set({ summaryUk: v })} multiline rows={2} maxLength={600} serverError={fieldError(problems, "summaryUk")} />
      <TextField label={t("situations.summaryEn")} value={s.summaryEn} onChange={(v) => set({ summaryEn: v })} multiline rows={2} maxLength={600} serverError={fieldError(problems, "summaryEn")} />
      <fieldset className="subform" aria-describedby={`${prefix}-chosen`}>
        <legend>{t("situations.services")}</legend>
        <p id={`${prefix}-chosen`} className="muted">
          {t("situations.chosen", { count: s.standardServiceIds.length })}
        </p>
        {fieldError(problems, "standardIds") ? (
          <p role="alert" className="field-error">
            {fieldError(problems, "standardIds")}
          </p>
        ) : null}
        <TextField label={t("situations.filter")} value={filter} onChange={setFilter} />
        <div className="pick-list">
          {shown.map((x) => (
            <Checkbox
              key={x.id}
              isSelected={chosen.has(x.id)}
              onChange={(on) =>
                set({
                  standardServiceIds: on
                    ? [...s.standardServiceIds, x.id]
                    : s.standardServiceIds.filter((id) => id !== x.id),
                })
              }
            >
              <span className="muted">{x.code}</span> {x.name}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <Button type="submit">{isNew ? t("situations.add") : t("situations.save")}</Button>
        {isNew ? null : (
          <Button variant="danger" onPress={drop}>
            {t("situations.delete")}
          </Button>
        )}
      </div>
    </Form>
  );
}
