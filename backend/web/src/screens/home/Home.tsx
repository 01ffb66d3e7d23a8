import { lazy } from "react";

import { Checklist } from "./Checklist";

const Communities = lazy(() => import("../oblast/Communities"));

/** A community's home is its launch checklist; the oblast's, its communities. */
export default function Home({ kind }: { kind: string }) {
  return kind === "OBLAST" ? <Communities /> : <Checklist />;
}
