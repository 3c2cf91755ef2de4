package advisor

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Dollars formats a whole-dollar amount: $19,355.
func Dollars(n int) string {
	s := strconv.Itoa(abs(n))
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if n < 0 {
		return "-$" + b.String()
	}
	return "$" + b.String()
}

// DollarSpan formats a cost range: $0, $1,845 or $8,000–$20,000.
func DollarSpan(s Span) string {
	if s.Min == s.Max {
		return Dollars(s.Min)
	}
	return Dollars(s.Min) + "–" + Dollars(s.Max)
}

// MonthsText formats a month range: 1 month, 18–24 months.
func MonthsText(s Span) string {
	switch {
	case s.Min == s.Max && s.Min == 1:
		return "1 month"
	case s.Min == s.Max:
		return strconv.Itoa(s.Min) + " months"
	}
	return strconv.Itoa(s.Min) + "–" + strconv.Itoa(s.Max) + " months"
}

// Label words shown next to eligibility and status, so meaning never rests on colour.
func EligibleLabel(s Eligibility) string {
	switch s {
	case EligibleNow:
		return "eligible now"
	case EligibleAfterPlan:
		return "after the plan"
	}
	return "not eligible"
}

// StatusLabel says how sure a figure is.
func StatusLabel(s Status) string {
	switch s {
	case StatusOfficial:
		return "official"
	case StatusThirdParty:
		return "third-party, cites the official source"
	}
	return "unconfirmed: verify before relying on it"
}

// LicenceLine says whether the student's state licenses laboratory staff.
func LicenceLine(l *LicenceInfo) string {
	var s string
	switch {
	case l.Required:
		s = l.Name + " licenses clinical laboratory personnel, so the plan includes the licence step."
		if l.Note != "" {
			s += " " + sentence(l.Note)
		}
	case l.Note != "":
		s = l.Name + ": " + sentence(l.Note)
	default:
		s = l.Name + " does not license clinical laboratory personnel, so the plan has no licence step."
	}
	if l.Status == StatusUnconfirmed {
		s += " (Unconfirmed: verify with the state.)"
	}
	return s
}

// SalaryLine is the one-line pay summary used by every front end.
func SalaryLine(s SalaryInfo) string {
	per := s.Per
	if per == "" {
		per = "year"
	}
	return fmt.Sprintf("median %s a %s (range %s–%s), as of %s", Dollars(s.Median), per, Dollars(s.Low), Dollars(s.High), s.AsOf)
}

// OutlookLine is the one-line outlook summary.
func OutlookLine(o OutlookInfo) string {
	if o.Period == "" {
		return "no projection in the data"
	}
	s := fmt.Sprintf("%+.1f%% projected growth, %s", o.GrowthPct, o.Period)
	if o.Openings > 0 {
		s += fmt.Sprintf(", about %s openings a year", thousands(o.Openings))
	}
	return s
}

func thousands(n int) string { return strings.TrimPrefix(Dollars(n), "$") }

func (e *Engine) sourceName(id string) string {
	s := e.sourceIndex[id]
	if s == nil {
		return id
	}
	return s.Publisher + ", " + s.Title
}

// sentence ends s with exactly one full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ")") {
		return s
	}
	return s + "."
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// LeverLine formats a lever: what it meets and the answer changes.
func LeverLine(l Lever) string {
	ch := make([]string, len(l.Changes))
	for i, c := range l.Changes {
		ch[i] = c.String()
	}
	return l.What + ": " + strings.Join(ch, "; ")
}

// summary line helpers used by validate.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Summary is a one-line count of what the engine holds.
func (e *Engine) Summary() string {
	routes := 0
	for _, c := range e.credentials {
		routes += len(c.Routes)
	}
	parts := []string{
		plural(len(e.questions), "question", "questions"),
		plural(len(e.paths), "path", "paths"),
		plural(len(e.credentials), "credential", "credentials"),
		plural(routes, "route", "routes"),
		plural(len(e.licensing), "licensing state", "licensing states"),
		plural(len(e.rules), "rule", "rules"),
		plural(len(e.sources), "source", "sources"),
		plural(len(e.faq), "answer", "answers"),
	}
	if len(e.examples) > 0 {
		parts = append(parts, plural(len(e.examples), "example", "examples"))
	}
	return strings.Join(parts, ", ")
}

// String formats the change as "id: from -> to", in the questionnaire's words.
func (c Change) String() string {
	from, to := c.FromText, c.ToText
	if from == "" && to == "" {
		from, to = yamlValue(c.From), yamlValue(c.To)
	}
	return fmt.Sprintf("%s: %s -> %s", c.ID, from, to)
}

// ValueText writes an answer the way the questionnaire shows it: an option's
// label, a number with its unit, yes or no.
func (q *Question) ValueText(v any) string {
	switch x := v.(type) {
	case string:
		for _, o := range q.Options {
			if o.Value == x {
				return o.Label
			}
		}
		return x
	case []string:
		if len(x) == 0 {
			return "none"
		}
		labels := make([]string, len(x))
		for i, s := range x {
			labels[i] = q.ValueText(s)
		}
		return strings.Join(labels, ", ")
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case int:
		switch {
		case q.Kind == KindScale && q.Max != nil:
			return fmt.Sprintf("%d of %d", x, *q.Max)
		case q.Unit == "US dollars":
			return Dollars(x)
		case q.Unit != "":
			return fmt.Sprintf("%d %s", x, q.Unit)
		}
	}
	return fmt.Sprint(v)
}

func (e *Engine) pathTitle(id string) string {
	if p := e.Path(id); p != nil {
		return p.Title
	}
	return id
}

// reach says how a plan's low-high range compares with what a person has.
type reach int

const (
	reachWhole  reach = iota // even the high end fits
	reachLowEnd              // only the low end fits
	reachBeyond              // even the low end does not fit
)

func reachOf(s Span, have float64) reach {
	switch {
	case float64(s.Max) <= have:
		return reachWhole
	case float64(s.Min) <= have:
		return reachLowEnd
	}
	return reachBeyond
}

// timelineNote compares a plan's months to a first job with the person's timeline.
func timelineNote(months Span, timeline float64) string {
	against := MonthsText(months) + " against your " + FormatNumber(numberValue(timeline)) + " months"
	switch reachOf(months, timeline) {
	case reachWhole:
		return "fits your timeline: " + against
	case reachLowEnd:
		return "fits your timeline only at the quick end: " + against
	}
	return "longer than your timeline: " + against
}

// budgetNote compares a plan's cost with the person's budget.
func budgetNote(cost Span, budget float64) string {
	against := DollarSpan(cost) + " against your " + money(budget)
	switch reachOf(cost, budget) {
	case reachWhole:
		return "fits your budget: " + against
	case reachLowEnd:
		return "fits your budget only at the low end: " + against
	}
	return "costs more than your budget: " + against + " (ask about financial aid and employer-paid training)"
}

// money formats an amount of dollars: $19,355, or $19,355.50 with cents.
func money(f float64) string {
	c := math.Round(f * 100)
	if math.Mod(c, 100) == 0 {
		return Dollars(int(c / 100))
	}
	s := Dollars(int(math.Abs(c) / 100))
	if c < 0 {
		s = "-" + s
	}
	return fmt.Sprintf("%s.%02d", s, int(math.Mod(math.Abs(c), 100)))
}
