### bindings
