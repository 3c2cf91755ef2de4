package advisor_test

import (
	"slices"
	"testing"

	"medpath/advisor"
	"medpath/data"
)

func embedded(t testing.TB) *advisor.Engine {
	t.Helper()
	e, err := advisor.Load(data.FS)
	if err != nil {
		t.Fatalf("embedded data: %v", err)
	}
	return e
}

// route finds a route result of a path by credential id and route name.
func route(t *testing.T, p *advisor.PathResult, cred, name string) advisor.RouteResult {
	t.Helper()
	for _, c := range p.Certifications {
		if c.CredentialID == cred && c.Route == name {
			return c
		}
	}
	t.Fatalf("path %s has no %s route %s", p.ID, cred, name)
	return advisor.RouteResult{}
}

func pathOf(t *testing.T, r *advisor.Recommendation, id string) *advisor.PathResult {
	t.Helper()
	for i := range r.Paths {
		if r.Paths[i].ID == id {
			return &r.Paths[i]
		}
	}
	t.Fatalf("no path %s", id)
	return nil
}

func hasStepKind(p *advisor.PathResult, kind advisor.StepKind) bool {
	return slices.ContainsFunc(p.Plan, func(s advisor.PlanStep) bool { return s.Kind == kind })
}

type routeWant struct {
	path, cred, route string
	eligible          advisor.Eligibility
}

func TestPersonas(t *testing.T) {
	e := embedded(t)
	tests := []struct {
		name    string
		answers advisor.Answers
		top     string
		level   string
		routes  []routeWant
		licence string // path whose plan must (+) or must not (-) include a licence step: "+mlt" / "-mlt"
	}{
		{
			name: "high school, wants work in months, likes people",
			answers: advisor.Answers{"education": "high_school", "timeline_months": 4, "budget": 3000,
				"patient_contact": 5, "lab_work": 3, "goal": "technician"},
			top: "phlebotomy", level: "technician",
		},
		{
			name: "associate degree and an MLT program last year",
			answers: advisor.Answers{"education": "associate", "lab_program": "mlt", "lab_program_years_ago": 1,
				"lab_work": 5, "goal": "technician", "state": "TX"},
			top: "mlt", level: "technician",
			routes:  []routeWant{{"mlt", "mlt-ascp", "1", advisor.EligibleNow}},
			licence: "-mlt",
		},
		{
			name: "MLT program finished eight years ago",
			answers: advisor.Answers{"education": "associate", "lab_program": "mlt", "lab_program_years_ago": 8,
				"lab_work": 5, "goal": "technician"},
			top:    "mlt",
			routes: []routeWant{{"mlt", "mlt-ascp", "1", advisor.EligibleAfterPlan}},
		},
		{
			name: "bachelor's with science credits, wants to be a technologist",
			answers: advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 24, "chemistry_credits": 24,
				"lab_work": 5, "timeline_months": 18, "goal": "technologist"},
			top: "mls", level: "technologist",
		},
		{
			name: "MLT(ASCP) holder with a bachelor's 16/16 and two years' experience",
			answers: advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 16, "chemistry_credits": 16,
				"certifications_held": []string{"mlt-ascp"}, "lab_experience_years": 2, "lab_work": 5, "goal": "technologist"},
			top:    "mls",
			routes: []routeWant{{"mls", "mls-ascp", "2", advisor.EligibleNow}},
		},
		{
			name: "MLS route 2 after one more year of work: only one year of experience",
			answers: advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 16, "chemistry_credits": 16,
				"certifications_held": []string{"mlt-ascp"}, "lab_experience_years": 1, "lab_work": 5, "goal": "technologist"},
			top:    "mls",
			routes: []routeWant{{"mls", "mls-ascp", "2", advisor.EligibleAfterPlan}},
		},
		{
			name: "caring, not lab-minded, unsure",
			answers: advisor.Answers{"education": "high_school", "patient_contact": 5, "helping_people": 5, "lab_work": 1,
				"timeline_months": 6, "goal": "unsure"},
			top: "behavioral_health_tech",
		},
		{
			name: "some college, likes computers, studies online",
			answers: advisor.Answers{"education": "some_college", "college_credits": 30, "technology": 5, "lab_work": 2,
				"patient_contact": 1, "study_format": "online"},
			top: "health_info_tech",
		},
		{
			name: "biology graduate who wants to go further",
			answers: advisor.Answers{"education": "bachelor", "college_credits": 124, "biology_credits": 40, "chemistry_credits": 20,
				"technology": 5, "lab_work": 5, "goal": "advance_further"},
			top: "molecular",
		},
		{
			name: "high school, three months, likes equipment and people",
			answers: advisor.Answers{"education": "high_school", "timeline_months": 3, "patient_contact": 4, "technology": 4,
				"lab_work": 1},
			top: "ekg",
		},
		{
			name: "MLT student in California",
			answers: advisor.Answers{"education": "associate", "lab_program": "mlt", "lab_program_years_ago": 0,
				"lab_work": 5, "goal": "technician", "state": "CA"},
			top: "mlt", licence: "+mlt",
		},
		{
			name: "New York technologist",
			answers: advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 24, "chemistry_credits": 24,
				"lab_work": 5, "goal": "technologist", "state": "NY"},
			top: "mls", licence: "+mls",
		},
		{
			name: "Texas technologist: no licence step",
			answers: advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 24, "chemistry_credits": 24,
				"lab_work": 5, "goal": "technologist", "state": "TX"},
			top: "mls", licence: "-mls",
		},
		{
			name: "military lab course four years ago",
			answers: advisor.Answers{"education": "associate", "college_credits": 64, "biology_credits": 8, "chemistry_credits": 8,
				"military_lab_training": true, "military_lab_years_ago": 4, "lab_work": 5, "goal": "technician"},
			top:    "mlt",
			routes: []routeWant{{"mlt", "mlt-ascp", "3", advisor.EligibleNow}},
		},
		{
			name: "three years in a lab, associate with science",
			answers: advisor.Answers{"education": "associate", "college_credits": 62, "biology_credits": 8, "chemistry_credits": 8,
				"lab_experience_years": 3, "lab_work": 5, "goal": "technician"},
			top:    "mlt",
			routes: []routeWant{{"mlt", "mlt-ascp", "4", advisor.EligibleNow}, {"mlt", "mlt-ascp", "2", advisor.EligibleNo}},
		},
		{
			name: "no high school diploma yet: phlebotomy needs one first",
			answers: advisor.Answers{"education": "none", "timeline_months": 6, "budget": 2000, "patient_contact": 5,
				"goal": "technician"},
			top: "phlebotomy",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.Recommend(tt.answers)
			if r.Recommended != tt.top {
				t.Errorf("top path = %s, want %s; ranking:", r.Recommended, tt.top)
				for _, p := range r.Paths[:4] {
					t.Logf("  %d %s %d %v", p.Rank, p.ID, p.Score, p.Reasons)
				}
			}
			if tt.level != "" && r.Paths[0].Level != tt.level {
				t.Errorf("level = %s, want %s", r.Paths[0].Level, tt.level)
			}
			for _, w := range tt.routes {
				got := route(t, pathOf(t, r, w.path), w.cred, w.route)
				if got.Eligible != w.eligible {
					t.Errorf("%s route %s = %s (%s), want %s", w.cred, w.route, got.Eligible, got.Because, w.eligible)
				}
			}
			if tt.licence != "" {
				p := pathOf(t, r, tt.licence[1:])
				if want := tt.licence[0] == '+'; hasStepKind(p, advisor.StepLicence) != want {
					t.Errorf("licence step in %s plan = %v, want %v", p.ID, !want, want)
				}
			}
			for _, p := range r.Paths {
				checkTotals(t, &p)
			}
		})
	}
}

// checkTotals asserts that the totals are the sums of the steps before the
// first job, and that the fit flags agree with them.
func checkTotals(t *testing.T, p *advisor.PathResult) {
	t.Helper()
	var m, c advisor.Span
	for _, s := range p.Plan {
		if s.Later {
			continue
		}
		if s.StartMonth != m {
			t.Errorf("%s step %s starts at %v, want %v", p.ID, s.ID, s.StartMonth, m)
		}
		m.Min += s.Months.Min
		m.Max += s.Months.Max
		c.Min += s.Cost.Min
		c.Max += s.Cost.Max
	}
	if p.TotalMonths != m || p.TotalCost != c {
		t.Errorf("%s totals %v %v, want %v %v", p.ID, p.TotalMonths, p.TotalCost, m, c)
	}
	if len(p.Plan) == 0 {
		t.Errorf("%s has an empty plan", p.ID)
	}
}

func TestPlanIsPersonal(t *testing.T) {
	e := embedded(t)
	fresh := pathOf(t, e.Recommend(advisor.Answers{"education": "high_school"}), "mlt")
	done := pathOf(t, e.Recommend(advisor.Answers{"education": "associate", "lab_program": "mlt", "lab_program_years_ago": 1}), "mlt")
	if !hasStepKind(fresh, advisor.StepEducation) {
		t.Error("a high-school graduate's MLT plan needs the program")
	}
	if hasStepKind(done, advisor.StepEducation) {
		t.Error("someone who finished an MLT program last year should not repeat it")
	}
	if done.TotalMonths.Max >= fresh.TotalMonths.Max {
		t.Errorf("the plan after a finished program (%v) should be shorter than from scratch (%v)", done.TotalMonths, fresh.TotalMonths)
	}
	held := pathOf(t, e.Recommend(advisor.Answers{"education": "associate", "lab_program": "mlt", "lab_program_years_ago": 1,
		"certifications_held": []string{"mlt-ascp"}}), "mlt")
	for _, s := range held.Plan {
		if s.Kind == advisor.StepExam && s.Credential == "MLT(ASCP)" {
			t.Error("an exam for a credential already held stays out of the plan")
		}
	}
}

func TestGateBridge(t *testing.T) {
	e := embedded(t)
	mls := pathOf(t, e.Recommend(advisor.Answers{"education": "high_school", "goal": "technologist"}), "mls")
	unmet := 0
	for _, g := range mls.Gates {
		if !g.Met {
			unmet++
			if g.Bridge == "" {
				t.Errorf("gate %s is not met and has no bridge", g.ID)
			}
		}
	}
	if unmet == 0 {
		t.Error("a high-school graduate should not meet every MLS gate")
	}
}

func TestRecommendIsDeterministic(t *testing.T) {
	e := embedded(t)
	a := advisor.Answers{"education": "associate", "lab_work": 4, "state": "FL"}
	first := e.Recommend(a)
	for range 20 {
		again := e.Recommend(a)
		for i := range first.Paths {
			if first.Paths[i].ID != again.Paths[i].ID || first.Paths[i].Score != again.Paths[i].Score {
				t.Fatal("ranking changed between runs")
			}
		}
	}
}

func TestDiscontinuedRouteIsNever(t *testing.T) {
	e := embedded(t)
	r := e.Recommend(advisor.Answers{"education": "associate", "college_credits": 60, "biology_credits": 6, "chemistry_credits": 6})
	got := route(t, pathOf(t, r, "mlt"), "mlt-ascp", "2")
	if got.Eligible != advisor.EligibleNo || got.Because == "" {
		t.Errorf("MLT(ASCP) route 2 is discontinued: got %s (%s)", got.Eligible, got.Because)
	}
}
