//! Quality metrics (`items metrics`): test coverage and counts, what a `quality_gate` looks
//! for when an item is completed.

use serde::{Deserialize, Serialize};

use super::{Fact, WorkItemEvent};
use crate::domain::{DomainError, WorkItem};
use crate::timestamp::Timestamp;

/// Test coverage and counts, as the original Jerry design tracked them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct QualityMetrics {
    /// Percent, 0 to 100; null while only test counts were recorded (never a made-up 0).
    #[serde(default)]
    pub coverage: Option<f64>,
    pub positive_tests: u32,
    pub negative_tests: u32,
    pub edge_tests: u32,
}

impl QualityMetrics {
    /// `coverage 85.5%, tests +12 -4 edge 2`.
    pub fn describe(&self) -> String {
        let coverage = self
            .coverage
            .map_or_else(|| "not recorded".to_owned(), |c| format!("{c}%"));
        format!(
            "coverage {coverage}, tests +{} -{} edge {}",
            self.positive_tests, self.negative_tests, self.edge_tests
        )
    }
}

/// The item's quality metrics as they are from now on (every field, not a difference);
/// `None` clears them (the undo of a first recording).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityMetricsUpdated {
    pub metrics: Option<QualityMetrics>,
}

impl WorkItem {
    /// Records quality metrics: the given fields replace the recorded ones, the others keep
    /// their recorded values (0 when none were recorded).
    pub fn record_metrics(
        &self,
        coverage: Option<f64>,
        positive: Option<u32>,
        negative: Option<u32>,
        edge: Option<u32>,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if coverage.is_none() && positive.is_none() && negative.is_none() && edge.is_none() {
            return Err(DomainError::InvalidValue {
                kind: "metrics",
                input: String::new(),
                expected: "at least one of coverage, positive, negative, edge",
            });
        }
        if let Some(coverage) = coverage {
            if !(0.0..=100.0).contains(&coverage) {
                return Err(DomainError::InvalidValue {
                    kind: "coverage",
                    input: coverage.to_string(),
                    expected: "a percentage from 0 to 100",
                });
            }
        }
        let old = self.quality.unwrap_or(QualityMetrics {
            coverage: None,
            positive_tests: 0,
            negative_tests: 0,
            edge_tests: 0,
        });
        let new = QualityMetrics {
            coverage: coverage.or(old.coverage),
            positive_tests: positive.unwrap_or(old.positive_tests),
            negative_tests: negative.unwrap_or(old.negative_tests),
            edge_tests: edge.unwrap_or(old.edge_tests),
        };
        if self.quality == Some(new) {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: "at these metrics".into(),
            });
        }
        Ok(vec![WorkItemEvent::QualityMetricsUpdated(
            QualityMetricsUpdated { metrics: Some(new) },
        )])
    }
}

impl Fact for QualityMetricsUpdated {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.quality = self.metrics;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.quality != before.quality {
            events.push(WorkItemEvent::QualityMetricsUpdated(QualityMetricsUpdated {
                metrics: before.quality,
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        match &self.metrics {
            Some(metrics) => format!("quality: {}", metrics.describe()),
            None => "quality metrics cleared".to_owned(),
        }
    }
}
