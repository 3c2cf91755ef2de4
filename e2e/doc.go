// Package e2e holds medpath's end-to-end tests: the real binary, built once
// per run, driven in a private tmux server with real key presses, its
// screen read back, its exit code and the terminal it leaves behind checked.
// The package has tests only.
//
// The tests need tmux: in CI (CI set) a missing tmux fails them; elsewhere
// they are skipped with a message, as they are with -short.
package e2e
