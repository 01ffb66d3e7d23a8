// Mobile CNAP visits: where and when the mobile office comes, soonest first, and a new one.

import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const VisitsQuery = graphql(`
  query MobileVisits {
    mobileVisits {
      id
      placeUk
      addressUk
      startsAt
      endsAt
    }
  }
`);

const CreateVisit = graphql(`
  mutation CreateMobileVisit($input: CreateMobileVisitInput!) {
    createMobileVisit(input: $input) {
      mobileVisit {
        id
      }
    }
  }
`);

const NUMBER = /^-?\d+(\.\d+)?$/;

export default function MobileVisits() {
  const { t, lang, dateTime } = useI18n();
  const [{ data }, reload] = useQuery({ query: VisitsQuery });
  const [, create] = useMutation(CreateVisit);
  const [place, setPlace] = useState("");
  const [address, setAddress] = useState("");
  const [lat, setLat] = useState("");
  const [lon, setLon] = useState("");
  const [starts, setStarts] = useState("");
  const [ends, setEnds] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({
      input: {
        placeUk: place,
        addressUk: address,
        lat: Number(lat),
        lon: Number(lon),
        startsAt: new Date(starts).toISOString(),
        endsAt: new Date(ends).toISOString(),
      },
    });
    setProblems(problemsOf(r.error, lang));
    if (r.data) {
      setNotice(t("visits.created", { place }));
      setPlace("");
      setAddress("");
      reload({ requestPolicy: "network-only" });
    }
  };
  const other = problems.filter((p) => !["placeUk", "addressUk", "lat", "lon", "startsAt", "endsAt"].includes(p.field ?? ""));
  return (
    <section aria-labelledby="visits-title">
      <h2 id="visits-title">{t("visits.title")}</h2>
      <ul className="plain">
        {(data?.mobileVisits ?? []).map((v) => (
          <li key={v.id}>
            {dateTime(v.startsAt)} — {v.placeUk}, {v.addressUk}
          </li>
        ))}
        {data && data.mobileVisits.length === 0 ? <li className="muted">{t("visits.none")}</li> : null}
      </ul>
      <Notice message={notice} />
      {other.map((p) => (
        <p key={p.message} role="alert" className="alert alert-error">
          {p.field ? `${p.field}: ` : ""}
          {p.message}
        </p>
      ))}
      <Form onSubmit={submit} className="row">
        <TextField label={t("visits.place")} value={place} onChange={setPlace} isRequired serverError={fieldError(problems, "placeUk")} />
        <TextField label={t("visits.address")} value={address} onChange={setAddress} isRequired serverError={fieldError(problems, "addressUk")} />
        <TextField label={t("visits.lat")} value={lat} onChange={setLat} isRequired validate={(v) => (NUMBER.test(v) && Math.abs(Number(v)) <= 90 ? null : t("visits.coordinate"))} serverError={fieldError(problems, "lat")} />
        <TextField label={t("visits.lon")} value={lon} onChange={setLon} isRequired validate={(v) => (NUMBER.test(v) && Math.abs(Number(v)) <= 180 ? null : t("visits.coordinate"))} serverError={fieldError(problems, "lon")} />
        <TextField label={t("visits.starts")} type="datetime-local" value={starts} onChange={setStarts} isRequired serverError={fieldError(problems, "startsAt")} />
        <TextField
          label={t("visits.ends")}
          type="datetime-local"
          value={ends}
          onChange={setEnds}
          isRequired
          validate={(v) => (starts && v <= starts ? t("visits.endsAfter") : null)}
          serverError={fieldError(problems, "endsAt")}
        />
        <Button type="submit" isDisabled={!place || !address || !NUMBER.test(lat) || !NUMBER.test(lon) || !starts || !ends}>
          {t("visits.create")}
        </Button>
      </Form>
    </section>
  );
}
