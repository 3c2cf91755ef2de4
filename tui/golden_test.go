package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"medpath/advisor"
)

// The goldens hold every screen as plain text (escape codes stripped) for a
// fixed set of answers on a dark background. They are built from the
// embedded data, so a data change shows up here: regenerate with
// `go test ./tui -update` and read the diff like code.

// screenCase builds the model for one golden screen at a size.
type screenCase struct {
	name  string
	build func(t testing.TB, w, h int) model
}

// openQuestion shows question id for the fixed answers.
func openQuestion(id string, keys ...string) func(t testing.TB, w, h int) model {
	return func(t testing.TB, w, h int) model {
		m := newTestModel(t, fixedAnswers(), w, h)
		m, cmd := m.showQuestions(id, false)
		m = doAllUpdates(laidOut(m), cmd)
		return press(m, keys...)
	}
}

// at shows screen s for the fixed answers, then presses keys.
func at(s state, keys ...string) func(t testing.TB, w, h int) model {
	return func(t testing.TB, w, h int) model {
		m := newTestModel(t, fixedAnswers(), w, h)
		m = act(m, showScreen{to: s})
		return press(m, keys...)
	}
}

// whatIfTimeline opens the what-if for timeline_months (12 months in these
// answers) from the results, then presses keys.
func whatIfTimeline(keys ...string) func(t testing.TB, w, h int) model {
	return withAnswers(map[string]any{"timeline_months": 12}, whatIfOn("timeline_months", keys...))
}

func exporting(err error) func(t testing.TB, w, h int) model {
	return func(t testing.TB, w, h int) model {
		m := newTestModel(t, fixedAnswers(), w, h)
		m = act(m, showScreen{to: stateResult})
		m.export = func(*advisor.Engine, advisor.Answers, string, string) (string, string, error) {
			return "/home/student/medpath-report.md", "/home/student/medpath-answers.yaml", err
		}
		return press(m, "e")
	}
}

var screenCases = []screenCase{
	{"welcome", func(t testing.TB, w, h int) model { return newTestModel(t, nil, w, h) }},
	{"welcome-continue", func(t testing.TB, w, h int) model { return newTestModel(t, fixedAnswers(), w, h) }},
	{"question-choice", openQuestion("education")},
	{"question-explain", openQuestion("education", "?")},
	{"question-first-of-section", openQuestion("timeline_months")},
	{"question-number-default", func(t testing.TB, w, h int) model {
		m := newTestModel(t, nil, w, h)
		m, cmd := m.showQuestions("budget", false)
		return doAllUpdates(laidOut(m), cmd)
	}},
	{"question-number-error", openQuestion("biology_credits", "ctrl+u", "2", "5", "0")},
	{"question-multi", openQuestion("certifications_held", "space", "down", "down", "down", "space")},
	{"question-yesno", openQuestion("work_while_studying")},
	{"question-scale", openQuestion("lab_work")},
	{"question-long-list", openQuestion("state")},
	{"question-edit", at(stateReview, "home", "enter")},
	{"review", at(stateReview, "home")},
	{"review-end", at(stateReview, "end")},
	{"review-full-help", at(stateReview, "home", "?")},
	{"result-overview", at(stateResult)},
	{"result-plan", at(stateResult, "tab")},
	{"result-certification", at(stateResult, "3")},
	{"result-pay", at(stateResult, "4")},
	{"result-second-path", at(stateResult, "down", "4")},
	{"result-scrolled", at(stateResult, "pgdown")},
	{"compare", func(t testing.TB, w, h int) model {
		m := at(stateResult)(t, w, h)
		return press(m, "c")
	}},
	{"learn", at(stateLearn)},
	{"learn-third", at(stateLearn, "down", "down")},
	{"quit-confirm", func(t testing.TB, w, h int) model {
		m := at(stateResult)(t, w, h)
		m = act(m, answered{answers: advisor.Answers{"education": "bachelor"}})
		return press(m, "q")
	}},
	{"result-levers", func(t testing.TB, w, h int) model {
		// Scrolled down to "What would change this" of the recommended path.
		m := at(stateResult)(t, w, h)
		for i := 0; i < 40 && !strings.Contains(view(m), "What would change this"); i++ {
			m = press(m, "pgdown")
		}
		return m
	}},
	{"whatif-picker", at(stateResult, "w")},
	{"whatif-question", whatIfTimeline()},
	{"whatif-results", whatIfTimeline("ctrl+u", "3", "6", "enter")},
	{"whatif-plan", whatIfTimeline("ctrl+u", "3", "6", "enter", "3")},
	{"whatif-picker-again", whatIfTimeline("ctrl+u", "3", "6", "enter", "w")},
	{"whatif-kept", whatIfTimeline("ctrl+u", "3", "6", "enter", "a")},
	{"export-saved", exporting(nil)},
	{"export-failed", exporting(errors.New("cannot save to folder /home/student: permission denied"))},
}

func TestGolden(t *testing.T) {
	sizes := [][2]int{{80, 24}, {40, 12}}
	for _, sc := range screenCases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				m := sc.build(t, sz[0], sz[1])
				golden.RequireEqual(t, view(m))
			})
		}
	}
}

// TestGoldenWide covers the side-by-side layouts of wide terminals.
func TestGoldenWide(t *testing.T) {
	for _, name := range []string{"welcome", "question-long-list", "review", "result-overview", "result-plan", "result-pay", "compare", "learn", "whatif-results"} {
		for _, sc := range screenCases {
			if sc.name != name {
				continue
			}
			t.Run(name+"/120x40", func(t *testing.T) {
				golden.RequireEqual(t, view(sc.build(t, 120, 40)))
			})
		}
	}
}

func TestGoldenTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{39, 24}, {80, 11}, {20, 6}, {1, 1}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestModel(t, fixedAnswers(), 80, 24)
			m = act(m, showScreen{to: stateResult})
			m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			golden.RequireEqual(t, view(m))
		})
	}
}

// TestGoldenWhole holds the whole content of each scrolling pane, not only
// the screenful the other goldens see: every results tab of the recommended
// path, the what-if changes tab and the comparison, at each size. Text far
// down a tab (the state licence, the levers, the bridges, the what-if
// directions) is asserted here.
func TestGoldenWhole(t *testing.T) {
	cases := []struct {
		name  string
		build func(t testing.TB, w, h int) model
		lines func(m model) []string
	}{
		{"overview", at(stateResult, "1"), resultLines},
		{"plan", at(stateResult, "2"), resultLines},
		{"certification", at(stateResult, "3"), resultLines},
		{"pay", at(stateResult, "4"), resultLines},
		{"certification-licensing-state", withAnswers(map[string]any{"state": "CA"}, resultsWith("3")), resultLines},
		{"whatif-changes", whatIfTimeline("ctrl+u", "3", "6", "enter"), resultLines},
		{"whatif-routes-better", withAnswers(map[string]any{"experience_kinds": []string{"core_lab"}},
			whatIfOn("lab_experience_years", "ctrl+u", "3", "enter")), resultLines},
		{"whatif-routes-worse", withAnswers(map[string]any{"experience_kinds": []string{"core_lab"}, "lab_experience_years": 3},
			whatIfOn("lab_experience_years", "ctrl+u", "0", "enter")), resultLines},
		{"compare", at(stateResult, "c"), compareLines},
	}
	for _, c := range cases {
		for _, sz := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				golden.RequireEqual(t, ansi.Strip(strings.Join(c.lines(c.build(t, sz[0], sz[1])), "\n")))
			})
		}
	}
}

// withAnswers builds with the fixed answers changed by change.
func withAnswers(change map[string]any, build func(t testing.TB, a advisor.Answers, w, h int) model) func(t testing.TB, w, h int) model {
	return func(t testing.TB, w, h int) model {
		a := fixedAnswers()
		for id, v := range change {
			a[id] = v
		}
		return build(t, a, w, h)
	}
}

// resultsWith shows the results, then presses keys.
func resultsWith(keys ...string) func(t testing.TB, a advisor.Answers, w, h int) model {
	return func(t testing.TB, a advisor.Answers, w, h int) model {
		m := newTestModel(t, a, w, h)
		m = act(m, showScreen{to: stateResult})
		return press(m, keys...)
	}
}

// whatIfOn opens the what-if for question id from the results, then
// presses keys; a last enter must put a what-if on show.
func whatIfOn(id string, keys ...string) func(t testing.TB, a advisor.Answers, w, h int) model {
	return func(t testing.TB, a advisor.Answers, w, h int) model {
		t.Helper()
		m := newTestModel(t, a, w, h)
		m = act(m, showScreen{to: stateResult})
		m = press(m, "w")
		m = act(m, whatIfPick{id: id})
		if m.state != stateQuestion || !m.question.whatIf || currentID(m) != id {
			t.Fatalf("what-if on %s: state %s at %q (is it visible for these answers?)", id, m.state, currentID(m))
		}
		m = press(m, keys...)
		if len(keys) > 0 && keys[len(keys)-1] == "enter" && m.wif.cur == nil {
			t.Fatalf("what-if on %s with %v: no what-if on show\n%s", id, keys, view(m))
		}
		return m
	}
}

// resultLines is the whole detail pane of the results screen.
func resultLines(m model) []string { return m.result.detail.lines }

// compareLines is the whole comparison.
func compareLines(m model) []string { return m.compare.vp.lines }

// TestGoldenExitSummary holds the plain summary printed on stdout after the
// advisor closes on the results of the fixed answers (Run's Result through
// advisor.Engine.ExitSummary, as the command prints it).
func TestGoldenExitSummary(t *testing.T) {
	m := at(stateResult)(t, 80, 24)
	res := m.outcome()
	golden.RequireEqual(t, engine(t).ExitSummary(res.Recommendation, res.Exported...))
}
