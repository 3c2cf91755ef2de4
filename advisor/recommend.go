package advisor

import (
	"cmp"
	"slices"

	"github.com/expr-lang/expr/vm"
)

// Eligibility says whether a person meets a certification route.
type Eligibility string

// Eligibility of a certification route.
const (
	EligibleNow       Eligibility = "now"        // met by the answers as they are
	EligibleAfterPlan Eligibility = "after_plan" // met after a step of the plan
	EligibleNo        Eligibility = "no"
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
	ID         string   `json:"id"`
	Kind       StepKind `json:"kind"`
	Title      string   `json:"title"`
	Detail     string   `json:"detail,omitempty"`
	Months     Span     `json:"months"`
	Cost       Span     `json:"cost"`
	StartMonth Span     `json:"start_month"`
	Later      bool     `json:"later"`
	Credential string   `json:"credential,omitempty"`
	Note       string   `json:"note,omitempty"`
	Source     string   `json:"source,omitempty"`
}

// RouteResult is a credential route and whether the student meets it.
type RouteResult struct {
	CredentialID string      `json:"credential_id"`
	Credential   string      `json:"credential"`
	Route        string      `json:"route"`
	Summary      string      `json:"summary"`
	Eligible     Eligibility `json:"eligible"`
	AfterStep    string      `json:"after_step,omitempty"`
	Because      string      `json:"because"`
	Met          []string    `json:"met"`
	Unmet        []string    `json:"unmet"`
	Status       Status      `json:"status"`
	Source       string      `json:"source"`
	Held         bool        `json:"held"`
}

// LicenceInfo says whether the student's state licenses this work.
type LicenceInfo struct {
	State    string `json:"state"`
	Name     string `json:"name"`
	Required bool   `json:"required"`
	Note     string `json:"note,omitempty"`
	Status   Status `json:"status"`
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
	Status Status `json:"status"`
	Note   string `json:"note,omitempty"`
}

// OutlookInfo is projected growth with its source.
type OutlookInfo struct {
	GrowthPct float64 `json:"growth_pct"`
	Period    string  `json:"period"`
	Openings  int     `json:"openings,omitempty"`
	Source    string  `json:"source"`
	Status    Status  `json:"status"`
	Note      string  `json:"note,omitempty"`
}

// SourceInfo is a cited source.
type SourceInfo struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	AsOf      string `json:"as_of"`
	Status    Status `json:"status"`
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
// give the same result. Paths rank by score, highest first; on an equal score
// the one listed first by [Engine.Paths] ranks higher, so a tie never depends
// on file names or on the order files were read in.
func (e *Engine) Recommend(a Answers) *Recommendation {
	env := e.envFor(a)
	var m vm.VM
	r := &Recommendation{Disclaimer: e.disclaimer, answers: a}

	scores, reasons := e.score(&m, env, true)

	// Rank first (by score, then the index into e.paths: the documented tie
	// key), then build each result in its place; all plans share one
	// allocation.
	order := make([]int, len(e.paths))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Or(cmp.Compare(scores[y], scores[x]), cmp.Compare(x, y)) })
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

	if code, ok := env[idState].(string); ok {
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
