package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
)

// This file is the screens as the root sees them: one state per screen,
// what the root needs of each (screen), how it finds the one on show, and
// the limits every screen is sized within.

// state is the screen on show.
type state int

// The screens.
const (
	stateWelcome state = iota
	stateQuestion
	stateReview
	stateResult
	stateCompare
	stateLearn
	stateWhatIf // the what-if picker; what-if results show on stateResult
	stateCount  // the number of screens, not a screen
)

var stateNames = [stateCount]string{"welcome", "question", "review", "result", "compare", "learn", "what-if"}

// String names the state, for tests and the bug message.
func (s state) String() string {
	if s >= 0 && s < stateCount {
		return stateNames[s]
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// Layout limits.
const (
	minWidth      = 40  // below this (or minHeight) only a notice is drawn
	minHeight     = 12  //
	defaultWidth  = 80  // the size assumed before the terminal reports one
	defaultHeight = 24  //
	maxWidth      = 100 // content never gets wider than this, but for the results:
	maxWideWidth  = 120 // the results' list and detail side by side
	wideWidth     = 100 // from this many columns, lists and details sit side by side
)

// tooSmall is the notice drawn when the terminal is below the minimum.
var tooSmall = fmt.Sprintf("Terminal too small: enlarge to at least %dx%d", minWidth, minHeight)

// screen is what the root needs of every screen besides update: its view,
// its size and its keys for the help. update stays on each screen's own
// type (it returns that type, so the root never asserts one), and the root
// routes a message with one switch; for the rest it indexes the screens by
// state (model.screen), as soft-serve indexes its pages.
type screen interface {
	view() string
	setSize(w, h int)
	helpKeys() []key.Binding
}

// screen is the screen on show; nil for an unknown state (a bug, drawn as one).
func (m *model) screen() screen {
	screens := [stateCount]screen{
		stateWelcome: &m.welcome, stateQuestion: &m.question, stateReview: &m.review, stateResult: &m.result,
		stateCompare: &m.compare, stateLearn: &m.learn, stateWhatIf: &m.picker,
	}
	if m.state < 0 || m.state >= stateCount {
		return nil
	}
	return screens[m.state]
}
