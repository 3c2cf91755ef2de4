package advisor

import (
	"fmt"
	"strings"
)

// summaryWidth is where the after-exit summary wraps (less the indent).
const summaryWidth = 76

// ExitSummary returns the short plain-text summary printed on stdout after
// the interactive advisor closes: the top path with its level and fit, the
// time and cost to a first job, the median pay with its date and source,
// the next best path, and where the export went (the files given) or how to
// make one. Each item is wrapped to 78 columns with a hanging indent, so it
// reads well in an 80-column terminal and in a file. It holds no escape
// codes and ends with a newline; it is "" when rec is nil or has no paths.
func (e *Engine) ExitSummary(rec *Recommendation, exported ...string) string {
	if rec == nil || len(rec.Paths) == 0 {
		return ""
	}
	top := rec.Paths[0] // Recommend ranks the recommended path first
	var b strings.Builder
	line := func(format string, args ...any) {
		for i, l := range WrapText(fmt.Sprintf(format, args...), summaryWidth) {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(l + "\n")
		}
	}
	line("Recommended: %s: %s level, %s.", top.Title, top.Level, strings.ToLower(top.Fit))
	line("First job after %s of training, costing %s.", MonthsText(top.TotalMonths), DollarSpan(top.TotalCost))
	line("Pay: %s.", SalaryLine(top.Salary))
	line("Source: %s (%s).", e.SourceName(top.Salary.Source), StatusLabel(top.Salary.Status))
	if len(rec.Paths) > 1 {
		next := rec.Paths[1]
		line("Next best: %s: %s level, %s.", next.Title, next.Level, strings.ToLower(next.Fit))
	}
	if len(exported) > 0 {
		line("Saved: %s", strings.Join(exported, " and "))
	} else {
		line("Report not exported: run medpath again and press e on the results to export one.")
	}
	return b.String()
}
