// Which moves the desk offers on a case: the statuses of the Law "On Administrative
// Procedure" and the transitions the server allows (`tenants::applications::status`), with
// the permission each needs. The server decides; this only keeps the screen from offering a
// button that can only fail.

import type { ApplicationStatus } from "../../gql/graphql";

/** Every status, in the order a case moves through them. */
export const STATUSES: ApplicationStatus[] = [
  "SUBMITTED",
  "LEFT_WITHOUT_MOVEMENT",
  "REGISTERED",
  "AT_PROVIDER",
  "UNDER_REVIEW",
  "CLARIFICATION_REQUESTED",
  "APPROVED",
  "REFUSED",
  "RESULT_READY",
  "ISSUED",
  "CANCELLED",
];

/** A move the desk makes. */
export type Move =
  | "register"
  | "returnForCorrection"
  | "forward"
  | "requestClarification"
  | "answerClarification"
  | "decide"
  | "markResultReady"
  | "markIssued";

/** The `cases` permission a move needs (`register`: the CNAP; `decide`: the provider too). */
const NEEDS: Record<Move, "register" | "decide"> = {
  register: "register",
  returnForCorrection: "register",
  forward: "register",
  markIssued: "register",
  requestClarification: "decide",
  decide: "decide",
  markResultReady: "decide",
  answerClarification: "decide",
};

const FROM: Record<ApplicationStatus, Move[]> = {
  SUBMITTED: ["register", "returnForCorrection"],
  LEFT_WITHOUT_MOVEMENT: [],
  REGISTERED: ["forward", "returnForCorrection"],
  AT_PROVIDER: ["decide", "requestClarification"],
  UNDER_REVIEW: ["decide", "requestClarification"],
  CLARIFICATION_REQUESTED: ["answerClarification"],
  APPROVED: ["markResultReady"],
  REFUSED: ["markResultReady"],
  RESULT_READY: ["markIssued"],
  ISSUED: [],
  CANCELLED: [],
};

/** The moves offered on a case in `status` to someone with `can` of the `cases` actions. */
export function movesFor(status: ApplicationStatus, can: (action: string) => boolean): Move[] {
  return FROM[status].filter((m) => can(NEEDS[m]));
}
