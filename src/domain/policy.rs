//! The names of the policies jerry ships: a project's settings switch them on by name, and
//! the application's policy engine runs them. A pure value, so settings can check a name
//! without reaching up into the application.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::DomainError;

/// The policies jerry ships; each is switched on in the project's `policies` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Policy {
    /// When an item finishes, each item it blocks that is `blocked` and has no open blocker
    /// left goes back to `in_progress`.
    #[serde(rename = "unblock-dependents")]
    UnblockDependents,
    /// When every child of a parent is done or cancelled, the parent is completed.
    #[serde(rename = "close-parent")]
    CloseParent,
}

impl Policy {
    pub const ALL: [Policy; 2] = [Policy::UnblockDependents, Policy::CloseParent];

    pub fn name(self) -> &'static str {
        match self {
            Policy::UnblockDependents => "unblock-dependents",
            Policy::CloseParent => "close-parent",
        }
    }
}

impl FromStr for Policy {
    type Err = DomainError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Policy::ALL
            .into_iter()
            .find(|p| p.name() == input.trim())
            .ok_or_else(|| DomainError::InvalidValue {
                kind: "policy",
                input: input.to_owned(),
                expected: "unblock-dependents or close-parent",
            })
    }
}
