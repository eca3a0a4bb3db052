//! WASM bindings (being written).
