import { useState, type FormEvent } from "react";
import { Form, Link } from "react-aria-components";
import { useNavigate, useSearchParams } from "react-router";

import { problemsOf, type Problem } from "../../api/errors";
import { signIn } from "../../api/session";
import { useI18n } from "../../i18n/i18n";
import { Button, TextField } from "../../ui/fields";
import { LanguageSwitch } from "../../ui/LanguageSwitch";

/** The form itself, also shown over a screen when the session has ended. */
export function SignInForm({ onDone, email: initialEmail = "" }: { onDone: () => void; email?: string }) {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const errors = await signIn(email, password).catch(() => [
      { message: t("common.networkError"), extensions: { code: "NETWORK" } },
    ]);
    setBusy(false);
    if (errors.length === 0) {
      onDone();
      return;
    }
    setProblems(problemsOf(errors, lang));
  };
  const refused = problems.find((p) => p.code === "UNAUTHENTICATED");
  return (
    <Form onSubmit={submit} className="stack" validationBehavior="aria">
      {refused ? (
        <p role="alert" className="alert alert-error">
          {refused.reason === "THROTTLED" ? t("signIn.throttled") : t("signIn.refused")}
        </p>
      ) : problems.length ? (
        <p role="alert" className="alert alert-error">
          {problems[0]?.message}
        </p>
      ) : null}
      <TextField
        label={t("signIn.email")}
        type="email"
        name="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        isRequired
        validate={(v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? null : t("signIn.emailInvalid"))}
      />
      <TextField
        label={t("signIn.password")}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        isRequired
      />
      <Button type="submit" isDisabled={busy || !email || !password}>
        {busy ? t("signIn.busy") : t("signIn.submit")}
      </Button>
    </Form>
  );
}

export function SignIn() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <LanguageSwitch />
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("signIn.lead")}</p>
        <SignInForm
          onDone={() => navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true })}
        />
        <p>
          <Link href="/admin/reset-password">{t("signIn.forgot")}</Link>
        </p>
      </div>
    </main>
  );
}
