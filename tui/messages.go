package tui

import (
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
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

// exportFunc is the shape of [Export]; the model holds one so tests can
// replace the file system side.
type exportFunc func(eng *advisor.Engine, a advisor.Answers, dir string) (string, string, error)

// runExport returns a command that writes the export files; file IO runs in
// the command, never in Update.
func runExport(fn exportFunc, eng *advisor.Engine, a advisor.Answers, dir string) tea.Cmd {
	a = a.Clone()
	return func() tea.Msg {
		r, ans, err := fn(eng, a, dir)
		return exportedMsg{report: r, answers: ans, saved: a, err: err}
	}
}
