//! A case's statuses and the moves between them, as the Law of Ukraine "On Administrative
//! Procedure" (No. 2073-IX) has them: an application is registered or left without movement
//! (залишено без руху) until the applicant fixes what is remarked; a registered case goes to
//! the provider, is reviewed (with clarifications asked and answered), and is decided —
//! approved, or refused with the grounds — then its result is made ready and issued. The
//! applicant may cancel it until it is decided. Any other move is a `Conflict` naming the
//! status the case is in.

use crate::error::DomainError;

/// Where a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Submitted,
    /// Left without movement: waiting for the applicant to fix the remarked fields.
    LeftWithoutMovement,
    Registered,
    AtProvider,
    UnderReview,
    /// Waiting for the applicant to answer a question.
    ClarificationRequested,
    Approved,
    Refused,
    ResultReady,
    Issued,
    Cancelled,
}

/// What someone does to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Register,
    ReturnForCorrection,
    /// The applicant's corrected application.
    Correct,
    Forward,
    StartReview,
    RequestClarification,
    AnswerClarification,
    Approve,
    Refuse,
    MarkResultReady,
    MarkIssued,
    /// The applicant withdraws it.
    Cancel,
}

impl Status {
    /// Every status, in the order a case moves through them.
    pub const ALL: [Status; 11] = [
        Status::Submitted,
        Status::LeftWithoutMovement,
        Status::Registered,
        Status::AtProvider,
        Status::UnderReview,
        Status::ClarificationRequested,
        Status::Approved,
        Status::Refused,
        Status::ResultReady,
        Status::Issued,
        Status::Cancelled,
    ];

    /// The name stored and shown in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::LeftWithoutMovement => "left_without_movement",
            Status::Registered => "registered",
            Status::AtProvider => "at_provider",
            Status::UnderReview => "under_review",
            Status::ClarificationRequested => "clarification_requested",
            Status::Approved => "approved",
            Status::Refused => "refused",
            Status::ResultReady => "result_ready",
            Status::Issued => "issued",
            Status::Cancelled => "cancelled",
        }
    }

    /// The status of a stored name.
    pub fn parse(field: &str, value: &str) -> Result<Status, DomainError> {
        Status::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .ok_or_else(|| DomainError::invalid(field, format!("'{value}' is not a case status")))
    }

    /// The Ukrainian name people see.
    pub fn name_uk(self) -> &'static str {
        match self {
            Status::Submitted => "Подано",
            Status::LeftWithoutMovement => "Залишено без руху",
            Status::Registered => "Зареєстровано",
            Status::AtProvider => "Передано суб’єкту надання",
            Status::UnderReview => "Розглядається",
            Status::ClarificationRequested => "Потрібне уточнення",
            Status::Approved => "Прийнято рішення про надання",
            Status::Refused => "Відмовлено",
            Status::ResultReady => "Результат готовий",
            Status::Issued => "Видано",
            Status::Cancelled => "Скасовано заявником",
        }
    }

    /// Whether the term stands still: the case waits for the applicant.
    pub fn pauses_term(self) -> bool {
        matches!(
            self,
            Status::LeftWithoutMovement | Status::ClarificationRequested
        )
    }

    /// Whether the case has been decided (its term has been met or missed).
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            Status::Approved | Status::Refused | Status::ResultReady | Status::Issued
        )
    }

    /// Whether nothing more can happen to the case.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Issued | Status::Cancelled)
    }

    /// The status `action` leads to, or `Conflict` naming the current one.
    pub fn apply(self, action: Action) -> Result<Status, DomainError> {
        use Action as A;
        use Status as S;
        let next = match (self, action) {
            (S::Submitted, A::Register) => S::Registered,
            (S::Submitted | S::Registered, A::ReturnForCorrection) => S::LeftWithoutMovement,
            (S::LeftWithoutMovement, A::Correct) => S::Submitted,
            (S::Registered, A::Forward) => S::AtProvider,
            (S::AtProvider, A::StartReview) => S::UnderReview,
            (S::UnderReview, A::RequestClarification) => S::ClarificationRequested,
            (S::ClarificationRequested, A::AnswerClarification) => S::UnderReview,
            (S::UnderReview, A::Approve) => S::Approved,
            (S::UnderReview, A::Refuse) => S::Refused,
            (S::Approved | S::Refused, A::MarkResultReady) => S::ResultReady,
            (S::ResultReady, A::MarkIssued) => S::Issued,
            (current, A::Cancel) if !current.is_decided() && !current.is_closed() => S::Cancelled,
            (current, action) => {
                return Err(DomainError::Conflict(format!(
                    "status: the case is {}; {action:?} is not possible from there",
                    current.as_str()
                )));
            }
        };
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action as A;
    use Status as S;

    #[test]
    fn a_case_goes_from_submission_to_issue() {
        let mut s = S::Submitted;
        for action in [
            A::ReturnForCorrection,
            A::Correct,
            A::Register,
            A::Forward,
            A::StartReview,
            A::RequestClarification,
            A::AnswerClarification,
            A::Approve,
            A::MarkResultReady,
            A::MarkIssued,
        ] {
            s = s
                .apply(action)
                .unwrap_or_else(|e| panic!("{action:?} from {s:?}: {e}"));
        }
        assert_eq!(s, S::Issued);
        assert!(s.is_closed());
    }

    #[test]
    fn an_illegal_move_names_the_current_status() {
        let err = S::Issued.apply(A::Approve).unwrap_err();
        assert!(
            matches!(&err, DomainError::Conflict(m) if m.contains("the case is issued")),
            "{err}"
        );
        assert!(S::Submitted.apply(A::Approve).is_err());
        assert!(S::UnderReview.apply(A::Forward).is_err());
    }

    #[test]
    fn only_an_undecided_case_can_be_cancelled() {
        for s in S::ALL {
            let allowed = s.apply(A::Cancel).is_ok();
            assert_eq!(allowed, !s.is_decided() && !s.is_closed(), "{s:?}");
        }
    }

    #[test]
    fn the_term_pauses_while_the_case_waits_for_the_applicant_and_names_round_trip() {
        let paused: Vec<_> = S::ALL.into_iter().filter(|s| s.pauses_term()).collect();
        assert_eq!(paused, [S::LeftWithoutMovement, S::ClarificationRequested]);
        for s in S::ALL {
            assert_eq!(S::parse("status", s.as_str()).unwrap(), s);
            assert!(!s.name_uk().is_empty());
        }
        assert!(S::parse("status", "lost").is_err());
    }
}
