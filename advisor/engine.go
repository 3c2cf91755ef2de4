package advisor

import (
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/vm"
)

// Engine holds the loaded, validated data and answers questions about it.
// It is read-only after [Load] and safe for concurrent use.
type Engine struct {
	sections    []*Section
	questions   []*Question
	levels      []*Level
	paths       []*Path
	bodies      []*Body
	credentials []*Credential
	states      []*State
	rules       []*Rule
	sources     []*Source
	faq         []*FAQ
	examples    []*Example
	fit         []FitBand
	fitFile     string
	fitPos      Pos
	disclaimer  string

	sectionIndex  map[string]int
	questionIndex map[string]int
	pathIndex     map[string]int
	credIndex     map[string]int
	sourceIndex   map[string]*Source
	stateIndex    map[string]*State
	licensing     []string
	env           map[string]any
	progCache     map[string]*vm.Program
	conds         condBudget   // the cost of the conditions (cond.go)
	maxSteps      int          // the steps of all paths together, to size one allocation
	conf          *conf.Config // compile configuration, built on first use
}

func newEngine() *Engine {
	return &Engine{
		sectionIndex:  map[string]int{},
		questionIndex: map[string]int{},
		pathIndex:     map[string]int{},
		credIndex:     map[string]int{},
		sourceIndex:   map[string]*Source{},
		stateIndex:    map[string]*State{},
		progCache:     map[string]*vm.Program{},
	}
}

// Questions returns every question in questionnaire order.
func (e *Engine) Questions() []*Question { return e.questions }

// Question returns the question with id, or nil.
func (e *Engine) Question(id string) *Question { return e.question(id) }

func (e *Engine) question(id string) *Question {
	if i, ok := e.questionIndex[id]; ok {
		return e.questions[i]
	}
	return nil
}

// Section returns the section with id, or nil.
func (e *Engine) Section(id string) *Section {
	if i, ok := e.sectionIndex[id]; ok {
		return e.sections[i]
	}
	return nil
}

// Sections returns the sections in order.
func (e *Engine) Sections() []*Section { return e.sections }

// Levels returns the technician and technologist level descriptions.
func (e *Engine) Levels() []*Level { return e.levels }

// Paths returns every path in data order.
func (e *Engine) Paths() []*Path { return e.paths }

// Path returns the path with id, or nil.
func (e *Engine) Path(id string) *Path {
	if i, ok := e.pathIndex[id]; ok {
		return e.paths[i]
	}
	return nil
}

// FAQ returns the answers to common questions.
func (e *Engine) FAQ() []*FAQ { return e.faq }

// Source returns the source with id, or nil.
func (e *Engine) Source(id string) *Source { return e.sourceIndex[id] }

// Disclaimer returns the plain disclaimer every report carries.
func (e *Engine) Disclaimer() string { return e.disclaimer }

// Default returns a question's default value.
func (q *Question) DefaultValue() any { return q.def }

// Eligibility of a certification route.
const (
	EligibleNow       = "now"
	EligibleAfterPlan = "after_plan"
	EligibleNo        = "no"
)

// Recommendation is the whole result for one set of answers.
type Recommendation struct {
	Recommended string       `json:"recommended"`
	Paths       []PathResult `json:"paths"`
	Assumed     []Assumption `json:"assumed"`
	State       *LicenceInfo `json:"state,omitempty"`
	Sources     []SourceInfo `json:"sources"`
	Disclaimer  string       `json:"disclaimer"`

	answers Answers
}

// Answers returns the answers the recommendation was made from.
func (r *Recommendation) Answers() Answers { return r.answers }

// Assumption is an unanswered question whose default was used.
type Assumption struct {
	ID     string `json:"id"`
	Prompt string `json:"prompt"`
	Value  any    `json:"value"`
}

// PathResult is one ranked path with everything the student needs to know.
type PathResult struct {
	Rank           int           `json:"rank"`
	ID             string        `json:"id"`
	Title          string        `json:"title"`
	Level          string        `json:"level"`
	Score          int           `json:"score"`
	Fit            string        `json:"fit"`
	Summary        string        `json:"summary"`
	Reasons        []Reason      `json:"reasons"`
	Gates          []GateResult  `json:"gates"`
	Plan           []PlanStep    `json:"plan"`
	TotalMonths    Span          `json:"total_months"`
	TotalCost      Span          `json:"total_cost"`
	FitsTimeline   bool          `json:"fits_timeline"`
	FitsBudget     bool          `json:"fits_budget"`
	TimelineNote   string        `json:"timeline_note"`
	BudgetNote     string        `json:"budget_note"`
	Certifications []RouteResult `json:"certifications"`
	Licence        *LicenceInfo  `json:"licence,omitempty"`
	Salary         SalaryInfo    `json:"salary"`
	Outlook        OutlookInfo   `json:"outlook"`
	// WhatWouldChange is filled for the top paths by reports: unmet gates and
	// routes with the smallest answer change that meets them.
	WhatWouldChange []Lever `json:"what_would_change,omitempty"`

	path *Path
}

// Path returns the data the result was computed from.
func (p *PathResult) Path() *Path { return p.path }

// Reason is a rule that fired for this path.
type Reason struct {
	Rule    string   `json:"rule"`
	Because string   `json:"because"`
	Delta   int      `json:"delta"`
	Reads   []string `json:"reads"`
}

// GateResult is a path requirement, met or not, with the bridge that meets it.
type GateResult struct {
	ID      string `json:"id"`
	Met     bool   `json:"met"`
	Because string `json:"because"`
	Bridge  string `json:"bridge,omitempty"`
}

// Span is a low-high range of months or dollars.
type Span struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// PlanStep is one step of a personal plan.
type PlanStep struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	Title      string `json:"title"`
	Detail     string `json:"detail,omitempty"`
	Months     Span   `json:"months"`
	Cost       Span   `json:"cost"`
	StartMonth Span   `json:"start_month"`
	Later      bool   `json:"later"`
	Credential string `json:"credential,omitempty"`
	Note       string `json:"note,omitempty"`
	Source     string `json:"source,omitempty"`
}

// RouteResult is a credential route and whether the student meets it.
type RouteResult struct {
	CredentialID string   `json:"credential_id"`
	Credential   string   `json:"credential"`
	Route        string   `json:"route"`
	Summary      string   `json:"summary"`
	Eligible     string   `json:"eligible"`
	AfterStep    string   `json:"after_step,omitempty"`
	Because      string   `json:"because"`
	Met          []string `json:"met"`
	Unmet        []string `json:"unmet"`
	Status       string   `json:"status"`
	Source       string   `json:"source"`
	Held         bool     `json:"held"`
}

// LicenceInfo says whether the student's state licenses this work.
type LicenceInfo struct {
	State    string `json:"state"`
	Name     string `json:"name"`
	Required bool   `json:"required"`
	Note     string `json:"note,omitempty"`
	Status   string `json:"status"`
	Source   string `json:"source"`
}

// SalaryInfo is pay with its source and date.
type SalaryInfo struct {
	Median int    `json:"median"`
	Low    int    `json:"low"`
	High   int    `json:"high"`
	Per    string `json:"per"`
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
}

// OutlookInfo is projected growth with its source.
type OutlookInfo struct {
	GrowthPct float64 `json:"growth_pct"`
	Period    string  `json:"period"`
	Openings  int     `json:"openings,omitempty"`
	Source    string  `json:"source"`
	Status    string  `json:"status"`
	Note      string  `json:"note,omitempty"`
}

// SourceInfo is a cited source.
type SourceInfo struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	AsOf      string `json:"as_of"`
	Status    string `json:"status"`
}

// citations collects the ids of the sources a result cites; nil collects nothing.
type citations map[string]bool

func (c citations) add(id string) {
	if c != nil {
		c[id] = true
	}
}

// score runs every rule and returns each path's total; with reasons set, it
// also returns the reasons, sharing one allocation.
func (e *Engine) score(m *vm.VM, env map[string]any, withReasons bool) ([]int, [][]Reason) {
	scores := make([]int, len(e.paths))
	if !withReasons {
		for _, rule := range e.rules {
			if eval(m, &rule.When, env) {
				for _, d := range rule.score {
					scores[d.path] += d.delta
				}
			}
		}
		return scores, nil
	}
	counts := make([]int, len(e.paths))
	fired := make([]*Rule, 0, len(e.rules))
	total := 0
	for _, rule := range e.rules {
		if !eval(m, &rule.When, env) {
			continue
		}
		fired = append(fired, rule)
		for _, d := range rule.score {
			scores[d.path] += d.delta
			counts[d.path]++
			total++
		}
	}
	backing := make([]Reason, total)
	reasons := make([][]Reason, len(e.paths))
	off := 0
	for i, n := range counts {
		reasons[i] = backing[off : off : off+n]
		off += n
	}
	for _, rule := range fired {
		for _, d := range rule.score {
			reasons[d.path] = append(reasons[d.path], Reason{Rule: rule.ID, Because: rule.Because, Delta: d.delta, Reads: rule.reads})
		}
	}
	return scores, reasons
}

// Top returns the top-ranked path and its plan only: what a cohort report
// needs, at a fraction of the cost of [Engine.Recommend]. It ranks exactly as
// Recommend does.
func (e *Engine) Top(a Answers) PathResult {
	env := e.envFor(a)
	var m vm.VM
	scores, _ := e.score(&m, env, false)
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i // ties keep the earlier path, as the stable sort in Recommend does
		}
	}
	p := e.paths[best]
	pr := PathResult{Rank: 1, ID: p.ID, Title: p.Title, Level: p.Level, Score: scores[best], Fit: e.fitLabel(scores[best]), path: p}
	e.plan(&m, p, env, &pr, nil)
	return pr
}

// Recommend ranks every path for the answers and builds each one's plan,
// routes and figures. It is pure and deterministic: the same data and answers
// give the same result.
func (e *Engine) Recommend(a Answers) *Recommendation {
	env := e.envFor(a)
	var m vm.VM
	r := &Recommendation{Disclaimer: e.disclaimer, answers: a}

	scores, reasons := e.score(&m, env, true)

	// Rank first (by score, data order breaking ties), then build each
	// result in its place; all plans share one allocation.
	order := make([]int, len(e.paths))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return scores[y] - scores[x] })
	steps := make([]PlanStep, 0, e.maxSteps)
	cited := make(citations, len(e.sources))
	r.Paths = make([]PathResult, len(e.paths))
	for rank, i := range order {
		p := e.paths[i]
		pr := PathResult{
			Rank: rank + 1, ID: p.ID, Title: p.Title, Level: p.Level, Summary: p.Summary,
			Score: scores[i], Fit: e.fitLabel(scores[i]), Reasons: reasons[i], path: p,
		}
		if pr.Reasons == nil {
			pr.Reasons = []Reason{}
		}
		// strongest reasons first, rule order breaking ties
		slices.SortStableFunc(pr.Reasons, func(x, y Reason) int { return abs(y.Delta) - abs(x.Delta) })
		pr.Gates = []GateResult{}
		for gi := range p.Gates {
			g := &p.Gates[gi]
			gr := GateResult{ID: g.ID, Met: eval(&m, &g.When, env), Because: g.Because}
			if !gr.Met {
				gr.Bridge = g.Bridge
			}
			pr.Gates = append(pr.Gates, gr)
		}
		pr.Plan = steps[len(steps) : len(steps) : len(steps)+len(p.Steps)]
		e.plan(&m, p, env, &pr, cited)
		steps = steps[:len(steps)+len(pr.Plan)]
		pr.Certifications = e.routes(&m, p, env, pr.Plan, cited)
		pr.Salary = SalaryInfo{Median: p.Salary.Median, Low: p.Salary.Low, High: p.Salary.High, Per: p.Salary.Per,
			AsOf: p.Salary.AsOf, Source: p.Salary.Source.ID, Status: p.Salary.Status, Note: p.Salary.Note}
		pr.Outlook = OutlookInfo{GrowthPct: p.Outlook.GrowthPct, Period: p.Outlook.Period, Openings: p.Outlook.Openings,
			Source: p.Outlook.Source.ID, Status: p.Outlook.Status, Note: p.Outlook.Note}
		cited.add(p.Salary.Source.ID)
		cited.add(p.Outlook.Source.ID)
		r.Paths[rank] = pr
	}
	r.Recommended = r.Paths[0].ID

	if code, ok := env["state"].(string); ok {
		if s := e.stateIndex[code]; s != nil {
			r.State = e.licenceInfo(s)
			cited.add(s.Source.ID)
		}
	}
	r.Assumed = []Assumption{}
	for _, q := range e.questions {
		if _, ok := a[q.ID]; !ok && eval(&m, &q.ShowIf, env) {
			r.Assumed = append(r.Assumed, Assumption{ID: q.ID, Prompt: q.Prompt, Value: q.def})
		}
	}
	r.Sources = make([]SourceInfo, 0, len(cited))
	for _, s := range e.sources {
		if cited[s.ID] {
			r.Sources = append(r.Sources, SourceInfo{ID: s.ID, Publisher: s.Publisher, Title: s.Title, URL: s.URL, AsOf: s.AsOf, Status: s.Status})
		}
	}
	return r
}

func (e *Engine) licenceInfo(s *State) *LicenceInfo {
	return &LicenceInfo{State: s.Code, Name: s.Name, Required: s.Licenses, Note: s.Note, Status: s.Status, Source: s.Source.ID}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (e *Engine) fitLabel(score int) string {
	for _, b := range e.fit {
		if score >= b.Min {
			return b.Label
		}
	}
	return e.fit[len(e.fit)-1].Label
}

// plan picks the steps that apply, in order, and totals the time and cost to a
// first job. Steps after the first job step (advancement) are marked later and
// left out of the totals. An exam step for a credential already held is skipped.
func (e *Engine) plan(m *vm.VM, p *Path, env map[string]any, pr *PathResult, cited citations) {
	held, _ := env["certifications_held"].([]string)
	if pr.Plan == nil {
		pr.Plan = make([]PlanStep, 0, len(p.Steps))
	}
	later := false
	var months, cost Span
	for i := range p.Steps {
		st := &p.Steps[i]
		if !eval(m, &st.When, env) || (!st.SkipIf.IsZero() && eval(m, &st.SkipIf, env)) {
			continue
		}
		if st.Credential.ID != "" && slices.Contains(held, st.Credential.ID) {
			continue
		}
		ps := PlanStep{ID: st.ID, Kind: st.Kind, Title: st.Title, Detail: st.Detail, Note: st.Note,
			Months: Span{st.Months.Min, st.Months.Max}, Cost: Span{st.Cost.Min, st.Cost.Max}, Source: st.Source.ID}
		if st.Credential.ID != "" {
			c := e.credentials[e.credIndex[st.Credential.ID]]
			ps.Credential = c.Name
			if !st.Cost.Set && c.Fee != nil {
				ps.Cost = Span{c.Fee.Amount, c.Fee.Amount}
				ps.Source = c.Fee.Source.ID
			}
		}
		if st.labLicence {
			if code, ok := env["state"].(string); ok {
				if s := e.stateIndex[code]; s != nil && s.Note != "" {
					ps.Note = strings.TrimSpace(strings.Join([]string{ps.Note, s.Name + ": " + s.Note}, " "))
					cited.add(s.Source.ID)
				}
				if s := e.stateIndex[code]; s != nil {
					pr.Licence = e.licenceInfo(s)
				}
			}
		}
		if st.Kind == StepAdvancement {
			later = true
		}
		ps.Later = later
		if !later {
			ps.StartMonth = months
			months.Min += ps.Months.Min
			months.Max += ps.Months.Max
			cost.Min += ps.Cost.Min
			cost.Max += ps.Cost.Max
		}
		if ps.Source != "" {
			cited.add(ps.Source)
		}
		pr.Plan = append(pr.Plan, ps)
		if st.Kind == StepJob {
			later = true
		}
	}
	pr.TotalMonths, pr.TotalCost = months, cost
	if pr.Licence == nil && p.hasLabLicence {
		// the path has a lab licence step that this state does not need: say so
		if code, ok := env["state"].(string); ok {
			if s := e.stateIndex[code]; s != nil {
				pr.Licence = e.licenceInfo(s)
				cited.add(s.Source.ID)
			}
		}
	}

	timeline, _ := env["timeline_months"].(int)
	budget, _ := env["budget"].(int)
	pr.FitsTimeline = months.Min <= timeline
	switch {
	case months.Max <= timeline:
		pr.TimelineNote = "fits your timeline: " + MonthsText(months) + " against your " + strconv.Itoa(timeline) + " months"
	case months.Min <= timeline:
		pr.TimelineNote = "fits your timeline only at the quick end: " + MonthsText(months) + " against your " + strconv.Itoa(timeline) + " months"
	default:
		pr.TimelineNote = "longer than your timeline: " + MonthsText(months) + " against your " + strconv.Itoa(timeline) + " months"
	}
	pr.FitsBudget = cost.Min <= budget
	switch {
	case cost.Max <= budget:
		pr.BudgetNote = "fits your budget: " + DollarSpan(cost) + " against your " + Dollars(budget)
	case cost.Min <= budget:
		pr.BudgetNote = "fits your budget only at the low end: " + DollarSpan(cost) + " against your " + Dollars(budget)
	default:
		pr.BudgetNote = "costs more than your budget: " + DollarSpan(cost) + " against your " + Dollars(budget) + " (ask about financial aid and employer-paid training)"
	}
}

// routes evaluates every route of the credentials the path names. Routes not
// met now are re-checked after each plan step's grants are applied, in order,
// to find the step after which they are met.
func (e *Engine) routes(m *vm.VM, p *Path, env map[string]any, plan []PlanStep, cited citations) []RouteResult {
	ids := e.pathCredentials(p)
	held, _ := env["certifications_held"].([]string)
	n := 0
	for _, id := range ids {
		n += len(e.credentials[e.credIndex[id]].Routes)
	}
	out := make([]RouteResult, 0, n)
	var pending []int // indexes into out of routes not met now
	var pendingRoutes []*Route
	for _, id := range ids {
		c := e.credentials[e.credIndex[id]]
		isHeld := slices.Contains(held, c.ID)
		for ri := range c.Routes {
			rt := &c.Routes[ri]
			rr := RouteResult{CredentialID: c.ID, Credential: c.Name, Route: rt.Route, Summary: rt.Summary,
				Status: rt.Status, Source: rt.Source.ID, Held: isHeld}
			cited.add(rt.Source.ID)
			// met parts fill the backing from the front, unmet from the back
			parts := make([]string, len(rt.Requires))
			met, unmet := 0, len(parts)
			for qi := range rt.Requires {
				req := &rt.Requires[qi]
				if eval(m, &req.When, env) {
					parts[met] = req.Because
					met++
				} else {
					unmet--
					parts[unmet] = req.Because
				}
			}
			rr.Met = parts[:met:met]
			rr.Unmet = parts[unmet:]
			slices.Reverse(rr.Unmet)
			switch {
			case rt.Discontinued:
				rr.Eligible = EligibleNo
				rr.Because = "this route is discontinued"
				if rt.Note != "" {
					rr.Because += " (" + strings.TrimSuffix(strings.TrimSpace(rt.Note), ".") + ")"
				}
			case len(rr.Unmet) == 0:
				rr.Eligible = EligibleNow
				rr.Because = rt.allMet
			default:
				rr.Eligible = EligibleNo
				rr.Because = "not met: " + strings.Join(rr.Unmet, "; ")
				pending = append(pending, len(out))
				pendingRoutes = append(pendingRoutes, rt)
			}
			out = append(out, rr)
		}
	}
	if len(pending) == 0 {
		return out
	}
	// Walk the plan once, applying each step's grants to one copy of the
	// answers, and settle every pending route at the first step that meets it.
	// The grants are applied to env itself and undone before returning, which
	// saves copying the answers for every path.
	saved := map[string]any{}
	defer func() {
		for k, v := range saved {
			env[k] = v
		}
	}()
	cur := env
	for _, ps := range plan {
		st := p.step(ps.ID)
		if st == nil || len(st.grants) == 0 {
			continue
		}
		for k := range st.grants {
			if _, ok := saved[k]; !ok {
				saved[k] = env[k]
			}
		}
		e.applyGrants(cur, st.grants)
		left := pending[:0]
		leftRoutes := pendingRoutes[:0]
		for k, i := range pending {
			if e.allHold(m, pendingRoutes[k], cur) {
				rr := &out[i]
				rr.Eligible = EligibleAfterPlan
				rr.AfterStep = st.Title
				rr.Because = "after \"" + st.Title + "\" you would meet: " + strings.Join(rr.Unmet, "; ")
				continue
			}
			left = append(left, i)
			leftRoutes = append(leftRoutes, pendingRoutes[k])
		}
		pending, pendingRoutes = left, leftRoutes
		if len(pending) == 0 {
			break
		}
	}
	return out
}

func (e *Engine) allHold(m *vm.VM, rt *Route, env map[string]any) bool {
	for qi := range rt.Requires {
		if !eval(m, &rt.Requires[qi].When, env) {
			return false
		}
	}
	return true
}

// applyGrants applies a step's grants to env in place: a list is added to the
// held list; on an ordered question the grant never lowers the answer;
// anything else is set.
func (e *Engine) applyGrants(env map[string]any, grants map[string]any) {
	for id, v := range grants {
		q := e.question(id)
		switch nv := v.(type) {
		case []string:
			cur, _ := env[id].([]string)
			merged := slices.Clone(cur)
			for _, s := range nv {
				if !slices.Contains(merged, s) {
					merged = append(merged, s)
				}
			}
			env[id] = merged
		case int:
			if cur, ok := env[id].(int); ok && q.Ordered && cur > nv {
				continue
			}
			env[id] = nv
		case string:
			if cur, ok := env[id].(string); ok && q.Ordered && q.OptionIndex(cur) > q.OptionIndex(nv) {
				continue
			}
			env[id] = nv
		default:
			env[id] = v
		}
	}
}

// OptionIndex returns the index of the option with value v, or -1.
func (q *Question) OptionIndex(v string) int {
	for i, o := range q.Options {
		if o.Value == v {
			return i
		}
	}
	return -1
}

func (p *Path) step(id string) *Step {
	for i := range p.Steps {
		if p.Steps[i].ID == id {
			return &p.Steps[i]
		}
	}
	return nil
}

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
