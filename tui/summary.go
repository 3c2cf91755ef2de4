package tui

import (
	"fmt"
	"strings"

	"medpath/advisor"
)

// summaryWidth is where the after-exit summary wraps (less the indent).
const summaryWidth = 76

// Summary returns a short plain-text summary of a recommendation for main to
// print on stdout after the advisor closes: the top path and its level and
// fit, the time and cost to a first job, the median pay with its date and
// source, and where the export went when files are given. It holds no escape
// codes and ends with a newline; it is "" when rec is nil or has no paths.
func Summary(eng *advisor.Engine, rec *advisor.Recommendation, exported ...string) string {
	if rec == nil || len(rec.Paths) == 0 {
		return ""
	}
	top := rec.Paths[0]
	for _, p := range rec.Paths {
		if p.ID == rec.Recommended {
			top = p
			break
		}
	}
	var b strings.Builder
	// each item is wrapped to 78 columns with a hanging indent, so it reads
	// well in an 80-column terminal and in a file
	line := func(format string, args ...any) {
		for i, l := range advisor.WrapText(fmt.Sprintf(format, args...), summaryWidth) {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(l + "\n")
		}
	}
	line("Recommended: %s: %s level, %s.", top.Title, top.Level, strings.ToLower(top.Fit))
	line("First job after %s of training, costing %s.", advisor.MonthsText(top.TotalMonths), advisor.DollarSpan(top.TotalCost))
	line("Pay: %s.", advisor.SalaryLine(top.Salary))
	line("Source: %s (%s).", sourceName(eng, top.Salary.Source), advisor.StatusLabel(top.Salary.Status))
	if len(rec.Paths) > 1 {
		next := rec.Paths[1]
		if next.ID == top.ID {
			next = rec.Paths[0]
		}
		line("Next best: %s: %s level, %s.", next.Title, next.Level, strings.ToLower(next.Fit))
	}
	if len(exported) > 0 {
		line("Saved: %s", strings.Join(exported, " and "))
	} else {
		line("Report not exported: run medpath again and press e on the results to export one.")
	}
	return b.String()
}
