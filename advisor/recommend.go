package advisor

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

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
	// Interests is the student's interest profile from the activity
	// inventory (skipped when it was not taken).
	Interests  *InterestProfile `json:"interests"`
	State      *LicenceInfo     `json:"state,omitempty"`
	Sources    []SourceInfo     `json:"sources"`
	Disclaimer string           `json:"disclaimer"`

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
	// Current says the person already stands on this path: they hold its
	// credential or do its job now ("you are here").
	Current bool `json:"current"`
	// Route is the certification route the plan follows (nil when the path
	// has no target credential, one is held, or none can be met).
	Route *RouteRef `json:"route,omitempty"`
	// Alternatives are the other routes that can be met, best first, each
	// with the months and cost of its own steps and exam.
	Alternatives []Alternative `json:"alternatives"`
	// Funding names ways to pay that fit the plan, when its cost can go
	// above the person's budget (its high end is more than the budget).
	Funding []FundingInfo `json:"funding,omitempty"`
	// InterestMatch is how the path's O*NET interest profile matches the
	// student's (nil when the profile does not count or the path has none).
	InterestMatch *InterestMatch `json:"interest_match"`

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

// RouteRef names a certification route.
type RouteRef struct {
	Credential string `json:"credential"`
	Route      string `json:"route"`
}

// Alternative is a route the plan could follow instead, with the months and
// cost of its own steps and exam (the licence and first job come on top, as
// for the plan).
type Alternative struct {
	Credential string      `json:"credential"`
	Route      string      `json:"route"`
	Eligible   Eligibility `json:"eligible"`
	Months     Span        `json:"months"`
	Cost       Span        `json:"cost"`
	Status     Status      `json:"status"`
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
	// Note is the route's caveat (a time window, what cannot be checked).
	Note string `json:"note,omitempty"`
	// Steps, Months and Cost are what meeting the route takes on this path:
	// its steps' titles, and their months and cost with the exam.
	Steps  []string `json:"steps,omitempty"`
	Months Span     `json:"months,omitzero"`
	Cost   Span     `json:"cost,omitzero"`
	// Chosen marks the route the plan follows.
	Chosen bool `json:"chosen,omitempty"`
}

// LicenceInfo says whether the student's state licenses this work and, on
// a path with the state's lab licence step, what that licence is and takes
// at the path's level.
type LicenceInfo struct {
	State    string `json:"state"`
	Name     string `json:"name"`
	Required bool   `json:"required"`
	Note     string `json:"note,omitempty"`
	Status   Status `json:"status"`
	Source   string `json:"source"`
	// Title is the licence at the path's level, as the state names it.
	Title    string `json:"title,omitempty"`
	Board    string `json:"board,omitempty"`
	BoardURL string `json:"board_url,omitempty"`
	Months   Span   `json:"months,omitzero"`
	Cost     Span   `json:"cost,omitzero"`
	// Fee says how the cost is made up, or that it is not confirmed.
	Fee       string `json:"fee,omitempty"`
	FeeStatus Status `json:"fee_status,omitempty"`
	// NationalExam says whether a national certification meets the exam
	// requirement; Trainee the trainee licence and approved training.
	NationalExam string `json:"national_exam,omitempty"`
	Trainee      string `json:"trainee,omitempty"`
	Renewal      string `json:"renewal,omitempty"`
	// LicenceStatus is how sure the licence facts are (Status is how sure
	// the state's place on the licensing list is). With licence facts,
	// Source is their source.
	LicenceStatus Status `json:"licence_status,omitempty"`
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
	// Covers says what the figure covers ("phlebotomists"); it is shown
	// beside the figure wherever it appears.
	Covers string `json:"covers,omitempty"`
	// Estimate marks the project's own estimate, never a BLS median.
	Estimate bool   `json:"estimate,omitempty"`
	SOC      string `json:"soc,omitempty"`
	// State is the person's state's figure, when the data has one from the
	// same release as the national figure or one release older.
	State *StatePayInfo `json:"state,omitempty"`
	// SalaryFinder points to the state's pay on CareerOneStop when the data
	// has no state figure to show (the figure above is national).
	SalaryFinder *FinderInfo `json:"salary_finder,omitempty"`
}

// StatePayInfo is one state's pay figure, with its release and whether it
// is a mean or a median.
type StatePayInfo struct {
	State  string `json:"state"`
	Name   string `json:"name"`
	Amount int    `json:"amount"`
	Kind   string `json:"kind"`
	Per    string `json:"per"`
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
	Status Status `json:"status"`
	Note   string `json:"note,omitempty"`
}

// FinderInfo is where to look up a state's pay: CareerOneStop's Salary
// Finder for the occupation and state.
type FinderInfo struct {
	State  string `json:"state"`
	Name   string `json:"name"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

// FundingInfo is a way to pay for a plan that can cost more than the budget.
type FundingInfo struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Text   string `json:"text"`
	Source string `json:"source"`
	Status Status `json:"status"`
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

// standing is what is worked out from the answers before any path is
// ranked: the condition environment (with eligible_now), what the routes
// need now, and which paths the person already stands on.
type standing struct {
	env     map[string]any
	now     nowTable
	unsure  []string // credentials only an unconfirmed route opens now
	current []bool   // per path (nil in a cohort row: top asks as it goes)
	last    bool     // paths the person stands on rank last (current_last_when)
	scores  []int
	reasons [][]Reason
	order   []int // path indexes, best first
	profile *InterestProfile
	matches []*InterestMatch // per path, with reasons (nil when the profile does not count)
}

// stand evaluates the routes, the current paths and the rules, and ranks the
// paths: by score, highest first, except that paths the person already
// stands on go last when current_last_when holds (someone moving on is not
// sent back to the job they have); on an equal score the one listed first
// by [Engine.Paths] ranks higher, so a tie never depends on file names or on
// the order files were read in.
func (e *Engine) stand(m *vm.VM, a Answers, withReasons bool) standing {
	return e.standIn(m, make(map[string]any, len(e.condQs)+2), a, withReasons)
}

// standIn is stand with the environment map given (filled here), so a
// cohort can reuse one map per student.
func (e *Engine) standIn(m *vm.VM, env map[string]any, a Answers, withReasons bool) standing {
	s := standing{env: e.fillCondEnv(env, a)}
	held, _ := s.env[idCertificationsHeld].([]string)
	s.now = e.evalNow(m, s.env, withReasons)
	var ok []string
	ok, s.unsure = e.eligibleLists(s.now, held)
	s.env[eligibleNowVar] = ok
	s.last = !e.currentLast.IsZero() && eval(m, &e.currentLast, s.env)
	if withReasons {
		// a report shows every path's; a cohort row asks only as many as it
		// must (see top)
		s.current = make([]bool, len(e.paths))
		for i, p := range e.paths {
			s.current[i] = e.isCurrent(m, p, s.env)
		}
	}
	s.scores, s.reasons = e.score(m, s.env, withReasons)
	s.profile = e.profile(m, s.env, a)
	s.matches = e.scoreInterests(s.profile, s.scores, s.reasons)
	s.order = make([]int, len(e.paths))
	for i := range s.order {
		s.order[i] = i
	}
	back := func(i int) int {
		if s.last && s.current != nil && s.current[i] {
			return 1
		}
		return 0
	}
	slices.SortFunc(s.order, func(x, y int) int {
		return cmp.Or(cmp.Compare(back(x), back(y)), cmp.Compare(s.scores[y], s.scores[x]), cmp.Compare(x, y))
	})
	return s
}

// Top returns the top-ranked path and its plan only: what a cohort report
// needs, at a fraction of the cost of [Engine.Recommend]. It ranks and plans
// exactly as Recommend does, but leaves out the words a cohort row does not
// show (the certification routes, the timeline and budget notes, funding).
func (e *Engine) Top(a Answers) PathResult {
	pr, _, _, _ := e.top(a)
	return pr
}

// top is Top with the credentials the person could sit now, by a confirmed
// route (ok) and only by an unconfirmed one (unsure), by name, and the
// person's interest code ("" when the profile does not count).
func (e *Engine) top(a Answers) (pr PathResult, ok, unsure []string, code string) {
	var m vm.VM
	env, _ := e.envPool.Get().(map[string]any)
	if env == nil {
		env = make(map[string]any, len(e.questions)+2)
	}
	defer e.envPool.Put(env)
	s := e.standIn(&m, env, a, false)
	// s.order ranks by score alone here; when paths the person stands on go
	// last, the best is the first that is not one (or the first, if all are)
	best := s.order[0]
	current := e.isCurrent(&m, e.paths[best], s.env)
	if s.last && current {
		for _, i := range s.order[1:] {
			if !e.isCurrent(&m, e.paths[i], s.env) {
				best, current = i, false
				break
			}
		}
	}
	p := e.paths[best]
	e.fillNow(&m, s.env, s.now, p.targets)
	pr = PathResult{Rank: 1, ID: p.ID, Title: p.Title, Level: p.Level, Score: s.scores[best],
		Fit: e.fitLabel(s.scores[best]), Current: current, path: p}
	e.plan(&m, p, s.env, s.now, &pr, nil)
	return pr, e.credentialNames(s.env[eligibleNowVar].([]string)), e.credentialNames(s.unsure), s.profile.Code
}

// isCurrent reports whether the person already stands on path p.
func (e *Engine) isCurrent(m *vm.VM, p *Path, env map[string]any) bool {
	return !p.CurrentIf.IsZero() && eval(m, &p.CurrentIf, env)
}

// credentialNames names credentials by id, as their bodies write them.
func (e *Engine) credentialNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = e.credentials[e.credIndex[id]].Name
	}
	return out
}

// Recommend ranks every path for the answers and builds each one's plan,
// routes and figures. It is pure and deterministic: the same data and answers
// give the same result. The ranking is [Engine.stand]'s.
func (e *Engine) Recommend(a Answers) *Recommendation {
	var m vm.VM
	r := &Recommendation{Disclaimer: e.disclaimer, answers: a}
	s := e.stand(&m, a, true)
	env, scores, reasons, order := s.env, s.scores, s.reasons, s.order

	// build each result in its place; each plan is made in a scratch slice
	// and copied into one shared allocation, so plans take only the room
	// their steps need
	steps := make([]PlanStep, 0, e.maxSteps/2)
	scratch := make([]PlanStep, 0, 16)
	cited := make(citations, len(e.sources))
	r.Paths = make([]PathResult, len(e.paths))
	for rank, i := range order {
		p := e.paths[i]
		pr := &r.Paths[rank]
		*pr = PathResult{
			Rank: rank + 1, ID: p.ID, Title: p.Title, Level: p.Level, Summary: p.Summary,
			Score: scores[i], Fit: e.fitLabel(scores[i]), Reasons: reasons[i], Current: s.current[i], path: p,
		}
		if s.matches != nil {
			pr.InterestMatch = s.matches[i]
			if pi := p.InterestProfile; pi != nil {
				cited.add(pi.Source.ID)
			}
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
		pr.Plan = scratch[:0]
		e.plan(&m, p, env, s.now, pr, cited)
		scratch = pr.Plan[:0]
		start := len(steps)
		steps = append(steps, pr.Plan...)
		pr.Plan = steps[start:len(steps):len(steps)]
		pr.Salary = e.salaryInfo(p, env, cited)
		pr.Outlook = OutlookInfo{GrowthPct: p.Outlook.GrowthPct, Period: p.Outlook.Period, Openings: p.Outlook.Openings,
			Source: p.Outlook.Source.ID, Status: p.Outlook.Status, Note: p.Outlook.Note}
		cited.add(p.Salary.Source.ID)
		cited.add(p.Outlook.Source.ID)
	}
	r.Recommended = r.Paths[0].ID

	if code, ok := env[idState].(string); ok {
		if s := e.stateIndex[code]; s != nil {
			r.State = e.licenceInfo(s)
			cited.add(s.Source.ID)
		}
	}
	r.Interests = s.profile
	r.Assumed = []Assumption{}
	for _, q := range e.questions {
		// the inventory is not assumed: the profile says what was rated
		if _, ok := a[q.ID]; !ok && !e.InInventory(q) && eval(&m, &q.ShowIf, env) {
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

// levelLicence is the state's licence at a path's level, or nil when the
// data does not have it.
func levelLicence(s *State, level string) *LicenceLevel {
	if s == nil || s.Licence == nil {
		return nil
	}
	if level == LevelTechnologist {
		return s.Licence.Technologist
	}
	return s.Licence.Technician
}

// pathLicenceInfo is licenceInfo with the licence the path's level needs.
func (e *Engine) pathLicenceInfo(s *State, level string) *LicenceInfo {
	li := e.licenceInfo(s)
	l := s.Licence
	if l == nil {
		return li
	}
	li.Board, li.BoardURL = l.Board, l.URL
	li.NationalExam, li.Trainee, li.Renewal = l.NationalExam, l.Trainee, l.Renewal
	li.Source, li.LicenceStatus = l.Source.ID, l.Status
	if lv := levelLicence(s, level); lv != nil {
		li.Title, li.Fee = lv.Title, lv.Fee
		li.Months, li.Cost = Span{lv.Months.Min, lv.Months.Max}, Span{lv.Cost.Min, lv.Cost.Max}
		li.FeeStatus = cmp.Or(lv.Status, l.Status)
	}
	return li
}

// salaryInfo is a path's pay with what it covers, the person's state's
// figure when the data has one from the same release or one older, and
// otherwise a pointer to the state's pay on CareerOneStop.
func (e *Engine) salaryInfo(p *Path, env map[string]any, cited citations) SalaryInfo {
	s := p.Salary
	si := SalaryInfo{Median: s.Median, Low: s.Low, High: s.High, Per: s.Per, AsOf: s.AsOf, Source: s.Source.ID,
		Status: s.Status, Note: s.Note, Covers: s.Covers, Estimate: s.Estimate, SOC: s.SOC}
	code, _ := env[idState].(string)
	st := e.stateIndex[code]
	if st == nil || s.SOC == "" {
		return si
	}
	if sp := e.statePayIndex[s.SOC][code]; sp != nil && sameOrPreviousRelease(sp.AsOf, s.AsOf) {
		si.State = &StatePayInfo{State: code, Name: st.Name, Amount: sp.Amount, Kind: sp.Kind, Per: cmp.Or(sp.Per, s.Per),
			AsOf: sp.AsOf, Source: sp.Source.ID, Status: sp.Status, Note: sp.Note}
		cited.add(sp.Source.ID)
		return si
	}
	if src := e.sourceIndex[e.salaryFinder.ID]; src != nil {
		si.SalaryFinder = &FinderInfo{State: code, Name: st.Name, URL: p.finderURL(code), Source: src.ID}
		cited.add(src.ID)
	}
	return si
}

// sameOrPreviousRelease reports whether a state figure of date d is from the
// release of the national figure n or the one before (releases are yearly);
// a figure that cannot be dated, or a newer one, is not shown beside it.
func sameOrPreviousRelease(d, n string) bool {
	dm, ok1 := parseMonth(d)
	nm, ok2 := parseMonth(n)
	if !ok1 || !ok2 || dm.yearOnly || nm.yearOnly {
		return false
	}
	gap := nm.index() - dm.index()
	return gap >= 0 && gap <= 12
}

// finderURL is salaryFinderURL for the path's occupation in a state; the
// parts around the state were worked out at load (linkFinder).
func (p *Path) finderURL(state string) string {
	return p.finderHead + url.QueryEscape(state) + p.finderTail
}

// linkFinder works out each path's Salary Finder address but for the state.
func (e *Engine) linkFinder() {
	src := e.sourceIndex[e.salaryFinder.ID]
	if src == nil {
		return
	}
	for _, p := range e.paths {
		u := salaryFinderURL(src.URL, p.Salary.Occupation, p.Salary.SOC, "\x00")
		p.finderHead, p.finderTail, _ = strings.Cut(u, "%00")
	}
}

// salaryFinderURL is CareerOneStop's Salary Finder for an occupation in a
// state: base?keyword=<title>&soccode=<6 digits>&location=<state>.
func salaryFinderURL(base, occupation, soc, state string) string {
	q := url.Values{}
	q.Set("keyword", occupation)
	q.Set("soccode", strings.ReplaceAll(soc, "-", ""))
	q.Set("location", state)
	return base + "?" + q.Encode()
}

// fundingFor lists the ways to pay that fit a plan: their condition holds,
// they name the path (or none), and the plan has a paid step of a kind
// they cover (or they name no kind).
func (e *Engine) fundingFor(m *vm.VM, p *Path, env map[string]any, plan []PlanStep, cited citations) []FundingInfo {
	var out []FundingInfo
	for _, f := range e.funding {
		if !f.When.IsZero() && !eval(m, &f.When, env) {
			continue
		}
		if len(f.Paths) > 0 && !slices.ContainsFunc(f.Paths, func(r Ref) bool { return r.ID == p.ID }) {
			continue
		}
		if len(f.StepKinds) > 0 && !slices.ContainsFunc(plan, func(s PlanStep) bool {
			return !s.Later && s.Cost.Max > 0 && slices.Contains(f.StepKinds, s.Kind)
		}) {
			continue
		}
		out = append(out, FundingInfo{ID: f.ID, Name: f.Name, Text: f.Text, Source: f.Source.ID, Status: f.Status})
		cited.add(f.Source.ID)
	}
	return out
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
