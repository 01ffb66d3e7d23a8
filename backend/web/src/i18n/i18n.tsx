// Ukrainian first, and English: messages in ICU MessageFormat (intl-messageformat, the core
// of FormatJS), so plurals follow each language's CLDR rules ("1 робочий день", "3 робочі
// дні", "20 робочих днів") and dates read as Ukrainians write them ("6 грудня 2026 р.").

import { IntlMessageFormat } from "intl-messageformat";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { I18nProvider } from "react-aria-components";

import { setApiLanguage } from "../api/client";
import { en } from "./en";
import { uk, type MessageKey } from "./uk";

export type Lang = "uk" | "en";
const catalogs: Record<Lang, Record<MessageKey, string>> = { uk, en };
const locales: Record<Lang, string> = { uk: "uk-UA", en: "en-GB" };

type Values = Record<string, string | number | Date>;

interface I18n {
  lang: Lang;
  locale: string;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, values?: Values) => string;
  date: (iso: string | Date, style?: "long" | "short") => string;
  dateTime: (iso: string | Date) => string;
}

const I18nContext = createContext<I18n | null>(null);
const cache = new Map<string, IntlMessageFormat>();

function initialLang(): Lang {
  const saved = window.localStorage.getItem("hromada.lang");
  return saved === "en" ? "en" : "uk";
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  setApiLanguage(lang);
  const setLang = useCallback((next: Lang) => {
    window.localStorage.setItem("hromada.lang", next);
    document.documentElement.lang = next;
    setApiLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = locales[lang];
    const t = (key: MessageKey, values?: Values) => {
      const source = catalogs[lang][key] ?? uk[key] ?? key;
      const id = `${lang}\u0000${key}`;
      let format = cache.get(id);
      if (!format) {
        format = new IntlMessageFormat(source, locale);
        cache.set(id, format);
      }
      return String(format.format(values));
    };
    const date = (iso: string | Date, style: "long" | "short" = "long") =>
      new Intl.DateTimeFormat(locale, { dateStyle: style }).format(new Date(iso));
    const dateTime = (iso: string | Date) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(
        new Date(iso),
      );
    return { lang, locale, setLang, t, date, dateTime };
  }, [lang, setLang]);
  document.documentElement.lang = lang;
  return (
    <I18nContext.Provider value={value}>
      <I18nProvider locale={value.locale}>{children}</I18nProvider>
    </I18nContext.Provider>
  );
}

/** The console's language, messages and date formats. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside LanguageProvider");
  return i18n;
}
