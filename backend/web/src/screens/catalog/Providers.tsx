// Service providers of the community: the list and a new one, its EDRPOU code checked as
// it is typed (eight digits and the check digit, as the server checks it).

import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const ProvidersQuery = graphql(`
  query Providers {
    providers {
      id
      nameUk
      edrpou
      phone
      email
    }
  }
`);

const CreateProvider = graphql(`
  mutation CreateProvider($input: CreateProviderInput!) {
    createProvider(input: $input) {
      provider {
        id
      }
    }
  }
`);

/** Whether `code` is an EDRPOU code with a right check digit. */
export function edrpouValid(code: string): boolean {
  if (!/^\d{8}$/.test(code)) return false;
  const d = [...code].map(Number);
  const n = Number(code);
  const base = n >= 30_000_000 && n < 60_000_000 ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
  const sum = (shift: number) => base.reduce((s, w, i) => s + d[i]! * (w + shift), 0) % 11;
  let check = sum(0);
  if (check === 10) check = sum(2) % 10;
  return check === d[7];
}

export default function Providers() {
  const { t, lang } = useI18n();
  const [{ data }, reload] = useQuery({ query: ProvidersQuery });
  const [, create] = useMutation(CreateProvider);
  const [name, setName] = useState("");
  const [edrpou, setEdrpou] = useState("");
  const [phone, setPhone] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: { nameUk: name, edrpou, phone: phone || null } });
    setProblems(problemsOf(r.error, lang));
    if (r.data) {
      setNotice(t("providers.created", { name }));
      setName("");
      setEdrpou("");
      setPhone("");
      reload({ requestPolicy: "network-only" });
    }
  };
  return (
    <section aria-labelledby="providers-title">
      <h2 id="providers-title">{t("providers.title")}</h2>
      <ul className="plain">
        {(data?.providers ?? []).map((p) => (
          <li key={p.id}>
            {p.nameUk} <span className="muted">({t("providers.edrpou")} {p.edrpou})</span>
          </li>
        ))}
      </ul>
      <Notice message={notice} />
      <Form onSubmit={submit} className="row">
        <TextField label={t("providers.name")} value={name} onChange={setName} isRequired serverError={fieldError(problems, "nameUk")} />
        <TextField
          label={t("providers.edrpou")}
          value={edrpou}
          onChange={(v) => setEdrpou(v.replace(/\s/g, ""))}
          isRequired
          description={t("providers.edrpouHint")}
          validate={(v) => (!/^\d{8}$/.test(v) ? t("providers.edrpouDigits") : edrpouValid(v) ? null : t("providers.edrpouCheck"))}
          serverError={fieldError(problems, "edrpou")}
        />
        <TextField label={t("providers.phone")} type="tel" value={phone} onChange={setPhone} serverError={fieldError(problems, "phone")} />
        <Button type="submit" isDisabled={!name || !edrpouValid(edrpou)}>
          {t("providers.create")}
        </Button>
      </Form>
    </section>
  );
}
