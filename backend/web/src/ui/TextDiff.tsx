// A word-by-word comparison of two texts (jsdiff's `diffWords`): what was removed struck
// through, what was added underlined, each also named for screen readers.

import { diffWords } from "diff";

import { useI18n } from "../i18n/i18n";

export function TextDiff({ before, after }: { before: string; after: string }) {
  const { t } = useI18n();
  return (
    <span className="text-diff">
      {diffWords(before, after).map((part, i) =>
        part.added ? (
          <ins key={i}>
            <span className="visually-hidden">{t("diff.added")} </span>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i}>
            <span className="visually-hidden">{t("diff.removed")} </span>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </span>
  );
}
