package advisor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Report formats.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatJSON     = "json"
	FormatHTML     = "html"
)

// Formats lists the report formats, for messages.
var Formats = []string{FormatText, FormatMarkdown, FormatJSON, FormatHTML}

// reportWidth is the column the text report wraps at, so it reads well at 80.
const reportWidth = 78

// WriteReport renders r in the given format. Text and Markdown carry no
// escape codes, so they are safe in a pipe or a file.
func (e *Engine) WriteReport(w io.Writer, r *Recommendation, format string) error {
	return e.WriteReportWith(w, r, format, ReportOptions{})
}

// WriteReportWith is [Engine.WriteReport] for a named student on a date: the
// handout formats (Markdown and HTML) print o's name and date in their
// header; text and JSON are the same as WriteReport's. The TUI's export
// passes the session's label and the export date:
//
//	eng.WriteReportWith(w, eng.Recommend(a), advisor.FormatMarkdown,
//		advisor.ReportOptions{Name: label, Date: time.Now()})
func (e *Engine) WriteReportWith(w io.Writer, r *Recommendation, format string, o ReportOptions) error {
	e.fillLevers(r)
	var b bytes.Buffer
	switch format {
	case FormatText:
		e.textReport(&b, r, o)
	case FormatMarkdown:
		e.markdownReport(&b, e.buildHandout(r, o))
	case FormatJSON:
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("encode report: %w", err)
		}
	case FormatHTML:
		e.htmlReport(&b, e.buildHandout(r, o))
	default:
		return fmt.Errorf("unknown format %q; allowed: %s", format, quoteList(Formats))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// leverPaths is how many of the top paths get "what would change this".
const leverPaths = 3

// fillLevers computes "what would change this" for the top paths, once.
func (e *Engine) fillLevers(r *Recommendation) {
	for i := 0; i < min(leverPaths, len(r.Paths)); i++ {
		if r.Paths[i].WhatWouldChange == nil {
			r.Paths[i].WhatWouldChange = e.WhatWouldChange(r.answers, r.Paths[i].ID)
			if r.Paths[i].WhatWouldChange == nil {
				r.Paths[i].WhatWouldChange = []Lever{}
			}
		}
	}
}

// para writes s wrapped to the report width with an indent.
func para(b *bytes.Buffer, indent, s string) {
	for _, l := range WrapText(s, reportWidth-len([]rune(indent))) {
		b.WriteString(indent + l + "\n")
	}
}

// hang writes s with a first-line lead and the rest indented under it.
func hang(b *bytes.Buffer, lead, s string) {
	width := reportWidth - len([]rune(lead))
	pad := strings.Repeat(" ", len([]rune(lead)))
	for i, l := range WrapText(s, width) {
		if i == 0 {
			b.WriteString(lead + l + "\n")
		} else {
			b.WriteString(pad + l + "\n")
		}
	}
}

func heading(b *bytes.Buffer, s string) {
	b.WriteString("\n" + s + "\n" + strings.Repeat("-", len([]rune(s))) + "\n")
}

func (e *Engine) textReport(b *bytes.Buffer, r *Recommendation, o ReportOptions) {
	top := &r.Paths[0]
	b.WriteString("medpath: your career recommendation\n")
	b.WriteString(strings.Repeat("=", 35) + "\n\n")
	hang(b, "Recommended: ", fmt.Sprintf("%s, %s level. %s, score %d.%s", top.Title, top.Level, top.Fit, top.Score, hereText(top)))
	b.WriteString("\n")
	para(b, "", top.Summary)

	e.textInterests(b, r.Interests, o.Plain)
	e.textPath(b, top)
	e.textLevers(b, r)

	heading(b, "Other paths, ranked")
	for i := 1; i < len(r.Paths); i++ {
		p := &r.Paths[i]
		hang(b, fmt.Sprintf("%2d. ", p.Rank), fmt.Sprintf("%s (%s): %s, score %d; %s to a first job, %s; pay %s%s",
			p.Title, p.Level, p.Fit, p.Score, MonthsText(p.TotalMonths), DollarSpan(p.TotalCost), PayShort(p.Salary), hereText(p)))
		if len(p.Reasons) > 0 {
			hang(b, "    why: ", p.Reasons[0].Because)
		}
		if m := MatchWords(p.InterestMatch); m != "" {
			hang(b, "    ", m+".")
		}
	}

	if len(r.Assumed) > 0 {
		heading(b, "Assumed answers (not given, so the default was used)")
		for _, a := range r.Assumed {
			hang(b, "  - ", fmt.Sprintf("%s: %s (%s)", a.ID, e.AnswerText(a.ID, a.Value), oneLine(a.Prompt)))
		}
	}
	e.textSources(b, r)
	heading(b, "Please note")
	para(b, "", r.Disclaimer)
}

func (e *Engine) textPath(b *bytes.Buffer, p *PathResult) {
	heading(b, "Why this path")
	if len(p.Reasons) == 0 {
		para(b, "  ", "No rule changed this path's score; it ranks on the answers as a whole.")
	}
	for _, rs := range p.Reasons {
		hang(b, fmt.Sprintf("  %+d  ", rs.Delta), rs.Because)
	}
	for _, g := range p.Gates {
		if g.Met {
			hang(b, "  [met]     ", sentence(g.Because))
		} else {
			hang(b, "  [not met] ", sentence(g.Because)+" Bridge: "+sentence(g.Bridge))
		}
	}

	if m := MatchWords(p.InterestMatch); m != "" {
		hang(b, "  ", m+".")
	}

	heading(b, fmt.Sprintf("Your plan: %s to a first job, %s", MonthsText(p.TotalMonths), DollarSpan(p.TotalCost)))
	if p.Route != nil {
		para(b, "  ", RouteLine(p))
	}
	for i, s := range p.Plan {
		when := fmt.Sprintf("month %d", p.Plan[i].StartMonth.Min)
		if s.Later {
			when = "later"
		}
		hang(b, fmt.Sprintf("  %d. ", i+1), fmt.Sprintf("%s [%s; %s; %s; %s]", s.Title, s.Kind, when, MonthsText(s.Months), DollarSpan(s.Cost)))
		if s.Detail != "" {
			para(b, "     ", s.Detail)
		}
		if s.Note != "" {
			para(b, "     ", "Note: "+s.Note)
		}
	}
	hang(b, "  ", Capitalize(p.TimelineNote)+".")
	hang(b, "  ", Capitalize(p.BudgetNote)+".")
	if len(p.Funding) > 0 {
		para(b, "  ", "Ways to pay that may fit this plan:")
		for _, f := range p.Funding {
			hang(b, "    - ", FundingLine(f)+fmt.Sprintf(" Source: %s [%s].", e.SourceName(f.Source), StatusLabel(f.Status)))
		}
	}

	if len(p.Alternatives) > 0 {
		heading(b, "Other ways to certify")
		for _, a := range p.Alternatives {
			hang(b, "  - ", AlternativeLine(a))
		}
	}
	if len(p.Certifications) > 0 {
		heading(b, "Certification routes")
		for _, c := range p.Certifications {
			hang(b, "  - ", RouteResultLine(c))
		}
	}
	if p.Licence != nil {
		heading(b, "State licence")
		para(b, "  ", LicenceLine(p.Licence))
	}

	heading(b, "Pay and outlook")
	hang(b, "  Pay:     ", Capitalize(NationalPayLine(p.Salary))+fmt.Sprintf(". Source: %s [%s].", e.SourceName(p.Salary.Source), StatusLabel(p.Salary.Status)))
	if p.Salary.Note != "" {
		para(b, "           ", p.Salary.Note)
	}
	if line := StatePayLine(p.Salary); line != "" {
		line = sentence(line)
		if st := p.Salary.State; st != nil {
			line += fmt.Sprintf(" Source: %s [%s].", e.SourceName(st.Source), StatusLabel(st.Status))
		}
		hang(b, "  State:   ", line)
	}
	hang(b, "  Outlook: ", Capitalize(OutlookLine(p.Outlook))+fmt.Sprintf(". Source: %s [%s].", e.SourceName(p.Outlook.Source), StatusLabel(p.Outlook.Status)))
	if p.Outlook.Note != "" {
		para(b, "           ", p.Outlook.Note)
	}
}

func (e *Engine) textLevers(b *bytes.Buffer, r *Recommendation) {
	found := false
	for i := 0; i < min(leverPaths, len(r.Paths)); i++ {
		found = found || len(r.Paths[i].WhatWouldChange) > 0
	}
	if !found {
		return
	}
	heading(b, "What would change this")
	for i := 0; i < min(leverPaths, len(r.Paths)); i++ {
		p := &r.Paths[i]
		if len(p.WhatWouldChange) == 0 {
			continue
		}
		para(b, "  ", p.Title+":")
		for _, l := range p.WhatWouldChange {
			hang(b, "    - ", LeverLine(l))
		}
	}
}

func (e *Engine) textSources(b *bytes.Buffer, r *Recommendation) {
	heading(b, "Sources")
	for _, s := range r.Sources {
		hang(b, "  - ", fmt.Sprintf("%s: %s, as of %s [%s]. %s", s.Publisher, s.Title, s.AsOf, StatusLabel(s.Status), s.URL))
	}
}

// Text bars of the interest profile: plain ASCII, so a pipe, a file or a
// printer gets the same; the number beside each bar says the same again.
const (
	profileBarWidth = 20
	profileBarFull  = "#"
	profileBarEmpty = "."
)

// textInterests writes the interest profile: a bar, the number and the gloss
// for each area (or, plain, each area in words), the code in words and what
// the profile is; for a skipped inventory, only what that means. Data
// without an inventory shows nothing.
func (e *Engine) textInterests(b *bytes.Buffer, p *InterestProfile, plain bool) {
	if p == nil || p.Items == 0 {
		return
	}
	heading(b, ProfileHeading)
	if plain {
		for _, r := range e.ProfileRows(p) {
			hang(b, "  ", r.Words())
		}
	} else {
		for _, l := range profileLines(e.ProfileRows(p), profileBarFull, profileBarEmpty) {
			b.WriteString("  " + l + "\n")
		}
	}
	if c := e.CodeWords(p); c != "" {
		hang(b, "  ", c+".")
	}
	para(b, "  ", p.Note)
}

// profileLines draws a profile's rows as aligned lines of text: the name, a
// bar of full and empty cells, the number (or "not rated") and the gloss.
func profileLines(rows []ProfileRow, full, empty string) []string {
	w := 0
	for _, r := range rows {
		w = max(w, len([]rune(r.Name)))
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		num, gloss := fmt.Sprintf("%3d", r.Score), r.Gloss
		if !r.Rated {
			num, gloss = "  -", strings.TrimSpace(gloss+" (not rated)")
		}
		name := r.Name + strings.Repeat(" ", w-len([]rune(r.Name)))
		out[i] = strings.TrimRight(fmt.Sprintf("%s  %s  %s  %s", name, Bar(r.Score, profileBarWidth, full, empty), num, oneLine(gloss)), " ")
	}
	return out
}
