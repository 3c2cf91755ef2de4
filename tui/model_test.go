package tui

import (
	"errors"
	"image/color"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// visibleIDs lists the ids of the questions the screen would ask now.
func visibleIDs(m model) []string {
	var ids []string
	for _, q := range m.question.visible {
		ids = append(ids, q.ID)
	}
	return ids
}

// choose moves the cursor of a choice question to value and presses enter.
func choose(t *testing.T, m model, value string) model {
	t.Helper()
	q := m.question.current()
	i := slices.IndexFunc(q.Options, func(o advisor.Option) bool { return o.Value == value })
	if i < 0 {
		t.Fatalf("question %s has no option %q", q.ID, value)
	}
	m = press(m, "home")
	for range i {
		m = press(m, "down")
	}
	return press(m, "enter")
}

func TestStartShowsFirstQuestion(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	if m.state != stateWelcome {
		t.Fatalf("state %s, want welcome", m.state)
	}
	contains(t, view(m), "Nothing you type leaves this computer")
	m = press(m, "enter")
	if m.state != stateQuestion || currentID(m) != "education" {
		t.Fatalf("state %s at %q, want the education question", m.state, currentID(m))
	}
	contains(t, view(m), "Question 1 of")
}

func TestBackAndForthKeepsAnswers(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	m = choose(t, m, "associate")
	if currentID(m) != "college_credits" {
		t.Fatalf("after associate: at %q", currentID(m))
	}
	m = typeText(m, "64")
	m = press(m, "enter")
	m = typeText(m, "12")
	m = press(m, "tab") // tab moves on too
	if currentID(m) != "chemistry_credits" {
		t.Fatalf("at %q, want chemistry_credits", currentID(m))
	}
	m = press(m, "esc", "shift+tab")
	if currentID(m) != "college_credits" {
		t.Fatalf("two steps back: at %q, want college_credits", currentID(m))
	}
	if got := numberText(m); got != "64" {
		t.Errorf("college credits field shows %q, want 64", got)
	}
	m = press(m, "esc")
	if currentID(m) != "education" || !strings.Contains(view(m), "> (•) Associate degree") {
		t.Fatalf("education should show the cursor on the answer:\n%s", view(m))
	}
	m = press(m, "esc")
	if m.state != stateWelcome {
		t.Fatalf("back past the first question: state %s, want welcome", m.state)
	}
	contains(t, view(m), "Continue: review your")
	m = press(m, "down", "enter") // go through the questions again
	m = press(m, "enter", "enter")
	if got := numberText(m); currentID(m) != "biology_credits" || got != "12" {
		t.Fatalf("forward again: at %q showing %q, want biology_credits 12", currentID(m), got)
	}
	want := advisor.Answers{"education": "associate", "college_credits": 64, "biology_credits": 12}
	for k, v := range want {
		if m.answers[k] != v {
			t.Errorf("answer %s = %v, want %v", k, m.answers[k], v)
		}
	}
}

func TestShowIfAddsAndRemovesQuestions(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	before := len(m.question.visible)
	if slices.Contains(visibleIDs(m), "college_credits") {
		t.Fatal("college_credits visible before any college")
	}
	m = choose(t, m, "bachelor")
	if !slices.Contains(visibleIDs(m), "college_credits") || !slices.Contains(visibleIDs(m), "biology_credits") {
		t.Fatalf("bachelor should add the credit questions: %v", visibleIDs(m))
	}
	if after := len(m.question.visible); after <= before {
		t.Errorf("question count %d -> %d, want it to grow", before, after)
	}
	contains(t, view(m), "Question 2 of ")
	m = press(m, "esc")
	m = choose(t, m, "high_school")
	if slices.Contains(visibleIDs(m), "college_credits") {
		t.Fatalf("high school should remove the credit questions: %v", visibleIDs(m))
	}
	if currentID(m) != "lab_program" {
		t.Fatalf("after high school: at %q, want lab_program", currentID(m))
	}

	m = choose(t, m, "mlt")
	if currentID(m) != "lab_program_years_ago" {
		t.Fatalf("an MLT program should ask when: at %q", currentID(m))
	}
	m = typeText(m, "3")
	m = press(m, "enter", "esc", "esc") // back to lab_program
	if currentID(m) != "lab_program" {
		t.Fatalf("at %q, want lab_program", currentID(m))
	}
	m = choose(t, m, "none")
	if slices.Contains(visibleIDs(m), "lab_program_years_ago") {
		t.Fatalf("no program should remove lab_program_years_ago: %v", visibleIDs(m))
	}
	if currentID(m) != "current_job" {
		t.Fatalf("at %q, want current_job", currentID(m))
	}
	// The hidden answer is kept (it comes back with its question) but never
	// reaches the engine or the caller.
	if m.answers["lab_program_years_ago"] != 3 {
		t.Errorf("hidden answer dropped from the working set: %v", m.answers)
	}
	if _, ok := m.visibleAnswers()["lab_program_years_ago"]; ok {
		t.Error("hidden answer reaches the engine")
	}
}

func TestInvalidNumberBlocksAndKeepsText(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	m = choose(t, m, "associate")
	m = typeText(m, "640")
	contains(t, view(m), "! 640 is more than 300")
	m = press(m, "enter")
	if currentID(m) != "college_credits" {
		t.Fatalf("an out-of-bounds number moved on to %q", currentID(m))
	}
	if got := numberText(m); got != "640" {
		t.Fatalf("typed text lost: %q", got)
	}
	m = press(m, "backspace", "backspace", "backspace")
	m = typeText(m, "12x")
	contains(t, view(m), `! "12x" is not a number`)
	m = press(m, "enter")
	if currentID(m) != "college_credits" {
		t.Fatalf("a bad number moved on to %q", currentID(m))
	}
	// Going back keeps the draft; coming forward shows it with its error.
	m = press(m, "esc", "enter")
	if currentID(m) != "college_credits" || numberText(m) != "12x" {
		t.Fatalf("draft lost: at %q showing %q", currentID(m), numberText(m))
	}
	contains(t, view(m), "! ")
	if _, ok := m.answers["college_credits"]; ok {
		t.Errorf("an invalid number was saved: %v", m.answers["college_credits"])
	}
	m = press(m, "backspace")
	m = typeText(m, ",000") // "12,000" reads as 12000, which is out of bounds
	contains(t, view(m), "! 12000 is more than 300")
	m = press(m, "backspace", "backspace", "backspace", "backspace")
	m = press(m, "enter")
	if m.answers["college_credits"] != 12 || currentID(m) != "biology_credits" {
		t.Fatalf("12 not taken: %v at %q", m.answers["college_credits"], currentID(m))
	}
}

func TestEnterTakesTheDefault(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	m = answerAll(t, m)
	e := engine(t)
	for _, q := range e.Visible(m.answers) {
		v, ok := m.answers[q.ID]
		if !ok {
			t.Errorf("%s unanswered after enter", q.ID)
			continue
		}
		if !reflect.DeepEqual(v, q.DefaultValue()) {
			t.Errorf("%s = %#v, want the default %#v", q.ID, v, q.DefaultValue())
		}
	}
	contains(t, view(m), "> See my results")
}

func TestQuestionKinds(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	m = gotoQuestion(t, m, "military_lab_training")
	m = press(m, "y") // y answers yes and moves on
	if m.answers["military_lab_training"] != true || currentID(m) != "military_lab_years_ago" {
		t.Fatalf("y: %v, at %q", m.answers["military_lab_training"], currentID(m))
	}
	m = press(m, "enter")
	if currentID(m) != "certifications_held" {
		t.Fatalf("at %q", currentID(m))
	}
	m = press(m, "space", "down", "down", "space")
	v := view(m)
	contains(t, v, "[x] PBT(ASCP)")
	contains(t, v, "> [x] RPT(AMT)")
	m = press(m, "enter")
	if got := m.answers["certifications_held"]; !reflect.DeepEqual(got, []string{"pbt-ascp", "rpt-amt"}) {
		t.Fatalf("certifications_held = %#v", got)
	}
	m = gotoQuestion(t, m, "lab_work")
	contains(t, view(m), "Not at all")
	m = press(m, "5")
	if m.answers["lab_work"] != 5 || currentID(m) != "technology" {
		t.Fatalf("5: %v at %q", m.answers["lab_work"], currentID(m))
	}
	m = gotoQuestion(t, m, "state")
	m = press(m, "T", "T")
	if got := m.question.field.option().Value; got != "TX" {
		t.Fatalf("T T jumped to %q, want TX", got)
	}
	m = press(m, "enter")
	if m.state != stateReview || m.answers["state"] != "TX" {
		t.Fatalf("state %s, answer %v", m.state, m.answers["state"])
	}
}

func TestExplainToggles(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	help := engine(t).Question("education").Help
	first := strings.Fields(help)[0]
	if strings.Contains(view(m), "? "+first) {
		t.Fatal("help shown before asking")
	}
	m = press(m, "?")
	contains(t, view(m), "? "+first)
	m = press(m, "h")
	if strings.Contains(view(m), "? "+first) {
		t.Fatal("h did not hide the help")
	}
}

func TestReviewEditReturnsToReview(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, showScreen{to: stateReview})
	if m.review.rows[0].q.ID != "education" {
		t.Fatalf("first review row %s", m.review.rows[0].q.ID)
	}
	// Change the budget: one question, then straight back.
	m = press(m, "home")
	for m.review.rows[m.review.cursor].q.ID != "budget" {
		m = press(m, "down")
	}
	m = press(m, "enter")
	if m.state != stateQuestion || currentID(m) != "budget" || !m.question.edit {
		t.Fatalf("enter on budget: state %s at %q", m.state, currentID(m))
	}
	contains(t, view(m), "Changing an answer")
	m = press(m, "ctrl+u")
	m = typeText(m, "$4,000")
	m = press(m, "enter")
	if m.state != stateReview || m.answers["budget"] != 4000 {
		t.Fatalf("after the change: state %s, budget %v", m.state, m.answers["budget"])
	}
	contains(t, view(m), "$4,000")
	if m.review.rows[m.review.cursor].q.ID != "budget" {
		t.Errorf("cursor moved to %s", m.review.rows[m.review.cursor].q.ID)
	}

	// Change lab_program to mlt: its follow-up is asked, then the review.
	for m.review.rows[m.review.cursor].q.ID != "lab_program" {
		m = press(m, "up")
	}
	m = press(m, "enter")
	m = choose(t, m, "mlt")
	if m.state != stateQuestion || currentID(m) != "lab_program_years_ago" {
		t.Fatalf("the new follow-up was not asked: state %s at %q", m.state, currentID(m))
	}
	m = typeText(m, "2")
	m = press(m, "enter")
	if m.state != stateReview || m.answers["lab_program_years_ago"] != 2 {
		t.Fatalf("state %s, years %v", m.state, m.answers["lab_program_years_ago"])
	}

	// esc gives a change up.
	m = press(m, "enter")
	m = press(m, "down", "esc")
	if m.state != stateReview || m.answers["lab_program"] != "mlt" {
		t.Fatalf("esc changed the answer: %v", m.answers["lab_program"])
	}
}

func TestResultsTabsAndPaths(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, showScreen{to: stateReview})
	m = press(m, "r")
	if m.state != stateResult || m.rec == nil {
		t.Fatalf("r: state %s", m.state)
	}
	top := m.rec.Paths[0]
	v := view(m)
	contains(t, v, "★ Recommended")
	contains(t, v, top.Title)
	contains(t, v, "[Overview]")
	m = press(m, "tab")
	contains(t, view(m), "[Plan]")
	contains(t, view(m), "To a first job")
	m = press(m, "tab")
	contains(t, view(m), "[Certification]")
	m = press(m, "4")
	contains(t, view(m), "[Pay & outlook]")
	contains(t, view(m), advisor.Dollars(top.Salary.Median))
	m = press(m, "left", "left", "left")
	contains(t, view(m), "[Overview]")
	m = press(m, "down")
	contains(t, view(m), m.rec.Paths[1].Title)
	contains(t, view(m), "rank 2 of")
	m = press(m, "c")
	if m.state != stateCompare {
		t.Fatalf("c: state %s", m.state)
	}
	m = press(m, "f")
	if m.state != stateLearn {
		t.Fatalf("f: state %s", m.state)
	}
	m = press(m, "esc") // the FAQ returns where it was opened (D25)
	if m.state != stateCompare {
		t.Fatalf("esc from learn: state %s, want compare", m.state)
	}
	m = press(m, "esc")
	if m.state != stateResult {
		t.Fatalf("esc from compare: state %s, want result", m.state)
	}
	m = press(m, "f", "esc")
	if m.state != stateResult {
		t.Fatalf("esc from learn opened on the results: state %s", m.state)
	}
	m = press(m, "esc")
	if m.state != stateReview {
		t.Fatalf("esc from result: state %s, want review", m.state)
	}
	m = act(m, showScreen{to: stateWelcome})
	m = press(m, "f", "esc")
	if m.state != stateWelcome {
		t.Fatalf("esc from learn opened on the welcome: state %s", m.state)
	}
}

func TestQuitAsksOnlyWhenAnswersChanged(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "q")
	if !m.quitting || m.cancelled {
		t.Fatalf("q on a fresh welcome: quitting %v, cancelled %v", m.quitting, m.cancelled)
	}

	m = newTestModel(t, nil, 80, 24)
	m = press(m, "enter", "enter")
	m = press(m, "q")
	if m.quitting || !m.confirmQuit {
		t.Fatal("q with unsaved answers should ask")
	}
	contains(t, view(m), "Quit without exporting? y/n")
	m = press(m, "n")
	if m.quitting || m.confirmQuit || m.state != stateQuestion {
		t.Fatalf("n should stay: quitting %v, state %s", m.quitting, m.state)
	}
	m = press(m, "q", "y")
	if !m.quitting || m.cancelled {
		t.Fatalf("q y: quitting %v, cancelled %v", m.quitting, m.cancelled)
	}

	// Answers given with --answers and not changed are not "unsaved".
	m = newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, showScreen{to: stateResult})
	m = press(m, "q")
	if !m.quitting {
		t.Fatal("q with unchanged starting answers should quit")
	}
}

func TestCtrlCCancelsAnywhere(t *testing.T) {
	for _, s := range []state{stateWelcome, stateQuestion, stateReview, stateResult, stateCompare, stateLearn} {
		m := newTestModel(t, fixedAnswers(), 80, 24)
		m = act(m, showScreen{to: s})
		next, cmd := m.Update(keypress("ctrl+c"))
		m = *next.(*model)
		if !m.cancelled || cmd == nil {
			t.Errorf("%s: ctrl+c did not cancel", s)
			continue
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s: ctrl+c did not quit", s)
		}
		if m.outcome().Answers == nil {
			t.Errorf("%s: no answers in the result", s)
		}
	}
}

func TestModelExport(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	m = answerAll(t, m)
	m = press(m, "r")
	var got advisor.Answers
	m.export = func(_ *advisor.Engine, a advisor.Answers, dir, _ string) (string, string, error) {
		got = a
		return dir + "/r.md", dir + "/a.yaml", nil
	}
	m = press(m, "e")
	if !reflect.DeepEqual(got, m.visibleAnswers()) {
		t.Fatalf("exported %v, want %v", got, m.visibleAnswers())
	}
	contains(t, view(m), "Saved ")
	if len(m.exported) != 2 || m.dirty() {
		t.Fatalf("after export: exported %v, dirty %v", m.exported, m.dirty())
	}
	m = press(m, "q")
	if !m.quitting {
		t.Fatal("q after an export should quit without asking")
	}
}

func TestModelExportFailureKeepsEverything(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, showScreen{to: stateResult})
	m = press(m, "down", "tab")
	m.export = func(*advisor.Engine, advisor.Answers, string, string) (string, string, error) {
		return "", "", errors.New("cannot save to folder /nope: permission denied")
	}
	before := m.answers.Clone()
	m = press(m, "ctrl+s")
	v := view(m)
	contains(t, v, "! could not save: cannot save to folder /nope: permission denied")
	if m.state != stateResult || m.result.sel != 1 || m.result.tab != tabPlan || !reflect.DeepEqual(m.answers, before) {
		t.Fatalf("a failed export changed the screen or the answers")
	}
	if len(m.exported) != 0 {
		t.Errorf("exported %v after a failure", m.exported)
	}
}

func TestModelExportToUnwritableFolder(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m.outDir = "/dev/null/medpath" // a folder under a file: never writable
	m = act(m, showScreen{to: stateResult})
	m = press(m, "e")
	contains(t, view(m), "! could not save:")
}

func TestStartingAnswersOfferContinue(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 80, 24)
	contains(t, view(m), "> Continue: review your 16 answers")
	m = press(m, "enter")
	if m.state != stateReview {
		t.Fatalf("continue: state %s", m.state)
	}
	m = press(m, "esc")
	if m.state != stateQuestion || m.question.idx != len(m.question.visible)-1 {
		t.Fatalf("esc on the review should open the last question: state %s idx %d", m.state, m.question.idx)
	}
}

func TestHelpShowsOnlyWorkingKeys(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 120, 40)
	m = act(m, showScreen{to: stateReview})
	v := view(m)
	contains(t, v, "r see results")
	if strings.Contains(v, "e export") || strings.Contains(v, "space tick") {
		t.Fatalf("review help lists keys of other screens:\n%s", v)
	}
	m = press(m, "?")
	if !m.help.ShowAll {
		t.Fatal("? did not open the full help")
	}
	contains(t, view(m), "ctrl+c quit now")
	m = press(m, "?")
	if m.help.ShowAll {
		t.Fatal("? did not close the full help")
	}
	m = act(m, showScreen{to: stateResult})
	contains(t, view(m), "e export")
	m = act(m, showScreen{to: stateQuestion})
	if strings.Contains(view(m), "e export") {
		t.Fatal("question help lists export")
	}
}

func TestBackgroundColourRestyles(t *testing.T) {
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m = act(m, showScreen{to: stateResult})
	before := view(m)
	m = send(m, tea.BackgroundColorMsg{Color: color.White})
	if m.c.isDark {
		t.Fatal("a white background is not dark")
	}
	if view(m) != before {
		t.Error("restyling changed the text")
	}
}

// TestBackgroundReachesEveryScreen checks that the one assignment of new
// styles (common.setDark) reaches every screen, those that keep styled
// lines, the text fields and the help included: after a white background
// is reported, no colour of the dark styles is left anywhere on screen.
func TestBackgroundReachesEveryScreen(t *testing.T) {
	dark := []string{
		"38;2;230;230;230", // #E6E6E6, the dark styles' text
		"38;2;198;198;198", // #C6C6C6, the help's keys on a dark background
	}
	screens := []struct {
		name  string
		build func(t testing.TB, w, h int) model
	}{
		{"welcome-name-field", func(t testing.TB, w, h int) model {
			return sessModel(t, Options{SessionDir: t.TempDir()}, w, h)
		}},
		{"question-number", openQuestion("budget")},
		{"question-list", openQuestion("education")},
		{"review", at(stateReview)},
		{"result-plan", at(stateResult, "2")},
		{"compare", at(stateResult, "c")},
		{"learn", at(stateLearn)},
		{"whatif-picker", at(stateResult, "w")},
		{"whatif-results", whatIfTimeline("ctrl+u", "3", "6", "enter")},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				m := sc.build(t, size[0], size[1])
				for _, c := range dark {
					if !strings.Contains(m.View().Content, c) {
						t.Fatalf("%v: the dark colour %s is not on screen to begin with", size, c)
					}
				}
				m = send(m, tea.BackgroundColorMsg{Color: color.White})
				for _, c := range dark {
					if v := m.View().Content; strings.Contains(v, c) {
						t.Errorf("%v: the dark colour %s is left after a white background:\n%q", size, c, v)
					}
				}
			}
		})
	}
}

func TestViewBeforeSizeAndTooSmall(t *testing.T) {
	m := newModel(engine(t), Options{})
	lines := strings.Split(view(m), "\n")
	if len(lines) != defaultHeight {
		t.Errorf("before a size: %d lines, want %d", len(lines), defaultHeight)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > defaultWidth {
			t.Fatalf("line wider than %d: %q", defaultWidth, l)
		}
	}
	for _, sz := range [][2]int{{39, 24}, {80, 11}, {20, 5}, {1, 1}, {0, 0}} {
		m := send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		v := m.View().Content
		if strings.TrimSpace(ansi.Strip(v)) == "" {
			t.Errorf("%dx%d: empty view", sz[0], sz[1])
		}
		if sz[0] >= 40 || sz[0] == 0 {
			continue
		}
		if !strings.Contains(strings.ReplaceAll(ansi.Strip(v), "\n", " "), "Terminal too small") && sz[0] > 12 {
			t.Errorf("%dx%d: no notice:\n%s", sz[0], sz[1], ansi.Strip(v))
		}
	}
}

func TestUnknownStateIsVisible(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m.state = state(42)
	contains(t, view(m), "Unknown screen state(42): this is a bug")
	if state(42).String() != "state(42)" || stateResult.String() != "result" {
		t.Error("state names")
	}
}

// TestKeysTypedAheadLandOnTheRightScreen sends keys through Update alone,
// never running a command it returns, as keys typed ahead arrive before any
// command could: every screen change is a transition applied in the same
// Update, so each key lands on the screen the keys before it led to.
func TestKeysTypedAheadLandOnTheRightScreen(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	update := func(keys ...string) {
		for _, k := range keys {
			next, _ := m.Update(keypress(k))
			m = *next.(*model)
		}
	}
	update("enter")
	if m.state != stateQuestion || currentID(m) != "education" {
		t.Fatalf("enter on the welcome: state %s at %q", m.state, currentID(m))
	}
	for i := 0; m.state == stateQuestion && i < 100; i++ {
		update("enter")
	}
	if m.state != stateReview || len(m.answers) == 0 {
		t.Fatalf("enter through the questions: state %s, %d answers", m.state, len(m.answers))
	}
	update("r", "w", "enter")
	if m.state != stateQuestion || !m.question.whatIf || currentID(m) != "education" {
		t.Fatalf("r w enter: state %s at %q, what-if %v", m.state, currentID(m), m.question.whatIf)
	}
	update("esc", "esc", "c", "f", "esc", "esc", "esc")
	if m.state != stateReview {
		t.Fatalf("back through the picker, FAQ, compare and results: state %s", m.state)
	}
}
