package advisor_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"medpath/advisor"
)

func fixtureEngine(t testing.TB) *advisor.Engine {
	t.Helper()
	e, err := advisor.Load(mapFS(fixture))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestParseAnswersErrors(t *testing.T) {
	e := fixtureEngine(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"unknown key", "educaton: associate\n", []string{`a.yaml:1:1: "educaton" is not a question (did you mean "education"?)`}},
		{"wrong type number", "timeline_months: soon\n", []string{`a.yaml:1:18: timeline_months: expected a whole number from 1 to 72, got "soon"`}},
		{"fraction", "timeline_months: 6.5\n", []string{`timeline_months: expected a whole number from 1 to 72, got "6.5"`}},
		{"not an option", "education: phd\n", []string{`a.yaml:1:12: education: "phd" is not an option; allowed: "high_school", "associate" or "bachelor"`}},
		{"not an option in a list", "certifications_held: [mlt-amt]\n", []string{`a.yaml:1:22: certifications_held: "mlt-amt" is not an option; allowed: "mlt-ascp"`}},
		{"multi needs a list", "certifications_held: mlt-ascp\n", []string{`certifications_held: expected a list such as [mlt-ascp]`}},
		{"out of bounds", "budget: 1000000\n", []string{`a.yaml:1:9: budget: 1000000 is out of bounds; allowed: 0 to 100000`}},
		{"negative", "budget: -5\n", []string{`budget: -5 is out of bounds; allowed: 0 to 100000`}},
		{"huge number", "budget: 99999999999999999999999\n", []string{`budget: 99999999999999999999999 is out of bounds; allowed: 0 to 100000`}},
		{"answered twice", "budget: 5\nbudget: 6\n", []string{`a.yaml:2:1: "budget" is answered twice`}},
		{"not a mapping", "- education\n", []string{`a.yaml:1:1: answers must be a mapping`}},
		{"empty", "  \n", []string{`a.yaml: answers file is empty`}},
		{"several at once", "education: phd\nbudget: x\nfoo: 1\n", []string{`education: "phd"`, `budget: expected`, `"foo" is not a question`}},
		{"syntax", "education: [\n", []string{`a.yaml:1: did not find expected node content`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.ParseAnswers("a.yaml", []byte(tt.in))
			var ae *advisor.AnswersError
			if !errors.As(err, &ae) {
				t.Fatalf("want *AnswersError, got %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in:\n%v", w, err)
				}
			}
		})
	}
}

func TestParseAnswersJSONAndDefaults(t *testing.T) {
	e := fixtureEngine(t)
	a, err := e.ParseAnswers("a.json", []byte(`{"education": "associate", "budget": 3000, "certifications_held": ["mlt-ascp"]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := advisor.Answers{"education": "associate", "budget": 3000, "certifications_held": []string{"mlt-ascp"}}
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("got %#v", a)
	}
	r := e.Recommend(a)
	var assumed []string
	for _, x := range r.Assumed {
		assumed = append(assumed, x.ID)
	}
	if !reflect.DeepEqual(assumed, []string{"timeline_months", "state"}) {
		t.Errorf("assumed = %v, want the two unanswered questions", assumed)
	}
}

func TestMarshalAnswersRoundTrips(t *testing.T) {
	e := fixtureEngine(t)
	a := advisor.Answers{"education": "bachelor", "timeline_months": 12, "certifications_held": []string{"mlt-ascp"}, "state": "CA"}
	back, err := e.ParseAnswers("saved.yaml", e.MarshalAnswers(a))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, back) {
		t.Fatalf("round trip: got %#v want %#v", back, a)
	}
}

func TestTemplateParses(t *testing.T) {
	e := fixtureEngine(t)
	a, err := e.ParseAnswers("template.yaml", e.Template())
	if err != nil {
		t.Fatalf("the template must load as answers: %v", err)
	}
	if len(a) != len(e.Questions()) {
		t.Errorf("template answers %d of %d questions", len(a), len(e.Questions()))
	}
}

func TestCheck(t *testing.T) {
	e := fixtureEngine(t)
	if msg := e.Check("budget", 500); msg != "" {
		t.Errorf("500 should be fine: %s", msg)
	}
	if msg := e.Check("budget", 500000); !strings.Contains(msg, "out of bounds") {
		t.Errorf("got %q", msg)
	}
}

// chainFixture adds questions that depend on each other in a chain: qb shows
// when qa is "x", qc when qb is yes, and qd when qb is no.
func chainFixture(t *testing.T) *advisor.Engine {
	t.Helper()
	files := map[string]string{"chain.yaml": `questions:
  - id: qa
    section: education
    kind: choice
    prompt: Pick one
    options: [{value: x, label: X}, {value: z, label: Z}]
    default: z
  - {id: qb, section: education, kind: yesno, prompt: Yes or no, default: false, show_if: 'qa == "x"'}
  - {id: qc, section: education, kind: number, prompt: How many, min: 0, max: 9, default: 0, show_if: qb}
  - {id: qd, section: education, kind: yesno, prompt: Yes or no, default: false, show_if: '!qb'}
`}
	for k, v := range fixture {
		files[k] = v
	}
	e, err := advisor.Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestVisibleAnswersFollowsAChain(t *testing.T) {
	e := chainFixture(t)
	tests := []struct {
		name string
		in   advisor.Answers
		want advisor.Answers
	}{
		{"all shown", advisor.Answers{"qa": "x", "qb": true, "qc": 5},
			advisor.Answers{"qa": "x", "qb": true, "qc": 5}},
		// qa hides qb; with qb left out it takes its default (no), which
		// hides qc and shows qd: one pass over the answers would keep qc
		{"a hidden answer hides its follow-up", advisor.Answers{"qa": "z", "qb": true, "qc": 5, "qd": true},
			advisor.Answers{"qa": "z", "qd": true}},
		{"nothing answered", advisor.Answers{}, advisor.Answers{}},
		{"nil", nil, advisor.Answers{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.VisibleAnswers(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("VisibleAnswers = %v; want %v", got, tt.want)
			}
			var ids []string
			for _, q := range e.Visible(tt.in) {
				if strings.HasPrefix(q.ID, "q") {
					ids = append(ids, q.ID)
				}
			}
			for id := range tt.want {
				if !slices.Contains(ids, id) {
					t.Errorf("Visible lacks %s: %v", id, ids)
				}
			}
			if _, hidden := tt.want["qc"]; !hidden && slices.Contains(ids, "qc") && tt.in["qc"] != nil {
				t.Errorf("Visible shows qc although its parent is hidden: %v", ids)
			}
		})
	}
}

func TestAnswersEqual(t *testing.T) {
	tests := []struct {
		a, b advisor.Answers
		want bool
	}{
		{nil, advisor.Answers{}, true},
		{advisor.Answers{"x": 2}, advisor.Answers{"x": 2.0}, true},
		{advisor.Answers{"x": 2}, advisor.Answers{"x": 2.5}, false},
		{advisor.Answers{"x": 2}, advisor.Answers{"x": "2"}, false},
		{advisor.Answers{"l": []string{"a", "b"}}, advisor.Answers{"l": []string{"b", "a"}}, true},
		{advisor.Answers{"l": []string{"a", "b"}}, advisor.Answers{"l": []string{"a"}}, false},
		{advisor.Answers{"l": []string{"a"}}, advisor.Answers{"l": []string{"a", "c"}}, false},
		{advisor.Answers{"l": []string{}}, advisor.Answers{"l": []string{}}, true},
		{advisor.Answers{"y": true}, advisor.Answers{"y": false}, false},
		{advisor.Answers{"y": true}, advisor.Answers{"z": true}, false},
		{advisor.Answers{"s": "a", "y": true}, advisor.Answers{"y": true, "s": "a"}, true},
		{advisor.Answers{"s": "a"}, advisor.Answers{"s": "a", "t": "b"}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Equal(tt.b); got != tt.want {
			t.Errorf("%v.Equal(%v) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Equal(tt.a); got != tt.want {
			t.Errorf("%v.Equal(%v) = %v; want %v (the other way round)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestAnswerText(t *testing.T) {
	e := embedded(t)
	tests := []struct {
		id   string
		v    any
		want string
	}{
		{"education", "high_school", "High school diploma or GED"},
		{"education", "zz", "zz"},                        // not an option: as written
		{"education", nil, "High school diploma or GED"}, // the default
		{"certifications_held", []string{}, "none"},
		{"certifications_held", []string{"pbt-ascp", "cpt-nha"}, "PBT(ASCP), CPT(NHA)"},
		{"military_lab_training", true, "yes"},
		{"military_lab_training", false, "no"},
		{"patient_contact", 3, "3 of 5"},
		{"patient_contact", 5, "5 of 5 (Very much)"},
		{"patient_contact", 1, "1 of 5 (Not at all)"},
		{"budget", 2000, "$2,000"},
		{"budget", 0, "$0"},
		{"lab_experience_years", 0, "0 years"},
		{"lab_experience_years", 1, "1 year"},
		{"lab_experience_years", 3.5, "3.5 years"},
		{"college_credits", 1, "1 semester hour"},
		{"college_credits", 10.67, "10.67 semester hours"},
		{"timeline_months", 1, "1 month"},
		{"timeline_months", 24, "24 months"},
	}
	for _, tt := range tests {
		q := e.Question(tt.id)
		if got := q.AnswerText(tt.v); got != tt.want {
			t.Errorf("%s AnswerText(%v) = %q; want %q", tt.id, tt.v, got, tt.want)
		}
		if got := e.AnswerText(tt.id, tt.v); got != tt.want {
			t.Errorf("Engine.AnswerText(%s, %v) = %q; want %q", tt.id, tt.v, got, tt.want)
		}
	}
	if got := e.AnswerText("no_such_question", []string{"a"}); got != `["a"]` {
		t.Errorf("an unknown question's answer = %q; want it as written", got)
	}
}

func TestQuestionName(t *testing.T) {
	e := embedded(t)
	for _, q := range e.Questions() {
		if q.Label == "" {
			t.Errorf("question %s has no label", q.ID)
		}
		if q.Name() != q.Label {
			t.Errorf("%s: Name %q; want the label %q", q.ID, q.Name(), q.Label)
		}
	}
	q := &advisor.Question{ID: "x", Prompt: "How many\n  years?"}
	if got := q.Name(); got != "How many years?" {
		t.Errorf("without a label Name = %q; want the prompt on one line", got)
	}
}

func TestShortLabel(t *testing.T) {
	for in, want := range map[string]string{
		"PBT(ASCP): phlebotomy technician, ASCP Board of Certification": "PBT(ASCP)",
		"High school diploma or GED":                                    "High school diploma or GED",
		": starts with a colon":                                         ": starts with a colon",
	} {
		if got := advisor.ShortLabel(in); got != want {
			t.Errorf("ShortLabel(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestDecimalAnswers(t *testing.T) {
	e := embedded(t)
	a, err := e.ParseAnswers("a.yaml", []byte("lab_experience_years: 3.5\ncollege_credits: 10.67\nbudget: 2000\nlab_program_years_ago: 010\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := advisor.Answers{"lab_experience_years": 3.5, "college_credits": 10.67, "budget": 2000, "lab_program_years_ago": 10}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got %#v; want %#v", a, want)
	}
	if _, err := e.ParseAnswers("a.yaml", []byte("budget: 2000.5\n")); err == nil || !strings.Contains(err.Error(), "expected a whole number") {
		t.Errorf("a fraction for a whole-number question: %v", err)
	}
	// a saved file loads back the same
	back, err := e.ParseAnswers("b.yaml", e.MarshalAnswers(a))
	if err != nil || !back.Equal(a) {
		t.Errorf("round trip: %v, %v", back, err)
	}
	// 3.5 years meets a condition on 3 years, 2.5 does not
	for v, want := range map[any]bool{3.5: true, 2.5: false, 3: true} {
		got, err := e.EvalCondition("lab_experience_years >= 3", advisor.Answers{"lab_experience_years": v})
		if err != nil || got != want {
			t.Errorf("lab_experience_years %v >= 3: %v, %v; want %v", v, got, err, want)
		}
	}
}

func TestSourceNameAndPathTitle(t *testing.T) {
	e := fixtureEngine(t)
	for id, want := range map[string]string{"bls": "BLS, OEWS", "nope": "nope"} {
		if got := e.SourceName(id); got != want {
			t.Errorf("SourceName(%q) = %q; want %q", id, got, want)
		}
	}
	for id, want := range map[string]string{"mlt": "Medical Laboratory Technician", "nope": "nope"} {
		if got := e.PathTitle(id); got != want {
			t.Errorf("PathTitle(%q) = %q; want %q", id, got, want)
		}
	}
}

func TestLeverFromADecimalAnswer(t *testing.T) {
	e := embedded(t)
	for _, l := range e.WhatWouldChange(advisor.Answers{"phlebotomy_experience_years": 0.5}, "phlebotomy") {
		if l.What != "CPT(NHA) route 2" {
			continue
		}
		if len(l.Changes) != 1 || l.Changes[0].To != 1 || l.Changes[0].String() != "Years drawing blood: 0.5 years -> 1 year" {
			t.Fatalf("lever %+v; want 0.5 years -> 1 year", l)
		}
		return
	}
	t.Fatal("no lever for CPT(NHA) route 2")
}

// TestTemplateInventory: each activity item lists its five points with their
// labels and how to skip it; a scale labelled only at its ends keeps one line.
func TestTemplateInventory(t *testing.T) {
	e := embedded(t)
	tmpl := string(e.Template())
	items := 0
	for _, q := range e.Questions() {
		if !q.IsInventoryItem() {
			continue
		}
		items++
		_, block, ok := strings.Cut(tmpl, "\n# "+q.Prompt+"\n")
		block, _, _ = strings.Cut(block, "\n"+q.ID+": ")
		if !ok {
			t.Fatalf("no block for %s", q.ID)
		}
		want := "#   1 to 5:\n#     1 = Dislike a lot\n#     2 = Dislike\n#     3 = Not sure\n#     4 = Like\n#     5 = Like a lot\n" +
			"#   0 or skip = skipped (" + q.Skip + ")\n"
		if !strings.Contains(block, want) {
			t.Errorf("%s's block lacks\n%s\ngot:\n%s", q.ID, want, block)
		}
	}
	if items != 24 {
		t.Errorf("%d inventory items in the template", items)
	}
	if !strings.Contains(tmpl, "#   1 to 5 (1 = Not at all, 5 = Very much)\n") {
		t.Error("a scale labelled at its ends should keep its one line")
	}
	// a filled-in skip reads back as skipped
	a, err := e.ParseAnswers("t.yaml", []byte(strings.Replace(tmpl, "\ninterest_r1: 0\n", "\ninterest_r1: skip\n", 1)))
	if err != nil || a["interest_r1"] != 0 {
		t.Errorf("interest_r1: skip read as %v (%v)", a["interest_r1"], err)
	}
}
