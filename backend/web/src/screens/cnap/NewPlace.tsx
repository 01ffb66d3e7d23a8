// A new CNAP or remote workplace: where it is; it opens Monday to Friday, 08:00–17:00 with a
// lunch break, until its hours are changed.

import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { useMutation } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, Select, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const CreateCnap = graphql(`
  mutation CreateCnap($input: CreateCnapInput!) {
    createCnap(input: $input) {
      cnap {
        id
      }
    }
  }
`);

const NUMBER = /^-?\d+(\.\d+)?$/;
const WORKDAY = { open: "08:00", close: "17:00", breaks: [{ from: "12:00", to: "12:45" }] };

export default function NewPlace({ onCreated }: { onCreated: () => void }) {
  const { t, lang } = useI18n();
  const [, create] = useMutation(CreateCnap);
  const [kind, setKind] = useState<"CENTER" | "REMOTE_WORKPLACE">("REMOTE_WORKPLACE");
  const [name, setName] = useState("");
  const [address, setAddress] = useState("");
  const [lat, setLat] = useState("");
  const [lon, setLon] = useState("");
  const [phone, setPhone] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const at = (f: string) => fieldError(problems, `cnap.${f}`) ?? fieldError(problems, f);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({
      input: {
        cnap: {
          kind,
          nameUk: name,
          addressUk: address,
          lat: Number(lat),
          lon: Number(lon),
          phone: phone || null,
          schedule: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY },
        },
      },
    });
    setProblems(problemsOf(r.error, lang));
    if (r.data) {
      setNotice(t("place.created", { name }));
      setName("");
      setAddress("");
      onCreated();
    }
  };
  return (
    <section aria-labelledby="new-place-title" className="card">
      <h2 id="new-place-title">{t("place.title")}</h2>
      <Notice message={notice} />
      {problems.filter((p) => !p.field?.startsWith("cnap.")).map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.message}
        </p>
      ))}
      <Form onSubmit={submit} className="row">
        <Select
          label={t("place.kind")}
          value={kind}
          onChange={(v) => setKind(v as "CENTER" | "REMOTE_WORKPLACE")}
          options={[
            { id: "REMOTE_WORKPLACE", label: t("cnap.remote") },
            { id: "CENTER", label: t("cnap.center") },
          ]}
        />
        <TextField label={t("place.name")} value={name} onChange={setName} isRequired serverError={at("nameUk")} />
        <TextField label={t("visits.address")} value={address} onChange={setAddress} isRequired serverError={at("addressUk")} />
        <TextField label={t("visits.lat")} value={lat} onChange={setLat} isRequired validate={(v) => (NUMBER.test(v) && Math.abs(Number(v)) <= 90 ? null : t("visits.coordinate"))} serverError={at("lat")} />
        <TextField label={t("visits.lon")} value={lon} onChange={setLon} isRequired validate={(v) => (NUMBER.test(v) && Math.abs(Number(v)) <= 180 ? null : t("visits.coordinate"))} serverError={at("lon")} />
        <TextField label={t("providers.phone")} type="tel" value={phone} onChange={setPhone} serverError={at("phone")} />
        <Button type="submit" isDisabled={!name || !address || !NUMBER.test(lat) || !NUMBER.test(lon)}>
          {t("place.create")}
        </Button>
      </Form>
      <p className="muted">{t("place.hint")}</p>
    </section>
  );
}
