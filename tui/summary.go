package tui

import (
	"fmt"
	"strings"

	"medpath/advisor"
)

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
	fmt.Fprintf(&b, "Recommended: %s: %s level, %s.\n", top.Title, top.Level, strings.ToLower(top.Fit))
	fmt.Fprintf(&b, "First job after %s of training, costing %s.\n", advisor.MonthsText(top.TotalMonths), advisor.DollarSpan(top.TotalCost))
	fmt.Fprintf(&b, "Pay: %s.\n", advisor.SalaryLine(top.Salary))
	fmt.Fprintf(&b, "Source: %s (%s).\n", sourceName(eng, top.Salary.Source), advisor.StatusLabel(top.Salary.Status))
	if len(rec.Paths) > 1 {
		next := rec.Paths[1]
		if next.ID == top.ID {
			next = rec.Paths[0]
		}
		fmt.Fprintf(&b, "Next best: %s: %s level, %s.\n", next.Title, next.Level, strings.ToLower(next.Fit))
	}
	if len(exported) > 0 {
		fmt.Fprintf(&b, "Saved: %s\n", strings.Join(exported, " and "))
	} else {
		b.WriteString("Report not exported: run medpath again and press e on the results to export one.\n")
	}
	return b.String()
}
