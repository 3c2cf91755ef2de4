package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"medpath/internal/session"
)

// TestLabelKeptAfterEscOnFirstQuestion (D2): the name typed on the welcome
// survives esc on question 1 and enter, and goes into the session file.
func TestLabelKeptAfterEscOnFirstQuestion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sessions")
	m := sessModel(t, Options{SessionDir: dir}, 80, 24)
	m = press(m, "tab")
	m = typeText(m, "Jordan")
	m = press(m, "enter")
	if m.state != stateQuestion || m.sess.label != "Jordan" {
		t.Fatalf("started: %s, label %q", m.state, m.sess.label)
	}
	m = press(m, "esc")
	if m.state != stateWelcome {
		t.Fatalf("esc on question 1: %s", m.state)
	}
	v := view(m)
	contains(t, v, "session: Jordan")
	contains(t, v, "Name or id (optional): Jordan")
	m = press(m, "enter") // on "Start the questions"
	if m.state != stateQuestion || m.sess.label != "Jordan" {
		t.Fatalf("enter again: %s, label %q", m.state, m.sess.label)
	}
	m = press(m, "enter") // the first answer makes the file
	label, _, err := session.Load(engine(t), m.sess.path)
	if err != nil || label != "Jordan" {
		t.Fatalf("session file %q: label %q, %v", m.sess.path, label, err)
	}
	if !strings.HasPrefix(filepath.Base(m.sess.path), "jordan-") {
		t.Errorf("file name %s", m.sess.path)
	}
	// Esc from the name field itself, then enter on the menu: the same.
	m = sessModel(t, Options{SessionDir: t.TempDir()}, 80, 24)
	m = typeText(press(m, "tab"), "Jo")
	m = press(m, "esc", "enter", "esc", "enter")
	if m.sess.label != "Jo" {
		t.Errorf("label %q after leaving the field and coming back", m.sess.label)
	}
}

// TestWelcomeKeysOutsideTheNameField (D12): q and ? quit and help on the
// welcome's menu; the name field takes them as letters only once focused.
func TestWelcomeKeysOutsideTheNameField(t *testing.T) {
	m := sessModel(t, Options{SessionDir: t.TempDir()}, 80, 24)
	if m.typing() {
		t.Fatal("the welcome starts in the name field")
	}
	m = press(m, "?")
	if !m.help.ShowAll {
		t.Error("? on the welcome menu did not show the keys")
	}
	if m.welcome.name.Value() != "" {
		t.Errorf("? was typed into the name field: %q", m.welcome.name.Value())
	}
	m = press(m, "?", "down") // the name field
	m = typeText(m, "q?")
	if m.quitting || m.welcome.name.Value() != "q?" {
		t.Fatalf("in the field: quitting %v, name %q", m.quitting, m.welcome.name.Value())
	}
	m = press(m, "up", "q")
	if !m.quitting {
		t.Error("q on the menu did not quit")
	}
}

// TestSessionsFilterRenameDelete (D16, issue 12 item 2): / filters the
// saved sessions, r renames one, d deletes one after y.
func TestSessionsFilterRenameDelete(t *testing.T) {
	dir := sessCopyFixtures(t)
	m := sessModel(t, Options{SessionDir: dir}, 80, 24)
	m = press(m, "/")
	if !m.typing() {
		t.Fatal("the filter does not take letters")
	}
	m = typeText(m, "ki")
	v := view(m)
	contains(t, v, "Continue a saved session: 1 of 10 match")
	contains(t, v, "> Kim · 18 Nov 2026 13:15")
	if strings.Contains(v, "Maria") {
		t.Errorf("the filter leaves Maria:\n%s", v)
	}
	m = press(m, "backspace", "backspace")
	m = typeText(m, "yesterday")
	contains(t, view(m), "2 of 10 match")
	m = press(m, "esc") // all again, the cursor where it was
	contains(t, view(m), "Continue a saved session (10)")
	contains(t, view(m), "> (no name) · yesterday 16:45")

	// Rename Maria (the first session).
	m = press(m, "up", "up")
	contains(t, view(m), "> Maria · today 14:10")
	m = press(m, "r")
	contains(t, view(m), "> New name: Maria")
	m = press(m, "ctrl+u")
	m = typeText(m, "Maria Lopez (q?)")
	if m.quitting || m.help.ShowAll {
		t.Fatal("q or ? acted while renaming")
	}
	m = press(m, "enter")
	contains(t, view(m), "Renamed the session to Maria Lopez (q?).")
	contains(t, view(m), "Maria Lopez (q?) · today 14:10")
	label, _, err := session.Load(engine(t), filepath.Join(dir, "maria-20261124-141000.yaml"))
	if err != nil || label != "Maria Lopez (q?)" {
		t.Fatalf("renamed file: %q %v", label, err)
	}
	// Esc gives a rename up.
	m = press(m, "r")
	m = typeText(m, "x")
	m = press(m, "esc")
	if l, _, _ := session.Load(engine(t), filepath.Join(dir, "maria-20261124-141000.yaml")); l != "Maria Lopez (q?)" {
		t.Fatalf("esc renamed it to %q", l)
	}

	// Delete: asks; n keeps it, y deletes it.
	m = press(m, "down") // S-1042
	m = press(m, "d")
	contains(t, view(m), "> Delete S-1042 · today 09:30? y/n")
	m = press(m, "n")
	if len(sessFiles(t, dir)) != 10 {
		t.Fatal("n deleted it")
	}
	m = press(m, "d", "y")
	if files := sessFiles(t, dir); len(files) != 9 {
		t.Fatalf("after y: %d files", len(files))
	}
	v = view(m)
	contains(t, v, "Deleted the session S-1042.")
	contains(t, v, "Continue a saved session (9)")
	if strings.Contains(v, "S-1042 · today") {
		t.Errorf("S-1042 is still listed:\n%s", v)
	}
	// A filter and enter continue the session found.
	m = press(m, "/")
	m = typeText(m, "dev")
	m = press(m, "enter")
	if m.state != stateReview || m.sess.label != "Dev" {
		t.Fatalf("enter in the filter: %s, %q", m.state, m.sess.label)
	}
}
