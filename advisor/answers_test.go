package advisor_test

import (
	"errors"
	"reflect"
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
