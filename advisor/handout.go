package advisor

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The handout is what `report --format html` and `--format markdown` print: at
// most two pages a counselor can hand a student. Both writers render the same
// view model, built here from a Recommendation in the order the page reads,
// so the two formats say the same things in the same order, and a new field
// in the Recommendation is one change to one build function.
//
// The handout shows no internal scores or rule weights: reasons are words.
// Each figure (a cost, a duration, pay, a route, a licence rule) carries a
// note marker, and the notes list only the sources of the figures shown,
// numbered in the order they first appear.

// ReportOptions say who a report is for and when it was made. The handout
// formats (Markdown and HTML) print them in their header; text and JSON leave
// them out.
type ReportOptions struct {
	// Name is the student's name or the session's label; empty leaves it out.
	Name string
	// Date is the day the report was made; the zero time leaves it out. The
	// advisor reads no clock: a caller passes today's date (the CLI's --date,
	// the TUI's export time).
	Date time.Time
	// Plain says the text report's interest profile in words, a line per
	// area, without bars: for the accessible mode and screen readers.
	Plain bool
}

// What the handout says of "what would change this".
const (
	leversLead = "The smallest change of answers that meets each requirement or route not met now:"
	leversNone = "No single change of an answer you can act on now would meet another requirement or route of this path."
)

// How much of each list the handout shows, so it fits two pages.
const (
	handoutReasons   = 4  // reasons for the path
	handoutWeigh     = 3  // reasons against it and requirements not met
	handoutActions   = 3  // the next actions (the first plan steps)
	handoutLevers    = 4  // what would change this
	handoutOthers    = 3  // other paths worth discussing
	timelineBarWidth = 36 // about how wide the text timeline's bars are, in columns
	timelineMaxWidth = 48 // and at most, so a line fits 80 columns
)

// handout is the view model both handout writers render.
type handout struct {
	Name    string // the student, or ""
	Date    string // "30 November 2026", or ""
	DateISO string // "2026-11-30", or ""

	Answers []answerView
	Assumed bool // some answers are defaults (marked in words)

	Path pathView
	// Interests is the student's interest profile; nil when the data has
	// no inventory.
	Interests *interestsView
	Why       []string // reasons for the path, in words, strongest first
	Weigh     []string // reasons against it and requirements not met yet, with the way to meet them
	Next      []string // the next actions: the first plan steps, as written (imperatives)

	Plan    planView
	Routes  routesView
	Licence *licenceView
	Pay     payView

	Levers     []leverView
	LeversMore int    // levers left out for space
	LeversLead string // what the levers are, or that there are none
	Others     []otherView

	Notes      []noteView
	Disclaimer string
}

type answerView struct {
	Label   string // the question in a few words
	Text    string // the answer in the question's words
	Assumed bool   // not answered: the default was used
}

type pathView struct {
	Title   string
	Level   string
	Fit     string // the fit label in words ("Strong fit"), never the score
	Here    string // "you are here" when the student stands on this path now
	Summary string
}

// interestsView is the interest profile: a bar per area with its number
// and words, the code, what the profile is, and how the recommended path
// matches it.
type interestsView struct {
	Rows     []ProfileRow // none when the inventory was skipped
	Lines    []string     // the same chart as text, for Markdown
	Code     string       // "Your interest code: IRC (Investigative, ...)", or ""
	Note     string       // what the profile is and whether it counted
	Match    string       // the recommended path's match in words, or ""
	MatchRef int          // the note of the path's O*NET interest profile
}

type planView struct {
	Months       string // to a first job: "2–7 months"
	Cost         string // "$1,325–$2,977"
	TimelineNote string // "Fits your timeline only at the quick end: ..."
	BudgetNote   string
	Funding      []fundingView // ways to pay, when the plan can cost more than the budget
	Scale        int           // months on the timeline's axis
	TextWidth    int           // columns of the text timeline's bars: a whole number per month when it fits
	Ticks        []tickView
	Steps        []stepView // the steps to a first job, on the timeline
	Later        []stepView // steps after the first job (advancement)
}

type fundingView struct {
	Sep         string // what comes before it in a list: "", ", " or " and "
	Name        string
	Text        string
	Unconfirmed bool
	Ref         int
}

type tickView struct {
	Month int
	Pct   float64 // from the left of the track
}

type stepView struct {
	N      int
	Kind   string // "Training", "Exam", ... (the step's kind in a word)
	Title  string
	Detail string
	Note   string
	When   string // "months 0–4", "later"
	Months string // "2–4 months"
	Cost   string // "$1,200–$2,852"
	Ref    int    // the note of the step's source, 0 for none

	// The timeline bar, in percent of the track: solid from Left for Solid
	// (the quickest case), then dashed for Dashed more (how long it can take).
	Left, Solid, Dashed float64
	Text                string // the same bar as text, for Markdown
}

type routesView struct {
	Held         []string // credentials the student holds (their routes are left out)
	Chosen       *routeView
	Alternatives []routeView
	// Closed names, in a line, the routes of the path's other credentials
	// that are not open ("MLT(ASCP) routes 3 and 4"); what would meet them
	// is under "What would change this".
	Closed []string

	target string // the credential the plan's exam step names
}

type routeView struct {
	Credential  string
	Route       string
	Open        string // "open now", "open after the plan", "not open now"
	Symbol      string // ✓, →, ✗: beside the words, never instead of them
	Class       string // now, after, no: for the style only
	Summary     string // what the route asks for
	Why         string // why it is or is not open (shown for the chosen route)
	Note        string // the route's caveat
	Months      string // what meeting the route takes: its own steps and exam
	Cost        string
	Refs        []int // the notes of the months and cost
	Unconfirmed bool
	Ref         int // the note of the route's text
}

type licenceView struct {
	Text     string
	Required bool
	Ref      int
}

type payView struct {
	National figureView
	// State is the pay in the student's state, when the data has a figure
	// from the same release or one older (from SalaryInfo.State).
	State *figureView
	// Finder, when there is no state figure, says the pay is national and
	// where to find the state's: CareerOneStop's Salary Finder.
	Finder  *finderView
	Outlook figureView
}

type finderView struct {
	Text string // "No Texas figure from the same release was found, so the pay is national; see"
	Link string // "CareerOneStop's Salary Finder for Texas"
	URL  string
	Ref  int
}

type figureView struct {
	Where       string // "United States", a state's name
	Figure      string // the headline: "$41,810 a year"
	Detail      string // what the headline is, and the range: "median; range $33,310–$55,330"
	Text        string // both in a line: "median $41,810 a year (range $33,310–$55,330)"
	AsOf        string // "as of 2023-05", "date not given"
	About       string // what the figure covers, from the data's note
	Status      string // how sure it is, in words
	Unconfirmed bool
	Ref         int
}

type leverView struct {
	What    string   // the requirement or route it would meet
	Changes []string // "Years working in a clinical lab: 0 years → 1 year"
}

type otherView struct {
	Title, Level, Fit, Here string
	Match                   string // the interest match's label ("Strong match"), or ""
}

type noteView struct {
	N         int
	Publisher string
	Title     string
	AsOf      string
	Status    string
	URL       string
}

// notes numbers the sources of the figures shown, in order of first use.
type notes struct {
	e     *Engine
	ids   []string
	index map[string]int
}

// ref returns the note number of source id, adding it on first use; 0 when
// there is no such source.
func (n *notes) ref(id string) int {
	if id == "" || n.e.sourceIndex[id] == nil {
		return 0
	}
	if i, ok := n.index[id]; ok {
		return i
	}
	n.ids = append(n.ids, id)
	n.index[id] = len(n.ids)
	return len(n.ids)
}

func (n *notes) list() []noteView {
	out := make([]noteView, len(n.ids))
	for i, id := range n.ids {
		s := n.e.sourceIndex[id]
		out[i] = noteView{N: i + 1, Publisher: oneLine(s.Publisher), Title: oneLine(s.Title), AsOf: asOfText(s.AsOf),
			Status: noteStatus(s.Status), URL: strings.TrimSpace(s.URL)}
	}
	return out
}

// noteStatus says in a word or two how sure a source is, for the notes.
func noteStatus(s Status) string {
	switch s {
	case StatusOfficial:
		return "official"
	case StatusThirdParty:
		return "third-party"
	}
	return "unconfirmed"
}

// asOfText words a figure's date: "as of 2024-05", or "date not given".
func asOfText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "undated") {
		return "date not given"
	}
	return "as of " + s
}

// handoutDate formats a report date: "30 November 2026".
func handoutDate(t time.Time) string { return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year()) }

// buildHandout builds the view model of r's handout, in the order the page reads.
func (e *Engine) buildHandout(r *Recommendation, o ReportOptions) *handout {
	top := &r.Paths[0]
	n := &notes{e: e, index: map[string]int{}}
	h := &handout{Name: oneLine(o.Name), Disclaimer: oneLine(r.Disclaimer)}
	if !o.Date.IsZero() {
		h.Date, h.DateISO = handoutDate(o.Date), o.Date.Format(time.DateOnly)
	}
	h.Answers, h.Assumed = e.answerViews(r.answers)
	h.Path = pathView{Title: top.Title, Level: top.Level, Fit: top.Fit, Here: hereWords(top), Summary: oneLine(top.Summary)}
	h.Interests = e.buildInterests(r.Interests, top, n)
	if h.Interests != nil && len(h.Interests.Rows) == 0 {
		// skipped: said among the answers, which cost no room of its own
		h.Answers = append(h.Answers, answerView{Label: skippedLabel, Text: skippedText})
	}
	h.Why, h.Weigh = reasonWords(top)
	h.Next = nextActions(top)
	h.Plan = buildPlan(top, n)
	h.Routes = e.buildRoutes(top, n)
	h.Licence = buildLicence(top, n)
	h.Pay = buildPay(top, n)
	h.Levers, h.LeversMore = buildLevers(top, h.Routes.target, e.heldNames(r.answers))
	h.LeversLead = leversLead
	if len(h.Levers) == 0 {
		h.LeversLead = leversNone
	}
	for i := 1; i < len(r.Paths) && len(h.Others) < handoutOthers; i++ {
		p := &r.Paths[i]
		o := otherView{Title: p.Title, Level: p.Level, Fit: p.Fit, Here: hereWords(p)}
		if p.InterestMatch != nil {
			o.Match = p.InterestMatch.Label
		}
		h.Others = append(h.Others, o)
	}
	h.Notes = n.list()
	return h
}

// What the handout's answers say of a skipped activity inventory.
const (
	skippedLabel = "Activity check"
	skippedText  = "skipped, so no interest profile"
)

// Text bars of the Markdown handout's interest profile, as its timeline's.
const (
	mdBarFull  = "█"
	mdBarEmpty = "░"
)

// buildInterests words the interest profile and the recommended path's
// match; nil when the data has no inventory.
func (e *Engine) buildInterests(p *InterestProfile, top *PathResult, n *notes) *interestsView {
	if p == nil || p.Items == 0 {
		return nil
	}
	v := &interestsView{Rows: e.ProfileRows(p), Code: e.CodeWords(p), Note: oneLine(p.Note)}
	v.Lines = profileLines(v.Rows, mdBarFull, mdBarEmpty)
	if m := top.InterestMatch; m != nil {
		v.Match = fmt.Sprintf("Interest match with %s: %s", oneLine(top.Title), MatchText(m))
		if top.path != nil && top.path.InterestProfile != nil {
			v.MatchRef = n.ref(top.path.InterestProfile.Source.ID)
		}
	}
	return v
}

func hereWords(p *PathResult) string {
	if p.Current {
		return HereLabel
	}
	return ""
}

// answerViews words every answer that counts (those to the questions shown),
// in questionnaire order; a question not answered shows its default, marked.
func (e *Engine) answerViews(a Answers) ([]answerView, bool) {
	vis, shown := e.visible(a)
	out := make([]answerView, 0, len(shown))
	assumed := false
	for _, q := range shown {
		if e.InInventory(q) {
			continue // the interest profile shows these
		}
		v, answered := vis.Value(q)
		out = append(out, answerView{Label: q.Name(), Text: oneLine(q.AnswerText(v)), Assumed: !answered})
		assumed = assumed || !answered
	}
	return out, assumed
}

// reasonWords splits the path's reasons into those for it and those to weigh:
// first the path's requirements not met yet, with the way to meet them, then
// the rules that count against it, in words only.
func reasonWords(p *PathResult) (why, weigh []string) {
	for _, g := range p.Gates {
		if !g.Met && len(weigh) < handoutWeigh {
			s := "Not met yet: " + sentence(oneLine(g.Because))
			if g.Bridge != "" {
				s += " " + sentence(Capitalize(oneLine(g.Bridge)))
			}
			weigh = append(weigh, s)
		}
	}
	for _, rs := range p.Reasons {
		switch {
		case rs.Delta > 0 && len(why) < handoutReasons:
			why = append(why, sentence(oneLine(rs.Because)))
		case rs.Delta < 0 && len(weigh) < handoutWeigh:
			weigh = append(weigh, sentence(oneLine(rs.Because)))
		}
	}
	return why, weigh
}

// nextActions are the first plan steps, as the data writes them: imperatives.
func nextActions(p *PathResult) []string {
	var out []string
	for _, s := range p.Plan[:min(handoutActions, len(p.Plan))] {
		out = append(out, oneLine(s.Title))
	}
	return out
}

// kindWord names a step's kind in a word for the plan.
func kindWord(k StepKind) string {
	switch k {
	case StepEducation:
		return "Education"
	case StepTraining:
		return "Training"
	case StepExperience:
		return "Experience"
	case StepExam:
		return "Exam"
	case StepLicence:
		return "Licence"
	case StepJob:
		return "First job"
	case StepAdvancement:
		return "Later"
	}
	return Capitalize(string(k))
}

// monthSpan words a window of months on the plan: "months 0–4", "month 2".
func monthSpan(from, to int) string {
	if from == to {
		return "month " + strconv.Itoa(from)
	}
	return "months " + strconv.Itoa(from) + "–" + strconv.Itoa(to)
}

// tickStep is the spacing of the timeline's month ticks for an axis of n months.
func tickStep(n int) int {
	switch {
	case n <= 12:
		return 1
	case n <= 24:
		return 3
	case n <= 48:
		return 6
	}
	return 12
}

func buildPlan(p *PathResult, n *notes) planView {
	budget, _, _ := strings.Cut(p.BudgetNote, fundingLead) // the ways to pay are listed below it
	pv := planView{Months: MonthsText(p.TotalMonths), Cost: DollarSpan(p.TotalCost),
		TimelineNote: sentence(Capitalize(p.TimelineNote)), BudgetNote: sentence(Capitalize(budget))}
	for i, f := range p.Funding {
		sep := ""
		switch {
		case i > 0 && i == len(p.Funding)-1:
			sep = " and "
		case i > 0:
			sep = ", "
		}
		pv.Funding = append(pv.Funding, fundingView{Sep: sep, Name: oneLine(f.Name), Text: sentence(oneLine(f.Text)),
			Unconfirmed: f.Status == StatusUnconfirmed, Ref: n.ref(f.Source)})
	}
	step := tickStep(max(p.TotalMonths.Max, 1))
	pv.Scale = (max(p.TotalMonths.Max, 1) + step - 1) / step * step
	for m := 0; m <= pv.Scale; m += step {
		pv.Ticks = append(pv.Ticks, tickView{Month: m, Pct: pct(m, pv.Scale)})
	}
	pv.TextWidth = timelineMaxWidth
	if perMonth := max(1, (timelineBarWidth+pv.Scale/2)/pv.Scale); pv.Scale*perMonth <= timelineMaxWidth {
		pv.TextWidth = pv.Scale * perMonth
	}
	for i, s := range p.Plan {
		sv := stepView{N: i + 1, Kind: kindWord(s.Kind), Title: oneLine(s.Title), Detail: oneLine(s.Detail), Note: oneLine(s.Note),
			Months: MonthsText(s.Months), Cost: DollarSpan(s.Cost), Ref: n.ref(s.Source)}
		if s.Later {
			sv.When = "later"
			pv.Later = append(pv.Later, sv)
			continue
		}
		start, quick, slow := s.StartMonth.Min, s.StartMonth.Min+s.Months.Min, s.StartMonth.Max+s.Months.Max
		sv.When = monthSpan(start, slow)
		sv.Left, sv.Solid, sv.Dashed = pct(start, pv.Scale), pct(quick-start, pv.Scale), pct(slow-quick, pv.Scale)
		sv.Text = textBar(start, quick, slow, pv.Scale, pv.TextWidth)
		pv.Steps = append(pv.Steps, sv)
	}
	return pv
}

func pct(m, scale int) float64 { return float64(m) * 100 / float64(scale) }

// textBar draws a step on a text timeline of width columns for scale months:
// █ for the quickest case, ░ for how long it can take, · for the rest. A
// step that takes no time at its quickest still gets one mark.
func textBar(start, quick, slow, scale, width int) string {
	col := func(m int) int { return min(width, m*width/scale) }
	a, b, c := col(start), col(quick), col(slow)
	if c == a { // no time even at its longest: one mark where it happens
		c = min(width, a+1)
		a = c - 1
		b = c
	}
	return strings.Repeat("·", a) + strings.Repeat("█", b-a) + strings.Repeat("░", c-b) + strings.Repeat("·", width-c)
}

// textAxis is the month scale above the text timeline, aligned with textBar.
func textAxis(scale, width int) string {
	line := []rune(strings.Repeat(" ", width+3))
	step := tickStep(scale)
	for m := 0; m <= scale; m += step {
		label := []rune(strconv.Itoa(m))
		at := m * width / scale
		if at+len(label) > len(line) {
			at = len(line) - len(label)
		}
		if at > 0 && line[at-1] != ' ' {
			continue // no room: skip the label rather than run two together
		}
		copy(line[at:], label)
	}
	return strings.TrimRight(string(line), " ")
}

// buildRoutes shows the certification routes of the path: the route the
// plan follows, the other routes that can be met (best first, each with the
// months and cost of its own steps and exam), and, in a line, the routes not
// open now. Routes of a credential the student holds are left out; the
// credential is named instead.
func (e *Engine) buildRoutes(p *PathResult, n *notes) routesView {
	var rv routesView
	if p.Route != nil {
		rv.target = p.Route.Credential
	}
	view := func(c *RouteResult) routeView {
		v := routeView{Credential: c.Credential, Route: c.Route, Summary: sentence(oneLine(c.Summary)),
			Note: sentence(oneLine(c.Note)), Unconfirmed: c.Status == StatusUnconfirmed}
		if c.AfterStep != "" {
			v.Why = "Open once you finish “" + oneLine(c.AfterStep) + "”."
		}
		v.Open, v.Symbol, v.Class = openWords(c.Eligible)
		if c.Eligible != EligibleNo && (c.Months != Span{}) { // shown before the route's text
			v.Months, v.Cost = MonthsText(c.Months), DollarSpan(c.Cost)
			v.Refs = e.routeRefs(p, c, n)
		}
		v.Ref = n.ref(c.Source)
		return v
	}
	find := func(cred, route string) *RouteResult {
		for i := range p.Certifications {
			if c := &p.Certifications[i]; c.Credential == cred && c.Route == route {
				return c
			}
		}
		return nil
	}

	for i := range p.Certifications {
		if c := &p.Certifications[i]; c.Chosen && !c.Held {
			v := view(c)
			rv.Chosen = &v
			break
		}
	}
	shown := map[string]bool{}
	if rv.Chosen != nil {
		shown[routeName(rv.Chosen.Credential, rv.Chosen.Route)] = true
	}
	for _, a := range p.Alternatives {
		c := find(a.Credential, a.Route)
		if c == nil || c.Held || shown[routeName(a.Credential, a.Route)] {
			continue
		}
		v := view(c)
		v.Why, v.Note = "", "" // the plan's route says when and its caveat; the others what they take
		v.Months, v.Cost = MonthsText(a.Months), DollarSpan(a.Cost)
		v.Open, v.Symbol, v.Class = openWords(a.Eligible)
		rv.Alternatives = append(rv.Alternatives, v)
		shown[routeName(a.Credential, a.Route)] = true
	}

	closed := map[string][]string{}
	var order []string
	for i := range p.Certifications {
		c := &p.Certifications[i]
		switch {
		case c.Held:
			if !slices.Contains(rv.Held, c.Credential) {
				rv.Held = append(rv.Held, c.Credential)
			}
		case shown[routeName(c.Credential, c.Route)] || e.routeDiscontinued(c.CredentialID, c.Route):
		case c.Eligible == EligibleNo:
			if !slices.Contains(order, c.Credential) {
				order = append(order, c.Credential)
			}
			closed[c.Credential] = append(closed[c.Credential], c.Route)
		default: // open, but not among the alternatives: still worth a row
			v := view(c)
			v.Why, v.Note = "", ""
			rv.Alternatives = append(rv.Alternatives, v)
		}
	}
	for _, cred := range order {
		if rs := closed[cred]; len(rs) == 1 {
			rv.Closed = append(rv.Closed, routeName(cred, rs[0]))
		} else {
			rv.Closed = append(rv.Closed, cred+" routes "+joinAnd(rs))
		}
	}
	return rv
}

// routeRefs numbers the sources of a route's months and cost: those of the
// path's steps that meet it and of its exam.
func (e *Engine) routeRefs(p *PathResult, c *RouteResult, n *notes) []int {
	var refs []int
	add := func(id string) {
		if r := n.ref(id); r != 0 && !slices.Contains(refs, r) {
			refs = append(refs, r)
		}
	}
	path := p.Path()
	if path == nil {
		return nil
	}
	for _, title := range c.Steps {
		for i := range path.Steps {
			if path.Steps[i].Title == title {
				add(e.planStep(&path.Steps[i]).Source)
				break
			}
		}
	}
	if ci, ok := e.credIndex[c.CredentialID]; ok {
		add(e.examStep(path, e.credentials[ci]).Source)
	}
	slices.Sort(refs)
	return refs
}

// joinAnd joins words as people list them: "3", "3 and 4", "2, 3 and 4".
func joinAnd(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func (e *Engine) routeDiscontinued(credID, route string) bool {
	i, ok := e.credIndex[credID]
	if !ok {
		return false
	}
	for _, rt := range e.credentials[i].Routes {
		if rt.Route == route {
			return rt.Discontinued
		}
	}
	return false
}

// openWords says whether a route is open to the student, with a symbol that
// is never the only signal.
func openWords(el Eligibility) (words, symbol, class string) {
	switch el {
	case EligibleNow:
		return "open now", "✓", "now"
	case EligibleAfterPlan:
		return "open after the plan", "→", "after"
	}
	return "not open now", "✗", "no"
}

// buildLicence words the state's licence, without renewal (the text report
// has it); the board's page is left out of the text when it is the page the
// note already cites.
func buildLicence(p *PathResult, n *notes) *licenceView {
	if p.Licence == nil {
		return nil
	}
	l := *p.Licence
	if src := n.e.sourceIndex[l.Source]; src != nil && strings.TrimSpace(src.URL) == strings.TrimSpace(l.BoardURL) {
		l.BoardURL = ""
	}
	return &licenceView{Text: oneLine(licenceLine(&l, false)), Required: l.Required, Ref: n.ref(l.Source)}
}

// buildPay shows the national pay figure with what it covers, the
// student's state's figure beside it when the data has one from the same
// release or one older (labelled with its date and whether it is a mean or
// a median), otherwise where to find the state's pay, and the outlook.
func buildPay(p *PathResult, n *notes) payView {
	s := p.Salary
	// what the figure covers; the data's longer note is in the text report
	about := oneLine(s.Note)
	if s.Covers != "" {
		about = "Covers " + sentence(oneLine(s.Covers))
	}
	detail := PayLabel(s)
	text := PayLabel(s) + " " + Dollars(s.Median) + " a " + s.Period()
	if s.Estimate {
		detail = "our estimate, not a BLS median"
	}
	if s.Low > 0 || s.High > 0 {
		detail += fmt.Sprintf("; range %s–%s", Dollars(s.Low), Dollars(s.High))
		text += fmt.Sprintf(" (range %s–%s)", Dollars(s.Low), Dollars(s.High))
	}
	pv := payView{National: figureView{Where: "United States",
		Figure: fmt.Sprintf("%s a %s", Dollars(s.Median), s.Period()),
		Detail: detail, Text: text,
		AsOf: asOfText(s.AsOf), About: about, Status: StatusLabel(s.Status),
		Unconfirmed: s.Status == StatusUnconfirmed, Ref: n.ref(s.Source)}}
	switch {
	case s.State != nil:
		st := s.State
		per := cmpOr(st.Per, s.Period())
		asOf := asOfText(st.AsOf)
		if st.AsOf != s.AsOf {
			asOf += " (one release before the national figure)"
		}
		pv.State = &figureView{Where: st.Name, Figure: fmt.Sprintf("%s a %s", Dollars(st.Amount), per),
			Detail: st.Kind, Text: fmt.Sprintf("%s %s a %s", st.Kind, Dollars(st.Amount), per),
			AsOf: asOf, About: oneLine(st.Note), Status: noteStatus(st.Status),
			Unconfirmed: st.Status == StatusUnconfirmed, Ref: n.ref(st.Source)}
	case s.SalaryFinder != nil:
		f := s.SalaryFinder
		pv.Finder = &finderView{Text: "No " + f.Name + " figure from the same release was found, so the pay above is national; see",
			Link: "CareerOneStop's Salary Finder for " + f.Name, URL: f.URL, Ref: n.ref(f.Source)}
	}
	o := p.Outlook
	pv.Outlook = figureView{Where: "United States", Text: OutlookLine(o), About: oneLine(o.Note), Status: noteStatus(o.Status),
		Unconfirmed: o.Status == StatusUnconfirmed}
	if o.Period != "" {
		pv.Outlook.Ref = n.ref(o.Source)
	}
	return pv
}

// buildLevers words the recommended path's levers: what each would meet and
// the answer changes, in the questions' words. A route the plan already
// opens (now or after a step) is left out, since the plan is the change, and
// so is a route to a credential the student holds. Unmet
// requirements of the path come first, then the routes of the credential
// the plan aims at (target), then the rest.
func buildLevers(p *PathResult, target string, held []string) ([]leverView, int) {
	routes, skip := map[string]string{}, map[string]bool{} // route name -> credential
	for _, c := range p.Certifications {
		name := routeName(c.Credential, c.Route)
		routes[name] = c.Credential
		skip[name] = c.Eligible != EligibleNo || c.Held
	}
	var levers []Lever
	for _, l := range p.WhatWouldChange {
		heldRoute := slices.ContainsFunc(held, func(name string) bool { return strings.HasPrefix(l.What, name+" route ") })
		if !skip[l.What] && !heldRoute {
			levers = append(levers, l)
		}
	}
	rank := func(l Lever) int {
		cred, isRoute := routes[l.What]
		switch {
		case !isRoute:
			return 0 // a requirement of the path
		case cred == target:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(levers, func(x, y Lever) int { return cmp.Compare(rank(x), rank(y)) })
	var out []leverView
	for _, l := range levers[:min(handoutLevers, len(levers))] {
		lv := leverView{What: strings.TrimSuffix(oneLine(l.What), ".")}
		for _, c := range l.Changes {
			lv.Changes = append(lv.Changes, changeWords(c))
		}
		out = append(out, lv)
	}
	return out, max(0, len(levers)-handoutLevers)
}

// heldNames are the names of the credentials the answers hold ("MLT(ASCP)").
func (e *Engine) heldNames(a Answers) []string {
	ids, _ := a[idCertificationsHeld].([]string)
	var out []string
	for _, id := range ids {
		if i, ok := e.credIndex[id]; ok {
			out = append(out, e.credentials[i].Name)
		}
	}
	return out
}

// routeName names a route as [Engine.WhatWouldChange] does: "MLT(ASCP) route 1".
func routeName(credential, route string) string { return credential + " route " + route }

// changeWords writes an answer change in the question's words:
// "Years working in a clinical lab: 0 years → 1 year".
func changeWords(c Change) string {
	name := c.label
	if name == "" {
		name = oneLine(c.Prompt)
	}
	from, to := c.FromText, c.ToText
	if from == "" && to == "" {
		from, to = yamlValue(c.From), yamlValue(c.To)
	}
	return fmt.Sprintf("%s: %s → %s", name, oneLine(from), oneLine(to))
}
