package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// This file draws the student's interest profile from the activity check:
// on the results' Overview as a bar chart (one row an area: its name, a bar
// of its score, the number and its gloss, and its place in the code in
// words), and in the accessible mode as plain lines with the same content.
// The bars use the plan timeline's cells, █ for the score and ░ for the
// rest, so the length reads without colour too, and the number and the
// words say it again.

// Chart sizes.
const (
	profileBarMax = 20 // the widest bar, in cells
	profileBarMin = 10 // the narrowest bar that keeps the gloss beside it
	profileBarLow = 4  // the narrowest bar at all
)

// profileChart draws profile p in w columns under its heading: six rows,
// then the code in words and the profile's note; only the note when the
// inventory was skipped.
func profileChart(eng *advisor.Engine, st *Styles, p *advisor.InterestProfile, w int) []string {
	if p == nil {
		return nil
	}
	lines := []string{st.Heading.Render(trunc(advisor.ProfileHeading, w))}
	rows := eng.ProfileRows(p)
	if len(rows) == 0 {
		return append(lines, para(p.Note, w, st.Subtle)...)
	}
	nameW, glossW := 0, 0
	for _, r := range rows {
		nameW = max(nameW, ansi.StringWidth(r.Name))
		glossW = max(glossW, ansi.StringWidth(rowGloss(r)))
	}
	// name, bar, the number in 3 cells and the place in 3, one space apart
	fixed := nameW + 1 + 1 + 3 + 1 + 3
	bar := min(w-fixed-2-glossW, profileBarMax)
	gloss := bar >= profileBarMin
	if !gloss {
		bar = min(max(w-fixed, profileBarLow), profileBarMax)
	}
	if fixed+bar > w { // too narrow for the names whole: cut them, the number stays
		nameW = max(w-bar-1-1-3-1-3, 1)
	}
	for _, r := range rows {
		num := "  –" // not rated
		if r.Rated {
			num = fmt.Sprintf("%3d", r.Score)
		}
		full := advisor.Bar(r.Score, bar, "█", "")
		empty := strings.Repeat("░", bar-ansi.StringWidth(full))
		line := st.Text.Render(padRight(trunc(r.Name, nameW), nameW)) + " " +
			st.BarFull.Render(full) + st.BarEmpty.Render(empty) + " " +
			st.Text.Render(num)
		switch place := advisor.Place(r.Top); {
		case gloss:
			line += " " + st.Star.Render(padRight(place, 3)) + "  " + st.Subtle.Render(rowGloss(r))
		case place != "":
			line += " " + st.Star.Render(place)
		}
		lines = append(lines, line)
	}
	if words := eng.CodeWords(p); words != "" {
		lines = append(lines, para(words, w, st.Text)...)
	}
	return append(lines, para(p.Note, w, st.Subtle)...)
}

// rowGloss is what an area's row says after its number: the gloss, or that
// none of its activities was rated.
func rowGloss(r advisor.ProfileRow) string {
	if !r.Rated {
		return "not rated"
	}
	return r.Gloss
}

// matchLines say path p's interest match in a line, under "Interest
// match: "; nil when it has none (no scored profile, or no O*NET profile).
func matchLines(st *Styles, m *advisor.InterestMatch, w int) []string {
	if m == nil {
		return nil
	}
	if w >= 60 {
		return hang(advisor.MatchLead, advisor.MatchText(m), w, st.Heading, st.Text)
	}
	return para(advisor.MatchWords(m), w, st.Text)
}
