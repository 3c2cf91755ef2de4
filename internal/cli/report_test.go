package cli_test

import (
	"strings"
	"testing"
	"time"
)

// TestReportNameAndDate checks the handout's --name and --date: both appear
// in Markdown and HTML (escaped in each), the date defaults to today, a bad
// date is bad usage, and text and JSON are unchanged by them.
func TestReportNameAndDate(t *testing.T) {
	answers := writeFile(t, "a.yaml", "education: high_school\ntimeline_months: 6\nbudget: 2000\npatient_contact: 5\nstate: TX\n")
	report := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, "", append([]string{"report", "--answers", answers}, args...)...)
		if code != 0 {
			t.Fatalf("report %v: exit %d: %s", args, code, errOut)
		}
		return out
	}

	md := report("--format", "markdown", "--name", "Ana <b>", "--date", "2026-09-01")
	for _, want := range []string{"# Career recommendation for Ana \\<b\\>\n", "Prepared on 1 September 2026"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md[:min(300, len(md))])
		}
	}
	page := report("--format", "html", "--name", "Ana <b>", "--date", "2026-09-01")
	for _, want := range []string{"<h1>Ana &lt;b&gt;</h1>", `<time datetime="2026-09-01">1 September 2026</time>`} {
		if !strings.Contains(page, want) {
			t.Errorf("html lacks %q", want)
		}
	}

	// no --date: today (checked on either side of midnight)
	before := time.Now()
	md = report("--format", "markdown")
	after := time.Now()
	today := func(d time.Time) string { return "Prepared on " + d.Format("2 January 2006") }
	if !strings.Contains(md, today(before)) && !strings.Contains(md, today(after)) {
		t.Errorf("want today's date by default:\n%s", md[:min(200, len(md))])
	}

	for _, f := range []string{"text", "json"} {
		if plain, named := report("--format", f), report("--format", f, "--name", "Ana", "--date", "2026-09-01"); plain != named {
			t.Errorf("--name and --date change the %s report", f)
		}
	}

	for _, bad := range []string{"2026-13-01", "01/09/2026", "tomorrow"} {
		code, _, errOut := runCLI(t, "", "report", "--answers", answers, "--format", "html", "--date", bad)
		if code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
			t.Errorf("--date %s: exit %d, %q; want 2 and the expected form", bad, code, errOut)
		}
	}
}
