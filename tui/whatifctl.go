package tui

import (
	"medpath/advisor"
)

// whatIfCtl is the what-if state machine (the flow is drawn in whatif.go).
// It holds the what-if on show, if any, and decides each step of what-if
// mode from the what-if transitions the screens return; the root takes the
// step (shows the screen and fills it). What-if answers never reach the
// session unless kept, when they become the real answers.
type whatIfCtl struct {
	eng *advisor.Engine
	cur *whatIf // the what-if on show; nil outside what-if mode
}

// whatIfStep is what the root does after a what-if transition: fill a
// screen, show it, and set the status line.
type whatIfStep struct {
	show   state
	fill   whatIfFill
	from   advisor.Answers // fillPicker, fillQuestion: the answers the change starts from
	id     string          // fillQuestion: the question to change
	kept   advisor.Answers // fillKept: the answers that are now the real ones
	status *status         // the status line to show; nil leaves it
}

// whatIfFill says what the root puts on the screen it shows.
type whatIfFill int

const (
	fillNothing  whatIfFill = iota // the screen as it was
	fillPicker                     // the picker, with the answers a change starts from
	fillQuestion                   // the question to change, as a what-if
	fillResults                    // the results: the what-if on show, or the real ones
	fillKept                       // the real results for the kept answers
)

// Status lines of what-if mode.
var (
	whatIfSame      = note("That is what you answered: nothing changes.")
	whatIfKept      = note("Kept: the what-if answers are now your answers.")
	whatIfDiscarded = note("Discarded the what-if: your answers are as they were.")
)

// update takes one what-if transition, given the real answers (all of
// them, hidden follow-ups included) and their results rec; ok is false when
// it does nothing (there are no results to try a change on, or no what-if
// to keep).
func (w whatIfCtl) update(t transition, real advisor.Answers, rec *advisor.Recommendation) (_ whatIfCtl, _ whatIfStep, ok bool) {
	base := real // changes stack: the next one starts from the what-if on show
	if w.cur != nil {
		base = w.cur.answers
	}
	switch t := t.(type) {
	case whatIfOpen:
		if rec == nil {
			return w, whatIfStep{}, false
		}
		return w, whatIfStep{show: stateWhatIf, fill: fillPicker, from: base}, true
	case whatIfPick:
		return w, whatIfStep{show: stateQuestion, fill: fillQuestion, from: base, id: t.id}, true
	case whatIfCancel:
		return w, whatIfStep{show: stateWhatIf}, true
	case whatIfBack:
		return w, whatIfStep{show: stateResult}, true
	case whatIfTried:
		return w.try(t.answers, real, rec)
	case whatIfKeep:
		if w.cur == nil {
			return w, whatIfStep{}, false
		}
		kept := w.cur.answers
		w.cur = nil
		return w, whatIfStep{show: stateResult, fill: fillKept, kept: kept, status: &whatIfKept}, true
	case whatIfDiscard:
		w.cur = nil
		return w, whatIfStep{show: stateResult, fill: fillResults, status: &whatIfDiscarded}, true
	}
	return w, whatIfStep{}, false
}

// try puts the what-if for answers a on show: its results and what changes
// against the real ones. When a changes nothing the engine sees, it is not
// a what-if, and the real results show.
func (w whatIfCtl) try(a, real advisor.Answers, rec *advisor.Recommendation) (whatIfCtl, whatIfStep, bool) {
	step := whatIfStep{show: stateResult, fill: fillResults}
	rv, wa := w.eng.VisibleAnswers(real), w.eng.VisibleAnswers(a)
	if rec == nil || wa.Equal(rv) {
		w.cur, step.status = nil, &whatIfSame
		return w, step, true
	}
	r := w.eng.Recommend(wa)
	w.cur = &whatIf{answers: a.Clone(), rec: r, diff: w.eng.DiffRecommendations(rv, wa, rec, r)}
	step.status = &status{}
	return w, step, true
}

// results puts the what-if on show, or the real results rec when there is
// none, on the results screen.
func (w whatIfCtl) results(s resultScreen, rec *advisor.Recommendation) resultScreen {
	if w.cur == nil {
		return s.setRec(rec)
	}
	return s.setWhatIf(w.cur.rec, rec, w.cur.diff)
}

// drop leaves what-if mode: new answers or results make the what-if moot.
func (w whatIfCtl) drop() whatIfCtl {
	w.cur = nil
	return w
}
