package tui

import (
	"medpath/advisor"
)

// A transition is what a screen asks of the root: show another screen,
// take these answers, start a what-if. Screens never change the root's
// state themselves; their update returns a transition as a value beside
// its command (nil when there is none), and the root applies it at once,
// in the same Update (as huh's Form.NextGroup does). So a key typed ahead
// (a fast typist, a paste, tmux send-keys) always lands on the screen the
// keys before it led to, and tea.Cmd is left for real IO: saving, exporting,
// listing and reading sessions (messages.go).
//
// Transitions that follow an answer carry the answers, so the root never
// sees a screen change before the answer that caused it.
type transition interface{ isTransition() }

// showScreen asks for another screen.
type showScreen struct{ to state }

// goBack asks for the screen shown before this one (compare and learn are
// opened from several places).
type goBack struct{}

// startQuestions starts the questionnaire at the first question.
type startQuestions struct{}

// startSession starts a new session with label (a student's name or an id,
// may be empty): no answers, a new session file at the first change, then
// the first question.
type startSession struct{ label string }

// openSession continues the saved session in path.
type openSession struct{ path string }

// renameSession gives the saved session in path a new label.
type renameSession struct{ path, label string }

// deleteSession deletes the saved session in path (named label).
type deleteSession struct{ path, label string }

// answered reports the answers after a question was answered; the
// questionnaire stays open.
type answered struct{ answers advisor.Answers }

// questionsDone reports that the last question was answered.
type questionsDone struct{ answers advisor.Answers }

// questionsBack reports that the student went back past the first question.
type questionsBack struct{ answers advisor.Answers }

// editAnswer opens question id for a change from the review.
type editAnswer struct{ id string }

// editDone reports that a change started from the review is finished (or
// given up) and the review should show again; undone says what esc undid.
type editDone struct {
	answers advisor.Answers
	undone  string
}

// exportReport asks for the report and the answers to be saved.
type exportReport struct{}

// whatIfOpen opens the what-if question picker.
type whatIfOpen struct{}

// whatIfPick opens question id for a what-if change.
type whatIfPick struct{ id string }

// whatIfTried reports the answers with a what-if change made; they are
// hypothetical and never saved unless kept.
type whatIfTried struct{ answers advisor.Answers }

// whatIfCancel gives a what-if change up (esc on the question): back to the picker.
type whatIfCancel struct{}

// whatIfBack leaves the picker for the results (the what-if results when
// one is on show, else the real ones).
type whatIfBack struct{}

// whatIfKeep makes the what-if answers the real ones (and so saves them).
type whatIfKeep struct{}

// whatIfDiscard drops the what-if and shows the real results.
type whatIfDiscard struct{}

func (showScreen) isTransition()     {}
func (goBack) isTransition()         {}
func (startQuestions) isTransition() {}
func (startSession) isTransition()   {}
func (openSession) isTransition()    {}
func (renameSession) isTransition()  {}
func (deleteSession) isTransition()  {}
func (answered) isTransition()       {}
func (questionsDone) isTransition()  {}
func (questionsBack) isTransition()  {}
func (editAnswer) isTransition()     {}
func (editDone) isTransition()       {}
func (exportReport) isTransition()   {}
func (whatIfOpen) isTransition()     {}
func (whatIfPick) isTransition()     {}
func (whatIfTried) isTransition()    {}
func (whatIfCancel) isTransition()   {}
func (whatIfBack) isTransition()     {}
func (whatIfKeep) isTransition()     {}
func (whatIfDiscard) isTransition()  {}
