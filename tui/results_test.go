package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// carlaAnswers are Carla's of the new-user review: a certified MLT with
// four years' work in New York who wants to advance (so the MLT path is
// where she stands).
func carlaAnswers() advisor.Answers {
	return advisor.Answers{
		"education": "associate", "college_credits": 64, "biology_credits": 20, "chemistry_credits": 16,
		"lab_program": "mlt", "lab_program_years_ago": 5, "current_job": "mlt",
		"experience_kinds": []string{"core_lab"}, "lab_experience_years": 4, "lab_work_years_ago": 0,
		"certifications_held": []string{"mlt-ascp"}, "timeline_months": 36, "budget": 20000,
		"study_format": "online", "work_while_studying": true, "patient_contact": 2, "lab_work": 5,
		"technology": 4, "helping_people": 3, "goal": "advance_further", "state": "NY", "state_licence_held": true,
	}
}

// resultsFor shows the results for answers a at w x h.
func resultsFor(t *testing.T, a advisor.Answers, w, h int) model {
	t.Helper()
	m := newTestModel(t, a, w, h)
	m = act(m, showScreen{to: stateResult})
	if m.state != stateResult || m.rec == nil {
		t.Fatalf("no results: state %s", m.state)
	}
	return m
}

// pathIndex is the place of the first path with current set (or not).
func currentIndex(t *testing.T, rec *advisor.Recommendation) int {
	t.Helper()
	for i, p := range rec.Paths {
		if p.Current {
			return i
		}
	}
	t.Fatal("no path is marked current")
	return -1
}

// TestResultRowsShowFacts: every path row on show has its months, cost and
// pay beside the title at 80 columns, and under it at 40.
func TestResultRowsShowFacts(t *testing.T) {
	m := resultsFor(t, fixedAnswers(), 80, 24)
	v := view(m)
	for i := range m.result.listRows() {
		p := &m.rec.Paths[i]
		line := lineWith(t, v, ". "+p.Title)
		if !strings.Contains(line, advisor.PathFacts(p)) {
			t.Errorf("row of %s lacks %q: %q", p.Title, advisor.PathFacts(p), line)
		}
	}
	m = resultsFor(t, fixedAnswers(), 40, 12)
	for range 3 {
		p := &m.rec.Paths[m.result.sel]
		contains(t, view(m), advisor.PathFacts(p))
		m = press(m, "down")
	}
	if got := advisor.PathFacts(&advisor.PathResult{TotalMonths: advisor.Span{Min: 2, Max: 7}, TotalCost: advisor.Span{Min: 1325, Max: 2977},
		Salary: advisor.SalaryInfo{Median: 41810, Per: "year"}}); got != "2–7 mo · $1.3k–3k · $41.8k" {
		t.Errorf("PathFacts = %q", got)
	}
}

// lineWith is the line of v holding s.
func lineWith(t *testing.T, v, s string) string {
	t.Helper()
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("no line holds %q:\n%s", s, v)
	return ""
}

// TestResultHere: the path Carla stands on is listed where the engine ranks
// it, marked "you are here" in words on its row (80 and 40 columns), on its
// badge and at the top of its overview.
func TestResultHere(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {120, 40}} {
		m := resultsFor(t, carlaAnswers(), sz[0], sz[1])
		i := currentIndex(t, m.rec)
		if m.rec.Paths[i].ID == m.rec.Recommended {
			t.Fatalf("the path she stands on is recommended")
		}
		for range i {
			m = press(m, "down")
		}
		v := view(m)
		contains(t, v, "you are here · "+advisor.CompactPay(m.rec.Paths[i].Salary))
		contains(t, v, "You are here · ")
		overview := strings.Join(plainLines(m.result.detail.lines), "\n")
		if !strings.Contains(overview, "You are here: ") || strings.Contains(overview, "Your plan:") {
			t.Errorf("%dx%d: the overview of where she stands:\n%s", sz[0], sz[1], overview)
		}
	}
}

// TestResultOverviewStartsWithPlan: the overview's first lines are the
// plan summary, the route it follows and the first three steps.
func TestResultOverviewStartsWithPlan(t *testing.T) {
	m := resultsFor(t, carlaAnswers(), 80, 24)
	p := &m.rec.Paths[0]
	if p.Route == nil {
		t.Fatal("the recommended path follows no route")
	}
	got := plainLines(m.result.detail.lines)
	want := []string{"Your plan: " + advisor.PlanSummary(p) + ".", advisor.RouteLine(p), "", "First steps"}
	for i, s := range advisor.NextSteps(p, 3) {
		want = append(want, string(rune('1'+i))+". "+s)
	}
	if len(want) != 7 {
		t.Fatalf("want three steps, have %v", want)
	}
	if strings.Join(got[3:3+len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("overview starts\n%s\nwant\n%s", strings.Join(got[:12], "\n"), strings.Join(want, "\n"))
	}
	contains(t, view(m), "Your plan: "+advisor.PlanSummary(p)) // on the first screen
}

// TestResultPlanAndCertsTabs: the plan names the route it follows and the
// alternatives with their months and cost; the certification tab shows a
// held credential as one line and marks the chosen route, with its note,
// steps, months and cost, and the unconfirmed mark.
func TestResultPlanAndCertsTabs(t *testing.T) {
	m := resultsFor(t, carlaAnswers(), 80, 24)
	p := &m.rec.Paths[0]
	m = press(m, "2")
	plan := strings.Join(plainLines(m.result.detail.lines), " ")
	plan = strings.Join(strings.Fields(plan), " ")
	if !strings.Contains(plan, advisor.RouteLine(p)) {
		t.Errorf("plan tab lacks %q", advisor.RouteLine(p))
	}
	if len(p.Alternatives) == 0 {
		t.Fatal("no alternatives to show")
	}
	for _, a := range p.Alternatives {
		if !strings.Contains(plan, advisor.AlternativeLine(a)) {
			t.Errorf("plan tab lacks %q", advisor.AlternativeLine(a))
		}
	}
	m = press(m, "3")
	certs := strings.Join(strings.Fields(strings.Join(plainLines(m.result.detail.lines), " ")), " ")
	for _, c := range p.Certifications {
		if c.Chosen {
			want := "Route " + c.Route + ": → after the plan ★ " + advisor.ChosenRoute
			if c.Eligible == advisor.EligibleNow {
				want = "Route " + c.Route + ": ✓ eligible now ★ " + advisor.ChosenRoute
			}
			if !strings.Contains(certs, want) {
				t.Errorf("certification tab lacks %q", want)
			}
			for _, s := range []string{advisor.RouteSteps(c), advisor.RouteTime(c), c.Note} {
				if s != "" && !strings.Contains(certs, strings.Join(strings.Fields(s), " ")) {
					t.Errorf("chosen route lacks %q", s)
				}
			}
		}
	}
	if n := strings.Count(certs, advisor.ChosenRoute); n != 1 {
		t.Errorf("%d routes marked chosen, want 1", n)
	}
	if !strings.Contains(certs, "Unconfirmed: verify with the certifying body.") {
		t.Error("no unconfirmed route keeps its mark")
	}

	// The path she stands on: MLT(ASCP) held, in one line.
	m = press(m, "end")
	held := strings.Join(plainLines(m.result.detail.lines), "\n")
	if !strings.Contains(held, "✓ MLT(ASCP): you hold it.") || strings.Count(held, "MLT(ASCP)") != 1 {
		t.Errorf("held credential not one line:\n%s", held)
	}
}

// plainLines strips the styles from lines.
func plainLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(ansi.Strip(l), " ")
	}
	return out
}
