### load
