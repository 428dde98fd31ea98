//! Blocking hooks: checks a command's events pass before any is appended, as a git
//! pre-commit hook checks a commit. Only commands are checked (the command line, MCP, the
//! board); an import or a sync brings history that already happened elsewhere, and an
//! undo takes back what a check once let through.

use std::path::PathBuf;

use crate::app::commands::WriteCheck;
use crate::app::AppError;
use crate::config::HookConfig;
use crate::store::NewEvent;

/// The project's blocking hooks, each run once for every event of a write it is for.
pub struct BlockingHooks {
    hooks: Vec<HookConfig>,
    workdir: PathBuf,
    project: String,
}

impl BlockingHooks {
    /// `None` when no hook blocks: writes then pay nothing.
    pub fn of(hooks: &[HookConfig], workdir: PathBuf, project: String) -> Option<Self> {
        let hooks: Vec<HookConfig> = hooks.iter().filter(|h| h.blocking).cloned().collect();
        (!hooks.is_empty()).then_some(Self {
            hooks,
            workdir,
            project,
        })
    }
}

impl WriteCheck for BlockingHooks {
    fn check(&self, events: &[NewEvent]) -> Result<(), AppError> {
        for hook in &self.hooks {
            for event in events.iter().filter(|e| hook.wants(&e.event_type)) {
                let line = serde_json::to_string(event)
                    .map_err(|err| AppError::io("cannot encode an event", err.into()))?;
                let env = vec![
                    ("JERRY_HOOK".to_owned(), hook.name.clone()),
                    ("JERRY_PROJECT".to_owned(), self.project.clone()),
                    ("JERRY_EVENT_ID".to_owned(), event.event_id.to_string()),
                    ("JERRY_EVENT_TYPE".to_owned(), event.event_type.clone()),
                    ("JERRY_EVENT_ITEM".to_owned(), event.aggregate_id.clone()),
                    ("JERRY_EVENT_ACTOR".to_owned(), event.metadata.actor.clone()),
                    ("JERRY_EVENT_TIMESTAMP".to_owned(), event.timestamp.to_string()),
                ];
                let refused = super::exec::check(&hook.run, &self.workdir, &env, &line, hook.timeout())
                    .map_err(|err| AppError::io(format!("hook {}: cannot run it", hook.name), err))?;
                if let Some(message) = refused {
                    return Err(AppError::HookRefused {
                        hook: hook.name.clone(),
                        message,
                    });
                }
            }
        }
        Ok(())
    }
}
