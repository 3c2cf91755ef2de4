package advisor_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/data"
)

// TestConditionLimits: a condition can use only the variables and the few
// functions the rules need, is capped in size, and cannot run away.
func TestConditionLimits(t *testing.T) {
	e := fixtureEngine(t)
	tests := []struct{ src, want string }{
		{`now().Year() > 2000`, `the function "now" is not allowed`},
		{`env() != nil`, `the function "env" is not allowed`},
		{`repeat("a", 100000000) == ""`, `the function "repeat" is not allowed`},
		{`split(state, ",") == []`, `the function "split" is not allowed`},
		{`lne(certifications_held) > 0`, `the function "lne" (did you mean "len"?) is not allowed`},
		{`budget + 1`, `must be true or false`},
		{`educaton == "bachelor"`, `unknown variable "educaton" (did you mean "education"?)`},
		{strings.Repeat("budget > 1 and ", 200) + "true", `the limit is 2000`},
		{strings.Repeat("1==1 and ", 150) + "true", `exceeds maximum allowed nodes`},
		{strings.Repeat("(", 400) + "true" + strings.Repeat(")", 400), ``}, // deep but tiny: fine
		{`len([1..100000000]) > 0`, `a range (a..b) is not allowed (at column 7 of the condition)`},
		// what the data uses, and the nine builtins, stay allowed
		{`education in ["associate", "bachelor"] or budget >= 60`, ``},
		{`"mlt-ascp" in certifications_held and not (state in licensing_states)`, ``},
		{`state not in licensing_states and -budget < 5 % 3`, ``},
		{`len(certifications_held) > 0 and abs(budget - 5) < max(1, 2) and min(3, 4) > 0`, ``},
		{`any(certifications_held, # == "mlt-ascp") or all(licensing_states, {# != state})`, ``},
		{`none(certifications_held, # == "x") and one(licensing_states, # == "CA") and count(licensing_states, # == state) > 0`, ``},
		{`all(certifications_held, any(licensing_states, # != ""))`, ``}, // nested once: 1 × 1 items
	}
	for _, tt := range tests {
		err := e.CompileCondition(tt.src)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%.40s: unexpected error %v", tt.src, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%.40s: want %q, got %v", tt.src, tt.want, err)
		}
	}
}

// TestS1ConditionAllowList: everything expr accepts beyond what the data needs
// is refused at compile time, naming what is not allowed and what is.
func TestS1ConditionAllowList(t *testing.T) {
	e := fixtureEngine(t)
	tests := []struct{ src, want string }{
		{`let x = 1; x > 0`, `let is not allowed`},
		{`budget > 1; true`, `more than one expression (;) is not allowed`},
		{`len(map(certifications_held, # + "x")) > 0`, `the function "map" is not allowed`},
		{`len(filter(certifications_held, # == "x")) > 0`, `the function "filter" is not allowed`},
		{`reduce(licensing_states, #acc, 0) == 0`, `the function "reduce" is not allowed`},
		{`sum(licensing_states, 1) > 0`, `the function "sum" is not allowed`},
		{`len(sortBy(licensing_states, #)) > 0`, `the function "sortBy" is not allowed`},
		{`len(groupBy(licensing_states, #)) > 0`, `the function "groupBy" is not allowed`},
		{`find(licensing_states, # == "CA") == "CA"`, `the function "find" is not allowed`},
		{`findIndex(licensing_states, # == "CA") == 0`, `the function "findIndex" is not allowed`},
		{`state matches "^C"`, `matches (a regular expression) is not allowed`},
		{`$env.state == "CA"`, `"$env" is not allowed`},
		{`budget ** 99999 > 1`, `the power operator "**" is not allowed`},
		{`budget ^ 99999 > 1`, `the power operator "^" is not allowed`},
		{`state contains "C"`, `the operator "contains" is not allowed`},
		{`state startsWith "C"`, `the operator "startsWith" is not allowed`},
		{`(state ?? "x") == "x"`, `the operator "??" is not allowed`},
		{`certifications_held[0] == "x"`, `a field or an index (x.y, x[i]) is not allowed`},
		{`len(certifications_held[0:1]) > 0`, `a slice (x[i:j]) is not allowed`},
		{`budget > 1 ? true : false`, `a conditional (a ? b : c, if/else) is not allowed`},
		{`len({"a": 1}) > 0`, `a map ({key: value}) is not allowed`},
		{`all(licensing_states, #index >= 0)`, `#index (use # for the item) is not allowed`},
		{`len(toJSON(state)) > 0`, `the function "toJSON" is not allowed`},
		{`state + state == "CACA"`, `joining text with + is not allowed`},
		{`budget.Foo > 1`, `a field or an index (x.y, x[i]) is not allowed`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			err := e.CompileCondition(tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q, got %v", tt.want, err)
			}
			if !strings.Contains(err.Error(), "(at column ") {
				t.Errorf("the message should say where: %v", err)
			}
		})
	}
	// The message says what is allowed, once.
	err := e.CompileCondition(`let x = 1; x > 0`)
	if !strings.Contains(err.Error(), "the functions len, any, all, none, one, count, abs, min and max") {
		t.Errorf("the refusal should list what is allowed: %v", err)
	}
}

// s1Overlay is the attack of reliability.md S1 as an overlay of the fixture.
func s1Overlay(when string) advisor.Layer {
	return advisor.Layer{Dir: "evil", FS: mapFS(map[string]string{"x.yaml": fmt.Sprintf(
		"rules:\n  - id: evil\n    when: '%s'\n    score: {mlt: 1}\n    because: test\n", when)})}
}

// nestedAll is the S1 CPU attack: all() nested n deep over licensing_states.
func nestedAll(n int) string {
	return strings.Repeat("all(licensing_states, ", n) + "true" + strings.Repeat(")", n)
}

// letDoubling is the S1 memory attack: a string doubled steps times with let.
func letDoubling(steps int) string {
	p := []string{`let v0 = "xxxxxxxxxxxxxxxx"`}
	for i := 1; i <= steps; i++ {
		p = append(p, fmt.Sprintf("let v%d = v%d + v%d", i, i-1, i-1))
	}
	return strings.Join(p, "; ") + fmt.Sprintf("; len(v%d) > 0", steps)
}

// TestS1NestedPredicatesRefused: the attacks of S1 are refused at load, at
// once, naming the file, the line and the rule; with the embedded data (12
// licensing states) as the attack was run.
func TestS1NestedPredicatesRefused(t *testing.T) {
	tests := []struct{ name, when, want string }{
		{"10 nested all", nestedAll(10), `evil/x.yaml:3:11: rule evil when: this condition could take more than 100000 steps to evaluate (lists of up to 15 items, nested 10 deep)`},
		{"5 nested all", nestedAll(5), `rule evil when: this condition could take more than 100000 steps`},
		{"40-step let doubling", letDoubling(40), `evil/x.yaml:3:11: rule evil when: let is not allowed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := advisor.Load(data.FS, s1Overlay(tt.when))
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("refusing took %v", d)
			}
			var de *advisor.DataError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q, got %v", tt.want, err)
			}
		})
	}
	// Nesting two deep is within the budget and loads.
	if _, err := advisor.Load(data.FS, s1Overlay(nestedAll(2))); err != nil {
		t.Errorf("two nested all() should load: %v", err)
	}
}

// TestS1EngineBudget: many conditions each within the per-condition budget
// still cannot add up to a slow evaluation.
func TestS1EngineBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("rules:\n")
	for i := range 40 {
		// four deep over 12 states: about 70,000 steps each
		fmt.Fprintf(&b, "  - id: r%d\n    when: '%s'\n    score: {mlt: 1}\n    because: test\n", i, nestedAll(4)+fmt.Sprintf(" or budget > %d", i))
	}
	_, err := advisor.Load(data.FS, advisor.Layer{Dir: "many", FS: mapFS(map[string]string{"x.yaml": b.String()})})
	if err == nil || !strings.Contains(err.Error(), "the conditions of the data together could take more than 2000000 steps") {
		t.Fatalf("want the engine budget refused, got %v", err)
	}
}

// TestS1EvaluationIsBounded: what compiles evaluates quickly; a runtime error
// is an error, not a hang.
func TestS1EvaluationIsBounded(t *testing.T) {
	e := embedded(t)
	start := time.Now()
	for range 100 {
		ok, err := e.EvalCondition(nestedAll(4), advisor.Answers{"state": "CA"})
		if err != nil || !ok {
			t.Fatalf("got %v, %v", ok, err)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("100 evaluations of a condition at the budget took %v", d)
	}
}

// TestU8ReservedQuestionIDs: a question id that is a word of the condition
// language gets the right reason.
func TestU8ReservedQuestionIDs(t *testing.T) {
	tests := []struct{ id, want string }{
		{"licensing_states", `question licensing_states: the id "licensing_states" is taken: it is the list of licensing states that conditions see`},
		{"len", `question len: the id "len" is a word of the condition language`},
		{"and", `question and: the id "and" is a word of the condition language`},
		{"Budget2", `question Budget2: an id is lower-case letters, digits and _`},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			_, err := advisor.Load(with(t, "questions.yaml", "  - id: budget\n", "  - id: "+tt.id+"\n"))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q, got %v", tt.want, err)
			}
		})
	}
}

// TestD1LeadingZerosAreDecimal: a zero-padded number is read in decimal, in
// answers files and CSV cells alike, never as octal.
func TestD1LeadingZerosAreDecimal(t *testing.T) {
	e := fixtureEngine(t)
	a, err := e.ParseAnswers("a.yaml", []byte("budget: 010000\ntimeline_months: 012\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a["budget"] != 10000 || a["timeline_months"] != 12 {
		t.Errorf("answers: want budget 10000 and 12 months, got %v and %v", a["budget"], a["timeline_months"])
	}
	next, err := e.CSVStudents(strings.NewReader("id,budget,timeline_months\nz,03000,012\ne,0008,08\n"), "c.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ budget, months int }{{3000, 12}, {8, 8}} {
		s, err := next()
		if err != nil || s.Err != nil {
			t.Fatalf("%v %v", err, s.Err)
		}
		if s.Answers["budget"] != want.budget || s.Answers["timeline_months"] != want.months {
			t.Errorf("CSV %s: want %d and %d, got %v and %v", s.ID, want.budget, want.months, s.Answers["budget"], s.Answers["timeline_months"])
		}
	}
}

// TestNumberForms: what a number question takes, and the reason for what it
// does not (U4: 2^63 is out of bounds; U14: a fraction within float rounding
// of a whole number is still a fraction).
func TestNumberForms(t *testing.T) {
	e := fixtureEngine(t)
	tests := []struct {
		in   string
		want any // an int, or a message part
	}{
		{"5000", 5000}, {"+5000", 5000}, {"5_000", 5000}, {"5000.0", 5000}, {"5e3", 5000}, {"5.0e+3", 5000},
		{"0", 0}, {"-0", 0}, {"00000", 0}, {"0.0e10", 0},
		{"9223372036854775808", "9223372036854775808 is out of bounds; allowed: 0 to 100000"},   // U4: 2^63
		{"-9223372036854775809", "-9223372036854775809 is out of bounds; allowed: 0 to 100000"}, // below -2^63
		{"1e30", "1e30 is out of bounds"},
		{"1e999999", "1e999999 is out of bounds"},
		{"99999999999999999999999", "is out of bounds"},
		{"4999.9999999999999999", `expected a whole number from 0 to 100000, got "4999.9999999999999999"`}, // U14
		{"5000.5", `expected a whole number from 0 to 100000, got "5000.5"`},
		{"5e-1", `expected a whole number`},
		{"1e-999999999999", `expected a whole number`},
		{"0x10", `expected a whole number from 0 to 100000 in decimal digits, got "0x10"`},
		{"0o17", `in decimal digits, got "0o17"`},
		{".inf", `in decimal digits, got ".inf"`},
		{".nan", `in decimal digits`},
		{`"5000"`, `expected a whole number from 0 to 100000, got "5000"`},
	}
	for _, tt := range tests {
		a, err := e.ParseAnswers("a.yaml", []byte("budget: "+tt.in+"\n"))
		switch want := tt.want.(type) {
		case int:
			if err != nil || a["budget"] != want {
				t.Errorf("%s: want %d, got %v (%v)", tt.in, want, a["budget"], err)
			}
		case string:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: want %q, got %v", tt.in, want, err)
			}
		}
	}
}

// TestU10FiguresAreBounded: figures in data are bounded at load, so that
// sums of them cannot overflow, and a leading zero (which YAML would read as
// octal) is refused, each with file:line:col.
func TestU10FiguresAreBounded(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"cost", "cost: [8000, 20000]", "cost: [8000, 4611686018427387904]", `paths.yaml:12:22: cost: a figure in dollars "4611686018427387904" is out of bounds; the limit is 10000000`},
		{"cost beyond int64", "cost: [8000, 20000]", "cost: [8000, 99999999999999999999]", `paths.yaml:12:22: cost: a figure in dollars "99999999999999999999" is out of bounds`},
		{"months", "months: [18, 24]", "months: [18, 6000]", `paths.yaml:11:22: months: a figure in months "6000" is out of bounds; the limit is 600`},
		{"single months", "        months: 1\n  - id: mls", "        months: 100000\n  - id: mls", `months: a figure in months "100000" is out of bounds; the limit is 600`},
		{"salary", "salary: {median: 61890,", "salary: {median: 4611686018427387904,", `paths.yaml:6:22: median: a figure in dollars "4611686018427387904" is out of bounds`},
		{"fee", "fee: {amount: 225,", "fee: {amount: 2000000000,", `certifications.yaml:7:19: amount: a figure in dollars "2000000000" is out of bounds`},
		{"score", "score: {mlt: 3, mls: -3}", "score: {mlt: 3, mls: -4611686018427387904}", `rules.yaml:7:26: score: a figure "-4611686018427387904" is out of bounds; the limit is 1000000000`},
		{"leading zero", "salary: {median: 61890,", "salary: {median: 061890,", `paths.yaml:6:22: "061890": write the number in decimal digits without a leading zero`},
		{"hex", "score: {mlt: 3,", "score: {mlt: 0x3,", `rules.yaml:7:18: "0x3": write the number in decimal digits`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := "paths.yaml"
			switch {
			case strings.HasPrefix(tt.want, "certifications"):
				file = "certifications.yaml"
			case strings.HasPrefix(tt.want, "rules"):
				file = "rules.yaml"
			}
			_, err := advisor.Load(with(t, file, tt.old, tt.new))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q, got %v", tt.want, err)
			}
		})
	}
}
