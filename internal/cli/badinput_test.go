package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInputCatalogue feeds medpath every kind of bad input we could think
// of, through the real command line, and checks that each is refused with the
// right exit code and a message that names the problem. None may panic.
func TestBadInputCatalogue(t *testing.T) {
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	folder := func(name string, files map[string]string) string {
		for f, body := range files {
			file(filepath.Join(name, f), body)
		}
		return filepath.Join(dir, name)
	}
	big := strings.Repeat("# padding to pass the size limit\n", 40000) // about 1.3 MB
	deep := strings.Repeat("[", 200) + strings.Repeat("]", 200)
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n" +
		"j: &j [*i, *i, *i, *i, *i, *i, *i, *i, *i]\nk: &k [*j, *j, *j, *j, *j, *j, *j, *j, *j]\nl: &l [*k, *k, *k, *k, *k, *k, *k, *k, *k]\n" +
		"m: &m [*l, *l, *l, *l, *l, *l, *l, *l, *l]\nn: &n [*m, *m, *m, *m, *m, *m, *m, *m, *m]\n"

	report := func(body string) []string { return []string{"report", "--answers", file("a"+hash(body)+".yaml", body)} }
	overlay := func(files map[string]string) []string {
		return []string{"validate", "--data", folder("d"+hash(files), files)}
	}
	batchCSV := func(body string) []string { return []string{"batch", file("c"+hash(body)+".csv", body)} }

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		// answers files
		{"answers: empty file", report(""), 2, "answers file is empty"},
		{"answers: only spaces", report("   \n\n"), 2, "answers file is empty"},
		{"answers: a list, not a mapping", report("- education\n- budget\n"), 2, "answers must be a mapping"},
		{"answers: a bare word", report("hello\n"), 2, "answers must be a mapping"},
		{"answers: unknown key", report("eduction: bachelor\n"), 2, `"eduction" is not a question (did you mean "education"?)`},
		{"answers: wrong type for a number", report("budget: lots\n"), 2, `budget: expected a whole number from 0 to`},
		{"answers: a number as text", report("budget: \"5000\"\n"), 2, `budget: expected a whole number`},
		{"answers: a fraction", report("timeline_months: 6.5\n"), 2, `timeline_months: expected a whole number`},
		{"answers: a huge number", report("budget: 1e308\n"), 2, `budget: 1e308 is out of bounds`},
		{"answers: infinity", report("budget: .inf\n"), 2, `budget: expected a whole number`},
		{"answers: negative", report("lab_experience_years: -1\n"), 2, `lab_experience_years: -1 is out of bounds`},
		{"answers: not an option", report("education: phd\n"), 2, `education: "phd" is not an option`},
		{"answers: an option no case or label matches", report("state: Calfornia\n"), 2, `state: "Calfornia" is not an option`},
		{"answers: list where one value is wanted", report("education: [bachelor]\n"), 2, `education: expected one of`},
		{"answers: one value where a list is wanted", report("certifications_held: mlt-ascp\n"), 2, `certifications_held: expected a list`},
		{"answers: unknown credential in list", report("certifications_held: [mlt-ascp, phd]\n"), 2, `certifications_held: "phd" is not an option`},
		{"answers: yes/no as a number", report("work_while_studying: 2\n"), 2, `work_while_studying: expected yes or no`},
		{"answers: scale out of range", report("lab_work: 9\n"), 2, `lab_work: 9 is out of bounds; allowed: 1 to 5`},
		{"answers: duplicate key", report("budget: 1\nbudget: 2\n"), 2, `"budget" is answered twice`},
		{"answers: YAML syntax error", report("education: [bachelor\n"), 2, `did not find expected`},
		{"answers: tab indentation", report("education:\n\t- x\n"), 2, `found character that cannot start any token`},
		{"answers: binary junk", report("\x00\x01\x02\xff\xfe"), 2, `not valid UTF-8`},
		{"answers: invalid UTF-8 in a value", report("education: \"bach\xe9lor\"\n"), 2, `not valid UTF-8`},
		{"answers: deep nesting", report("education: " + deep + "\n"), 2, `nested more than 64 levels deep`},
		{"answers: alias bomb", report(bomb), 2, `more than 100 aliases`},
		{"answers: over 1 MiB", report("education: bachelor\n" + big), 2, `the limit is 1048576 (1 MiB)`},
		{"answers: JSON without its closing brace", report(`{"education": "bachelor"`), 2, `did not find expected ',' or '}'`},
		{"answers: JSON wrong type", report(`{"budget": true}`), 2, `budget: expected a whole number`},
		{"answers: several problems at once", report("education: phd\nbudget: x\nfoo: 1\n"), 2, `"foo" is not a question`},
		{"answers: missing file", []string{"report", "--answers", filepath.Join(dir, "nope.yaml")}, 2, "no such file or directory"},
		{"answers: a folder", []string{"report", "--answers", dir}, 1, "is a directory"},

		// data folders
		{"data: folder missing", []string{"validate", "--data", filepath.Join(dir, "nowhere")}, 1, "no such file or directory"},
		{"data: a file, not a folder", []string{"validate", "--data", file("notdir.yaml", "x: 1\n")}, 1, "not a folder"},
		{"data: no yaml files", overlay(map[string]string{"readme.txt": "hi"}), 1, "no *.yaml files in this folder"},
		{"data: unknown top-level key", overlay(map[string]string{"x.yaml": "pathz: []\n"}), 1, `unknown key "pathz" in a data file (top level) (did you mean "paths"?)`},
		{"data: unknown rule key", overlay(map[string]string{"x.yaml": "rules:\n  - id: r\n    whn: budget > 1\n    score: {mlt: 1}\n    because: b\n"}), 1, `x.yaml:3:5: unknown key "whn" in a rule (did you mean "when"?)`},
		{"data: duplicate rule id", overlay(map[string]string{"x.yaml": "rules:\n  - {id: r, when: budget > 1, score: {mlt: 1}, because: b}\n  - {id: r, when: budget > 2, score: {mlt: 1}, because: b}\n"}), 1, `duplicate rule id "r"`},
		{"data: unknown path in a rule", overlay(map[string]string{"x.yaml": "rules:\n  - {id: r, when: budget > 1, score: {mtl: 1}, because: b}\n"}), 1, `unknown path "mtl" (did you mean "mlt"?)`},
		{"data: condition names an unknown variable", overlay(map[string]string{"x.yaml": "rules:\n  - {id: r, when: budjet > 1, score: {mlt: 1}, because: b}\n"}), 1, `unknown variable "budjet" (did you mean "budget"?)`},
		{"data: condition is not true/false", overlay(map[string]string{"x.yaml": "rules:\n  - {id: r, when: budget + 1, score: {mlt: 1}, because: b}\n"}), 1, `a condition must be true or false`},
		{"data: condition calls a disabled function", overlay(map[string]string{"x.yaml": "rules:\n  - {id: r, when: 'repeat(\"a\", 9) == \"\"', score: {mlt: 1}, because: b}\n"}), 1, `the function "repeat" is not allowed`},
		{"data: condition too long", overlay(map[string]string{"x.yaml": "rules:\n  - {id: r, when: '" + strings.Repeat("budget > 1 and ", 200) + "true', score: {mlt: 1}, because: b}\n"}), 1, `the limit is 2000`},
		{"data: figure without a source", overlay(map[string]string{"x.yaml": "sources: []\npaths:\n  - {id: p, title: T, level: technician, summary: s, salary: {median: 5, low: 1, high: 9, as_of: 2024}}\n"}), 1, `salary: a figure without a source`},
		{"data: min above max", overlay(map[string]string{"x.yaml": "questions:\n  - {id: q, section: education, kind: number, prompt: p, min: 9, max: 1, default: 5}\n"}), 1, `min 9 is greater than max 1`},
		{"data: YAML anchors expand beyond the alias limit", overlay(map[string]string{"x.yaml": bomb}), 1, `more than 100 aliases`},
		{"data: file over 1 MiB", overlay(map[string]string{"x.yaml": "rules: []\n" + big}), 1, `the limit is 1048576`},
		{"data: binary junk", overlay(map[string]string{"x.yaml": "\x00\xff\x10"}), 1, `not valid UTF-8`},
		{"data: an example that fails", overlay(map[string]string{"x.yaml": "examples:\n  - {name: wrong, answers: {education: none}, expect: mls}\n"}), 1, `example "wrong": expected top path "mls"`},

		// flags and commands
		{"flags: unknown flag", []string{"--frobnicate"}, 2, "unknown flag: --frobnicate"},
		{"flags: unknown command", []string{"recommend"}, 2, `unknown command "recommend"`},
		{"flags: bad report format", []string{"report", "--answers", "-", "--format", "pdf"}, 2, `unknown --format "pdf"`},
		{"flags: bad batch format", []string{"batch", dir, "--format", "xml"}, 2, `unknown --format "xml"`},
		{"flags: jobs zero", []string{"batch", dir, "--jobs", "0"}, 2, "--jobs 0: allowed 1 to 256"},
		{"flags: jobs not a number", []string{"batch", dir, "--jobs", "many"}, 2, `invalid argument "many" for "--jobs" flag`},
		{"flags: compare needs two files", []string{"compare", "a.yaml"}, 2, "give two answers files"},
		{"flags: flag missing its value", []string{"report", "--answers"}, 2, "flag needs an argument: --answers"},
		{"flags: questions takes no argument", []string{"questions", "extra"}, 2, `unexpected argument "extra"`},

		// CSV cohorts
		{"csv: empty file", batchCSV(""), 2, "empty file; the first row must name the columns"},
		{"csv: unknown column", batchCSV("id,eduation\nx,bachelor\n"), 2, `column "eduation" is not a question id (did you mean "education"?)`},
		{"csv: duplicate column", batchCSV("budget,budget\n1,2\n"), 2, `column "budget" appears twice`},
		{"csv: bad value in a row", batchCSV("id,budget\na,100\nb,lots\n"), 1, "row 2: budget: expected a whole number"},
		{"csv: short row", batchCSV("id,budget,education\na,100\n"), 1, "row 1 has 2 cells; the header has 3"},
		{"csv: broken quote", batchCSV("id,budget\n\"a,100\n"), 1, `extraneous or missing " in quoted-field`},
		{"csv: binary junk in a cell", batchCSV("id,education\na,\xff\xfe\n"), 1, `is not an option`},
		{"csv: folder with no answers files", []string{"batch", folder("emptycohort", map[string]string{"notes.txt": "x"})}, 2, "no answers files"},
		{"csv: folder with one bad file", []string{"batch", folder("cohort", map[string]string{"a.yaml": "education: bachelor\n", "b.yaml": "education: phd\n"})}, 1, `b.yaml:1:12: education: "phd" is not an option`},
	}
	if len(tests) < 40 {
		t.Fatalf("the catalogue should hold at least 40 cases, has %d", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr lacks %q:\n%s\nstdout: %.300s", tt.want, errOut, out)
			}
			if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine ") {
				t.Errorf("looks like a panic:\n%s", errOut)
			}
		})
	}
}

// hash names a generated file after its content, so each case has its own.
func hash(v any) string {
	h := uint32(2166136261)
	for _, c := range []byte(strings.TrimSpace(fmtAny(v))) {
		h = (h ^ uint32(c)) * 16777619
	}
	return strings.ToLower(strings.TrimLeft(strings.ToUpper(string(rune('a'+h%26)))+itoa(h), " "))
}

func fmtAny(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]string:
		var b strings.Builder
		for k, s := range x {
			b.WriteString(k + "=" + s + ";")
		}
		return b.String()
	}
	return ""
}

func itoa(u uint32) string {
	if u == 0 {
		return "0"
	}
	var b []byte
	for u > 0 {
		b = append([]byte{byte('0' + u%10)}, b...)
		u /= 10
	}
	return string(b)
}
