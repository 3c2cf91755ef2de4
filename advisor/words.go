package advisor

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dollars formats a whole-dollar amount: $19,355.
func Dollars(n int) string {
	var buf [32]byte
	i := len(buf)
	u := uint64(n)
	if n < 0 {
		u = -u // two's complement: right for math.MinInt too
	}
	for d := 0; ; d++ {
		if d > 0 && d%3 == 0 {
			i--
			buf[i] = ','
		}
		i--
		buf[i] = byte('0' + u%10)
		if u /= 10; u == 0 {
			break
		}
	}
	i--
	buf[i] = '$'
	if n < 0 {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
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

// EligibleLabel words an eligibility, shown next to it so meaning never
// rests on colour.
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

// LicenceLine says whether the student's state licenses laboratory staff
// and, on a path with the state's lab licence step, what that licence is
// called at the path's level, who issues it (with its page), its fee,
// whether a national certification meets its exam requirement, any trainee
// licence and approved training, and renewal.
func LicenceLine(l *LicenceInfo) string { return licenceLine(l, true) }

// licenceLine is LicenceLine, with renewal only when asked (the two-page
// handout leaves it out).
func licenceLine(l *LicenceInfo, renewal bool) string {
	var s string
	switch {
	case l.Required && l.Title != "":
		s = l.Name + " licenses lab staff; this path needs its " + l.Title
		if l.Board != "" {
			s += ", issued by " + l.Board
			if l.BoardURL != "" {
				s += " (" + l.BoardURL + ")"
			}
		}
		s += "."
		if l.Note != "" {
			s += " " + sentence(l.Note)
		}
		s += " " + licenceFee(l)
		if l.NationalExam != "" {
			s += " National certification: " + sentence(l.NationalExam)
		}
		if l.Trainee != "" {
			s += " Training: " + sentence(l.Trainee)
		}
		if l.Renewal != "" && renewal {
			s += " Renewal: " + sentence(l.Renewal)
		}
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
	if l.Status == StatusUnconfirmed || l.LicenceStatus == StatusUnconfirmed {
		s += " (Unconfirmed: verify with the state.)"
	}
	return s
}

// licenceFee words a licence's fee: "Fee: $345 ($175 application and $170
// first registration)", or that it is not confirmed and not counted.
func licenceFee(l *LicenceInfo) string {
	if l.Cost == (Span{}) {
		s := "Fee: not confirmed, so none is counted"
		if l.Fee != "" {
			s += " (" + strings.TrimSuffix(strings.TrimSpace(l.Fee), ".") + ")"
		}
		return s + "; ask the board."
	}
	s := "Fee: " + DollarSpan(l.Cost)
	if l.Fee != "" {
		s += " (" + strings.TrimSuffix(strings.TrimSpace(l.Fee), ".") + ")"
	}
	s += "."
	if l.FeeStatus == StatusUnconfirmed {
		s += " The fee is unconfirmed: verify it with the board."
	}
	return s
}

// LicenceStepTitle is the title of the state's licence step at the path's
// level: "Apply for New York's clinical laboratory technologist licence".
func LicenceStepTitle(l *LicenceInfo) string {
	return "Apply for " + possessive(l.Name) + " " + l.Title
}

// possessive writes "New York's", "Texas'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// Period is the pay period of a salary: "year" when the data leaves it out.
func (s SalaryInfo) Period() string {
	if s.Per == "" {
		return "year"
	}
	return s.Per
}

// PayLabel names the headline figure: "median", or "our estimate" for the
// project's own estimate (never a BLS median).
func PayLabel(s SalaryInfo) string {
	if s.Estimate {
		return "our estimate"
	}
	return "median"
}

// SalaryLine is the pay summary used by every front end: the national
// figure with what it covers ([NationalPayLine]), then the person's state's
// figure, or where to find it ([StatePayLine]).
func SalaryLine(s SalaryInfo) string {
	if st := StatePayLine(s); st != "" {
		return NationalPayLine(s) + ". " + st
	}
	return NationalPayLine(s)
}

// PayFigures are a figure's low, headline and high in a line, for a pay
// bar: "low $38,020 · median $61,890 · high $97,990", or the headline alone
// when the release gives no range ("median $43,660 (no range for this
// release)"); an estimate is never called a median.
func PayFigures(s SalaryInfo) string {
	head := PayLabel(s) + " " + Dollars(s.Median)
	if s.Low == 0 && s.High == 0 {
		return head + " (no range for this release)"
	}
	return "low " + Dollars(s.Low) + " · " + head + " · high " + Dollars(s.High)
}

// NationalPayLine is the national figure (a median, or our estimate), its
// range when the same release gives one, its date and what it covers.
func NationalPayLine(s SalaryInfo) string {
	line := "national " + PayLabel(s) + " " + Dollars(s.Median) + " a " + s.Period()
	if s.Estimate {
		line = "our estimate " + Dollars(s.Median) + " a " + s.Period() + " (national; not a BLS median)"
	}
	if s.Low > 0 || s.High > 0 {
		line += " (range " + Dollars(s.Low) + "–" + Dollars(s.High) + ")"
	}
	line += ", as of " + s.AsOf
	if s.Covers != "" {
		line += "; covers " + s.Covers
	}
	return line
}

// PayShort is the pay for a one-line list of paths, with what it covers:
// "$61,890 (lab technologists and technicians together)", "$47,890, our
// estimate (the lower quarter of ...)".
func PayShort(s SalaryInfo) string {
	p := Dollars(s.Median)
	if s.Per != "" && s.Per != "year" {
		p += " a " + s.Per
	}
	if s.Estimate {
		p += ", our estimate"
	}
	if s.Covers != "" {
		p += " (" + s.Covers + ")"
	}
	return p
}

// StatePayLine says what the person's state pays, beside the national
// figure: its figure with its release and whether it is a mean or a
// median, or that the figure is national with where to find the state's.
// It is "" when no state was given.
func StatePayLine(s SalaryInfo) string {
	switch {
	case s.State != nil:
		st := s.State
		line := fmt.Sprintf("%s: %s %s a %s, as of %s", st.Name, st.Kind, Dollars(st.Amount), cmpOr(st.Per, s.Period()), st.AsOf)
		if st.AsOf != s.AsOf {
			line += " (one release older than the national figure)"
		}
		if st.Kind == PayMean {
			line += "; a mean, which runs above the median"
		}
		if st.Status == StatusUnconfirmed {
			line += " (unconfirmed: verify before relying on it)"
		}
		return line
	case s.SalaryFinder != nil:
		return fmt.Sprintf("No %s figure from the same release was found, so this pay is national; CareerOneStop's Salary Finder has %s figures (%s)",
			s.SalaryFinder.Name, possessive(s.SalaryFinder.Name), s.SalaryFinder.URL)
	}
	return ""
}

// cmpOr returns a if it is not empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// FundingLine words a way to pay: "WIOA Individual Training Account: ...".
func FundingLine(f FundingInfo) string {
	s := f.Name + ": " + sentence(f.Text)
	if f.Status == StatusUnconfirmed {
		s += " (Unconfirmed: verify before relying on it.)"
	}
	return s
}

// FundingNames lists ways to pay by name, for one line: "WIOA Individual
// Training Account, Workforce Pell Grant and employer-paid training".
func FundingNames(fs []FundingInfo) string {
	n := make([]string, len(fs))
	for i, f := range fs {
		n[i] = f.Name
	}
	return joinAnd(n)
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

// SourceName names a source for people: "publisher, title" (the publisher
// alone when the source has no title, the id when there is no such source).
func (e *Engine) SourceName(id string) string {
	s := e.sourceIndex[id]
	switch {
	case s == nil:
		return id
	case s.Title == "":
		return s.Publisher
	}
	return s.Publisher + ", " + s.Title
}

// sentence ends s with exactly one full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ".)") {
		return s
	}
	return s + "."
}

// Capitalize upper-cases the first letter of s.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
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

// String formats the change in the questionnaire's words: "Years working in
// a clinical lab: 0 years -> 1 year". A change made outside the engine, with
// no label or texts, falls back to the id and the raw values.
func (c Change) String() string {
	from, to := c.FromText, c.ToText
	if from == "" && to == "" {
		from, to = yamlValue(c.From), yamlValue(c.To)
	}
	name := c.label
	if name == "" {
		name = c.ID
	}
	return fmt.Sprintf("%s: %s -> %s", name, from, to)
}

// Name is the question in a few words, for lists of changes: its label, or
// its prompt when the data gives no label.
func (q *Question) Name() string {
	if q.Label != "" {
		return q.Label
	}
	return oneLine(q.Prompt)
}

// AnswerText writes an answer in the question's own words, the same way in
// every front end and report: an option's label; for several options their
// short labels ("PBT(ASCP), CPT(NHA)") or "none"; "yes" or "no"; a rating
// with its end label ("5 of 5 (Very much)"); a number with its unit, "1 year"
// but "2 years", and an amount in dollars as money ("$2,000"). A nil value
// is the question's default.
func (q *Question) AnswerText(v any) string {
	if v == nil {
		v = q.def
	}
	switch x := v.(type) {
	case string:
		return q.optionLabel(x)
	case []string:
		if len(x) == 0 {
			return "none"
		}
		labels := make([]string, len(x))
		for i, s := range x {
			labels[i] = ShortLabel(q.optionLabel(s))
		}
		return strings.Join(labels, ", ")
	case bool:
		if x {
			return "yes"
		}
		return "no"
	}
	n, ok := asNumber(v)
	if !ok {
		return fmt.Sprint(v)
	}
	if q.Kind == KindScale {
		if q.skippable() && n == 0 {
			return Skipped
		}
		_, hi := q.Bounds()
		s := fmt.Sprintf("%s of %d", FormatNumber(v), hi)
		if l := q.ScaleLabel(n); l != "" {
			s += " (" + l + ")"
		}
		return s
	}
	return q.quantity(n)
}

// AnswerText is [Question.AnswerText] for the question with id, or the
// value as written when there is no such question.
func (e *Engine) AnswerText(id string, v any) string {
	if q := e.question(id); q != nil {
		return q.AnswerText(v)
	}
	return yamlValue(v)
}

// quantity writes a number in the question's unit: "1 year", "3.5 years",
// "12 semester hours", "$2,000" (a unit that names dollars is written as
// money), or the bare number when there is no unit.
func (q *Question) quantity(n float64) string {
	switch {
	case strings.Contains(strings.ToLower(q.Unit), "dollar"):
		return money(n)
	case q.Unit == "":
		return FormatNumber(numberValue(n))
	}
	return FormatNumber(numberValue(n)) + " " + unitFor(n, q.Unit)
}

// unitFor makes a plural unit singular for exactly one: "1 year", "1
// semester hour". Units are written in the data in the plural.
func unitFor(n float64, unit string) string {
	if n == 1 && strings.HasSuffix(unit, "s") && !strings.HasSuffix(unit, "ss") {
		return strings.TrimSuffix(unit, "s")
	}
	return unit
}

// ScaleLabel names a rating of a scale question: with two labels, the ends
// ("Not at all", "Very much") for its lowest and highest rating and nothing
// in between; with a label for every point, that point's.
func (q *Question) ScaleLabel(n float64) string {
	lo, hi := q.Bounds()
	if len(q.ScaleLabels) == hi-lo+1 && len(q.ScaleLabels) != 2 {
		// a label for every point
		if i := int(n) - lo; float64(int(n)) == n && i >= 0 && i < len(q.ScaleLabels) {
			return q.ScaleLabels[i]
		}
		return ""
	}
	if len(q.ScaleLabels) != 2 {
		return ""
	}
	switch n {
	case float64(lo):
		return q.ScaleLabels[0]
	case float64(hi):
		return q.ScaleLabels[1]
	}
	return ""
}

// optionLabel returns the label of option value v, or v itself.
func (q *Question) optionLabel(v string) string {
	if i := q.OptionIndex(v); i >= 0 {
		return q.Options[i].Label
	}
	return v
}

// ShortLabel keeps the part of an option's label before a colon
// ("PBT(ASCP): phlebotomy technician, ..." -> "PBT(ASCP)"), for lists of
// several labels.
func ShortLabel(l string) string {
	if i := strings.Index(l, ": "); i > 0 {
		return l[:i]
	}
	return l
}

// PathTitle names path id for people: its title, or the id itself.
func (e *Engine) PathTitle(id string) string {
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
	lead := "longer than your timeline: "
	switch reachOf(months, timeline) {
	case reachWhole:
		lead = "fits your timeline: "
	case reachLowEnd:
		lead = "fits your timeline only at the quick end: "
	}
	return lead + MonthsText(months) + " against your " + FormatNumber(numberValue(timeline)) + " months"
}

// fundingLead introduces the ways to pay named at the end of a budget note.
const fundingLead = "; ways to pay that may fit: "

// budgetNote compares a plan's cost with the person's budget and, when the
// plan can cost more, names the ways to pay that fit it.
func budgetNote(cost Span, budget float64, funding []FundingInfo) string {
	lead, tail := "costs more than your budget: ", " (ask about financial aid and employer-paid training)"
	switch reachOf(cost, budget) {
	case reachWhole:
		lead, tail = "fits your budget: ", ""
	case reachLowEnd:
		lead, tail = "fits your budget only at the low end: ", ""
	}
	if len(funding) > 0 {
		tail = fundingLead + FundingNames(funding)
	}
	return lead + DollarSpan(cost) + " against your " + money(budget) + tail
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

// Why a certification route is or is not met, in the words of its parts
// (the data's "because" sentences).

func routeMet(parts []string) string { return "you meet every part: " + strings.Join(parts, "; ") }

func routeNotMet(unmet []string) string { return "not met: " + strings.Join(unmet, "; ") }

func routeMetAfter(step string, unmet []string) string {
	return "after \"" + step + "\" you would meet: " + strings.Join(unmet, "; ")
}

func routeDiscontinued(note string) string {
	if note = strings.TrimSuffix(strings.TrimSpace(note), "."); note != "" {
		return "this route is discontinued (" + note + ")"
	}
	return "this route is discontinued"
}

// feeUnknown notes an exam whose fee the data does not have (counted as $0).
const feeUnknown = "The fee could not be confirmed, so none is counted; ask the certifying body."

// heldBecause is the verdict of a credential the person holds.
const heldBecause = "you already hold this credential"

// examTitle is the title of an exam step made from a credential.
func examTitle(name string) string { return "Pass the " + name + " certification exam" }

// hereText marks a path the person already stands on, for one-line lists.
func hereText(p *PathResult) string {
	if p.Current {
		return " (you are here)"
	}
	return ""
}

// HereLabel is what lists say of a path the person already stands on.
const HereLabel = "you are here"

// RouteLine says which route a plan follows: "The plan follows MLT(ASCP)
// route 4."
func RouteLine(p *PathResult) string {
	if p.Route == nil {
		return ""
	}
	return "The plan follows " + p.Route.Credential + " route " + p.Route.Route + "."
}

// AlternativeLine words another route to the credential with its own
// months and cost: "MLT(ASCP) route 1: after the plan's steps, 19–26 months,
// $8,325–$19,580 (unconfirmed: verify with the certifying body)".
func AlternativeLine(a Alternative) string {
	s := a.Credential + " route " + a.Route + ": "
	if a.Eligible == EligibleNow {
		s += "eligible now, the exam alone: "
	} else {
		s += "after its own steps: "
	}
	s += MonthsText(a.Months) + ", " + DollarSpan(a.Cost)
	if a.Status == StatusUnconfirmed {
		s += " (unconfirmed: verify with the certifying body)"
	}
	return s + "."
}

// RouteResultLine words one certification route and its verdict, with the
// route's caveat, the steps that meet it and what they take.
func RouteResultLine(c RouteResult) string {
	if c.Held {
		return c.Credential + ": you already hold this credential."
	}
	s := fmt.Sprintf("%s route %s: %s.", c.Credential, c.Route, strings.ToUpper(EligibleLabel(c.Eligible)))
	if c.Chosen {
		s += " The plan follows this route."
	}
	s += " " + sentence(c.Summary) + " " + sentence(Capitalize(c.Because))
	if c.Eligible != EligibleNo && (c.Months != Span{}) {
		s += " " + fmt.Sprintf("With its steps and the exam: %s, %s.", MonthsText(c.Months), DollarSpan(c.Cost))
	}
	if c.Note != "" {
		s += " Note: " + sentence(c.Note)
	}
	if c.Status == StatusUnconfirmed {
		s += " (Unconfirmed: verify with the certifying body.)"
	}
	return s
}

// Compact words for narrow lists: the results' path rows show months, cost
// and pay in a few columns ("2–7 mo · $1.3k–3k · $41.8k").

// CompactMoney writes whole dollars in a few characters: $185, $1.3k, $61.9k.
func CompactMoney(n int) string {
	if n < 0 {
		return "-" + CompactMoney(-n)
	}
	return "$" + kilo(n)
}

// kilo writes n below 1,000 as is, above in thousands with one decimal
// (dropped when it is 0): 185, 1.3k, 3k, 61.9k.
func kilo(n int) string {
	if n < 1000 {
		return strconv.Itoa(n)
	}
	s := strconv.FormatFloat(math.Round(float64(n)/100)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "k"
}

// CompactCost writes a cost range in a few characters: $0, $185, $1.3k–3k.
func CompactCost(s Span) string {
	if s.Min == s.Max || kilo(s.Min) == kilo(s.Max) {
		return CompactMoney(s.Max)
	}
	return CompactMoney(s.Min) + "–" + kilo(s.Max)
}

// CompactMonths writes a month range in a few characters: 1 mo, 2–7 mo.
func CompactMonths(s Span) string {
	if s.Min == s.Max {
		return strconv.Itoa(s.Min) + " mo"
	}
	return strconv.Itoa(s.Min) + "–" + strconv.Itoa(s.Max) + " mo"
}

// CompactPay writes the median pay in a few characters: $41.8k (a year), or
// $18.50/hr for pay given by the hour.
//
// The project's own estimate is marked "est." (EKG: our estimate, never a
// median); what a figure covers is on the path's own pay page ([SalaryLine]).
func CompactPay(s SalaryInfo) string {
	est := ""
	if s.Estimate {
		est = " est."
	}
	switch s.Period() {
	case "year":
		return CompactMoney(s.Median) + est
	case "hour":
		return "$" + strconv.Itoa(s.Median) + "/hr" + est
	}
	return CompactMoney(s.Median) + "/" + s.Period() + est
}

// PathFacts is a path's time to a first job, its cost and its median pay,
// for one row of a list: "2–7 mo · $1.3k–3k · $41.8k".
func PathFacts(p *PathResult) string {
	return CompactMonths(p.TotalMonths) + " · " + CompactCost(p.TotalCost) + " · " + CompactPay(p.Salary)
}

// PlanSummary is a path's plan in one line: "19–26 months to a first job,
// $8,325–$19,580".
func PlanSummary(p *PathResult) string {
	return MonthsText(p.TotalMonths) + " to a first job, " + DollarSpan(p.TotalCost)
}

// PlanFunding names the ways to pay that fit a plan that can cost more than
// the budget: "Ways to pay that may fit: WIOA Individual Training Account and
// Federal Pell Grant." ("" when the plan fits the budget or none fits).
func PlanFunding(p *PathResult) string {
	if len(p.Funding) == 0 {
		return ""
	}
	return "Ways to pay that may fit: " + FundingNames(p.Funding) + "."
}

// HereSentence says what "you are here" means on a path's own page.
func HereSentence(p *PathResult) string {
	if !p.Current {
		return ""
	}
	return "You are here: you hold this path's credential or do its job now, so it is where you start from, not a step to take."
}

// NextSteps are the titles of the first n steps of the plan before the
// first job's later ones (the steps to take now, in order).
func NextSteps(p *PathResult, n int) []string {
	var out []string
	for _, s := range p.Plan {
		if s.Later || len(out) == n {
			continue
		}
		out = append(out, oneLine(s.Title))
	}
	return out
}

// HeldLine words a credential the person holds, in one line: "MLT(ASCP):
// you hold it."
func HeldLine(c RouteResult) string {
	return c.Credential + ": you hold it."
}

// ChosenRoute marks the route the plan follows.
const ChosenRoute = "The plan follows this route."

// RouteSteps says which of the path's steps meet a route, in order: "Steps:
// Finish a bachelor's; then Complete a one-year MLS program." ("" when none
// are needed).
func RouteSteps(c RouteResult) string {
	if len(c.Steps) == 0 {
		return ""
	}
	steps := make([]string, len(c.Steps))
	for i, s := range c.Steps {
		steps[i] = oneLine(s)
	}
	return "Steps: " + sentence(strings.Join(steps, "; then "))
}

// RouteTime is what meeting a route takes with its steps and the exam:
// "25–38 months, $18,185–$24,160 with its steps and the exam" ("" for a
// route not met or with no figures).
func RouteTime(c RouteResult) string {
	if c.Eligible == EligibleNo || (c.Months == Span{} && c.Cost == Span{}) {
		return ""
	}
	return MonthsText(c.Months) + ", " + DollarSpan(c.Cost) + " with its steps and the exam"
}

// AlternativesIntro heads the list of other routes on a plan.
const AlternativesIntro = "Other routes the plan could follow, each with its own months and cost:"

// SourceDate says when a source's figures date from, for lists of sources:
// "as of May 2024", or "undated" when the source gives no date.
func SourceDate(asOf string) string {
	switch strings.TrimSpace(strings.ToLower(asOf)) {
	case "", "undated":
		return "undated"
	}
	return "as of " + asOf
}

// Skipped is the answer text of a skipped inventory item.
const Skipped = "skipped"

// Words of the interest profile (interests.go): what it is and whether it
// counted toward the ranking.
const (
	profileNoteNone       = "This data has no interest inventory."
	profileNoteSkipped    = "The activity inventory was skipped, so interests did not change the ranking beyond the four quick ratings."
	profileNoteIncomplete = "Too few activities were rated to make a profile (at least %d in each area), so it did not change the ranking."
	profileNoteFlat       = "Your ratings were about the same in every area, so they do not point to one kind of work and did not change the ranking."
	profileNoteScored     = "From your activity ratings. A short inventory, not a test: use it to talk about what you enjoy."
	// MatchNone labels a path whose interest match no band scores.
	MatchNone = "No clear match"
)
