// People: who holds which role here, invitations still open, inviting someone by e-mail,
// granting and revoking roles.

import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { useMutation, useQuery } from "urql";

import { fieldError, problemsOf, type Problem } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/uk";
import { Button, Select, TextField } from "../../ui/fields";
import { Notice } from "../../ui/Alerts";

const PeopleQuery = graphql(`
  query People {
    tenant {
      kind
    }
    providers {
      id
      nameUk
    }
    people {
      holders {
        userId
        email
        displayName
        roles
        since
      }
      invitations {
        email
        role
        createdAt
        expiresAt
      }
    }
  }
`);

const Invite = graphql(`
  mutation Invite($input: InviteUserInput!) {
    inviteUser(input: $input) {
      email
      role
    }
  }
`);

const Grant = graphql(`
  mutation Grant($input: RoleInput!) {
    grantRole(input: $input) {
      role
    }
  }
`);

const Revoke = graphql(`
  mutation Revoke($input: RoleInput!) {
    revokeRole(input: $input) {
      role
    }
  }
`);

const COMMUNITY_ROLES = ["community_admin", "site_editor", "cnap_admin", "cnap_head", "land_officer", "provider_rep", "provider_head"];
const OBLAST_ROLES = ["oblast_admin", "oblast_supervisor"];

export default function People() {
  const { t, lang, date } = useI18n();
  const [{ data, fetching, error }, reload] = useQuery({ query: PeopleQuery });
  const [, invite] = useMutation(Invite);
  const [, grant] = useMutation(Grant);
  const [, revoke] = useMutation(Revoke);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string | null>(null);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  if (fetching && !data) return <p className="loading">{t("common.loading")}</p>;
  if (!data) return <p role="alert">{problemsOf(error, lang)[0]?.message}</p>;
  const roles = data.tenant?.kind === "OBLAST" ? OBLAST_ROLES : COMMUNITY_ROLES;
  const roleOptions = roles.map((r) => ({ id: r, label: t(`role.${r}` as MessageKey) }));
  const providerOptions = data.providers.map((p) => ({ id: p.id, label: p.nameUk }));
  const refresh = () => reload({ requestPolicy: "network-only" });
  const act = async (run: () => Promise<{ error?: Parameters<typeof problemsOf>[0] }>, done: string) => {
    const r = await run();
    const found = problemsOf(r.error, lang);
    setProblems(found);
    if (found.length === 0) {
      setNotice(done);
      refresh();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!role) return;
    void act(() => invite({ input: { email, role, providerId: forProvider(role) ? providerId : null } }), t("people.invited", { email }));
  };
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{t("people.title")}</h1>
      <Notice message={notice} />
      {problems
        .filter((p) => p.field !== "email" && p.field !== "role")
        .map((p) => (
          <p key={p.message} role="alert" className="alert alert-error">
            {p.message}
          </p>
        ))}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("people.person")}</th>
            <th scope="col">{t("people.roles")}</th>
            <th scope="col">{t("people.since")}</th>
            <th scope="col">{t("people.grant")}</th>
          </tr>
        </thead>
        <tbody>
          {data.people.holders.map((h) => (
            <tr key={h.userId}>
              <td>
                {h.displayName ? <strong>{h.displayName}</strong> : null} <span>{h.email}</span>
              </td>
              <td>
                <ul className="plain">
                  {h.roles.map((r) => (
                    <li key={r}>
                      {t(`role.${r}` as MessageKey)}{" "}
                      <Button
                        variant="quiet"
                        aria-label={t("people.revokeNamed", { role: t(`role.${r}` as MessageKey), email: h.email })}
                        onPress={() => act(() => revoke({ input: { email: h.email, role: r } }), t("people.revoked"))}
                      >
                        {t("people.revoke")}
                      </Button>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{date(h.since)}</td>
              <td>
                <GrantRole
                  options={roleOptions.filter((o) => !h.roles.includes(o.id))}
                  email={h.email}
                  providers={providerOptions}
                  onGrant={(r, p) => act(() => grant({ input: { email: h.email, role: r, providerId: p } }), t("people.granted"))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.people.invitations.length ? (
        <>
          <h2>{t("people.pending")}</h2>
          <ul className="plain">
            {data.people.invitations.map((i) => (
              <li key={`${i.email}:${i.role}`}>
                {i.email} — {t(`role.${i.role}` as MessageKey)} ({t("people.expires", { at: date(i.expiresAt) })})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("people.invite")}</h2>
      <Form onSubmit={submit} className="row">
        <TextField
          label={t("signIn.email")}
          type="email"
          value={email}
          onChange={setEmail}
          isRequired
          validate={(v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? null : t("signIn.emailInvalid"))}
          serverError={fieldError(problems, "email")}
        />
        <Select label={t("people.role")} value={role} onChange={setRole} options={roleOptions} serverError={fieldError(problems, "role")} />
        {forProvider(role) ? (
          <Select label={t("people.provider")} value={providerId} onChange={setProviderId} options={providerOptions} serverError={fieldError(problems, "providerId")} />
        ) : null}
        <Button type="submit" isDisabled={!email || !role || (forProvider(role) && !providerId)}>
          {t("people.sendInvite")}
        </Button>
      </Form>
    </section>
  );
}

/** Whether `role` acts for one of the community's providers (and so names it). */
function forProvider(role: string | null): boolean {
  return role === "provider_rep" || role === "provider_head";
}

function GrantRole({
  options,
  providers,
  email,
  onGrant,
}: {
  options: { id: string; label: string }[];
  providers: { id: string; label: string }[];
  email: string;
  onGrant: (role: string, providerId: string | null) => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<string | null>(null);
  const [provider, setProvider] = useState<string | null>(null);
  if (options.length === 0) return null;
  return (
    <div className="row">
      <Select label={t("people.roleFor", { email })} value={role} onChange={setRole} options={options} />
      {forProvider(role) ? <Select label={t("people.providerFor", { email })} value={provider} onChange={setProvider} options={providers} /> : null}
      <Button variant="secondary" isDisabled={!role || (forProvider(role) && !provider)} onPress={() => role && onGrant(role, forProvider(role) ? provider : null)}>
        {t("people.grant")}
      </Button>
    </div>
  );
}
