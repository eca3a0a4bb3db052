### unit
