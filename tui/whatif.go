package tui

import (
	"cmp"
	"fmt"
	"slices"

	"medpath/advisor"
)

// What-if mode lets a counselor try a change to one answer on the results
// and see what it would change, without touching the real answers:
//
//	results --w--> picker (the review list in what-if mode)
//	        --enter--> the question, in what-if mode (follow-ups it reveals too)
//	        --enter--> the results for the what-if answers under a WHAT-IF
//	                   banner, on a "What changes" tab (engine's Diff)
//	        --a--> kept: the what-if answers become the real ones (and are saved)
//	        --esc--> discarded: the real results again
//
// w on the what-if results changes another answer on top. What-if answers
// are never saved to the session unless kept. The what-if controller
// (whatifctl.go) holds the what-if on show and decides each step; this file
// draws the changes.

// whatIf is a what-if on show: its answers (all of them, hidden follow-ups
// included, like the real ones), their results and the changes.
type whatIf struct {
	answers advisor.Answers
	rec     *advisor.Recommendation
	diff    advisor.Diff
}

// eligibility orders route eligibility, for "better" and "worse".
func eligibility(s advisor.Eligibility) int {
	switch s {
	case advisor.EligibleNow:
		return 2
	case advisor.EligibleAfterPlan:
		return 1
	}
	return 0
}

// whatIfLines draws what changes with the what-if answers. Every change is
// marked with a symbol and words (+ added, - removed, ↑ up, ↓ down, "was X,
// now Y"), so colour is never the only signal.
func whatIfLines(eng *advisor.Engine, st *Styles, d advisor.Diff, w int) []string {
	lines := []string{st.Heading.Render("You changed (what-if, not saved)")}
	if len(d.Answers) == 0 {
		lines = append(lines, para("No answer differs from your real answers.", w, st.Subtle)...)
	}
	for _, c := range d.Answers { // the engine words both answers (advisor.Question.AnswerText)
		lines = append(lines, hang("~ ", fmt.Sprintf("%s was %s, now %s", c.Prompt, c.FromText, c.ToText), w, st.Warn, st.Text)...)
	}

	if c := d.InterestCodeWords(); c != "" {
		lines = append(lines, "")
		lines = append(lines, hang("~ ", c, w, st.Warn, st.Text)...)
	}

	lines = append(lines, "", st.Heading.Render("Recommended path"))
	if d.Recommended[0] != d.Recommended[1] {
		lines = append(lines, hang("★ changed: ", fmt.Sprintf("was %s, now %s", eng.PathTitle(d.Recommended[0]), eng.PathTitle(d.Recommended[1])), w, st.Star, st.Text)...)
	} else {
		lines = append(lines, hang("= unchanged: ", eng.PathTitle(d.Recommended[1]), w, st.Subtle, st.Text)...)
	}

	if len(d.Ranks) > 0 {
		lines = append(lines, "", st.Heading.Render("Ranking"))
	}
	// Paths that moved first, then those whose score changed in place.
	ranks := slices.Clone(d.Ranks)
	slices.SortStableFunc(ranks, func(a, b advisor.RankChange) int {
		return cmp.Compare(b2i(a.FromRank == a.ToRank), b2i(b.FromRank == b.ToRank))
	})
	for _, r := range ranks {
		lead, style := "= same rank: ", st.Subtle
		text := fmt.Sprintf("%s, rank %d", r.Title, r.ToRank)
		switch {
		case r.ToRank < r.FromRank:
			lead, style = fmt.Sprintf("↑ up %d: ", r.FromRank-r.ToRank), st.Good
			text = fmt.Sprintf("%s, rank was %d, now %d", r.Title, r.FromRank, r.ToRank)
		case r.ToRank > r.FromRank:
			lead, style = fmt.Sprintf("↓ down %d: ", r.ToRank-r.FromRank), st.Bad
			text = fmt.Sprintf("%s, rank was %d, now %d", r.Title, r.FromRank, r.ToRank)
		}
		if r.FromScore != r.ToScore {
			text += fmt.Sprintf("; score was %d, now %d", r.FromScore, r.ToScore)
		}
		if r.FromFit != r.ToFit {
			text += fmt.Sprintf("; was %s, now %s", lowerFirst(r.FromFit), lowerFirst(r.ToFit))
		}
		lines = append(lines, hang(lead, text+".", w, style, st.Text)...)
	}

	if len(d.Plans) > 0 {
		lines = append(lines, "", st.Heading.Render("Plans"))
	}
	for _, p := range d.Plans {
		text := p.Title + ":"
		if p.FromMonths != p.ToMonths {
			text += fmt.Sprintf(" time was %s, now %s;", advisor.MonthsText(p.FromMonths), advisor.MonthsText(p.ToMonths))
		}
		if p.FromCost != p.ToCost {
			text += fmt.Sprintf(" cost was %s, now %s;", advisor.DollarSpan(p.FromCost), advisor.DollarSpan(p.ToCost))
		}
		lines = append(lines, hang("~ ", trimSemi(text), w, st.Warn, st.Text)...)
		for _, s := range p.Added {
			lines = append(lines, hang("    + added: ", s, w, st.Good, st.Text)...)
		}
		for _, s := range p.Removed {
			lines = append(lines, hang("    - removed: ", s, w, st.Bad, st.Text)...)
		}
		switch {
		case p.FitsAfter && !p.FitsBefore:
			lines = append(lines, hang("    ✓ ", "now fits your timeline (did not before).", w, st.Good, st.Text)...)
		case !p.FitsAfter && p.FitsBefore:
			lines = append(lines, hang("    ✗ ", "no longer fits your timeline (did before).", w, st.Bad, st.Text)...)
		}
	}

	if len(d.Routes) > 0 {
		lines = append(lines, "", st.Heading.Render("Certification routes"))
	}
	for _, r := range d.Routes {
		lead, style := "↓ worse: ", st.Bad
		if eligibility(r.To) > eligibility(r.From) {
			lead, style = "↑ better: ", st.Good
		}
		lines = append(lines, hang(lead, fmt.Sprintf("%s route %s was %s, now %s.", r.Credential, r.Route,
			advisor.EligibleLabel(r.From), advisor.EligibleLabel(r.To)), w, style, st.Text)...)
	}

	if !d.Changed() {
		lines = append(lines, "")
		lines = append(lines, para("Nothing in the recommendation changes.", w, st.Text)...)
	}
	lines = append(lines, "")
	return append(lines, para("Press a to keep this change (it becomes your real answers), esc to discard it, w to change another answer.", w, st.Subtle)...)
}

// lowerFirst lower-cases the first letter of s ("Good fit" -> "good fit").
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'A' && r[0] <= 'Z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// trimSemi ends a list of "...;" parts with a full stop.
func trimSemi(s string) string {
	if n := len(s); n > 0 && (s[n-1] == ';' || s[n-1] == ':') {
		return s[:n-1] + "."
	}
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
