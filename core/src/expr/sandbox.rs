//! The sandbox: every evaluation is bounded in operations, call depth and data size, and
//! nothing reaches the outside world.

use rhai::Engine;

/// Most operations per evaluation.
pub const MAX_OPERATIONS: u64 = 100_000;
/// Deepest function call nesting.
pub const MAX_CALL_DEPTH: usize = 32;
/// Longest string.
pub const MAX_STRING: usize = 10_000;
/// Most items in an array or map.
pub const MAX_ITEMS: usize = 1_000;
/// Longest source text of one expression or script.
pub const MAX_SOURCE: usize = 64 * 1024;

/// The limits in force, for documentation and bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most operations per evaluation.
    pub operations: u64,
    /// Deepest call nesting.
    pub call_depth: usize,
    /// Longest string.
    pub string: usize,
    /// Most items in an array or map.
    pub items: usize,
}

impl Limits {
    /// The sandbox limits of `cchc/1`.
    pub const SPEC: Limits = Limits {
        operations: MAX_OPERATIONS,
        call_depth: MAX_CALL_DEPTH,
        string: MAX_STRING,
        items: MAX_ITEMS,
    };
}

pub(super) fn apply(e: &mut Engine) {
    use rhai::packages::{
        ArithmeticPackage, BasicArrayPackage, BasicMapPackage, BasicStringPackage,
        LanguageCorePackage, LogicPackage, MoreStringPackage, Package,
    };
    e.register_global_module(LanguageCorePackage::new().as_shared_module());
    e.register_global_module(ArithmeticPackage::new().as_shared_module());
    e.register_global_module(LogicPackage::new().as_shared_module());
    e.register_global_module(BasicStringPackage::new().as_shared_module());
    e.register_global_module(MoreStringPackage::new().as_shared_module());
    e.register_global_module(BasicArrayPackage::new().as_shared_module());
    e.register_global_module(BasicMapPackage::new().as_shared_module());
    e.set_max_operations(MAX_OPERATIONS);
    e.set_max_call_levels(MAX_CALL_DEPTH);
    e.set_max_string_size(MAX_STRING);
    e.set_max_array_size(MAX_ITEMS);
    e.set_max_map_size(MAX_ITEMS);
    e.set_max_expr_depths(64, 32);
    e.set_max_variables(1_000);
    e.set_max_functions(100);
    e.set_strict_variables(true);
    e.set_fail_on_invalid_map_property(true);
    e.disable_symbol("eval");
    e.on_print(super::record_print);
    e.on_debug(|s, _, _| super::record_print(s));
}
