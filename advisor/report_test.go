package advisor_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medpath/advisor"
	"medpath/data"
)

var update = flag.Bool("update", false, "rewrite golden files")

// requireGolden compares got with testdata/name, or rewrites it with -update.
func requireGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./advisor -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./advisor -update and review the diff.\n--- got ---\n%s", path, got)
	}
}

var goldenPersonas = map[string]advisor.Answers{
	"mlt-california": {"education": "associate", "college_credits": 64, "lab_program": "mlt", "lab_program_years_ago": 1,
		"lab_work": 5, "goal": "technician", "state": "CA", "timeline_months": 12, "budget": 2000},
	"career-changer": {"education": "bachelor", "college_credits": 120, "biology_credits": 12, "chemistry_credits": 8,
		"lab_work": 4, "technology": 4, "goal": "technologist", "state": "OH", "timeline_months": 24, "budget": 15000,
		"work_while_studying": true},
	// the career changer who took the activity inventory: strongly
	// Investigative, Realistic and Conventional, one item skipped
	"interests-lab": withRatings(advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 12,
		"chemistry_credits": 8, "lab_work": 4, "technology": 4, "goal": "technologist", "state": "OH", "timeline_months": 24,
		"budget": 15000, "work_while_studying": true},
		labRatings),
}

// labRatings are activity ratings strongly Investigative, Realistic and
// Conventional, with one item skipped.
var labRatings = map[byte][4]int{'R': {4, 3, 5, 4}, 'I': {5, 5, 4, 5}, 'A': {2, 1, 0, 2}, 'S': {2, 3, 2, 1}, 'E': {1, 2, 1, 2}, 'C': {4, 4, 5, 3}}

// withRatings adds the activity inventory's ratings to a: four an area, by
// its letter (0 skips an item).
func withRatings(a advisor.Answers, r map[byte][4]int) advisor.Answers {
	for area, vs := range r {
		for i, v := range vs {
			a[fmt.Sprintf("interest_%c%d", area+'a'-'A', i+1)] = v
		}
	}
	return a
}

func TestReportGoldens(t *testing.T) {
	e := embedded(t)
	for name, a := range goldenPersonas {
		for _, f := range []struct{ format, ext string }{{"text", "txt"}, {"markdown", "md"}, {"json", "json"}, {"html", "html"}} {
			t.Run(name+"."+f.ext, func(t *testing.T) {
				var b1, b2 bytes.Buffer
				if err := e.WriteReport(&b1, e.Recommend(a), f.format); err != nil {
					t.Fatal(err)
				}
				if err := e.WriteReport(&b2, e.Recommend(a.Clone()), f.format); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
					t.Fatal("the same answers twice gave different bytes")
				}
				requireGolden(t, "report/"+name+"."+f.ext, b1.Bytes())
			})
		}
	}
}

func TestTextReportFitsEightyColumns(t *testing.T) {
	e := embedded(t)
	for name, a := range goldenPersonas {
		var b bytes.Buffer
		if err := e.WriteReport(&b, e.Recommend(a), "text"); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(b.String(), "\n") {
			if u := strings.TrimSpace(line); strings.HasPrefix(u, "https://") && !strings.Contains(u, " ") {
				continue // a long address cannot be broken; it stands alone on its line
			}
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%s line %d is %d columns: %q", name, i+1, n, line)
			}
			if strings.ContainsRune(line, '\x1b') {
				t.Errorf("%s line %d has an escape code", name, i+1)
			}
		}
	}
}

func TestJSONKeys(t *testing.T) {
	e := embedded(t)
	var b bytes.Buffer
	if err := e.WriteReport(&b, e.Recommend(goldenPersonas["mlt-california"]), "json"); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"recommended", "paths", "sources"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("missing top-level key %q", k)
		}
	}
	p := doc["paths"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "level", "score", "fit", "reasons", "gates", "plan", "total_months",
		"total_cost", "fits_timeline", "certifications", "salary", "outlook"} {
		if _, ok := p[k]; !ok {
			t.Errorf("missing path key %q", k)
		}
	}
	step := p["plan"].([]any)[0].(map[string]any)
	for _, k := range []string{"title", "kind", "months", "cost"} {
		if _, ok := step[k]; !ok {
			t.Errorf("missing plan key %q", k)
		}
	}
	cert := p["certifications"].([]any)[0].(map[string]any)
	for _, k := range []string{"credential", "route", "eligible", "because"} {
		if _, ok := cert[k]; !ok {
			t.Errorf("missing certification key %q", k)
		}
	}
	sal := p["salary"].(map[string]any)
	for _, k := range []string{"median", "low", "high", "as_of", "source"} {
		if _, ok := sal[k]; !ok {
			t.Errorf("missing salary key %q", k)
		}
	}
}

// BenchmarkLoad loads the embedded data from the YAML, as an edited data
// folder or a build without builtin_gen.go does: parse, check, merge, link
// and compile every condition.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := advisor.LoadYAML(data.FS); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadBuiltin is what medpath does at start-up: the embedded data
// from builtin_gen.go (hash the files, build the decoded values), then the
// same checks, merge, link and compilation as BenchmarkLoad.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := advisor.Load(data.FS); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRecommend(b *testing.B) {
	e := embedded(b)
	a := goldenPersonas["career-changer"]
	b.ReportAllocs()
	for b.Loop() {
		e.Recommend(a)
	}
}
