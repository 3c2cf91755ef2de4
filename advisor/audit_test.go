package advisor_test

import (
	"slices"
	"strings"
	"testing"

	"medpath/advisor"
)

// The verdicts the advice audit (review/advice-audit.md, section 2 and the
// personas of section 4) found wrong, each asserting what the certifying
// body's own text says. Route text: MLT(ASCP) from the ASCP wording quoted on
// the r/medlabprofessionals wiki; MLS(ASCP) route 2 and its footnote quoted
// by a student; HTL(ASCP) route 3 quoted from the ASCP site on r/Histology;
// MB(ASCP) from ASCP's eligibility notice; CPT(NHA) from NHA's routes.

type verdict struct {
	path, cred, route string
	want              advisor.Eligibility
}

type auditCase struct {
	name     string
	answers  advisor.Answers
	verdicts []verdict
	// follows is "path: credential route" for the route the path's plan follows
	follows []string
	// noStep is "path: step id" for steps that must not be in the plan;
	// hasStep for steps that must be
	noStep, hasStep []string
	top             string
}

func TestAuditVerdicts(t *testing.T) {
	e := embedded(t)
	cases := []auditCase{
		{
			name: "r06 phlebotomy years are not core-lab years for MLT(ASCP) route 4",
			answers: advisor.Answers{"education": "associate", "college_credits": 62, "biology_credits": 8, "chemistry_credits": 8,
				"certifications_held": []string{"cpt-nha"}, "current_job": "phlebotomist", "experience_kinds": []string{"phlebotomy"},
				"phlebotomy_experience_years": 4, "goal": "technician", "timeline_months": 24, "budget": 20000},
			verdicts: []verdict{{"mlt", "mlt-ascp", "4", advisor.EligibleNo}, {"mlt", "mlt-ascp", "1", advisor.EligibleAfterPlan}},
			follows:  []string{"mlt: MLT(ASCP) 1"},
			hasStep:  []string{"mlt: mlt-program"},
			top:      "mlt",
		},
		{
			name: "r01 histology years do not count for MLT(ASCP) route 4; HT(ASCP) and any bachelor's open HTL route 3 now",
			answers: advisor.Answers{"education": "bachelor", "college_credits": 120, "certifications_held": []string{"ht-ascp"},
				"current_job": "histotech", "experience_kinds": []string{"histology"}, "histology_experience_years": 4, "goal": "advance_further"},
			verdicts: []verdict{{"histotechnologist", "htl-ascp", "3", advisor.EligibleNow}},
			follows:  []string{"histotechnologist: HTL(ASCP) 3"},
			noStep:   []string{"histotechnologist: htl-program", "histotechnologist: science-bachelor"},
			top:      "histotechnologist",
		},
		{
			name: "r02 a biology graduate with 2 years of histology on the job meets HTL(ASCP)'s experience route",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 32, "chemistry_credits": 16,
				"experience_kinds": []string{"histology"}, "histology_experience_years": 2, "goal": "technologist"},
			verdicts: []verdict{{"histotechnologist", "htl-ascp", "2", advisor.EligibleNow}},
			noStep:   []string{"histotechnologist: htl-program"},
		},
		{
			name: "r09 an MLS program is not the MLT program MLT(ASCP) route 1 names",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 24, "chemistry_credits": 20,
				"lab_program": "mls", "lab_program_years_ago": 0, "goal": "technologist"},
			verdicts: []verdict{{"mlt", "mlt-ascp", "1", advisor.EligibleAfterPlan}, {"mls", "mls-ascp", "1", advisor.EligibleNow}},
			follows:  []string{"mls: MLS(ASCP) 1"},
			noStep:   []string{"mls: mls-program"},
			top:      "mls",
		},
		{
			name: "r03 a recent MLT program counts as one of MLS(ASCP) route 2's two years",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 20, "chemistry_credits": 18, "lab_program": "mlt",
				"lab_program_years_ago": 2, "certifications_held": []string{"mlt-ascp"}, "current_job": "mlt",
				"experience_kinds": []string{"core_lab"}, "lab_experience_years": 1, "goal": "technologist"},
			verdicts: []verdict{{"mls", "mls-ascp", "2", advisor.EligibleNow}},
			follows:  []string{"mls: MLS(ASCP) 2"},
			noStep:   []string{"mls: mls-program"},
			top:      "mls",
		},
		{
			name: "p20 MLT(AMT) with a science bachelor's and 4 years: MLT(ASCP) route 4 now, and MLS(ASCP) route 2 once it is held",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 24, "chemistry_credits": 16,
				"certifications_held": []string{"mlt-amt"}, "current_job": "mlt", "experience_kinds": []string{"core_lab"},
				"lab_experience_years": 4, "goal": "technologist", "state": "TX"},
			verdicts: []verdict{{"mlt", "mlt-ascp", "4", advisor.EligibleNow}, {"mls", "mls-ascp", "2", advisor.EligibleAfterPlan},
				{"mls", "mls-ascp", "4", advisor.EligibleAfterPlan}},
			follows: []string{"mls: MLS(ASCP) 2"},
			hasStep: []string{"mls: mlt-exam-first"},
			noStep:  []string{"mls: mls-program", "mls: mls-bachelor", "mls: mls-bachelor-transfer"},
			top:     "mls",
		},
		{
			name: "p08/p22 five years in a core lab with a science bachelor's: MLS(ASCP) route 4 now, and the plan uses it",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 20, "chemistry_credits": 16,
				"experience_kinds": []string{"core_lab"}, "lab_experience_years": 6, "goal": "technologist", "timeline_months": 24},
			verdicts: []verdict{{"mls", "mls-ascp", "4", advisor.EligibleNow}},
			follows:  []string{"mls: MLS(ASCP) 4"},
			noStep:   []string{"mls: mls-program"},
		},
		{
			name: "r08 a degree from abroad: the international credential, not US program routes",
			answers: advisor.Answers{"education": "bachelor", "education_abroad": true, "lab_program": "mls", "lab_program_years_ago": 3,
				"biology_credits": 30, "chemistry_credits": 20, "goal": "technologist", "state": "NY"},
			verdicts: []verdict{{"mls", "mls-ascpi", "1", advisor.EligibleNow}},
			follows:  []string{"mls: MLS(ASCPi) 1"},
		},
		{
			name: "r10 core-lab work is neither histology for HT(ASCP) route 2 nor phlebotomy for CPT(NHA) route 2",
			answers: advisor.Answers{"education": "associate", "college_credits": 60, "biology_credits": 8, "chemistry_credits": 8,
				"current_job": "lab_assistant", "experience_kinds": []string{"core_lab"}, "lab_experience_years": 2},
			verdicts: []verdict{{"histotechnician", "ht-ascp", "2", advisor.EligibleNo}, {"phlebotomy", "cpt-nha", "2", advisor.EligibleNo}},
		},
		{
			name: "r04 core-lab years are not molecular work for MB(ASCP) route 3",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 30, "chemistry_credits": 16,
				"experience_kinds": []string{"core_lab"}, "lab_experience_years": 2},
			verdicts: []verdict{{"molecular", "mb-ascp", "3", advisor.EligibleNo}, {"phlebotomy", "cpt-nha", "2", advisor.EligibleNo}},
		},
		{
			name: "r05/p15 molecular research years count for MB(ASCP) route 3",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 36, "chemistry_credits": 20,
				"experience_kinds": []string{"molecular"}, "molecular_experience_years": 2, "goal": "advance_further"},
			verdicts: []verdict{{"molecular", "mb-ascp", "3", advisor.EligibleNow}},
			follows:  []string{"molecular: MB(ASCP) 3"},
			noStep:   []string{"molecular: dms-program"},
			top:      "molecular",
		},
		{
			name: "r07 two years of phlebotomy on the job meets CPT(NHA) route 2: no program in the plan",
			answers: advisor.Answers{"education": "high_school", "current_job": "phlebotomist", "experience_kinds": []string{"phlebotomy"},
				"phlebotomy_experience_years": 2, "timeline_months": 3, "budget": 500, "goal": "technician"},
			verdicts: []verdict{{"phlebotomy", "cpt-nha", "2", advisor.EligibleNow}},
			follows:  []string{"phlebotomy: CPT(NHA) 2"},
			noStep:   []string{"phlebotomy: phlebotomy-program"},
		},
		{
			name: "p22 MLS(AMT) is not the ASCP credential MB(ASCP) route 1 asks for",
			answers: advisor.Answers{"education": "bachelor", "biology_credits": 20, "chemistry_credits": 16,
				"certifications_held": []string{"mls-amt"}, "current_job": "mls", "experience_kinds": []string{"core_lab"},
				"lab_experience_years": 8, "goal": "advance_further", "state": "FL"},
			verdicts: []verdict{{"molecular", "mb-ascp", "1", advisor.EligibleNo}, {"molecular", "mb-ascp", "3", advisor.EligibleNo}},
		},
		{
			name: "p21 MLS(ASCP) with a bachelor's meets MB(ASCP) route 1",
			answers: advisor.Answers{"education": "bachelor", "certifications_held": []string{"mls-ascp"}, "current_job": "mls",
				"goal": "advance_further"},
			verdicts: []verdict{{"molecular", "mb-ascp", "1", advisor.EligibleNow}},
			top:      "molecular",
		},
		{
			name: "p05 an uncertified MLT two years in, who left three years ago: one more year of work opens MLT(ASCP) route 4",
			answers: advisor.Answers{"education": "associate", "biology_credits": 8, "chemistry_credits": 8, "lab_program": "mlt",
				"lab_program_years_ago": 10, "experience_kinds": []string{"core_lab"}, "lab_experience_years": 2,
				"lab_work_years_ago": 3, "timeline_months": 18, "goal": "technician", "state": "OH"},
			verdicts: []verdict{{"mlt", "mlt-ascp", "1", advisor.EligibleAfterPlan}, {"mlt", "mlt-ascp", "4", advisor.EligibleAfterPlan},
				{"histotechnician", "ht-ascp", "2", advisor.EligibleNo}},
			follows: []string{"mlt: MLT(ASCP) 4"},
			hasStep: []string{"mlt: mlt-experience"},
			noStep:  []string{"mlt: mlt-program"},
			top:     "mlt",
		},
		{
			name: "p06 the 50-week military course and an associate degree: MLT(ASCP) route 3 now",
			answers: advisor.Answers{"education": "associate", "college_credits": 70, "biology_credits": 12, "chemistry_credits": 8,
				"military_lab_training": true, "military_lab_years_ago": 4, "experience_kinds": []string{"core_lab"},
				"lab_experience_years": 3, "goal": "technologist", "timeline_months": 36, "budget": 30000},
			verdicts: []verdict{{"mlt", "mlt-ascp", "3", advisor.EligibleNow}, {"mlt", "mlt-ascp", "4", advisor.EligibleNow}},
			top:      "mls",
		},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			r := e.Recommend(tt.answers)
			for _, v := range tt.verdicts {
				got := route(t, pathOf(t, r, v.path), v.cred, v.route)
				if got.Eligible != v.want {
					t.Errorf("%s %s route %s = %s (%s); want %s", v.path, v.cred, v.route, got.Eligible, got.Because, v.want)
				}
			}
			for _, f := range tt.follows {
				id, want, _ := strings.Cut(f, ": ")
				p := pathOf(t, r, id)
				if p.Route == nil || p.Route.Credential+" "+p.Route.Route != want {
					t.Errorf("%s plan follows %v; want %s (plan %v)", id, p.Route, want, stepIDs(p))
				}
			}
			for _, s := range tt.noStep {
				id, step, _ := strings.Cut(s, ": ")
				if p := pathOf(t, r, id); slices.Contains(stepIDs(p), step) {
					t.Errorf("%s plan has %s: %v", id, step, stepIDs(p))
				}
			}
			for _, s := range tt.hasStep {
				id, step, _ := strings.Cut(s, ": ")
				if p := pathOf(t, r, id); !slices.Contains(stepIDs(p), step) {
					t.Errorf("%s plan lacks %s: %v", id, step, stepIDs(p))
				}
			}
			if tt.top != "" && r.Recommended != tt.top {
				t.Errorf("recommended %s; want %s", r.Recommended, tt.top)
			}
		})
	}
}

func stepIDs(p *advisor.PathResult) []string {
	var ids []string
	for _, s := range p.Plan {
		ids = append(ids, s.ID)
	}
	return ids
}

// TestThreePeople checks the advice a counselor would give the three people
// of review/new-user.md.
func TestThreePeople(t *testing.T) {
	e := embedded(t)
	t.Run("Ana: 19, high school, Texas, $2,000, a job within 6 months", func(t *testing.T) {
		r := e.Recommend(advisor.Answers{"education": "high_school", "timeline_months": 6, "budget": 2000, "patient_contact": 5,
			"lab_work": 3, "helping_people": 4, "goal": "technician", "state": "TX"})
		if r.Recommended != "phlebotomy" {
			t.Fatalf("recommended %s; want phlebotomy", r.Recommended)
		}
		p := &r.Paths[0]
		if !slices.Contains(stepIDs(p), "phlebotomy-program") || p.Route == nil || p.Route.Credential != "CPT(NHA)" {
			t.Errorf("plan %v follows %v; want a program and CPT(NHA)", stepIDs(p), p.Route)
		}
		if hasStepKind(p, advisor.StepLicence) {
			t.Errorf("Texas licenses no phlebotomists, yet the plan has a licence step: %v", stepIDs(p))
		}
	})
	t.Run("Ben: biology BS, 30/16, Ohio, wants MLS", func(t *testing.T) {
		r := e.Recommend(advisor.Answers{"education": "bachelor", "college_credits": 124, "biology_credits": 30, "chemistry_credits": 16,
			"lab_work": 5, "technology": 4, "goal": "technologist", "state": "OH", "timeline_months": 18, "budget": 15000})
		p := &r.Paths[0]
		if p.ID != "mls" || p.Route == nil || p.Route.Credential != "MLS(ASCP)" || p.Route.Route != "1" {
			t.Fatalf("top %s following %v; want MLS by MLS(ASCP) route 1", p.ID, p.Route)
		}
		if !slices.Contains(stepIDs(p), "mls-program") {
			t.Errorf("plan %v lacks the one-year MLS program", stepIDs(p))
		}
		for _, c := range pathOf(t, r, "mlt").Certifications {
			if c.Eligible == advisor.EligibleNow && c.Status == advisor.StatusUnconfirmed {
				t.Errorf("%s route %s is unconfirmed yet counted as now for a graduate with no lab work", c.Credential, c.Route)
			}
		}
	})
	t.Run("Carla: associate, MLT(ASCP), 4 years, New York, wants to advance", func(t *testing.T) {
		a := advisor.Answers{"education": "associate", "college_credits": 64, "biology_credits": 20, "chemistry_credits": 16,
			"lab_program": "mlt", "lab_program_years_ago": 5, "current_job": "mlt", "experience_kinds": []string{"core_lab"},
			"lab_experience_years": 4, "certifications_held": []string{"mlt-ascp"}, "timeline_months": 36, "budget": 20000,
			"study_format": "online", "work_while_studying": true, "goal": "advance_further", "state": "NY"}
		r := e.Recommend(a)
		if r.Recommended == "mlt" {
			t.Fatal("recommended MLT, the job she holds")
		}
		mlt := pathOf(t, r, "mlt")
		if !mlt.Current {
			t.Error("MLT is not marked as where she is")
		}
		mls := pathOf(t, r, "mls")
		if mls.Route == nil || mls.Route.Credential != "MLS(ASCP)" || mls.Route.Route != "2" {
			t.Errorf("MLS plan follows %v; want MLS(ASCP) route 2 (the 2+2 while working)", mls.Route)
		}
		if !slices.Contains(stepIDs(mls), "two-plus-two") || !hasStepKind(mls, advisor.StepLicence) {
			t.Errorf("MLS plan %v; want the 2+2 bachelor's and New York's licence step", stepIDs(mls))
		}
		for _, p := range r.Paths {
			for _, rs := range p.Reasons {
				if strings.Contains(rs.Because, "MLT exam") || strings.Contains(rs.Because, "MLT(ASCP) exam") {
					t.Errorf("%s reason tells a certified MLT to sit an MLT exam: %q", p.ID, rs.Because)
				}
			}
		}
		// with the licence held, the path she stands on has no licence step
		a["state_licence_held"] = true
		if p := pathOf(t, e.Recommend(a), "mlt"); hasStepKind(p, advisor.StepLicence) {
			t.Errorf("state licence held, yet the MLT plan has a licence step: %v", stepIDs(p))
		}
	})
}

// TestCohortRowSeparatesUnconfirmedRoutes: a cohort's "can sit now" counts
// only routes whose text is confirmed; credentials only an unconfirmed route
// opens get their own column (D6 of review/new-user.md).
func TestCohortRowSeparatesUnconfirmedRoutes(t *testing.T) {
	e := embedded(t)
	row := e.Row("s1", advisor.Answers{"education": "high_school", "lab_program": "phlebotomy", "lab_program_years_ago": 1})
	if !slices.Equal(row.EligibleNow, []string{"CPT(NHA)"}) {
		t.Errorf("eligible now %v; want [CPT(NHA)] (PBT and RPT routes are unconfirmed)", row.EligibleNow)
	}
	if !slices.Equal(row.EligibleNowUnconfirmed, []string{"PBT(ASCP)", "RPT(AMT)"}) {
		t.Errorf("eligible now by an unconfirmed route %v; want [PBT(ASCP) RPT(AMT)]", row.EligibleNowUnconfirmed)
	}
	// Ben (a biology graduate with no lab work) can sit nothing now: the
	// unconfirmed MLT(AMT) route 2 asks for lab experience too
	ben := e.Row("ben", advisor.Answers{"education": "bachelor", "college_credits": 124, "biology_credits": 30, "chemistry_credits": 16})
	if len(ben.EligibleNow)+len(ben.EligibleNowUnconfirmed) != 0 {
		t.Errorf("Ben can sit %v and, unconfirmed, %v; want nothing", ben.EligibleNow, ben.EligibleNowUnconfirmed)
	}
}

// TestDiffTextFitsEightyColumns: the compare text wraps (D22 of
// review/new-user.md: 19 lines of Ben against Carla ran past 80 columns).
func TestDiffTextFitsEightyColumns(t *testing.T) {
	e := embedded(t)
	ben := advisor.Answers{"education": "bachelor", "college_credits": 124, "biology_credits": 30, "chemistry_credits": 16,
		"goal": "technologist", "state": "OH"}
	carla := advisor.Answers{"education": "associate", "college_credits": 64, "biology_credits": 20, "chemistry_credits": 16,
		"lab_program": "mlt", "lab_program_years_ago": 5, "current_job": "mlt", "experience_kinds": []string{"core_lab"},
		"lab_experience_years": 4, "certifications_held": []string{"mlt-ascp"}, "goal": "advance_further", "state": "NY"}
	var b strings.Builder
	e.WriteDiffText(&b, e.Compare(ben, carla))
	for _, l := range strings.Split(b.String(), "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("%d columns: %q", n, l)
		}
	}
}
