// Package tui is medpath's interactive front end: the Bubble Tea advisor
// and the accessible line-by-line mode. It asks the engine's questions,
// shows its recommendation, and keeps the answers in a session file
// (internal/session); every word about the career data comes from the
// engine (advisor), never from here.
//
// The advisor is one root model (tui.go) and a screen per file: welcome,
// question, review (also the what-if picker), result, compare and learn.
// The root handles the size, the background colour and the global keys,
// routes every other message to the screen on show, and applies the
// transition the screen returns (transition.go) in the same Update, so keys
// typed ahead land on the right screen; commands are for real IO only
// (messages.go). The screens share one common (common.go: engine, styles,
// keys, terminal size); the root sees them through a small interface for
// their view, size and help (screen.go), sizes and draws them (view.go) and
// the footer under them (footer.go). The session controller (sessionctl.go) saves the answers as
// they change, and the what-if controller (whatifctl.go, drawn by
// whatif.go) lets a counselor try a change without touching them. Each kind
// of question has its own field type (field.go, field_*.go), used by the
// question screen in all its modes and by the accessible mode
// (accessible.go), which asks the same questions on plain streams.
//
// Run (run.go) runs the advisor on the terminal and returns the answers,
// the last recommendation, the exported files and the session file.
package tui
