package advisor

import (
	"bytes"
	"fmt"
	"strings"
)

// md escapes the characters that would break a Markdown table cell.
func md(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

func (e *Engine) markdownLevers(b *bytes.Buffer, r *Recommendation) {
	head := false
	for i := 0; i < min(leverPaths, len(r.Paths)); i++ {
		p := &r.Paths[i]
		if len(p.WhatWouldChange) == 0 {
			continue
		}
		if !head {
			b.WriteString("\n## What would change this\n")
			head = true
		}
		fmt.Fprintf(b, "\n**%s**\n\n", p.Title)
		for _, l := range p.WhatWouldChange {
			fmt.Fprintf(b, "- %s\n", LeverLine(l))
		}
	}
}

func (e *Engine) markdownReport(b *bytes.Buffer, r *Recommendation) {
	top := &r.Paths[0]
	fmt.Fprintf(b, "# Career recommendation: %s\n\n", top.Title)
	fmt.Fprintf(b, "**Recommended path:** %s, %s level — **%s**, score %d.\n\n", top.Title, top.Level, top.Fit, top.Score)
	fmt.Fprintf(b, "%s\n", oneLine(top.Summary))

	b.WriteString("\n## Why\n\n")
	for _, rs := range top.Reasons {
		fmt.Fprintf(b, "- (%+d) %s\n", rs.Delta, rs.Because)
	}
	for _, g := range top.Gates {
		if g.Met {
			fmt.Fprintf(b, "- Met: %s\n", sentence(g.Because))
		} else {
			fmt.Fprintf(b, "- **Not met:** %s Bridge: %s\n", sentence(g.Because), sentence(g.Bridge))
		}
	}

	fmt.Fprintf(b, "\n## Plan: %s to a first job, %s\n\n", MonthsText(top.TotalMonths), DollarSpan(top.TotalCost))
	b.WriteString("| # | Step | Kind | Starts | Months | Cost |\n|---|---|---|---|---|---|\n")
	for i, s := range top.Plan {
		start := fmt.Sprintf("month %d", s.StartMonth.Min)
		if s.Later {
			start = "later"
		}
		title := s.Title
		if s.Note != "" {
			title += " — " + s.Note
		}
		fmt.Fprintf(b, "| %d | %s | %s | %s | %s | %s |\n", i+1, md(title), s.Kind, start, MonthsText(s.Months), DollarSpan(s.Cost))
	}
	fmt.Fprintf(b, "\n- %s.\n- %s.\n", Capitalize(top.TimelineNote), Capitalize(top.BudgetNote))

	if len(top.Certifications) > 0 {
		b.WriteString("\n## Certification routes\n\n| Credential | Route | Eligible | Why |\n|---|---|---|---|\n")
		for _, c := range top.Certifications {
			why := Capitalize(c.Because)
			if c.Status == StatusUnconfirmed {
				why += " (unconfirmed: verify with the certifying body)"
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", c.Credential, c.Route, EligibleLabel(c.Eligible), md(why))
		}
	}
	if top.Licence != nil {
		b.WriteString("\n## State licence\n\n")
		fmt.Fprintf(b, "%s\n", LicenceLine(top.Licence))
	}

	b.WriteString("\n## Pay and outlook\n\n")
	fmt.Fprintf(b, "- Pay: %s. Source: %s (%s).\n", SalaryLine(top.Salary), e.SourceName(top.Salary.Source), StatusLabel(top.Salary.Status))
	if top.Salary.Note != "" {
		fmt.Fprintf(b, "  %s\n", oneLine(top.Salary.Note))
	}
	fmt.Fprintf(b, "- Outlook: %s. Source: %s (%s).\n", OutlookLine(top.Outlook), e.SourceName(top.Outlook.Source), StatusLabel(top.Outlook.Status))

	e.markdownLevers(b, r)

	b.WriteString("\n## Alternatives\n\n| Rank | Path | Level | Fit | Time to first job | Cost | Median pay |\n|---|---|---|---|---|---|---|\n")
	for i := 1; i < len(r.Paths); i++ {
		p := &r.Paths[i]
		fmt.Fprintf(b, "| %d | %s | %s | %s (%d) | %s | %s | %s |\n", p.Rank, md(p.Title), p.Level, p.Fit, p.Score,
			MonthsText(p.TotalMonths), DollarSpan(p.TotalCost), Dollars(p.Salary.Median))
	}

	if len(r.Assumed) > 0 {
		b.WriteString("\n## Assumed answers\n\nThese questions were not answered, so their defaults were used:\n\n")
		for _, a := range r.Assumed {
			fmt.Fprintf(b, "- `%s`: %s (%s)\n", a.ID, md(e.AnswerText(a.ID, a.Value)), oneLine(a.Prompt))
		}
	}
	b.WriteString("\n## Sources\n\n")
	for _, s := range r.Sources {
		fmt.Fprintf(b, "- %s, *%s*, as of %s (%s). <%s>\n", s.Publisher, md(s.Title), s.AsOf, StatusLabel(s.Status), s.URL)
	}
	fmt.Fprintf(b, "\n## Please note\n\n%s\n", oneLine(r.Disclaimer))
}
