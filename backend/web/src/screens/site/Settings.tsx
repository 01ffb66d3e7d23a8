// The site's look and menus: a color scheme chosen with its contrast shown (WCAG 2.1 asks
// 4.5:1 for text), the logo and favicon from the media library, and the main and footer
// menus (labels in both languages, a page or an address, nested up to three levels).

import { useState } from "react";
import { Radio, RadioGroup, Label } from "react-aria-components";
import { useMutation, useQuery } from "urql";

import { problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, Select, TextField, type Option } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const SettingsQuery = graphql(`
  query SiteSettings {
    site {
      version
      theme {
        scheme
        logoId
        faviconId
      }
      schemes {
        key
        nameUk
        primary
      }
    }
    menus {
      key
      version
      items
    }
    pages(first: 100) {
      nodes {
        id
        titleUk
      }
    }
    mediaItems(kind: IMAGE, first: 100) {
      nodes {
        id
        title
        fileName
      }
    }
    myPermissions {
      object
      action
    }
  }
`);

const UpdateTheme = graphql(`
  mutation UpdateTheme($input: UpdateThemeInput!) {
    updateTheme(input: $input) {
      site {
        version
      }
    }
  }
`);

const UpdateMenu = graphql(`
  mutation UpdateMenu($input: UpdateMenuInput!) {
    updateMenu(input: $input) {
      menu {
        key
        version
      }
    }
  }
`);

/** The WCAG 2.1 contrast ratio of two colors given as #rrggbb. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

interface Item {
  labelUk: string;
  labelEn: string;
  pageId: string | null;
  url: string | null;
  children: Item[];
}

function items(json: unknown): Item[] {
  return Array.isArray(json)
    ? json.map((i: Record<string, unknown>) => ({
        labelUk: String(i.labelUk ?? ""),
        labelEn: String(i.labelEn ?? ""),
        pageId: (i.pageId as string | null) ?? null,
        url: (i.url as string | null) ?? null,
        children: items(i.children),
      }))
    : [];
}

function MenuItems({
  list,
  onChange,
  pages,
  depth,
  path,
  problems,
}: {
  list: Item[];
  onChange: (l: Item[]) => void;
  pages: Option[];
  depth: number;
  path: string;
  problems: Problem[];
}) {
  const { t } = useI18n();
  const set = (i: number, v: Partial<Item>) => onChange(list.map((x, j) => (j === i ? { ...x, ...v } : x)));
  const swap = (i: number, j: number) => {
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
    <ol className={depth === 1 ? "menu-items" : "menu-items nested"}>
      {list.map((item, i) => {
        const at = `${path}[${i}]`;
        const err = problems.find((p) => p.field?.startsWith(at) && !p.field.slice(at.length).includes("["));
        return (
          <li key={i} className="menu-item">
            <div className="row">
              <TextField label={t("menu.labelUk")} value={item.labelUk} onChange={(v) => set(i, { labelUk: v })} isRequired />
              <TextField label={t("menu.labelEn")} value={item.labelEn} onChange={(v) => set(i, { labelEn: v })} />
              <Select
                label={t("menu.page")}
                value={item.pageId ?? ""}
                options={[{ id: "", label: t("menu.ownUrl") }, ...pages]}
                onChange={(v) => set(i, { pageId: v || null, url: v ? null : item.url })}
              />
              {!item.pageId ? (
                <TextField label={t("menu.url")} type="url" value={item.url ?? ""} onChange={(v) => set(i, { url: v || null })} />
              ) : null}
            </div>
            {err ? <p className="field-error">{err.message}</p> : null}
            <div className="row">
              <Button variant="quiet" isDisabled={i === 0} onPress={() => swap(i, i - 1)} aria-label={t("menu.up", { label: item.labelUk })}>
                ↑
              </Button>
              <Button variant="quiet" isDisabled={i === list.length - 1} onPress={() => swap(i, i + 1)} aria-label={t("menu.down", { label: item.labelUk })}>
                ↓
              </Button>
              {depth < 3 ? (
                <Button variant="quiet" onPress={() => set(i, { children: [...item.children, { labelUk: "", labelEn: "", pageId: null, url: null, children: [] }] })}>
                  {t("menu.addChild")}
                </Button>
              ) : null}
              <Button variant="danger" onPress={() => onChange(list.filter((_, j) => j !== i))}>
                {t("menu.remove")}
              </Button>
            </div>
            {item.children.length ? (
              <MenuItems
                list={item.children}
                onChange={(c) => set(i, { children: c })}
                pages={pages}
                depth={depth + 1}
                path={`${at}.children`}
                problems={problems}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** One menu's items. It is keyed by the menu's version, so a save remounts it: the "saved"
 * notice comes from the settings screen (`saved`) and survives the remount. */
function MenuEditor({
  menu,
  pages,
  saved,
  onSaving,
  onSaved,
}: {
  menu: { key: string; version: number; items: unknown };
  pages: Option[];
  saved: boolean;
  onSaving: () => void;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const [list, setList] = useState<Item[]>(() => items(menu.items));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [, update] = useMutation(UpdateMenu);
  const key = menu.key.toLowerCase() === "footer" ? "FOOTER" : "MAIN";
  return (
    <section className="card" aria-labelledby={`menu-${menu.key}`}>
      <h2 id={`menu-${menu.key}`}>{t(key === "MAIN" ? "menu.main" : "menu.footer")}</h2>
      <Notice message={saved ? t("menu.saved") : null} />
      {problems.filter((p) => !p.field?.startsWith("items[")).map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.message}
        </p>
      ))}
      <MenuItems list={list} onChange={setList} pages={pages} depth={1} path="items" problems={problems} />
      <div className="actions">
        <Button variant="secondary" onPress={() => setList([...list, { labelUk: "", labelEn: "", pageId: null, url: null, children: [] }])}>
          {t("menu.add")}
        </Button>
        <Button
          onPress={async () => {
            onSaving();
            const r = await update({ input: { key, version: menu.version, items: list } });
            setProblems(problemsOf(r.error, lang));
            if (r.data) onSaved();
          }}
        >
          {t("menu.save")}
        </Button>
      </div>
    </section>
  );
}

export default function Settings() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }, reload] = useQuery({ query: SettingsQuery });
  const [scheme, setScheme] = useState<string | null>(null);
  const [savedMenu, setSavedMenu] = useState<string | null>(null);
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [favicon, setFavicon] = useState<string | null | undefined>(undefined);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [, updateTheme] = useMutation(UpdateTheme);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  const site = data?.site;
  if (!site || !data) return <p role="alert">{problemsOf(error, lang)[0]?.message}</p>;
  const mayTheme = data.myPermissions.some((p) => p.object === "site" && p.action === "settings");
  const images: Option[] = [{ id: "", label: t("blocks.none") }, ...data.mediaItems.nodes.map((m) => ({ id: m.id, label: m.title || m.fileName }))];
  const pages: Option[] = data.pages.nodes.map((p) => ({ id: p.id, label: p.titleUk }));
  const chosen = scheme ?? site.theme.scheme;
  const refresh = () => reload({ requestPolicy: "network-only" });
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>
      {mayTheme ? (
        <section className="card" aria-labelledby="theme-title">
          <h2 id="theme-title">{t("settings.theme")}</h2>
          <Notice message={notice} />
          {problems.map((p) => (
            <p key={p.message} role="alert" className="alert alert-error">
              {p.message}
            </p>
          ))}
          <RadioGroup value={chosen} onChange={setScheme} className="schemes">
            <Label>{t("settings.scheme")}</Label>
            {site.schemes.map((s) => {
              const ratio = contrast("#ffffff", s.primary);
              return (
                <Radio key={s.key} value={s.key} className="scheme">
                  <span className="swatch" style={{ background: s.primary }} aria-hidden="true">
                    Аа
                  </span>
                  <span>
                    {s.nameUk}
                    <br />
                    <span className={ratio >= 4.5 ? "muted" : "field-error"}>
                      {t("settings.contrast", { ratio: ratio.toLocaleString(lang, { maximumFractionDigits: 1 }) })}{" "}
                      {ratio >= 7 ? "AAA" : ratio >= 4.5 ? "AA" : t("settings.lowContrast")}
                    </span>
                  </span>
                </Radio>
              );
            })}
          </RadioGroup>
          <div className="row">
            <Select label={t("settings.logo")} options={images} value={(logo === undefined ? site.theme.logoId : logo) ?? ""} onChange={(v) => setLogo(v || null)} />
            <Select label={t("settings.favicon")} options={images} value={(favicon === undefined ? site.theme.faviconId : favicon) ?? ""} onChange={(v) => setFavicon(v || null)} />
          </div>
          <Button
            onPress={async () => {
              const r = await updateTheme({
                input: {
                  version: site.version,
                  scheme: chosen,
                  logoId: logo === undefined ? site.theme.logoId : logo,
                  faviconId: favicon === undefined ? site.theme.faviconId : favicon,
                },
              });
              setProblems(problemsOf(r.error, lang));
              if (r.data) {
                setNotice(t("settings.saved"));
                refresh();
              }
            }}
          >
            {t("settings.save")}
          </Button>
        </section>
      ) : null}
      {data.menus.map((m) => (
        <MenuEditor
          key={`${m.key}:${m.version}`}
          menu={m}
          pages={pages}
          saved={savedMenu === m.key}
          onSaving={() => setSavedMenu(null)}
          onSaved={() => {
            setSavedMenu(m.key);
            refresh();
          }}
        />
      ))}
    </section>
  );
}
