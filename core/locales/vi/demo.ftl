### demo
