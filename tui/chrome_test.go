package tui

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// TestStatusExpiresOnScreenChange (D18): a status line stays on the screen
// it was set on and goes at the next change of screen.
func TestStatusExpiresOnScreenChange(t *testing.T) {
	dir := sessCopyFixtures(t)
	m := sessModel(t, Options{SessionDir: dir}, 80, 24)
	m = press(m, "down", "down", "down", "enter") // continue Maria
	contains(t, view(m), "Continuing Maria")
	m = press(m, "down") // same screen: it stays
	contains(t, view(m), "Continuing Maria")
	m = press(m, "r")
	if m.state != stateResult || strings.Contains(view(m), "Continuing") {
		t.Fatalf("the status followed to the results:\n%s", view(m))
	}
	// A what-if discarded says so on the results, not on the picker.
	m = whatIfTimeline("ctrl+u", "3", "6", "enter", "esc")(t, 80, 24)
	contains(t, view(m), "Discarded the what-if")
	m = press(m, "tab")
	contains(t, view(m), "Discarded the what-if")
	m = press(m, "w")
	if strings.Contains(view(m), "Discarded") {
		t.Fatalf("the status followed to the picker:\n%s", view(m))
	}
	// An export's files stay listed on the results, whole even at 40x12,
	// and go on the comparison.
	m = exporting(nil)(t, 40, 12)
	v := strings.Join(strings.Fields(view(m)), " ")
	if !strings.Contains(v, "/home/student/medpath-report.md and /home/student/medpath-answers.yaml") {
		t.Errorf("the export's files are cut at 40x12:\n%s", view(m))
	}
	m = press(m, "c")
	if strings.Contains(view(m), "Saved") {
		t.Errorf("the export status followed to the comparison")
	}
	// A note takes one line on a short terminal.
	m = whatIfTimeline("ctrl+u", "3", "6", "enter", "a")(t, 40, 12)
	if n := strings.Count(view(m), "Kept:"); n != 1 || strings.Contains(view(m), "now your\n") {
		t.Errorf("at 40x12 the kept note is not one line:\n%s", view(m))
	}
}

// TestFullHelpFits (D14): the full help (?) lists every key the screen uses
// and the global ones, and no line is cut, at 80 columns; at 40x12 it fits
// the height too.
func TestFullHelpFits(t *testing.T) {
	builds := map[string]func(t testing.TB, w, h int) model{
		"welcome": func(t testing.TB, w, h int) model { return sessModel(t, Options{SessionDir: sessFixtures}, w, h) },
		"review":  at(stateReview),
		"results": at(stateResult),
		"compare": at(stateResult, "c"),
		"learn":   at(stateLearn),
		"picker":  at(stateResult, "w"),
		"whatif":  whatIfTimeline("ctrl+u", "3", "6", "enter"),
	}
	for name, build := range builds {
		for _, sz := range [][2]int{{80, 24}, {40, 12}, {200, 50}} {
			m := build(t, sz[0], sz[1])
			m = press(m, "?")
			if !m.help.ShowAll {
				t.Fatalf("%s: ? did not open the full help", name)
			}
			v := view(m)
			bw, _ := m.bodySize()
			for _, l := range fullHelp(m.c.st, m.helpKeys().full, bw, max(sz[1]/2, 3)) {
				if strings.Contains(ansi.Strip(l), "…") || ansi.StringWidth(l) > bw {
					t.Errorf("%s %v: a help line is cut: %q", name, sz, ansi.Strip(l))
				}
			}
			flat := strings.Join(strings.Fields(v), " ")
			for _, g := range m.helpKeys().full {
				for _, b := range g {
					if b.Enabled() && !strings.Contains(flat, b.Help().Key+" "+b.Help().Desc) {
						t.Errorf("%s %v: the full help lacks %q\n%s", name, sz, b.Help().Key+" "+b.Help().Desc, v)
					}
				}
			}
			if lines := strings.Split(v, "\n"); len(lines) > sz[1] {
				t.Errorf("%s %v: %d lines", name, sz, len(lines))
			}
		}
	}
}

var countRe = regexp.MustCompile(`Question (\d+) of (\d+)(?:–(\d+))?`)

// TestQuestionCountNeverJumps (D13): walking the questionnaire, "Question n
// of N" never shows more questions than it said before (the high end never
// grows, the low end never shrinks), and the questions asked in the end are
// within every range it showed.
func TestQuestionCountNeverJumps(t *testing.T) {
	e := engine(t)
	people := map[string]advisor.Answers{
		"defaults": {},
		"carla":    carlaAnswers(),
		"ben": {"education": "bachelor", "college_credits": 120, "biology_credits": 30, "chemistry_credits": 16,
			"goal": "technologist", "state": "OH"},
	}
	for name, want := range people {
		m := newTestModel(t, nil, 80, 24)
		m, cmd := m.showQuestions("", false)
		m = doAllUpdates(laidOut(m), cmd)
		lo, hi := 0, 1000
		for i := 0; m.state == stateQuestion && i < 60; i++ {
			got := countRe.FindStringSubmatch(view(m))
			if got == nil {
				t.Fatalf("%s: no count on\n%s", name, view(m))
			}
			n, _ := strconv.Atoi(got[1])
			l, _ := strconv.Atoi(got[2])
			h := l
			if got[3] != "" {
				h, _ = strconv.Atoi(got[3])
			}
			if l < lo || h > hi || n > h {
				t.Fatalf("%s: question %d of %d–%d after %d–%d", name, n, l, h, lo, hi)
			}
			lo, hi = l, h
			q := m.question.current()
			v, ok := want[q.ID]
			if !ok {
				v = q.DefaultValue()
			}
			m.question.answers = m.question.answers.Clone()
			m.question.answers[q.ID] = v
			var tr transition
			m.question, cmd, tr = m.question.advance(q, v)
			if tr != nil {
				m, cmd = m.apply(tr)
			}
			m = doAllUpdates(laidOut(m), cmd)
		}
		asked := len(e.Visible(m.answers))
		if asked < lo || asked > hi {
			t.Errorf("%s: asked %d, the last range was %d–%d", name, asked, lo, hi)
		}
	}
	// Random answers, straight through the counting: the same holds.
	rng := rand.New(rand.NewPCG(12, 2026))
	for run := range 150 {
		a := advisor.Answers{}
		lo, hi := 0, 1000
		for {
			vis := e.Visible(a)
			var q *advisor.Question
			for _, x := range vis {
				if _, ok := a[x.ID]; !ok {
					q = x
					break
				}
			}
			if q == nil {
				break
			}
			c := countQuestions(e, a, openAfter(a, q.ID))
			if c.Now < lo || c.Total > hi || c.Now > c.Total {
				t.Fatalf("run %d at %s: %s after %d–%d", run, q.ID, c, lo, hi)
			}
			lo, hi = c.Now, c.Total
			vals := tryValues(q)
			a[q.ID] = vals[rng.IntN(len(vals))]
		}
		if n := len(e.Visible(a)); n < lo || n > hi {
			t.Fatalf("run %d: asked %d, the last range was %d–%d", run, n, lo, hi)
		}
	}
}
