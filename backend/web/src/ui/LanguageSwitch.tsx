import { ToggleButton, ToggleButtonGroup } from "react-aria-components";

import { useI18n, type Lang } from "../i18n/i18n";

/** Українська / English. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <ToggleButtonGroup
      aria-label={t("common.language")}
      className="lang-switch"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[lang]}
      onSelectionChange={(keys) => {
        const next = [...keys][0];
        if (next === "uk" || next === "en") setLang(next as Lang);
      }}
    >
      <ToggleButton id="uk" lang="uk">
        Українська
      </ToggleButton>
      <ToggleButton id="en" lang="en">
        English
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
