package advisor

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// md escapes the characters that would break a Markdown table cell (the
// cohort report's tables).
func md(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

// mdEscaper backslash-escapes every character that could start Markdown
// structure, a link, an HTML tag or code inside a line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "~", `\~`, "#", `\#`,
)

// mdText makes data text safe inside a line of Markdown: one line, no
// control characters, and every character that could make a heading, a
// link, an HTML tag, emphasis, code or a table cell escaped.
func mdText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return mdEscaper.Replace(oneLine(s))
}

// leadingMarker matches what would make a line a list item, a quote or a
// setext heading underline when it starts a line.
var leadingMarker = regexp.MustCompile(`^([-+=]|\d+[.)])`)

// mdLead is mdText for text that starts a line.
func mdLead(s string) string {
	t := mdText(s)
	if m := leadingMarker.FindString(t); m != "" {
		if last := m[len(m)-1]; last == '.' || last == ')' {
			return m[:len(m)-1] + `\` + t[len(m)-1:]
		}
		return `\` + t
	}
	return t
}

// mdRef is a note marker: " [3]", or nothing for no note.
func mdRef(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" [%d]", n)
}

// safeURL matches an address that can stand in a Markdown autolink as is.
var safeURL = regexp.MustCompile(`^https?://[^\s<>\x00-\x1f\x7f\\]+$`)

// markdownReport writes the handout (see handout.go) as Markdown: the same
// content and order as the HTML page, with a text timeline.
func (e *Engine) markdownReport(b *bytes.Buffer, h *handout) {
	if h.Name != "" {
		fmt.Fprintf(b, "# Career recommendation for %s\n\n", mdText(h.Name))
	} else {
		b.WriteString("# Career recommendation\n\n")
	}
	if h.Date != "" {
		fmt.Fprintf(b, "Prepared on %s with medpath.\n", h.Date)
	} else {
		b.WriteString("Prepared with medpath.\n")
	}

	b.WriteString("\n## Your answers\n\n")
	for _, a := range h.Answers {
		mark := ""
		if a.Assumed {
			mark = " (default)"
		}
		fmt.Fprintf(b, "- %s: %s%s\n", mdText(a.Label), mdText(a.Text), mark)
	}
	if h.Assumed {
		b.WriteString("\n(default): not answered, so the question's default was used.\n")
	}

	fmt.Fprintf(b, "\n## Recommended: %s\n\n", mdText(h.Path.Title))
	here := ""
	if h.Path.Here != "" {
		here = " · " + Capitalize(h.Path.Here)
	}
	fmt.Fprintf(b, "**%s level · %s%s.** %s\n", Capitalize(mdText(h.Path.Level)), mdText(h.Path.Fit), here, mdText(h.Path.Summary))
	if len(h.Why) > 0 {
		b.WriteString("\nWhy it fits:\n\n")
		for _, s := range h.Why {
			fmt.Fprintf(b, "- %s\n", mdText(s))
		}
	}
	if len(h.Weigh) > 0 {
		b.WriteString("\nTo weigh:\n\n")
		for _, s := range h.Weigh {
			fmt.Fprintf(b, "- %s\n", mdText(s))
		}
	}

	e.markdownInterests(b, h.Interests)

	b.WriteString("\n## Do this next\n\n")
	for i, s := range h.Next {
		fmt.Fprintf(b, "%d. **%s**\n", i+1, mdText(s))
	}

	p := &h.Plan
	fmt.Fprintf(b, "\n## Your plan: %s to a first job, %s\n\n", p.Months, p.Cost)
	if len(p.Steps) > 0 {
		b.WriteString("```text\n")
		fmt.Fprintf(b, "%-17s%s\n", "Months from now", textAxis(p.Scale, p.TextWidth))
		for _, s := range p.Steps {
			fmt.Fprintf(b, "%-17s%s  %s\n", fmt.Sprintf("%d %s", s.N, s.Kind), s.Text, strings.TrimPrefix(strings.TrimPrefix(s.When, "months "), "month "))
		}
		b.WriteString("```\n\n█ the quickest case · ░ how long it can take\n\n")
	}
	for _, s := range p.Steps {
		e.markdownStep(b, s)
	}
	funding := ""
	if len(p.Funding) > 0 {
		funding = " Ways to pay that may fit: "
		for _, f := range p.Funding {
			funding += f.Sep + "**" + mdText(f.Name) + "**" + mdRef(f.Ref)
			if f.Unconfirmed {
				funding += " (unconfirmed)"
			}
		}
		funding += "."
	}
	fmt.Fprintf(b, "%s %s%s\n", mdLead(p.TimelineNote), mdText(p.BudgetNote), funding)
	if len(p.Later) > 0 {
		b.WriteString("\nLater, once you are working:\n\n")
		for _, s := range p.Later {
			e.markdownStep(b, s)
		}
	}

	r := &h.Routes
	if r.Chosen != nil || len(r.Alternatives) > 0 || len(r.Held) > 0 || len(r.Closed) > 0 {
		b.WriteString("\n## Certification\n\n")
		if len(r.Held) > 0 {
			fmt.Fprintf(b, "You already hold %s.\n\n", mdText(strings.Join(r.Held, ", ")))
		}
		if c := r.Chosen; c != nil {
			fmt.Fprintf(b, "**The plan's route:** %s\n", e.markdownRoute(c))
		}
		if len(r.Alternatives) > 0 {
			b.WriteString("\nOther routes open to you:\n\n")
			for _, c := range r.Alternatives {
				fmt.Fprintf(b, "- %s\n", e.markdownRoute(&c))
			}
		}
		if len(r.Closed) > 0 {
			fmt.Fprintf(b, "\nNot open to you now: %s.", mdText(strings.Join(r.Closed, ", ")))
			if len(h.Levers) > 0 {
				b.WriteString(` See "What would change this" below.`)
			}
			b.WriteString("\n")
		}
	}

	if l := h.Licence; l != nil {
		fmt.Fprintf(b, "\n## State licence\n\n%s%s\n", mdLead(l.Text), mdRef(l.Ref))
	}

	b.WriteString("\n## Pay and outlook\n\n")
	for _, f := range []*figureView{&h.Pay.National, h.Pay.State} {
		if f == nil {
			continue
		}
		fmt.Fprintf(b, "- **Pay (%s):** %s, %s%s. %s.%s\n", mdText(f.Where), mdText(f.Text), mdText(f.AsOf), mdRef(f.Ref),
			Capitalize(f.Status), mdAbout(f.About))
	}
	if f := h.Pay.Finder; f != nil {
		url := mdText(f.URL)
		if safeURL.MatchString(f.URL) {
			url = "<" + f.URL + ">"
		}
		fmt.Fprintf(b, "- %s %s%s: %s\n", mdLead(f.Text), mdText(f.Link), mdRef(f.Ref), url)
	}
	o := &h.Pay.Outlook
	fmt.Fprintf(b, "- **Outlook (%s):** %s%s. %s.\n", mdText(o.Where), mdText(o.Text), mdRef(o.Ref), Capitalize(o.Status))

	fmt.Fprintf(b, "\n## What would change this\n\n%s\n", h.LeversLead)
	if len(h.Levers) > 0 {
		b.WriteString("\n")
		for _, l := range h.Levers {
			fmt.Fprintf(b, "- %s: %s\n", mdText(l.What), mdText(strings.Join(l.Changes, "; and ")))
		}
		if h.LeversMore > 0 {
			fmt.Fprintf(b, "- and %s (the full text report lists them)\n", plural(h.LeversMore, "more", "more"))
		}
	}

	if len(h.Others) > 0 {
		b.WriteString("\n## Other paths to discuss\n\n")
		for _, o := range h.Others {
			here := ""
			if o.Here != "" {
				here = ", " + o.Here
			}
			if o.Match != "" {
				here += "; interests: " + mdText(strings.ToLower(o.Match))
			}
			fmt.Fprintf(b, "- %s (%s, %s%s)\n", mdText(o.Title), mdText(o.Level), mdText(strings.ToLower(o.Fit)), here)
		}
	}

	if len(h.Notes) > 0 {
		b.WriteString("\n## Notes: sources of the figures\n\n")
		for _, n := range h.Notes {
			title := ""
			if n.Title != "" {
				title = ", *" + mdText(n.Title) + "*"
			}
			url := mdText(n.URL)
			if safeURL.MatchString(n.URL) {
				url = "<" + n.URL + ">"
			}
			fmt.Fprintf(b, "%d. %s%s, %s (%s). %s\n", n.N, mdText(n.Publisher), title, mdText(n.AsOf), n.Status, url)
		}
	}
	fmt.Fprintf(b, "\n## Please note\n\n%s\n", mdLead(h.Disclaimer))
}

// markdownInterests writes the interest profile: the chart as text in a
// code block (aligned however it is shown), the code, the note and the
// recommended path's match; nothing when the inventory was skipped.
func (e *Engine) markdownInterests(b *bytes.Buffer, v *interestsView) {
	if v == nil || len(v.Rows) == 0 {
		return // skipped: the answers say so
	}
	fmt.Fprintf(b, "\n## %s\n\n```text\n", ProfileHeading)
	for _, l := range v.Lines {
		b.WriteString(mdCodeLine(l) + "\n")
	}
	b.WriteString("```\n\n")
	if v.Code != "" {
		fmt.Fprintf(b, "**%s.** ", mdText(v.Code))
	}
	b.WriteString(mdLead(v.Note) + "\n")
	if v.Match != "" {
		fmt.Fprintf(b, "\n%s.%s\n", mdLead(v.Match), mdRef(v.MatchRef))
	}
}

// mdCodeLine makes data text safe in a fenced code block: one line, no
// control characters, and no backtick that could close the fence.
func mdCodeLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		if r == '`' {
			return '\''
		}
		return r
	}, s)
}

func (e *Engine) markdownStep(b *bytes.Buffer, s stepView) {
	when := ""
	if s.When != "later" {
		when = " (" + s.When + ")"
	}
	fmt.Fprintf(b, "%d. **%s**: %s%s, %s%s\n", s.N, mdText(s.Title), s.Months, when, s.Cost, mdRef(s.Ref))
	if s.Detail != "" {
		fmt.Fprintf(b, "\n   %s\n", mdLead(s.Detail))
	}
	if s.Note != "" {
		fmt.Fprintf(b, "\n   Note: %s\n", mdText(s.Note))
	}
	b.WriteString("\n")
}

// markdownRoute words a route on one line: its verdict, what its steps and
// exam take, what it asks for, why (the chosen route) and its caveat.
func (e *Engine) markdownRoute(c *routeView) string {
	s := fmt.Sprintf("%s %s route %s, %s", c.Symbol, mdText(c.Credential), mdText(c.Route), c.Open)
	if c.Months != "" {
		s += fmt.Sprintf(" (its steps and exam: %s, %s%s)", c.Months, c.Cost, mdRefs(c.Refs))
	}
	s += ": " + mdText(c.Summary) + mdRef(c.Ref)
	if c.Why != "" {
		s += " " + mdText(c.Why)
	}
	if c.Unconfirmed {
		if c.Note == "" {
			return s + " Unconfirmed: verify with the certifying body."
		}
		s += " Unconfirmed."
	}
	if c.Note != "" {
		s += " " + mdText(c.Note)
	}
	return s
}

// mdRefs is a list of note markers: " [1, 4]".
func mdRefs(refs []int) string {
	if len(refs) == 0 {
		return ""
	}
	s := make([]string, len(refs))
	for i, r := range refs {
		s[i] = strconv.Itoa(r)
	}
	return " [" + strings.Join(s, ", ") + "]"
}

func mdAbout(s string) string {
	if s == "" {
		return ""
	}
	return "\n\n  " + mdText(s)
}
