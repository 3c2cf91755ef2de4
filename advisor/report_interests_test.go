package advisor_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"medpath/advisor"
)

// report renders r in format.
func report(t *testing.T, e *advisor.Engine, r *advisor.Recommendation, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := e.WriteReport(&b, r, format); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// squash puts text on one line with single spaces, so a wrapped sentence
// can be looked for.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestReportInterestsScored: a scored profile shows in every report format
// with each area's bar, number and gloss, the code in words, the note, and
// each path's match (the text report: every path; the handouts: the
// recommended path's in words and the others' labels).
func TestReportInterestsScored(t *testing.T) {
	e := embedded(t)
	r := e.Recommend(goldenPersonas["interests-lab"])
	p := r.Interests
	if !p.Scored || p.Code != "IRC" {
		t.Fatalf("the persona should have the scored code IRC: %+v", p)
	}
	rows := e.ProfileRows(p)
	if len(rows) != 6 {
		t.Fatalf("%d rows", len(rows))
	}
	code := e.CodeWords(p)
	top := r.Paths[0]
	if top.InterestMatch == nil {
		t.Fatal("the recommended path has no interest match")
	}
	t.Run("text", func(t *testing.T) {
		out := report(t, e, r, advisor.FormatText)
		for _, row := range rows {
			bar := regexp.QuoteMeta(advisor.Bar(row.Score, 20, "#", "."))
			re := regexp.MustCompile(fmt.Sprintf(`(?m)^  %s +%s +%d  %s$`, row.Name, bar, row.Score, regexp.QuoteMeta(row.Gloss)))
			if !re.MatchString(out) {
				t.Errorf("no line %s", re)
			}
		}
		if !strings.Contains(squash(out), code+".") || !strings.Contains(squash(out), p.Note) {
			t.Errorf("text lacks the code words or the note")
		}
		// the profile comes after the recommendation, before why
		if i, j, k := strings.Index(out, "Recommended: "), strings.Index(out, advisor.ProfileHeading), strings.Index(out, "Why this path"); !(i < j && j < k) {
			t.Errorf("the profile is at %d, the recommendation at %d, why at %d", j, i, k)
		}
		for _, pr := range r.Paths {
			if pr.InterestMatch == nil {
				t.Fatalf("%s has no match", pr.ID)
			}
		}
		if n := strings.Count(squash(out), "Interest match: "); n != len(r.Paths) {
			t.Errorf("%d match lines for %d paths", n, len(r.Paths))
		}
		if !strings.Contains(squash(out), advisor.MatchWords(top.InterestMatch)+".") {
			t.Errorf("text lacks the top path's %q", advisor.MatchWords(top.InterestMatch))
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.ContainsAny(l, "\x1b█░") {
				t.Errorf("a text line is not plain: %q", l)
			}
		}
	})
	match := fmt.Sprintf("Interest match with %s: %s (O*NET interest code %s; correlation %.2f)", top.Title, top.InterestMatch.Label, top.InterestMatch.Code, top.InterestMatch.Correlation)
	t.Run("markdown", func(t *testing.T) {
		out := report(t, e, r, advisor.FormatMarkdown)
		for _, row := range rows {
			line := fmt.Sprintf("%-13s  %s  %3d  %s\n", row.Name, advisor.Bar(row.Score, 20, "█", "░"), row.Score, row.Gloss)
			if !strings.Contains(out, line) {
				t.Errorf("no line %q", line)
			}
		}
		plain := strings.ReplaceAll(out, `\*`, "*")
		for _, want := range []string{"## " + advisor.ProfileHeading, "**" + code + ".**", p.Note, match + ".", "; interests: strong match)"} {
			if !strings.Contains(plain, want) {
				t.Errorf("markdown lacks %q", want)
			}
		}
		if strings.Contains(out, "Activity check: skipped") {
			t.Error("a scored profile is not skipped")
		}
	})
	t.Run("html", func(t *testing.T) {
		out := report(t, e, r, advisor.FormatHTML)
		for _, row := range rows {
			want := fmt.Sprintf(`<span class="name">%s</span><span class="track" aria-hidden="true"><span class="fill" style="width: %d%%"></span></span><span class="num">%d<span class="sr"> of 100</span></span><span class="gl">%s</span>`,
				row.Name, row.Score, row.Score, row.Gloss)
			if !strings.Contains(out, want) {
				t.Errorf("no bar %s", want)
			}
		}
		if n := strings.Count(out, `<li class="top">`); n != 3 {
			t.Errorf("%d areas marked top; want the code's 3", n)
		}
		for _, want := range []string{">" + advisor.ProfileHeading + "</h2>", code + ".", p.Note, match} {
			if !strings.Contains(out, want) {
				t.Errorf("html lacks %q", want)
			}
		}
		if strings.Contains(out, "<script") {
			t.Error("the handout has a script")
		}
		checkHTML(t, []byte(out))
	})
}

// TestReportInterestsNotScored: a skipped inventory is one line (the text
// report's note, the handouts' answer); a profile with too few ratings or
// flat ratings shows its bars and says why it did not count, without a code.
func TestReportInterestsNotScored(t *testing.T) {
	e := embedded(t)
	base := goldenPersonas["career-changer"]
	t.Run("skipped", func(t *testing.T) {
		r := e.Recommend(base)
		if !r.Interests.Skipped {
			t.Fatalf("want skipped: %+v", r.Interests)
		}
		text := report(t, e, r, advisor.FormatText)
		section := text[strings.Index(text, advisor.ProfileHeading):strings.Index(text, "Why this path")]
		if squash(section) != squash(advisor.ProfileHeading+" "+strings.Repeat("-", len(advisor.ProfileHeading))+" "+r.Interests.Note) {
			t.Errorf("text section:\n%s", section)
		}
		if strings.Contains(text, "Interest match") {
			t.Error("no match without a profile")
		}
		md := report(t, e, r, advisor.FormatMarkdown)
		if !strings.Contains(md, "- Activity check: skipped, so no interest profile\n") || strings.Contains(md, "## "+advisor.ProfileHeading) {
			t.Error("markdown: want the skip among the answers and no profile section")
		}
		html := report(t, e, r, advisor.FormatHTML)
		if !strings.Contains(html, "<dt>Activity check</dt><dd>skipped, so no interest profile</dd>") || strings.Contains(html, `id="h-interests"`) {
			t.Error("html: want the skip among the answers and no profile section")
		}
	})
	few := withRatings(base.Clone(), map[byte][4]int{'R': {5, 5, 0, 0}, 'I': {1, 0, 0, 0}})
	flat := withRatings(base.Clone(), map[byte][4]int{'R': {3, 3, 3, 3}, 'I': {3, 3, 3, 3}, 'A': {3, 3, 3, 3}, 'S': {3, 3, 3, 3}, 'E': {3, 3, 3, 3}, 'C': {4, 3, 3, 3}})
	for name, a := range map[string]advisor.Answers{"few": few, "flat": flat} {
		t.Run(name, func(t *testing.T) {
			r := e.Recommend(a)
			p := r.Interests
			if p.Skipped || p.Scored || p.Code != "" {
				t.Fatalf("want an unscored profile: %+v", p)
			}
			for _, f := range []string{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatHTML} {
				out := report(t, e, r, f)
				if !strings.Contains(squash(out), p.Note) || strings.Contains(out, "Your interest code") || strings.Contains(out, "Interest match") {
					t.Errorf("%s: want the note %q and no code or match", f, p.Note)
				}
				if !strings.Contains(out, "Realistic") || !strings.Contains(out, "Conventional") {
					t.Errorf("%s: the bars are shown", f)
				}
				if name == "few" && !strings.Contains(out, "not rated") {
					t.Errorf("%s: an area without a rating says so", f)
				}
			}
		})
	}
}

// TestReportNoInventory: data without an inventory shows no profile.
func TestReportNoInventory(t *testing.T) {
	e := fixtureEngine(t)
	r := e.Recommend(advisor.Answers{})
	for _, f := range []string{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatHTML} {
		if out := report(t, e, r, f); strings.Contains(out, advisor.ProfileHeading) || strings.Contains(out, "Activity check") {
			t.Errorf("%s shows an inventory the data does not have", f)
		}
	}
}
