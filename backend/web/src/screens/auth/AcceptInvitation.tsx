import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useSearchParams } from "react-router";
import { Provider, useMutation } from "urql";

import { hostClient } from "../../api/client";
import { fieldError, problemsOf } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, TextField } from "../../ui/fields";
import { LanguageSwitch } from "../../ui/LanguageSwitch";

const Accept = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      user {
        email
      }
    }
  }
`);

function AcceptForm({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [result, accept] = useMutation(Accept);
  const problems = problemsOf(result.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void accept({ input: { token, password: password || null, displayName: name } });
  };
  if (result.data) {
    return (
      <p role="status" className="alert alert-ok">
        {t("invitation.done", { email: result.data.acceptInvitation.user.email })}{" "}
        <Link href="/admin/sign-in">{t("signIn.submit")}</Link>
      </p>
    );
  }
  const other = problems.find((p) => p.field !== "password" && p.field !== "displayName");
  return (
    <Form onSubmit={submit} className="stack">
      {other ? (
        <p role="alert" className="alert alert-error">
          {other.message}
        </p>
      ) : null}
      <TextField
        label={t("invitation.name")}
        value={name}
        onChange={setName}
        autoComplete="name"
        serverError={fieldError(problems, "displayName")}
      />
      <TextField
        label={t("invitation.password")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        description={t("invitation.passwordHint")}
        validate={(v) => ([...v].length < 10 ? t("reset.tooShort") : null)}
        serverError={fieldError(problems, "password")}
      />
      <Button type="submit" isDisabled={result.fetching}>
        {t("invitation.accept")}
      </Button>
    </Form>
  );
}

export default function AcceptInvitation() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token");
  return (
    <Provider value={hostClient}>
      <main className="auth" id="main">
        <div className="auth-card">
          <LanguageSwitch />
          <h1>{t("invitation.title")}</h1>
          {token ? (
            <AcceptForm token={token} />
          ) : (
            <p role="alert" className="alert alert-error">
              {t("invitation.noToken")}
            </p>
          )}
        </div>
      </main>
    </Provider>
  );
}
