//! Per-evaluation state that Rhai callbacks reach (they get no context argument): the lines a
//! script printed, when the evaluation started (for the time bound), the work its costly calls
//! were charged (for the operation bound) and, for a grade's
//! `requires`, the unit's points by node id.
//!
//! The state lives in a thread-local (scoring runs on several threads with one shared engine)
//! and is only ever set through RAII guards, so it is restored even if a caller unwinds.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use rust_decimal::Decimal;
use web_time::Instant;

/// Node index by id, and (points, max) by node index.
pub(crate) type PointsView = (Arc<HashMap<String, usize>>, Vec<(Decimal, Decimal)>);

/// Most lines kept from one evaluation's `print`/`debug`.
const MAX_PRINTED_LINES: usize = 100;
/// Most characters kept of one printed line.
pub(super) const MAX_PRINTED_CHARS: usize = 1000;

#[derive(Default)]
struct State {
    printed: Vec<String>,
    started: Option<Instant>,
    /// Operations charged by costly native calls (long texts, lists), on top of Rhai's count.
    work: u64,
    points: Option<PointsView>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// A value that native functions and the progress callback raise to stop an evaluation; the
/// error mapping matches it by type, never by message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Trap {
    /// A division or remainder by zero.
    DivisionByZero,
    /// The evaluation ran past its time bound (this one).
    Time(Duration),
    /// Rhai's operations plus the charged work passed this many.
    Operations(u64),
    /// A function refused its arguments (a `script_error`, with its sentence).
    Failed(crate::Message),
}

/// Records a printed line of the running evaluation (bounded in count and length).
pub(super) fn record_print(s: &str) {
    STATE.with(|c| {
        let mut c = c.borrow_mut();
        if c.printed.len() < MAX_PRINTED_LINES {
            c.printed.push(s.chars().take(MAX_PRINTED_CHARS).collect());
        }
    });
}

/// Time since the running evaluation started (if one is running), and the work charged so far.
pub(super) fn progress() -> (Option<Duration>, u64) {
    STATE.with(|c| {
        let c = c.borrow();
        (c.started.map(|t| t.elapsed()), c.work)
    })
}

/// Bytes (or list items × 64) that cost as much as one operation.
const BYTES_PER_OPERATION: usize = 64;

/// Charges the running evaluation for handling `bytes` bytes of data in one native call.
pub(super) fn charge(bytes: usize) {
    let units = u64::try_from(bytes / BYTES_PER_OPERATION).unwrap_or(u64::MAX);
    if units > 0 {
        STATE.with(|c| {
            let mut c = c.borrow_mut();
            c.work = c.work.saturating_add(units);
        });
    }
}

/// The points view set by [`PointsGuard`], applied to `f`.
pub(super) fn with_points_view<T>(f: impl FnOnce(Option<&PointsView>) -> T) -> T {
    STATE.with(|c| f(c.borrow().points.as_ref()))
}

/// One evaluation in progress: clears the printed lines and starts the clock; on drop, puts
/// back the state of any enclosing evaluation.
pub(super) struct Evaluation {
    outer_printed: Vec<String>,
    outer_started: Option<Instant>,
    outer_work: u64,
}

impl Evaluation {
    pub(super) fn begin() -> Self {
        STATE.with(|c| {
            let mut c = c.borrow_mut();
            Evaluation {
                outer_printed: std::mem::take(&mut c.printed),
                outer_started: c.started.replace(Instant::now()),
                outer_work: std::mem::take(&mut c.work),
            }
        })
    }

    /// Ends the evaluation, returning what it printed.
    pub(super) fn finish(self) -> Vec<String> {
        STATE.with(|c| std::mem::take(&mut c.borrow_mut().printed))
    }
}

impl Drop for Evaluation {
    fn drop(&mut self) {
        let printed = std::mem::take(&mut self.outer_printed);
        let started = self.outer_started.take();
        let work = self.outer_work;
        STATE.with(|c| {
            let mut c = c.borrow_mut();
            c.printed = printed;
            c.started = started;
            c.work = work;
        });
    }
}

/// Makes `points("id")` see a unit's points while alive; on drop, puts back what was there.
pub(super) struct PointsGuard {
    outer: Option<PointsView>,
}

impl PointsGuard {
    pub(super) fn set(view: PointsView) -> Self {
        PointsGuard {
            outer: STATE.with(|c| c.borrow_mut().points.replace(view)),
        }
    }
}

impl Drop for PointsGuard {
    fn drop(&mut self) {
        let outer = self.outer.take();
        STATE.with(|c| c.borrow_mut().points = outer);
    }
}
