//! Small closed vocabularies: work types, priorities, dependency kinds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::DomainError;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $expected:literal, default $default:ident,
     { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl Default for $name {
            fn default() -> Self { $name::$default }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl FromStr for $name {
            type Err = DomainError;
            fn from_str(input: &str) -> Result<Self, Self::Err> {
                let normal = input.trim().to_ascii_lowercase().replace('-', "_");
                Self::ALL.iter().copied().find(|v| v.as_str() == normal).ok_or_else(|| {
                    DomainError::InvalidValue { kind: $kind, input: input.to_owned(), expected: $expected }
                })
            }
        }
    };
}

vocabulary!(
    /// What kind of work an item is.
    WorkType, "type", "one of epic, story, task, subtask, bug, spike", default Task,
    { Epic => "epic", Story => "story", Task => "task", Subtask => "subtask", Bug => "bug", Spike => "spike" }
);

vocabulary!(
    /// How urgent an item is; declared from most to least urgent.
    Priority, "priority", "one of critical, high, medium, low", default Medium,
    { Critical => "critical", High => "high", Medium => "medium", Low => "low" }
);

vocabulary!(
    /// What `items complete` does with a non-spike item that has no quality metrics: allow
    /// it, allow it with a warning, or refuse it.
    QualityGate, "quality gate", "one of off, warn, enforce", default Off,
    { Off => "off", Warn => "warn", Enforce => "enforce" }
);

vocabulary!(
    /// How an item relates to the one it names: `blocks` it, is `blocked_by` it, or is `related`.
    DependencyType, "dependency type", "one of blocks, blocked_by, related", default BlockedBy,
    { Blocks => "blocks", BlockedBy => "blocked_by", Related => "related" }
);

impl Priority {
    /// 0 for critical, growing as urgency falls: sorts most urgent first.
    pub fn rank(self) -> u8 {
        match self {
            Priority::Critical => 0,
            Priority::High => 1,
            Priority::Medium => 2,
            Priority::Low => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display_round_trip() {
        for t in WorkType::ALL {
            assert_eq!(t.as_str().parse::<WorkType>().unwrap(), *t);
        }
        for p in Priority::ALL {
            assert_eq!(p.to_string().parse::<Priority>().unwrap(), *p);
        }
        assert_eq!(
            "blocked-by".parse::<DependencyType>().unwrap(),
            DependencyType::BlockedBy
        );
    }

    #[test]
    fn defaults_match_the_spec() {
        assert_eq!(WorkType::default(), WorkType::Task);
        assert_eq!(Priority::default(), Priority::Medium);
    }

    #[test]
    fn unknown_words_name_the_choices() {
        let err = "urgent".parse::<Priority>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid priority 'urgent': one of critical, high, medium, low"
        );
    }
}
