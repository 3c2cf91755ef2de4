package tui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
	"medpath/internal/session"
)

// whatIfStart returns a model on the results for the fixed answers with a
// 12-month timeline, saving sessions into a temporary folder.
func whatIfStart(t *testing.T) (model, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "sessions")
	a := fixedAnswers()
	a["timeline_months"] = 12
	m := sessModel(t, Options{SessionDir: dir, Answers: a}, 80, 24)
	m = act(m, showScreen{to: stateResult})
	return m, dir
}

// whatIfTimeline36 opens the what-if picker, picks the timeline question
// with the cursor and changes it to 36 months.
func whatIfTimeline36(t *testing.T, m model) model {
	t.Helper()
	m = press(m, "w")
	if m.state != stateWhatIf {
		t.Fatalf("w on the results: state %s", m.state)
	}
	for i := 0; i < 40 && m.picker.cursor < len(m.picker.rows) && m.picker.rows[m.picker.cursor].q.ID != "timeline_months"; i++ {
		m = press(m, "down")
	}
	m = press(m, "enter")
	if m.state != stateQuestion || !m.question.whatIf || currentID(m) != "timeline_months" {
		t.Fatalf("picking the timeline: state %s, question %q, what-if %v", m.state, currentID(m), m.question.whatIf)
	}
	contains(t, view(m), "WHAT-IF: not saved")
	return press(m, "ctrl+u", "3", "6", "enter")
}

func TestWhatIfShowsWhatChanges(t *testing.T) {
	m, dir := whatIfStart(t)
	real := m.answers.Clone()
	realRec := m.rec
	m = whatIfTimeline36(t, m)
	if m.state != stateResult || m.wif.cur == nil {
		t.Fatalf("after the change: state %s, what-if %v", m.state, m.wif.cur != nil)
	}
	// The real answers are untouched and nothing was saved.
	if !reflect.DeepEqual(m.answers, real) || m.rec != realRec {
		t.Fatalf("a what-if changed the real answers: %v", m.answers)
	}
	if files := sessFiles(t, dir); len(files) != 0 {
		t.Fatalf("a what-if was saved: %v", files)
	}
	if m.wif.cur.answers["timeline_months"] != 36 {
		t.Fatalf("what-if answers %v", m.wif.cur.answers)
	}
	// The engine's diff has rank changes, and the screen says so in words.
	moved := 0
	for _, r := range m.wif.cur.diff.Ranks {
		if r.FromRank != r.ToRank {
			moved++
		}
	}
	if moved == 0 {
		t.Fatalf("no rank change in %+v", m.wif.cur.diff)
	}
	v := view(m)
	contains(t, v, "WHAT-IF")
	contains(t, v, "[What changes]")
	sessContains(t, v, "was 12 months, now 36 months")
	if !strings.Contains(v, "↑ up ") && !strings.Contains(v, "↓ down ") {
		t.Fatalf("no rank change marked with a symbol and a word:\n%s", v)
	}
	sessContains(t, v, "rank was ")
	// The list beside the changes is the what-if's.
	if m.result.rec != m.wif.cur.rec || m.result.rec.Paths[0].ID != m.wif.cur.rec.Paths[0].ID {
		t.Error("the results list is not the what-if's")
	}
	// Help lists the what-if keys, not export.
	contains(t, v, "a keep the change")
	contains(t, v, "esc discard what-if")
	if strings.Contains(v, "e export") {
		t.Error("export should be off in what-if mode")
	}
	m = press(m, "e", "c", "f")
	if m.state != stateResult || len(m.exported) != 0 {
		t.Fatalf("e, c or f did something in what-if mode: state %s", m.state)
	}
}

func TestWhatIfDiscardRestores(t *testing.T) {
	m, dir := whatIfStart(t)
	real := m.answers.Clone()
	before := view(m)
	m = whatIfTimeline36(t, m)
	m = press(m, "esc")
	if m.state != stateResult || m.wif.cur != nil || m.result.diff != nil {
		t.Fatalf("esc: state %s, what-if %v", m.state, m.wif.cur != nil)
	}
	if !reflect.DeepEqual(m.answers, real) || m.result.rec != m.rec {
		t.Fatalf("discard changed the answers: %v", m.answers)
	}
	v := view(m)
	contains(t, v, "Discarded the what-if")
	if strings.Contains(v, "WHAT-IF") {
		t.Errorf("still in what-if mode:\n%s", v)
	}
	// The results read as before, but for the status line.
	if strings.Split(before, "\n")[2] != strings.Split(v, "\n")[2] {
		t.Errorf("results differ after discard:\n%s\n---\n%s", before, v)
	}
	if files := sessFiles(t, dir); len(files) != 0 {
		t.Fatalf("a discarded what-if was saved: %v", files)
	}
}

func TestWhatIfKeepAppliesAndSaves(t *testing.T) {
	m, dir := whatIfStart(t)
	m = whatIfTimeline36(t, m)
	wiRec := m.wif.cur.rec
	m = press(m, "a")
	if m.state != stateResult || m.wif.cur != nil || m.answers["timeline_months"] != 36 {
		t.Fatalf("keep: state %s, answers %v", m.state, m.answers)
	}
	if m.rec.Paths[0].ID != wiRec.Paths[0].ID || m.rec.Paths[3].ID != wiRec.Paths[3].ID {
		t.Error("the results after keeping differ from the what-if's")
	}
	contains(t, view(m), "Kept: the what-if answers are now your answers.")
	files := sessFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("keeping should save the session: %v", files)
	}
	_, a, err := session.Load(engine(t), files[0])
	if err != nil || a["timeline_months"] != 36 || !reflect.DeepEqual(a, m.visibleAnswers()) {
		t.Fatalf("saved %v %v, want %v", a, err, m.visibleAnswers())
	}
}

func TestWhatIfEscapesAndStacks(t *testing.T) {
	m, _ := whatIfStart(t)
	// esc on the picker: back to the real results.
	m = press(m, "w", "esc")
	if m.state != stateResult || m.wif.cur != nil {
		t.Fatalf("esc on the picker: state %s", m.state)
	}
	// esc on the question: back to the picker, nothing changed.
	m = press(m, "w", "enter", "esc")
	if m.state != stateWhatIf || m.wif.cur != nil {
		t.Fatalf("esc on the question: state %s", m.state)
	}
	// The last row of the picker goes back too.
	m = press(m, "end", "enter")
	if m.state != stateResult {
		t.Fatalf("back row: state %s", m.state)
	}
	// A change, then another on top: the picker marks the first.
	m = whatIfTimeline36(t, m)
	m = press(m, "w")
	contains(t, view(m), "~ 36 months (what-if)")
	m = press(m, "home", "enter") // education
	m = choose(t, m, "bachelor")
	if m.state != stateResult || m.wif.cur == nil {
		t.Fatalf("second change: state %s", m.state)
	}
	if m.wif.cur.answers["timeline_months"] != 36 || m.wif.cur.answers["education"] != "bachelor" || m.answers["education"] != "associate" {
		t.Fatalf("stacked what-if %v, real %v", m.wif.cur.answers, m.answers)
	}
	if len(m.wif.cur.diff.Answers) < 2 {
		t.Errorf("both changes should be listed: %v", m.wif.cur.diff.Answers)
	}
	// Choosing the real answer again is no what-if at all.
	m = press(m, "esc", "w")
	for i := 0; i < 40 && m.picker.rows[m.picker.cursor].q.ID != "timeline_months"; i++ {
		m = press(m, "down")
	}
	m = press(m, "enter", "enter")
	if m.wif.cur != nil {
		t.Fatal("a what-if equal to the real answers should end what-if mode")
	}
	contains(t, view(m), "nothing changes")
}

func TestWhatIfFollowUpsStayHypothetical(t *testing.T) {
	// Changing education to some college reveals the credits questions; they
	// are asked in what-if mode too, and none of it reaches the real answers.
	a := fixedAnswers()
	a["education"] = "high_school"
	delete(a, "college_credits")
	delete(a, "biology_credits")
	delete(a, "chemistry_credits")
	dir := filepath.Join(t.TempDir(), "s")
	m := sessModel(t, Options{SessionDir: dir, Answers: a}, 80, 24)
	m = act(m, showScreen{to: stateResult})
	real := m.answers.Clone()
	m = press(m, "w", "home", "enter")
	m = choose(t, m, "bachelor")
	if m.state != stateQuestion || !m.question.whatIf || currentID(m) == "education" {
		t.Fatalf("a follow-up should be asked: state %s at %q", m.state, currentID(m))
	}
	if !reflect.DeepEqual(m.answers, real) {
		t.Fatalf("a follow-up answer reached the real answers: %v", m.answers)
	}
	for i := 0; i < 10 && m.state == stateQuestion; i++ {
		m = press(m, "enter")
	}
	if m.state != stateResult || m.wif.cur == nil || m.wif.cur.answers["education"] != "bachelor" {
		t.Fatalf("after the follow-ups: state %s", m.state)
	}
	if !reflect.DeepEqual(m.answers, real) || len(sessFiles(t, dir)) != 0 {
		t.Fatalf("what-if follow-ups were kept or saved: %v", m.answers)
	}
}

func TestOverviewListsLevers(t *testing.T) {
	// a science graduate aiming at molecular work: a year in a molecular lab
	// (within her timeline) would open MB(ASCP) route 3
	a := advisor.Answers{"education": "bachelor", "biology_credits": 32, "chemistry_credits": 16,
		"technology": 5, "lab_work": 5, "goal": "advance_further", "timeline_months": 24}
	m := newTestModel(t, a, 80, 24)
	m = act(m, showScreen{to: stateResult})
	text := ansi.Strip(strings.Join(m.result.detail.lines, "\n"))
	contains(t, text, "What would change this")
	levers := engine(t).WhatWouldChange(m.rec.Answers(), m.rec.Paths[0].ID)
	if len(levers) == 0 {
		t.Fatal("the fixed answers should leave something to change for the top path")
	}
	for _, l := range levers {
		contains(t, strings.Join(strings.Fields(text), " "), advisor.LeverLine(l))
	}
}

// The what-if screen names a change of interest code in words.
func TestWhatIfNamesTheInterestCode(t *testing.T) {
	e := accEngine(t)
	before := rated(labRatings)
	after := before.Clone()
	for _, id := range []string{"interest_s1", "interest_s2", "interest_s3", "interest_s4"} {
		after[id] = 5
	}
	d := e.Compare(before, after)
	if d.InterestCode[0] == d.InterestCode[1] {
		t.Fatalf("the code did not change: %v", d.InterestCode)
	}
	got := strings.Join(whatIfLines(e, newStyles(true), d, 80), "\n")
	if !strings.Contains(got, "Interest code changed: "+d.InterestCode[0]+" -> "+d.InterestCode[1]) {
		t.Errorf("the what-if lines lack the code change:\n%s", got)
	}
}
