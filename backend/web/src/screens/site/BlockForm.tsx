// A form for each block type, made from the server's JSON Schema of blocks (`blockSchema`,
// derived by schemars from the types the server parses), so a new block field needs no
// console change. Derived fields (the HTML of Markdown, a video's player URL) are not shown.

import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { fieldError, type Problem } from "../../api/errors";
import { Button, Checkbox, Select, TextField, type Option } from "../../ui/fields";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  const?: string;
  format?: string;
  default?: unknown;
  description?: string;
  oneOf?: JsonSchema[];
  $defs?: Record<string, JsonSchema>;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type BlockValue = { [key: string]: Json };

/** Choices for fields that point to other things (media, centers, layers). */
export interface Refs {
  images: Option[];
  documents: Option[];
  cnaps: Option[];
  layers: Option[];
}

const DERIVED = new Set(["type", "htmlUk", "htmlEn", "playerUrl"]);

function resolve(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace("#/$defs/", "");
    return defs[name] ?? {};
  }
  return schema;
}

function types(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

/** The block types of the schema: `[type, schema]`. */
export function blockTypes(root: JsonSchema): [string, JsonSchema][] {
  const block = root.$defs?.Block;
  return (block?.oneOf ?? []).flatMap((s) => {
    const name = s.properties?.type?.const;
    return name ? [[name, s] as [string, JsonSchema]] : [];
  });
}

/** A new block of `type` with the schema's defaults. */
export function newBlock(type: string, schema: JsonSchema): BlockValue {
  const value: BlockValue = { type };
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (name === "type" || DERIVED.has(name)) continue;
    const d = field.default;
    if (field.format === "uuid" && d === "00000000-0000-0000-0000-000000000000") continue;
    if (d !== undefined) value[name] = d as Json;
  }
  return value;
}

/** Fields in reading order: each text in Ukrainian, then in English. */
function ordered(props: Record<string, JsonSchema>): [string, JsonSchema][] {
  const stem = (n: string) => n.replace(/(Uk|En)$/, "");
  const rank = (n: string) => (n.endsWith("Uk") ? 0 : n.endsWith("En") ? 1 : 0);
  const first = Object.keys(props);
  return Object.entries(props)
    .filter(([n]) => !DERIVED.has(n))
    .sort(([a], [b]) => {
      const sa = first.findIndex((n) => stem(n) === stem(a));
      const sb = first.findIndex((n) => stem(n) === stem(b));
      return sa !== sb ? sa - sb : rank(a) - rank(b);
    });
}

function useLabel() {
  const { t } = useI18n();
  return (name: string) => {
    const lang = name.endsWith("Uk") ? "uk" : name.endsWith("En") ? "en" : null;
    const stem = lang ? name.slice(0, -2) : name;
    const key = `field.${stem}` as MessageKey;
    const base = t(key) === key ? stem : t(key);
    return lang ? `${base} (${t(lang === "uk" ? "common.inUk" : "common.inEn")})` : base;
  };
}

const MULTILINE = /^(markdown|text|address|hours|caption)/;

interface FieldProps {
  name: string;
  schema: JsonSchema;
  defs: Record<string, JsonSchema>;
  value: Json | undefined;
  onChange: (v: Json) => void;
  path: string;
  problems: Problem[];
  refs: Refs;
}

function Field({ name, schema: raw, defs, value, onChange, path, problems, refs }: FieldProps) {
  const { t } = useI18n();
  const label = useLabel();
  const schema = resolve(raw, defs);
  const kinds = types(schema);
  const serverError = fieldError(problems, path);
  if (kinds.includes("array")) {
    const item = resolve(schema.items ?? {}, defs);
    const list = Array.isArray(value) ? value : [];
    if (types(item).includes("object")) {
      return (
        <fieldset className="subform">
          <legend>{label(name)}</legend>
          {serverError ? <p className="field-error">{serverError}</p> : null}
          {list.map((entry, i) => (
            <div key={i} className="subform-item">
              <ObjectFields
                schema={item}
                defs={defs}
                value={(entry ?? {}) as BlockValue}
                onChange={(v) => onChange(list.map((e, j) => (j === i ? v : e)))}
                path={`${path}[${i}]`}
                problems={problems}
                refs={refs}
              />
              <Button variant="quiet" onPress={() => onChange(list.filter((_, j) => j !== i))}>
                {t("blocks.removeItem")}
              </Button>
            </div>
          ))}
          <Button variant="secondary" onPress={() => onChange([...list, newBlock("", item)].map(stripType))}>
            {t("blocks.addItem")}
          </Button>
        </fieldset>
      );
    }
    return (
      <TextField
        label={label(name)}
        description={t("blocks.onePerLine")}
        multiline
        rows={3}
        value={list.join("\n")}
        onChange={(v) => onChange(v.split("\n"))}
        serverError={serverError}
      />
    );
  }
  if (kinds.includes("boolean")) {
    return (
      <Checkbox isSelected={value === true} onChange={onChange}>
        {label(name)}
      </Checkbox>
    );
  }
  if (kinds.includes("integer") || kinds.includes("number")) {
    return (
      <TextField
        label={label(name)}
        value={value === null || value === undefined ? "" : String(value)}
        onChange={(v) => onChange(v.trim() === "" ? null : Number.isNaN(Number(v)) ? v : Number(v))}
        validate={(v) => (/^\d+$/.test(v.trim()) ? null : t("blocks.wholeNumber"))}
        serverError={serverError}
      />
    );
  }
  if (schema.format === "uuid") {
    const options = /^(image|media)/.test(name)
      ? [...refs.images, ...(name === "mediaId" && path.includes("items") ? refs.documents : [])]
      : name === "cnapId"
        ? refs.cnaps
        : name === "layerId"
          ? refs.layers
          : [];
    const optional = kinds.includes("null");
    const none: Option[] = optional ? [{ id: "", label: t("blocks.none") }] : [];
    return (
      <Select
        label={label(name)}
        options={[...none, ...options]}
        value={typeof value === "string" ? value : ""}
        onChange={(v) => onChange(v === "" ? null : v)}
        serverError={serverError}
      />
    );
  }
  const text = typeof value === "string" ? value : "";
  return (
    <TextField
      label={label(name)}
      type={schema.format === "date" ? "date" : "text"}
      multiline={MULTILINE.test(name)}
      rows={name.startsWith("markdown") ? 8 : 3}
      value={text}
      onChange={(v) => onChange(kinds.includes("null") && v === "" ? null : v)}
      serverError={serverError}
      description={name.startsWith("markdown") ? t("blocks.markdownHint") : undefined}
    />
  );
}

function stripType(v: Json): Json {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const rest = { ...v };
    delete rest.type;
    return rest;
  }
  return v;
}

export function ObjectFields({
  schema,
  defs,
  value,
  onChange,
  path,
  problems,
  refs,
}: {
  schema: JsonSchema;
  defs: Record<string, JsonSchema>;
  value: BlockValue;
  onChange: (v: BlockValue) => void;
  path: string;
  problems: Problem[];
  refs: Refs;
}) {
  return (
    <div className="stack">
      {ordered(schema.properties ?? {}).map(([name, field]) => (
        <Field
          key={name}
          name={name}
          schema={field}
          defs={defs}
          value={value[name]}
          onChange={(v) => onChange({ ...value, [name]: v })}
          path={`${path}.${name}`}
          problems={problems}
          refs={refs}
        />
      ))}
    </div>
  );
}
