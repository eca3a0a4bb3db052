//! The sandbox: every evaluation is bounded in operations, time, call depth and data size, and
//! nothing reaches the outside world (no packages of Rhai are loaded: only the operators and the
//! functions of `functions.rs` exist).

use std::time::Duration;

use rhai::{Dynamic, Engine};

use super::context;

/// The bounds on every expression and script of a ruleset (`applies_if`, `expr:`, `script:`,
/// `requires`). Exceeding one stops that evaluation with the code `limit_exceeded`, and the
/// message names the limit; the node is reported as an error of the unit, nothing else stops.
///
/// | limit | default | what it bounds |
/// |---|---|---|
/// | `operations` | 100,000 | Rhai operations per evaluation (a loop step, a call, an operator…); a call that handles long texts or lists counts one more per 64 bytes or items |
/// | `time` | 1 s | wall-clock time per evaluation, whatever the operations cost |
/// | `call_depth` | 32 | nesting of calls of functions defined in the script |
/// | `string_bytes` | 10,000 | bytes (UTF-8) of any string a script builds |
/// | `items` | 1,000 | items of an array, entries of a map |
/// | `source_bytes` | 64 KiB | length of one expression or script (checked at load) |
/// | `expr_depth` | 64 | nesting of an expression (32 inside functions; checked at load) |
/// | `variables` | 1,000 | variables alive at once |
/// | `functions` | 100 | functions defined in one script |
///
/// The time bound is a safety net: a script that stays within the operation count normally
/// finishes in milliseconds, far from one second. It is measured with a clock that also works
/// in the browser (WASM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most operations per evaluation.
    pub operations: u64,
    /// Longest wall-clock time of one evaluation.
    pub time: Duration,
    /// Deepest nesting of script-defined function calls.
    pub call_depth: usize,
    /// Longest string, in bytes.
    pub string_bytes: usize,
    /// Most items in an array or entries in a map.
    pub items: usize,
    /// Longest source text of one expression or script, in bytes.
    pub source_bytes: usize,
    /// Deepest nesting of an expression (at top level).
    pub expr_depth: usize,
    /// Most variables alive at once.
    pub variables: usize,
    /// Most functions defined in one script.
    pub functions: usize,
}

impl Limits {
    /// The limits of `cchc/1`.
    pub const DEFAULT: Limits = Limits {
        operations: 100_000,
        time: Duration::from_secs(1),
        call_depth: 32,
        string_bytes: 10_000,
        items: 1_000,
        source_bytes: 64 * 1024,
        expr_depth: 64,
        variables: 1_000,
        functions: 100,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// How often (in operations) the clock is read: often enough that a run of costly operations
/// overshoots the time bound by little, rarely enough to cost nothing measurable.
const CLOCK_EVERY: u64 = 32;

/// Operator symbols refused at compile time: bit shifts have no use in scoring and Rhai gives
/// them surprising results (`1 << 64` is 0).
const DISABLED_SYMBOLS: &[&str] = &["eval", "<<", ">>", "<<=", ">>="];

pub(super) fn apply(e: &mut Engine, limits: &Limits) {
    e.set_max_operations(limits.operations);
    e.set_max_call_levels(limits.call_depth);
    e.set_max_string_size(limits.string_bytes);
    e.set_max_array_size(limits.items);
    e.set_max_map_size(limits.items);
    e.set_max_expr_depths(limits.expr_depth, limits.expr_depth / 2);
    e.set_max_variables(limits.variables);
    e.set_max_functions(limits.functions);
    e.set_strict_variables(true);
    e.set_fail_on_invalid_map_property(true);
    for s in DISABLED_SYMBOLS {
        e.disable_symbol(*s);
    }
    e.on_print(context::record_print);
    e.on_debug(|s, _, _| context::record_print(s));
    let (time, operations) = (limits.time, limits.operations);
    e.on_progress(move |ops| {
        if ops % CLOCK_EVERY != 0 {
            return None;
        }
        let (elapsed, work) = context::progress();
        if elapsed.is_some_and(|t| t > time) {
            return Some(Dynamic::from(context::Trap::Time(time)));
        }
        if ops.saturating_add(work) > operations {
            return Some(Dynamic::from(context::Trap::Operations(operations)));
        }
        None
    });
}
