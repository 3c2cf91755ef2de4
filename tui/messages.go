package tui

import (
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
	"medpath/internal/session"
)

// These messages carry the results of real IO, done in commands and never
// in Update: the export, and listing, reading and saving sessions. What
// screens ask of the root is not a message but a transition (transition.go).

// exportedMsg reports the end of an export: the files written, or why not.
type exportedMsg struct {
	report, answers string
	saved           advisor.Answers // the answers that were written
	err             error
}

// exportFunc is the shape of [session.Export]; the model holds one so tests can
// replace the file system side.
type exportFunc func(eng *advisor.Engine, a advisor.Answers, dir, label string) (string, string, error)

// runExport returns a command that writes the export files; file IO runs in
// the command, never in Update.
func runExport(fn exportFunc, eng *advisor.Engine, a advisor.Answers, dir, label string) tea.Cmd {
	a = a.Clone()
	return func() tea.Msg {
		r, ans, err := fn(eng, a, dir, label)
		return exportedMsg{report: r, answers: ans, saved: a, err: err}
	}
}

// sessionsListedMsg reports the saved sessions found in the session folder.
type sessionsListedMsg struct {
	list []session.Info
	err  error
}

// listSessions returns a command that lists the sessions in dir.
func listSessions(dir string) tea.Cmd {
	return func() tea.Msg {
		l, err := session.List(dir)
		return sessionsListedMsg{list: l, err: err}
	}
}

// sessionLoadedMsg reports a session file read for continuing.
type sessionLoadedMsg struct {
	path, label string
	answers     advisor.Answers
	err         error
}

// loadSession returns a command that reads the session in path.
func loadSession(eng *advisor.Engine, path string) tea.Cmd {
	return func() tea.Msg {
		label, a, err := session.Load(eng, path)
		return sessionLoadedMsg{path: path, label: label, answers: a, err: err}
	}
}

// sessionChangedMsg reports a saved session renamed or deleted: what to say,
// or why it could not be done.
type sessionChangedMsg struct {
	note string
	err  error
}

// renameSessionFile returns a command that gives the session in path a new label.
func renameSessionFile(path, label string) tea.Cmd {
	return func() tea.Msg {
		if err := session.Rename(path, label); err != nil {
			return sessionChangedMsg{err: err}
		}
		if label == "" {
			label = "(no name)"
		}
		return sessionChangedMsg{note: "Renamed the session to " + label + "."}
	}
}

// deleteSessionFile returns a command that deletes the session in path.
func deleteSessionFile(path, label string) tea.Cmd {
	return func() tea.Msg {
		if err := session.Delete(path); err != nil {
			return sessionChangedMsg{err: err}
		}
		if label == "" {
			label = "(no name)"
		}
		return sessionChangedMsg{note: "Deleted the session " + label + "."}
	}
}

// sessionSavedMsg reports the end of a session save: the file that now
// holds the newest answers, or why they could not be written.
type sessionSavedMsg struct {
	gen  int // the session the save belongs to
	path string
	err  error
}

// saveSession returns a command that writes the newest answers asked of
// store; file IO runs in the command, never in Update.
func saveSession(store *session.Store) tea.Cmd {
	return func() tea.Msg {
		gen, path, _, err := store.Flush()
		return sessionSavedMsg{gen: gen, path: path, err: err}
	}
}

// crashMsg carries a panic caught in a command to Update, which raises it
// again (see guard).
type crashMsg struct {
	value any
	stack []byte
}
