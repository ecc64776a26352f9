//! The colour family of a badge. The badge's text carries the meaning; the tone only repeats it.

use crate::api::models::{DiffStatus, JobStatus};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Busy,
    Muted,
    /// Values the page does not know: shown as sent, without implying good or bad.
    Neutral,
}

impl Tone {
    pub fn of_status(status: &JobStatus) -> Tone {
        match status {
            JobStatus::Success => Tone::Good,
            JobStatus::Failure => Tone::Bad,
            JobStatus::Pending | JobStatus::Started | JobStatus::Running => Tone::Busy,
            JobStatus::Revoked => Tone::Muted,
            JobStatus::Other(_) => Tone::Neutral,
        }
    }

    pub fn of_outcome(outcome: &DiffStatus) -> Tone {
        match outcome {
            DiffStatus::Match => Tone::Good,
            DiffStatus::Mismatch => Tone::Bad,
            DiffStatus::Other(_) => Tone::Neutral,
        }
    }

    /// The badge's classes in `style/main.css`.
    pub fn badge_class(self) -> &'static str {
        match self {
            Tone::Good => "badge badge-good",
            Tone::Bad => "badge badge-bad",
            Tone::Busy => "badge badge-busy",
            Tone::Muted => "badge badge-muted",
            Tone::Neutral => "badge badge-neutral",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_are_neutral() {
        assert_eq!(
            Tone::of_status(&JobStatus::from_api("QUEUED")),
            Tone::Neutral
        );
        assert_eq!(Tone::of_status(&JobStatus::Running), Tone::Busy);
        assert_eq!(Tone::of_outcome(&DiffStatus::Mismatch), Tone::Bad);
        assert_eq!(Tone::Neutral.badge_class(), "badge badge-neutral");
    }
}
