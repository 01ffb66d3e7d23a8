// Routes: the sign-in and account screens work signed out; every other screen sits in a
// tenant (`/t/<slug>/…`), whose layout shows what the person's roles allow there. Screens
// load on demand, so the shell stays small.

import { lazy, Suspense, type ReactNode } from "react";
import { Navigate, Route, Routes } from "react-router";

import { csrfToken } from "./api/session";
import { useI18n } from "./i18n/i18n";
import { Start } from "./screens/Start";
import { SignIn } from "./screens/auth/SignIn";

const ResetPassword = lazy(() => import("./screens/auth/ResetPassword"));
const AcceptInvitation = lazy(() => import("./screens/auth/AcceptInvitation"));
const TenantLayout = lazy(() => import("./screens/TenantLayout"));

export function App() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
      <Routes>
        <Route path="/sign-in" element={<SignIn />} />
        <Route path="/reset-password" element={<ResetPassword />} />
        <Route path="/accept-invitation" element={<AcceptInvitation />} />
        <Route path="/t/:tenant/*" element={<SignedIn screen={<TenantLayout />} />} />
        <Route path="*" element={<SignedIn screen={<Start />} />} />
      </Routes>
    </Suspense>
  );
}

/** `screen` when a session exists (read when the route renders, not when routes are made). */
function SignedIn({ screen }: { screen: ReactNode }) {
  return csrfToken() ? screen : <ToSignIn />;
}

function ToSignIn() {
  const next = window.location.pathname.replace(/^\/admin/, "") || "/";
  return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
}
