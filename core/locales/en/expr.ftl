### expr
