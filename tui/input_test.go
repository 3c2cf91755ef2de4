package tui

import (
	"reflect"
	"strings"
	"testing"

	"medpath/advisor"
)

// questionnaireAt walks the questionnaire with enter (every default, none
// recorded on the multis) from the first question to question id, for the
// answers a, at w x h.
func questionnaireAt(t *testing.T, a advisor.Answers, id string, w, h int) model {
	t.Helper()
	m := newTestModel(t, a, w, h)
	m, cmd := m.showQuestions("", false)
	m = doAllUpdates(laidOut(m), cmd)
	return gotoQuestion(t, m, id)
}

// helpLine is the last line of the screen: the short help.
func helpLine(m model) string {
	lines := strings.Split(view(m), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// TestMultiAsksBeforeNone (D8): enter on a highlighted credential with
// nothing ticked asks before it records none; esc goes back to the list;
// enter or y records none; x and space both tick, and the tick key is the
// first thing on the help line at 80 and 40 columns.
func TestMultiAsksBeforeNone(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		m := questionnaireAt(t, nil, "certifications_held", sz[0], sz[1])
		if h := helpLine(m); !strings.HasPrefix(h, "x/space tick") {
			t.Errorf("%dx%d: help line starts %q", sz[0], sz[1], h)
		}
	}
	m := questionnaireAt(t, nil, "certifications_held", 80, 24)
	m = press(m, "down", "down", "enter")
	if currentID(m) != "certifications_held" {
		t.Fatalf("enter with nothing ticked moved on to %s", currentID(m))
	}
	contains(t, view(m), noneQuestion)
	if h := helpLine(m); !strings.HasPrefix(h, "enter/y record none • esc/n back to the list") {
		t.Errorf("asking: help line %q", h)
	}
	m = press(m, "esc")
	if currentID(m) != "certifications_held" || strings.Contains(view(m), noneQuestion) {
		t.Fatalf("esc while asking: at %s\n%s", currentID(m), view(m))
	}
	if _, ok := m.answers["certifications_held"]; ok {
		t.Fatal("esc while asking recorded an answer")
	}
	// Any other key goes back to the list and does its job: x ticks.
	m = press(m, "enter", "x", "enter")
	opt := engine(t).Question("certifications_held").Options[2].Value
	if got := m.answers["certifications_held"]; !reflect.DeepEqual(got, []string{opt}) {
		t.Fatalf("x then enter recorded %v, want [%s]", got, opt)
	}
	// Back, untick with space, and enter twice: none.
	m = press(m, "esc")
	m = gotoQuestion(t, press(m, "esc"), "certifications_held")
	m = press(m, "down", "down", "space", "enter")
	if currentID(m) != "certifications_held" {
		t.Fatal("unticked, enter did not ask")
	}
	m = press(m, "y")
	if got := m.answers["certifications_held"]; !reflect.DeepEqual(got, []string{}) || currentID(m) == "certifications_held" {
		t.Fatalf("y recorded %v, at %s", got, currentID(m))
	}
	// Answered none already: enter takes it at once.
	m = press(m, "esc")
	m = gotoQuestion(t, m, "certifications_held")
	if m = press(m, "enter"); currentID(m) == "certifications_held" {
		t.Fatal("a recorded none asked again")
	}
}

// TestNumberFieldTakesLetters (D11): in a number field q, ? and h are text,
// not quit or help; f1 explains; ctrl+c still quits.
func TestNumberFieldTakesLetters(t *testing.T) {
	m := questionnaireAt(t, nil, "timeline_months", 80, 24)
	m = press(m, "ctrl+u")
	m = typeText(m, "2q?h")
	if m.quitting || m.confirmQuit || m.question.explain || m.help.ShowAll {
		t.Fatalf("letters acted as keys: quitting %v, asking %v, explain %v", m.quitting, m.confirmQuit, m.question.explain)
	}
	if got := numberText(m); got != "2q?h" {
		t.Fatalf("field holds %q, want the letters typed", got)
	}
	contains(t, view(m), "is not a whole number")
	if h := helpLine(m); strings.Contains(h, "q quit") || !strings.Contains(h, "f1 explain") || !strings.Contains(h, "ctrl+c") {
		t.Errorf("help line %q", h)
	}
	m = press(m, "f1")
	if !m.question.explain {
		t.Fatal("f1 did not explain")
	}
	m = press(m, "ctrl+c")
	if !m.cancelled {
		t.Fatal("ctrl+c did not quit")
	}
	// On the review's change screen too.
	m = newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, editAnswer{id: "budget"})
	m = typeText(m, "q")
	if m.quitting || m.confirmQuit || numberText(m) != "12000q" {
		t.Fatalf("q on the change screen: quitting %v, text %q", m.quitting, numberText(m))
	}
}

// TestStateFilter (D16): / filters the long list of states by what is
// typed; "new y" and "ny" leave New York; enter picks it; esc closes the
// filter with the cursor on the option that was highlighted; q is text.
func TestStateFilter(t *testing.T) {
	for _, typed := range []string{"new y", "ny", "NEW YORK"} {
		m := newTestModel(t, fixedAnswers(), 80, 24)
		m = act(m, editAnswer{id: "state"})
		m = press(m, "/")
		m = typeText(m, typed)
		v := view(m)
		contains(t, v, "> ( ) New York")
		if typed == "new y" && strings.Contains(v, "New Jersey") {
			t.Errorf("%q leaves New Jersey:\n%s", typed, v)
		}
		m = press(m, "enter")
		if m.answers["state"] != "NY" || currentID(m) != "state_licence_held" { // NY's follow-up
			t.Fatalf("%q then enter: state %v, at %s", typed, m.answers["state"], currentID(m))
		}
	}
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, editAnswer{id: "state"})
	m = press(m, "/")
	m = typeText(m, "q")
	if m.quitting || m.confirmQuit {
		t.Fatal("q in the filter quit")
	}
	contains(t, view(m), "/ q")
	m = press(m, "backspace")
	m = typeText(m, "new")
	m = press(m, "down", "esc") // New Jersey, New Mexico, New York...: the second
	f := m.question.field.(choiceField)
	if f.filtering || f.optionAt().Label != "New Jersey" {
		t.Fatalf("esc left the cursor on %q (filtering %v)", f.optionAt().Label, f.filtering)
	}
	if m.answers["state"] != "TX" || m.state != stateQuestion {
		t.Fatal("esc in the filter changed the answer or left the question")
	}
}

// TestExplainAtSmallSize (D24): at 40x12 the explanation shows alone, not
// pushing the options off the screen, and ? brings the options back.
func TestExplainAtSmallSize(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 40, 12)
	m, _ = m.showQuestions("education", false)
	m = laidOut(m)
	m = press(m, "?")
	v := view(m)
	contains(t, v, "Press ? again to see the answers.")
	m = press(m, "?")
	contains(t, view(m), "(•) Associate degree")
	// Where there is room, both show.
	m = newTestModel(t, fixedAnswers(), 80, 24)
	m, _ = m.showQuestions("education", false)
	m = press(laidOut(m), "?")
	contains(t, view(m), "(•) Associate degree")
	contains(t, view(m), "? Pick the highest")
}

// TestEscOnFollowUpUndoesTheChange (D19): on the review, military training
// changed to yes opens its follow-up; esc there undoes the change, so the
// "years ago" default never meets a military route unasked.
func TestEscOnFollowUpUndoesTheChange(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, showScreen{to: stateReview})
	before := m.visibleAnswers()
	m = act(m, editAnswer{id: "military_lab_training"})
	m = press(m, "y")
	if currentID(m) != "military_lab_years_ago" {
		t.Fatalf("yes did not open the follow-up: at %s", currentID(m))
	}
	if h := helpLine(m); !strings.Contains(h, "esc undo the change") {
		t.Errorf("help line %q", h)
	}
	m = press(m, "esc")
	if m.state != stateReview {
		t.Fatalf("esc on the follow-up: %s", m.state)
	}
	if got := m.visibleAnswers(); !reflect.DeepEqual(got, before) {
		t.Fatalf("answers after esc: %v, want %v", got, before)
	}
	if _, ok := m.answers["military_lab_years_ago"]; ok {
		t.Error("the follow-up was recorded")
	}
	contains(t, view(m), "Undid the change:")
	// Enter on the follow-up keeps both.
	m = act(m, editAnswer{id: "military_lab_training"})
	m = press(m, "y", "enter")
	if m.state != stateReview || m.answers["military_lab_training"] != true {
		t.Fatalf("enter on the follow-up: %s, %v", m.state, m.answers["military_lab_training"])
	}
	// Esc on the question the change started on changes nothing.
	m = act(m, editAnswer{id: "budget"})
	m = typeText(m, "5")
	m = press(m, "esc")
	if m.answers["budget"] != 12000 {
		t.Errorf("esc on the first question changed the budget to %v", m.answers["budget"])
	}
}
