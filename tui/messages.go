package tui

import (
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
	"medpath/internal/session"
)

// Screens never change the root's state themselves: they return one of these
// messages (through its command constructor) and the root reacts. Messages
// that follow an answer carry the answers, so the root never sees a screen
// change before the answer that caused it.

// gotoMsg asks the root to show another screen.
type gotoMsg struct{ to state }

// goTo returns a command that shows screen s.
func goTo(s state) tea.Cmd {
	return func() tea.Msg { return gotoMsg{to: s} }
}

// backMsg asks the root to return to the screen shown before this one
// (compare and learn are opened from several places).
type backMsg struct{}

// goBack returns a command that returns to the previous screen.
func goBack() tea.Cmd {
	return func() tea.Msg { return backMsg{} }
}

// startMsg asks the root to start the questionnaire at the first question.
type startMsg struct{}

// start returns a command that starts the questionnaire.
func start() tea.Cmd {
	return func() tea.Msg { return startMsg{} }
}

// newSessionMsg asks the root to start a new session with label (a
// student's name or an id, may be empty): no answers, a new session file at
// the first change, then the first question.
type newSessionMsg struct{ label string }

// newSession returns a command that starts a new session.
func newSession(label string) tea.Cmd {
	return func() tea.Msg { return newSessionMsg{label: label} }
}

// openSessionMsg asks the root to continue the saved session in path.
type openSessionMsg struct{ path string }

// openSession returns a command that continues a saved session.
func openSession(path string) tea.Cmd {
	return func() tea.Msg { return openSessionMsg{path: path} }
}

// answeredMsg reports the answers after a question was answered; the
// questionnaire stays open.
type answeredMsg struct{ answers advisor.Answers }

// answered returns a command that reports new answers.
func answered(a advisor.Answers) tea.Cmd {
	return func() tea.Msg { return answeredMsg{answers: a.Clone()} }
}

// questionsDoneMsg reports that the last question was answered.
type questionsDoneMsg struct{ answers advisor.Answers }

// questionsDone returns a command that ends the questionnaire.
func questionsDone(a advisor.Answers) tea.Cmd {
	return func() tea.Msg { return questionsDoneMsg{answers: a.Clone()} }
}

// questionsBackMsg reports that the student went back past the first question.
type questionsBackMsg struct{ answers advisor.Answers }

// questionsBack returns a command that leaves the questionnaire backwards.
func questionsBack(a advisor.Answers) tea.Cmd {
	return func() tea.Msg { return questionsBackMsg{answers: a.Clone()} }
}

// editAnswerMsg asks the root to change one answer from the review.
type editAnswerMsg struct{ id string }

// editAnswer returns a command that opens question id for a change.
func editAnswer(id string) tea.Cmd {
	return func() tea.Msg { return editAnswerMsg{id: id} }
}

// editDoneMsg reports that a change started from the review is finished
// (or given up) and the review should show again.
type editDoneMsg struct{ answers advisor.Answers }

// editDone returns a command that returns to the review.
func editDone(a advisor.Answers) tea.Cmd {
	return func() tea.Msg { return editDoneMsg{answers: a.Clone()} }
}

// exportMsg asks the root to save the report and the answers.
type exportMsg struct{}

// requestExport returns a command that asks for an export.
func requestExport() tea.Cmd {
	return func() tea.Msg { return exportMsg{} }
}

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

// sessionSavedMsg reports the end of a session save: the file and the
// answers it now holds, or why the newest answers could not be written.
type sessionSavedMsg struct {
	gen     int // the session the save belongs to
	path    string
	answers advisor.Answers
	err     error
}

// saveSession returns a command that writes the newest answers asked of
// store; file IO runs in the command, never in Update.
func saveSession(store *session.Store) tea.Cmd {
	return func() tea.Msg {
		gen, path, a, err := store.Flush()
		return sessionSavedMsg{gen: gen, path: path, answers: a, err: err}
	}
}

// whatIfMsg asks the root to open the what-if question picker.
type whatIfMsg struct{}

// startWhatIf returns a command that opens the what-if picker.
func startWhatIf() tea.Cmd {
	return func() tea.Msg { return whatIfMsg{} }
}

// whatIfPickMsg asks the root to open question id for a what-if change.
type whatIfPickMsg struct{ id string }

// whatIfPick returns a command that opens question id as a what-if.
func whatIfPick(id string) tea.Cmd {
	return func() tea.Msg { return whatIfPickMsg{id: id} }
}

// whatIfEditedMsg reports the answers with a what-if change made; they are
// hypothetical and never saved unless kept.
type whatIfEditedMsg struct{ answers advisor.Answers }

// whatIfEdited returns a command that reports a what-if change.
func whatIfEdited(a advisor.Answers) tea.Cmd {
	return func() tea.Msg { return whatIfEditedMsg{answers: a.Clone()} }
}

// whatIfCancelMsg reports that a what-if change was given up (esc on the
// question): back to the picker.
type whatIfCancelMsg struct{}

// whatIfCancel returns a command that gives a what-if change up.
func whatIfCancel() tea.Cmd {
	return func() tea.Msg { return whatIfCancelMsg{} }
}

// whatIfBackMsg asks to leave the picker for the results (the what-if
// results when one is on show, else the real ones).
type whatIfBackMsg struct{}

// whatIfBack returns a command that leaves the picker.
func whatIfBack() tea.Cmd {
	return func() tea.Msg { return whatIfBackMsg{} }
}

// keepWhatIfMsg asks the root to make the what-if answers the real ones
// (and so save them to the session).
type keepWhatIfMsg struct{}

// keepWhatIf returns a command that keeps the what-if.
func keepWhatIf() tea.Cmd {
	return func() tea.Msg { return keepWhatIfMsg{} }
}

// discardWhatIfMsg asks the root to drop the what-if and show the real results.
type discardWhatIfMsg struct{}

// discardWhatIf returns a command that drops the what-if.
func discardWhatIf() tea.Cmd {
	return func() tea.Msg { return discardWhatIfMsg{} }
}

// crashMsg carries a panic caught in a command to Update, which raises it
// again (see guard).
type crashMsg struct {
	value any
	stack []byte
}
