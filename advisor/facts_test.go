package advisor_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/data"
)

// Tests for issue 10: figures from one release with what they cover, state
// pay, licences by jurisdiction, short-certificate state rules, funding and
// staleness. The facts are in data/*.yaml with their sources.

// today is the date the embedded data is judged on in these tests.
var today = time.Date(2026, time.November, 30, 0, 0, 0, 0, time.UTC)

func step(p *advisor.PathResult, id string) *advisor.PlanStep {
	for i := range p.Plan {
		if p.Plan[i].ID == id {
			return &p.Plan[i]
		}
	}
	return nil
}

func licenceStep(p *advisor.PathResult) *advisor.PlanStep {
	for i := range p.Plan {
		if p.Plan[i].Kind == advisor.StepLicence {
			return &p.Plan[i]
		}
	}
	return nil
}

// TestStateStepsAndPay: for a person in each of NY, CA, WA, FL and TX, the
// licence or state-credential step of a path (or its absence) with the
// state's title and cost, and the state pay line beside the national figure.
func TestStateStepsAndPay(t *testing.T) {
	e := embedded(t)
	type check struct {
		path      string
		stepID    string // "" expects no step of stepKind on the path
		stepKind  advisor.StepKind
		title     string // a part of the step's title
		cost      advisor.Span
		payLine   string // a part of the state pay line
		notInPlan []string
	}
	cases := []struct {
		state  string
		checks []check
	}{
		{"NY", []check{
			{path: "mls", stepID: "state-licence", stepKind: advisor.StepLicence, title: "Apply for New York's clinical laboratory technologist licence",
				cost: advisor.Span{Min: 345, Max: 345}, payLine: "New York: mean $81,930 a year, as of 2023-05 (one release older than the national figure)"},
			{path: "mlt", stepID: "state-licence", stepKind: advisor.StepLicence, title: "Apply for New York's clinical laboratory technician certificate",
				cost: advisor.Span{Min: 245, Max: 245}, payLine: "New York: mean $81,930"},
			{path: "phlebotomy", stepKind: advisor.StepLicence, payLine: "New York: mean $50,110 a year, as of 2023-05"},
		}},
		{"CA", []check{
			{path: "mls", stepID: "state-licence", stepKind: advisor.StepLicence, title: "Apply for California's Clinical Laboratory Scientist (CLS) licence",
				cost: advisor.Span{Min: 230, Max: 230}, payLine: "California: mean $73,560 a year, as of 2023-05", notInPlan: []string{"mls-program"}},
			{path: "mls", stepID: "mls-program-california", stepKind: advisor.StepEducation, title: "CLS trainee licence",
				cost: advisor.Span{Min: 3641, Max: 7341}},
			{path: "mlt", stepID: "state-licence", stepKind: advisor.StepLicence, title: "Apply for California's Medical Laboratory Technician (MLT) licence",
				cost: advisor.Span{Min: 230, Max: 230}},
			{path: "phlebotomy", stepID: "california-certificate", stepKind: advisor.StepLicence, title: "Certified Phlebotomy Technician I (CPT I)",
				cost: advisor.Span{Min: 100, Max: 100}, payLine: "California: mean $52,370 a year, as of 2023-05"},
			{path: "behavioral_health_tech", stepID: "lpt-program-california", stepKind: advisor.StepEducation, title: "at least 1,530 hours",
				cost: advisor.Span{Min: 4150, Max: 6225}, notInPlan: []string{"bht-training"}},
			{path: "behavioral_health_tech", stepID: "lpt-licence-california", stepKind: advisor.StepLicence, title: "psychiatric technician exam",
				cost: advisor.Span{Min: 645, Max: 645}},
			{path: "medication_tech", stepID: "no-state-credential", stepKind: advisor.StepTraining, title: "no medication aide credential",
				notInPlan: []string{"nursing-assistant-required", "nursing-assistant", "medication-course", "state-registry"}},
		}},
		{"WA", []check{
			{path: "phlebotomy", stepID: "washington-map", stepKind: advisor.StepLicence, title: "Medical Assistant-Phlebotomist (MA-P)",
				payLine: "Washington: mean $50,800 a year"},
			{path: "mls", stepKind: advisor.StepLicence, payLine: "Washington: mean $70,670 a year, as of 2023-05"},
			{path: "medication_tech", stepID: "nursing-assistant-required", stepKind: advisor.StepTraining, title: "as your state requires",
				cost: advisor.Span{Min: 0, Max: 2075}},
		}},
		{"FL", []check{
			{path: "mls", stepID: "state-licence", stepKind: advisor.StepLicence, title: "Apply for Florida's clinical laboratory technologist licence",
				cost: advisor.Span{Min: 105, Max: 305}, payLine: "No Florida figure from the same release was found"},
			{path: "phlebotomy", stepKind: advisor.StepLicence},
			{path: "medication_tech", stepID: "no-state-credential", stepKind: advisor.StepTraining, title: "no medication aide credential"},
		}},
		{"TX", []check{
			{path: "mls", stepKind: advisor.StepLicence, payLine: "No Texas figure from the same release was found, so this pay is national"},
			{path: "phlebotomy", stepKind: advisor.StepLicence, payLine: "CareerOneStop's Salary Finder has Texas' figures"},
			{path: "medication_tech", stepID: "nursing-assistant-required", stepKind: advisor.StepTraining, title: "Become a certified nursing assistant (CNA) first",
				cost: advisor.Span{Min: 0, Max: 2075}},
		}},
	}
	for _, tt := range cases {
		r := e.Recommend(advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 20, "chemistry_credits": 16,
			"goal": "technologist", "state": tt.state, "timeline_months": 24, "budget": 10000})
		for _, c := range tt.checks {
			t.Run(tt.state+"/"+c.path+"/"+c.stepID, func(t *testing.T) {
				p := pathOf(t, r, c.path)
				if c.stepID == "" {
					if s := licenceStep(p); s != nil {
						t.Errorf("%s in %s has a licence step %q; want none", c.path, tt.state, s.Title)
					}
				} else {
					s := step(p, c.stepID)
					switch {
					case s == nil:
						t.Fatalf("%s in %s lacks step %s: %v", c.path, tt.state, c.stepID, stepIDs(p))
					case s.Kind != c.stepKind:
						t.Errorf("step %s is a %s step; want %s", c.stepID, s.Kind, c.stepKind)
					case !strings.Contains(s.Title, c.title):
						t.Errorf("step %s title %q; want it to contain %q", c.stepID, s.Title, c.title)
					case s.Cost != c.cost:
						t.Errorf("step %s costs %v; want %v", c.stepID, s.Cost, c.cost)
					}
				}
				for _, id := range c.notInPlan {
					if step(p, id) != nil {
						t.Errorf("%s in %s has step %s: %v", c.path, tt.state, id, stepIDs(p))
					}
				}
				if c.payLine != "" {
					if got := advisor.StatePayLine(p.Salary); !strings.Contains(got, c.payLine) {
						t.Errorf("state pay line %q; want it to contain %q", got, c.payLine)
					}
				}
			})
		}
	}
}

// TestLicenceFactsByState: the licence step names the state's own licence,
// fee and months, never another state's fee; a fee that was not confirmed
// costs nothing and says so.
func TestLicenceFactsByState(t *testing.T) {
	e := embedded(t)
	want := map[string]advisor.Span{"CA": {Min: 230, Max: 230}, "FL": {Min: 105, Max: 305}, "MT": {Min: 100, Max: 100},
		"NY": {Min: 345, Max: 345}, "TN": {Min: 60, Max: 60}, "WV": {Min: 25, Max: 25},
		"HI": {}, "LA": {}, "NV": {}, "ND": {}}
	for code, cost := range want {
		r := e.Recommend(advisor.Answers{"education": "bachelor", "biology_credits": 20, "chemistry_credits": 16, "state": code})
		p := pathOf(t, r, "mls")
		s := licenceStep(p)
		if s == nil || p.Licence == nil {
			t.Fatalf("%s: the MLS plan has no licence step", code)
		}
		if s.Cost != cost || p.Licence.Cost != cost {
			t.Errorf("%s: licence costs %v (step %v); want %v", code, p.Licence.Cost, s.Cost, cost)
		}
		if p.Licence.Board == "" || p.Licence.Title == "" || p.Licence.NationalExam == "" {
			t.Errorf("%s: licence facts incomplete: %+v", code, p.Licence)
		}
		line := advisor.LicenceLine(p.Licence)
		if strings.Contains(line, "Tennessee") && code != "TN" {
			t.Errorf("%s: licence line names Tennessee: %q", code, line)
		}
		if (cost == advisor.Span{}) && (!strings.Contains(line, "not confirmed") || !strings.Contains(s.Detail, "not confirmed")) {
			t.Errorf("%s: a fee not confirmed must say so in the licence line and the step: %q / %q", code, line, s.Detail)
		}
	}
	// the path's level picks the title
	r := e.Recommend(advisor.Answers{"education": "associate", "state": "LA"})
	if p := pathOf(t, r, "mlt"); p.Licence == nil || !strings.Contains(p.Licence.Title, "CLS-T") {
		t.Errorf("Louisiana MLT licence %+v; want the technician (CLS-T) licence", p.Licence)
	}
}

// TestPayCovers: every path's pay says what it covers; the lab paths say
// technologists and technicians together; EKG is our estimate, below the
// lab median, and only its note gives the whole occupation's median, with
// the caveat; every national figure is from the May 2024 release except
// that estimate.
func TestPayCovers(t *testing.T) {
	e := embedded(t)
	lab := []string{"mlt", "mls", "histotechnician", "histotechnologist", "molecular"}
	for _, p := range e.Paths() {
		s := p.Salary
		if s.Covers == "" || s.SOC == "" || s.Occupation == "" {
			t.Errorf("%s: salary needs covers, soc and occupation: %+v", p.ID, s)
		}
		if slices.Contains(lab, p.ID) && !strings.Contains(s.Covers, "technologists and technicians together") {
			t.Errorf("%s covers %q; want technologists and technicians together", p.ID, s.Covers)
		}
		if !s.Estimate && s.AsOf != "2024-05" {
			t.Errorf("%s: national pay as of %s; want the May 2024 release for every path", p.ID, s.AsOf)
		}
		if strings.Contains(p.Outlook.Period, "2022") || strings.Contains(p.Outlook.Period, "2023") {
			t.Errorf("%s: outlook %s; want 2024-2034", p.ID, p.Outlook.Period)
		}
	}
	ekg, mls := e.Path("ekg").Salary, e.Path("mls").Salary
	if !ekg.Estimate || ekg.Median >= mls.Median {
		t.Errorf("EKG pay %d (estimate %v) must be our estimate, below the lab median %d", ekg.Median, ekg.Estimate, mls.Median)
	}
	if !strings.Contains(ekg.Note, "67,260") || !strings.Contains(ekg.Note, "overstates") {
		t.Errorf("the EKG note must give the whole occupation's median with the caveat: %q", ekg.Note)
	}
	for id, code := range map[string]string{"histotechnician": "29-2012.01", "histotechnologist": "29-2011.04", "health_info_tech": "29-2072.00"} {
		if got := e.Path(id).ONet; got != code {
			t.Errorf("%s O*NET %s; want %s", id, got, code)
		}
	}
	if got := e.Path("health_info_tech").Salary; got.SOC != "29-2072" || got.Median != 50250 {
		t.Errorf("health information pay %+v; want 29-2072, $50,250", got)
	}
	// JSON carries what the figure covers and whether it is an estimate
	var b bytes.Buffer
	if err := e.WriteReport(&b, e.Recommend(advisor.Answers{"state": "NY"}), advisor.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Paths []struct {
			ID     string `json:"id"`
			Salary struct {
				Covers   string `json:"covers"`
				Estimate bool   `json:"estimate"`
				State    *struct {
					Kind string `json:"kind"`
					AsOf string `json:"as_of"`
				} `json:"state"`
			} `json:"salary"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	for _, p := range out.Paths {
		if p.Salary.Covers == "" {
			t.Errorf("JSON %s salary.covers is empty", p.ID)
		}
		if p.ID == "ekg" && !p.Salary.Estimate {
			t.Error("JSON ekg salary.estimate is false")
		}
		if p.ID == "mls" && (p.Salary.State == nil || p.Salary.State.Kind != "mean" || p.Salary.State.AsOf != "2023-05") {
			t.Errorf("JSON mls salary.state %+v; want New York's May 2023 mean", p.Salary.State)
		}
	}
}

// TestThreePeopleSeeNoBareEKGPay: Ana, Ben and Carla (examples/people) see
// EKG pay only as our estimate with what it covers, never the whole
// occupation's median without its caveat, in every report format; and Ana
// (Texas, $2,000, phlebotomy) sees ways to pay.
func TestThreePeopleSeeNoBareEKGPay(t *testing.T) {
	e := embedded(t)
	median := regexp.MustCompile(`67,260`)
	for _, name := range people {
		a := personAnswers(t, e, name)
		r := e.Recommend(a)
		ekg, mls := pathOf(t, r, "ekg"), pathOf(t, r, "mls")
		if !ekg.Salary.Estimate || ekg.Salary.Median >= mls.Salary.Median {
			t.Errorf("%s: EKG pay %d (estimate %v) shown against MLS %d", name, ekg.Salary.Median, ekg.Salary.Estimate, mls.Salary.Median)
		}
		for _, f := range advisor.Formats {
			var b bytes.Buffer
			if err := e.WriteReportWith(&b, e.Recommend(a.Clone()), f, advisor.ReportOptions{Name: name, Date: today}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, m := range median.FindAllStringIndex(out, -1) {
				if around := out[max(0, m[0]-300):min(len(out), m[1]+300)]; !strings.Contains(around, "overstates") {
					t.Errorf("%s %s: $67,260 without its caveat: %q", name, f, around)
				}
			}
			if f == advisor.FormatText {
				for _, line := range strings.Split(out, "\n") {
					if strings.Contains(line, "$47,890") && !strings.Contains(line, "our estimate") {
						t.Errorf("%s text: EKG pay without \"our estimate\": %q", name, line)
					}
				}
			}
		}
	}

	a := personAnswers(t, e, "ana")
	r := e.Recommend(a)
	top := &r.Paths[0]
	if top.ID != "phlebotomy" || !slices.ContainsFunc(top.Funding, func(f advisor.FundingInfo) bool { return f.ID == "wioa-ita" }) {
		t.Fatalf("Ana's top path %s names funding %v; want phlebotomy with a WIOA training account", top.ID, top.Funding)
	}
	if !strings.Contains(top.BudgetNote, "ways to pay that may fit: WIOA Individual Training Account") {
		t.Errorf("Ana's budget note %q does not name the ways to pay", top.BudgetNote)
	}
	for _, f := range advisor.Formats {
		var b bytes.Buffer
		if err := e.WriteReportWith(&b, e.Recommend(a.Clone()), f, advisor.ReportOptions{Name: "Ana", Date: today}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "WIOA Individual Training Account") {
			t.Errorf("Ana's %s report names no way to pay", f)
		}
	}
	// within the budget, no funding is listed
	a["budget"] = 5000
	if p := &e.Recommend(a).Paths[0]; p.ID == "phlebotomy" && len(p.Funding) != 0 {
		t.Errorf("a plan within the budget lists funding %v", p.Funding)
	}
}

// TestStatePayOnlyFromSameOrPreviousRelease: a state figure two releases
// older than the national one is not shown; the Salary Finder is linked
// instead. A figure is never scaled: the one shown is the data's.
func TestStatePayOnlyFromSameOrPreviousRelease(t *testing.T) {
	e, err := advisor.Load(data.FS, advisor.Layer{Dir: "old", FS: mapFS(map[string]string{"pay.yaml": `
state_pay:
  - {soc: 29-2010, state: NY, amount: 79000, kind: mean, per: year, as_of: 2022-05, source: healthguideusa-lab-pay-2023, status: third_party}
  - {soc: 29-2010, state: TX, amount: 56000, kind: median, per: year, as_of: 2024-05, source: healthguideusa-lab-pay-2023, status: third_party}
`})})
	if err != nil {
		t.Fatal(err)
	}
	ny := pathOf(t, e.Recommend(advisor.Answers{"state": "NY"}), "mls").Salary
	if ny.State != nil || ny.SalaryFinder == nil || !strings.Contains(ny.SalaryFinder.URL, "location=NY") {
		t.Errorf("a May 2022 state figure beside a May 2024 national one: %+v / %+v", ny.State, ny.SalaryFinder)
	}
	tx := pathOf(t, e.Recommend(advisor.Answers{"state": "TX"}), "mls").Salary
	if tx.State == nil || tx.State.Amount != 56000 || tx.State.Kind != advisor.PayMedian {
		t.Errorf("a May 2024 state median: %+v", tx.State)
	}
	if got := advisor.StatePayLine(tx); got != "Texas: median $56,000 a year, as of 2024-05" {
		t.Errorf("state pay line %q", got)
	}
}

// TestStalenessOnEmbeddedData: the embedded data passes on today's date, and
// the same data fails once its wage release is more than 30 months old.
func TestStalenessOnEmbeddedData(t *testing.T) {
	e := embedded(t)
	if ps := e.Staleness(today); len(ps) != 0 {
		t.Errorf("stale on %s:\n%v", today.Format(time.DateOnly), ps)
	}
	later := time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)
	found := false
	for _, p := range e.Staleness(later) {
		found = found || strings.Contains(p.String(), "path mls salary: as of 2024-05, more than 30 months before 2027-03-01")
	}
	if !found {
		t.Errorf("on %s the May 2024 wages are not reported stale: %v", later.Format(time.DateOnly), e.Staleness(later))
	}
}

// TestStalenessFindsOldFigures: a figure older than its family's newest
// release, a figure more than 30 months old, a state figure two releases
// behind and a source at a site root are each reported with where they are.
func TestStalenessFindsOldFigures(t *testing.T) {
	e, err := advisor.Load(data.FS, advisor.Layer{Dir: "old", FS: mapFS(map[string]string{"old.yaml": `
sources:
  - id: old-wages
    publisher: BLS
    title: Wages, May 2023
    url: https://www.bls.gov/oes/2023/may/oes292010.htm
    as_of: 2023-05
    family: bls-oews
    status: official
  - id: old-catalog
    publisher: A college
    title: Catalog 2021
    url: https://example.edu
    as_of: "2021"
    status: official
paths:
  - id: mlt
    title: MLT
    level: technician
    summary: s
    salary: {median: 60000, low: 40000, high: 90000, per: year, as_of: 2023-05, source: old-wages, status: official, covers: lab staff}
    steps:
      - {id: program, kind: education, title: A program, months: [18, 24], cost: [100, 200], source: old-catalog}
state_pay:
  - {soc: 29-2010, state: OH, amount: 55000, kind: mean, per: year, as_of: 2022-05, source: old-wages, status: official}
`})})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range e.Staleness(today) {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"old/old.yaml:21:13: path mlt salary: as of 2023-05, older than the newest bls-oews release the data uses (2024-05)",
		"old/old.yaml:23:82: path mlt step program cost (source old-catalog): as of 2021, more than 30 months before 2026-11-30",
		"old/old.yaml:25:5: state_pay 29-2010 OH: as of 2022-05, older than the newest bls-oews release the data uses (2024-05) (a figure may be 1 release behind)",
		`old/old.yaml:10:5: source "old-catalog": url "https://example.edu" is a site root`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("staleness lacks %q; got:\n%s", want, all)
		}
	}
}

// TestMedicationAideCNAFirst: where a state lets only nursing assistants
// train as medication aides, the plan puts the CNA step (and the CNA work the
// state asks for) before the medication course.
func TestMedicationAideCNAFirst(t *testing.T) {
	e := embedded(t)
	for state, first := range map[string][]string{
		"TX": {"nursing-assistant-required"},
		"MO": {"nursing-assistant-required", "cna-work-missouri-arizona"},
		"MI": {"nursing-assistant-required", "cna-work-michigan"},
		"AL": {"nursing-assistant"},
	} {
		p := pathOf(t, e.Recommend(advisor.Answers{"education": "high_school", "state": state}), "medication_tech")
		ids := stepIDs(p)
		course := slices.Index(ids, "medication-course")
		for _, id := range first {
			if i := slices.Index(ids, id); i < 0 || i > course {
				t.Errorf("%s: %s is not before the medication course: %v", state, id, ids)
			}
		}
	}
}
