package advisor_test

import (
	"strings"
	"testing"

	"medpath/advisor"
	"medpath/data"
)

func TestExitSummary(t *testing.T) {
	e, err := advisor.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	rec := e.Recommend(advisor.Answers{"education": "associate", "college_credits": 64, "biology_credits": 12, "chemistry_credits": 8})
	s := e.ExitSummary(rec, "/tmp/r.md", "/tmp/a.yaml")
	items := 0
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if !strings.HasPrefix(l, "  ") {
			items++
		}
		if n := len([]rune(l)); n > 78 {
			t.Errorf("line of %d columns: %q", n, l)
		}
		if strings.ContainsRune(l, '\x1b') {
			t.Errorf("escape code in %q", l)
		}
	}
	if items != 6 {
		t.Fatalf("%d items, want 6:\n%s", items, s)
	}
	s = strings.Join(strings.Fields(s), " ") // undo the wrapping for the checks below
	top, next := rec.Paths[0], rec.Paths[1]
	for _, want := range []string{
		"Recommended: " + top.Title, top.Level, advisor.Dollars(top.Salary.Median), top.Salary.AsOf,
		"Next best: " + next.Title, "Saved: /tmp/r.md and /tmp/a.yaml",
		e.Source(top.Salary.Source).Publisher + ", " + e.Source(top.Salary.Source).Title,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if s := e.ExitSummary(rec); !strings.Contains(s, "Report not exported") {
		t.Errorf("without files the summary should say how to export:\n%s", s)
	}
	if e.ExitSummary(nil) != "" || e.ExitSummary(&advisor.Recommendation{}) != "" {
		t.Error("no recommendation should give no summary")
	}
}
