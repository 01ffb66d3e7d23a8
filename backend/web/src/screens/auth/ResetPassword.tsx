import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useSearchParams } from "react-router";
import { useMutation } from "urql";

import { hostClient } from "../../api/client";
import { fieldError, problemsOf } from "../../api/errors";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n/i18n";
import { Button, TextField } from "../../ui/fields";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { Provider } from "urql";

const RequestReset = graphql(`
  mutation RequestReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      accepted
    }
  }
`);

const SetPassword = graphql(`
  mutation SetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      user {
        email
      }
    }
  }
`);

function RequestForm() {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState("");
  const [result, request] = useMutation(RequestReset);
  const problems = problemsOf(result.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void request({ input: { email } });
  };
  if (result.data?.requestPasswordReset.accepted) {
    return (
      <p role="status" className="alert alert-ok">
        {t("reset.sent", { email })}
      </p>
    );
  }
  return (
    <Form onSubmit={submit} className="stack">
      <TextField
        label={t("signIn.email")}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        isRequired
        serverError={fieldError(problems, "email")}
      />
      <Button type="submit" isDisabled={result.fetching || !email}>
        {t("reset.send")}
      </Button>
    </Form>
  );
}

function SetForm({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [result, set] = useMutation(SetPassword);
  const problems = problemsOf(result.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password === repeat) void set({ input: { token, newPassword: password } });
  };
  if (result.data) {
    return (
      <p role="status" className="alert alert-ok">
        {t("reset.done")} <Link href="/admin/sign-in">{t("signIn.submit")}</Link>
      </p>
    );
  }
  const other = problems.find((p) => p.field !== "newPassword");
  return (
    <Form onSubmit={submit} className="stack">
      {other ? (
        <p role="alert" className="alert alert-error">
          {other.message}
        </p>
      ) : null}
      <TextField
        label={t("reset.newPassword")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        isRequired
        description={t("reset.rule")}
        validate={(v) => ([...v].length < 10 ? t("reset.tooShort") : null)}
        serverError={fieldError(problems, "newPassword")}
      />
      <TextField
        label={t("reset.repeat")}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        isRequired
        validate={(v) => (v !== password ? t("reset.mismatch") : null)}
      />
      <Button type="submit" isDisabled={result.fetching || !password || password !== repeat}>
        {t("reset.save")}
      </Button>
    </Form>
  );
}

export default function ResetPassword() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token");
  return (
    <Provider value={hostClient}>
      <main className="auth" id="main">
        <div className="auth-card">
          <LanguageSwitch />
          <h1>{t("reset.title")}</h1>
          {token ? <SetForm token={token} /> : <RequestForm />}
          <p>
            <Link href="/admin/sign-in">{t("reset.back")}</Link>
          </p>
        </div>
      </main>
    </Provider>
  );
}
