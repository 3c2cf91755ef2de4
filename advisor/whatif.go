package advisor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm"
)

// Change is one answer that differs, or would have to.
type Change struct {
	ID       string `json:"id"`
	Prompt   string `json:"prompt"`
	From     any    `json:"from"`
	To       any    `json:"to"`
	FromText string `json:"from_text"` // the answers in the questionnaire's own words
	ToText   string `json:"to_text"`

	label string // the question's name, for String
}

// change describes one answer change, with its values as the student saw them.
func (e *Engine) change(q *Question, from, to any) Change {
	return Change{ID: q.ID, Prompt: q.Prompt, From: from, To: to, FromText: q.AnswerText(from), ToText: q.AnswerText(to), label: q.Name()}
}

// Lever is an unmet gate or certification route of a path, and the smallest
// answer changes that would meet it (one per unmet requirement).
type Lever struct {
	What    string   `json:"what"`
	Changes []Change `json:"changes"`
}

// WhatWouldChange lists, for one path, each unmet gate and each
// certification route not met now that ONE answer change would meet, with
// that change: the smallest, in the questionnaire's words. Only changes a
// person can act on count: not answers about the past or about what the plan
// itself achieves (questions marked lever: false), and for years of work no
// more than fit in the person's timeline. A route or gate no single such
// change meets is left out.
func (e *Engine) WhatWouldChange(a Answers, pathID string) []Lever {
	p := e.Path(pathID)
	if p == nil {
		return nil
	}
	env := e.envFor(a)
	horizon, _ := asNumber(env[idTimelineMonths])
	var m vm.VM
	var out []Lever
	for gi := range p.Gates {
		g := &p.Gates[gi]
		if eval(&m, &g.When, env) {
			continue
		}
		if c, ok := e.leverFor(&m, []*Cond{&g.When}, env, horizon); ok {
			out = append(out, Lever{What: g.Because, Changes: []Change{c}})
		}
	}
	held, _ := env[idCertificationsHeld].([]string)
	creds := e.pathTargets(p, env)
	if len(p.targets) == 0 {
		for _, id := range e.pathCredentials(p) {
			creds = append(creds, e.credentials[e.credIndex[id]])
		}
	}
	for _, c := range creds {
		if slices.Contains(held, c.ID) {
			continue
		}
		for ri := range c.Routes {
			rt := &c.Routes[ri]
			if rt.Discontinued || e.allHold(&m, rt, env) {
				continue
			}
			conds := make([]*Cond, len(rt.Requires))
			for qi := range rt.Requires {
				conds[qi] = &rt.Requires[qi].When
			}
			if ch, ok := e.leverFor(&m, conds, env, horizon); ok {
				out = append(out, Lever{What: fmt.Sprintf("%s route %s", c.Name, rt.Route), Changes: []Change{ch}})
			}
		}
	}
	return out
}

// leverFor finds the smallest change of one answer after which every one of
// conds holds, among the answers the unmet ones read.
func (e *Engine) leverFor(m *vm.VM, conds []*Cond, env map[string]any, horizon float64) (Change, bool) {
	var ids []string
	var lits []int
	for _, c := range conds {
		if c.prog == nil || eval(m, c, env) {
			continue
		}
		for _, id := range e.reads(c.prog) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		lits = append(lits, intLiterals(c.prog)...)
	}
	best, bestCost, found := Change{}, 1<<30, false
	for _, id := range ids {
		q := e.question(id)
		if !q.IsLever() {
			continue
		}
		cur := env[id]
		for _, cand := range e.candidates(q, cur, lits) {
			if !withinHorizon(q, cur, cand.value, horizon) {
				continue
			}
			env[id] = cand.value
			ok := true
			for _, c := range conds {
				if !eval(m, c, env) {
					ok = false
					break
				}
			}
			env[id] = cur
			if !ok {
				continue
			}
			if cand.cost < bestCost {
				best = e.change(q, cur, cand.value)
				bestCost, found = cand.cost, true
			}
			break // candidates come cheapest first
		}
	}
	return best, found
}

// withinHorizon reports whether a change of a years answer fits in the
// person's timeline: more years of work than months they have are no lever.
func withinHorizon(q *Question, from, to any, horizonMonths float64) bool {
	if q.Kind != KindNumber || q.Unit != "years" {
		return true
	}
	f, _ := asNumber(from)
	t, _ := asNumber(to)
	return (t-f)*12 <= horizonMonths
}

func (e *Engine) pathCredentials(p *Path) []string {
	var ids []string
	for _, st := range p.Steps {
		if st.Credential.ID != "" && !slices.Contains(ids, st.Credential.ID) {
			ids = append(ids, st.Credential.ID)
		}
	}
	for _, c := range p.Credentials {
		if !slices.Contains(ids, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

type candidate struct {
	value any
	cost  int // lower is a smaller change
}

// candidates lists values to try for q, cheapest change first.
func (e *Engine) candidates(q *Question, cur any, lits []int) []candidate {
	var out []candidate
	switch q.Kind {
	case KindChoice:
		ci := q.OptionIndex(fmt.Sprint(cur))
		for d := 1; d < len(q.Options); d++ {
			for _, i := range []int{ci + d, ci - d} {
				if i >= 0 && i < len(q.Options) && (i > ci || !q.Ordered) {
					cost := 10
					if q.Ordered {
						cost = 10 * d
					}
					out = append(out, candidate{q.Options[i].Value, cost})
				}
			}
		}
	case KindMulti:
		held, _ := cur.([]string)
		for _, o := range q.Options {
			if !slices.Contains(held, o.Value) {
				out = append(out, candidate{append(slices.Clone(held), o.Value), 10})
			}
		}
	case KindYesNo:
		b, _ := cur.(bool)
		out = append(out, candidate{!b, 10})
	case KindNumber, KindScale:
		// whole numbers near the thresholds the condition names, and the
		// bounds; a decimal answer (3.5) is measured from where it is
		n, _ := asNumber(cur)
		lo, hi := q.Bounds()
		set := map[int]bool{lo: float64(lo) != n, hi: float64(hi) != n}
		for _, l := range lits {
			for _, v := range []int{l - 1, l, l + 1} {
				if v >= lo && v <= hi && float64(v) != n {
					set[v] = true
				}
			}
		}
		vals := make([]int, 0, len(set))
		for v, ok := range set {
			if ok {
				vals = append(vals, v)
			}
		}
		dist := func(v int) float64 { return math.Abs(float64(v) - n) }
		// nearest first; of two as near, the smaller, so the result never
		// depends on map order
		slices.SortFunc(vals, func(x, y int) int { return cmp.Or(cmp.Compare(dist(x), dist(y)), cmp.Compare(x, y)) })
		span := max(1, hi-lo)
		for _, v := range vals {
			out = append(out, candidate{v, 1 + int(20*dist(v))/span})
		}
	}
	return out
}

// intLiterals returns the whole numbers written in a condition, the
// thresholds worth trying.
func intLiterals(prog *vm.Program) []int {
	var out []int
	node := prog.Node()
	ast.Walk(&node, visitor(func(n *ast.Node) {
		if x, ok := (*n).(*ast.IntegerNode); ok {
			out = append(out, x.Value)
		}
	}))
	return out
}

// Diff is what changes in the recommendation when answers change.
type Diff struct {
	Answers     []Change  `json:"answers"`
	Recommended [2]string `json:"recommended"`
	// InterestCode is the interest code before and after ("" when the
	// profile does not count).
	InterestCode [2]string     `json:"interest_code"`
	Ranks        []RankChange  `json:"ranks"`
	Plans        []PlanChange  `json:"plans"`
	Routes       []RouteChange `json:"routes"`
}

// RankChange is a path whose rank or score moved.
type RankChange struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	FromRank  int    `json:"from_rank"`
	ToRank    int    `json:"to_rank"`
	FromScore int    `json:"from_score"`
	ToScore   int    `json:"to_score"`
	FromFit   string `json:"from_fit"`
	ToFit     string `json:"to_fit"`
}

// PlanChange is a path whose plan changed.
type PlanChange struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Added      []string `json:"added"`
	Removed    []string `json:"removed"`
	FromMonths Span     `json:"from_months"`
	ToMonths   Span     `json:"to_months"`
	FromCost   Span     `json:"from_cost"`
	ToCost     Span     `json:"to_cost"`
	FitsBefore bool     `json:"fits_timeline_before"`
	FitsAfter  bool     `json:"fits_timeline_after"`
}

// RouteChange is a certification route whose eligibility changed.
type RouteChange struct {
	Credential string      `json:"credential"`
	Route      string      `json:"route"`
	From       Eligibility `json:"from"`
	To         Eligibility `json:"to"`
	Because    string      `json:"because"`
}

// Changed reports whether anything differs.
func (d *Diff) Changed() bool {
	return len(d.Ranks)+len(d.Plans)+len(d.Routes) > 0 || d.Recommended[0] != d.Recommended[1]
}

// Compare recommends for both sets of answers and says what differs.
func (e *Engine) Compare(before, after Answers) Diff {
	return e.DiffRecommendations(before, after, e.Recommend(before), e.Recommend(after))
}

// DiffRecommendations is [Engine.Compare] for recommendations already made.
func (e *Engine) DiffRecommendations(before, after Answers, rb, ra *Recommendation) Diff {
	d := Diff{Recommended: [2]string{rb.Recommended, ra.Recommended}}
	if rb.Interests != nil && ra.Interests != nil {
		d.InterestCode = [2]string{rb.Interests.Code, ra.Interests.Code}
	}
	eb, ea := e.envFor(before), e.envFor(after)
	for _, q := range e.questions {
		if fmt.Sprint(eb[q.ID]) != fmt.Sprint(ea[q.ID]) {
			d.Answers = append(d.Answers, e.change(q, eb[q.ID], ea[q.ID]))
		}
	}
	byID := map[string]*PathResult{}
	for i := range rb.Paths {
		byID[rb.Paths[i].ID] = &rb.Paths[i]
	}
	seenRoute := map[string]bool{}
	for i := range ra.Paths {
		pa := &ra.Paths[i]
		pb := byID[pa.ID]
		if pb.Rank != pa.Rank || pb.Score != pa.Score {
			d.Ranks = append(d.Ranks, RankChange{ID: pa.ID, Title: pa.Title, FromRank: pb.Rank, ToRank: pa.Rank,
				FromScore: pb.Score, ToScore: pa.Score, FromFit: pb.Fit, ToFit: pa.Fit})
		}
		added, removed := stepDiff(pb.Plan, pa.Plan)
		if len(added)+len(removed) > 0 || pb.TotalMonths != pa.TotalMonths || pb.TotalCost != pa.TotalCost {
			d.Plans = append(d.Plans, PlanChange{ID: pa.ID, Title: pa.Title, Added: added, Removed: removed,
				FromMonths: pb.TotalMonths, ToMonths: pa.TotalMonths, FromCost: pb.TotalCost, ToCost: pa.TotalCost,
				FitsBefore: pb.FitsTimeline, FitsAfter: pa.FitsTimeline})
		}
		for j, ca := range pa.Certifications {
			key := ca.CredentialID + "/" + ca.Route
			if seenRoute[key] || j >= len(pb.Certifications) {
				continue
			}
			seenRoute[key] = true
			cb := pb.Certifications[j]
			if cb.Eligible != ca.Eligible {
				d.Routes = append(d.Routes, RouteChange{Credential: ca.Credential, Route: ca.Route, From: cb.Eligible, To: ca.Eligible, Because: ca.Because})
			}
		}
	}
	return d
}

func stepDiff(before, after []PlanStep) (added, removed []string) {
	has := func(list []PlanStep, id string) bool {
		return slices.ContainsFunc(list, func(s PlanStep) bool { return s.ID == id })
	}
	for _, s := range after {
		if !has(before, s.ID) {
			added = append(added, s.Title)
		}
	}
	for _, s := range before {
		if !has(after, s.ID) {
			removed = append(removed, s.Title)
		}
	}
	return added, removed
}

// InterestCodeWords says how the interest code changed ("Interest code
// changed: SRC -> ICR", "none" for a profile that does not count), or ""
// when it did not.
func (d Diff) InterestCodeWords() string {
	if d.InterestCode[0] == d.InterestCode[1] {
		return ""
	}
	code := func(c string) string { return cmp.Or(c, "none") }
	return fmt.Sprintf("Interest code changed: %s -> %s", code(d.InterestCode[0]), code(d.InterestCode[1]))
}

// WriteDiffText writes d as plain text: each change marked with a sign and a
// word, wrapped to fit 80 columns.
func (e *Engine) WriteDiffText(b *strings.Builder, d Diff) {
	line := func(lead, s string) { hangText(b, lead, s) }
	b.WriteString("Answers changed:\n")
	if len(d.Answers) == 0 {
		b.WriteString("  (none)\n")
	}
	for _, c := range d.Answers {
		line("  ~ ", c.String())
	}
	if c := d.InterestCodeWords(); c != "" {
		b.WriteString("\n")
		line("", c)
	}
	if d.Recommended[0] != d.Recommended[1] {
		b.WriteString("\n")
		line("", fmt.Sprintf("Recommended path changed: %s -> %s", e.PathTitle(d.Recommended[0]), e.PathTitle(d.Recommended[1])))
	} else {
		b.WriteString("\n")
		line("", "Recommended path unchanged: "+e.PathTitle(d.Recommended[0]))
	}
	if len(d.Ranks) > 0 {
		b.WriteString("\nRanking:\n")
		for _, r := range d.Ranks {
			mark := "="
			switch {
			case r.ToRank < r.FromRank:
				mark = "up"
			case r.ToRank > r.FromRank:
				mark = "down"
			}
			line(fmt.Sprintf("  %-4s ", mark), fmt.Sprintf("%s: rank %d -> %d, score %d -> %d (%s -> %s)", r.Title, r.FromRank, r.ToRank, r.FromScore, r.ToScore, r.FromFit, r.ToFit))
		}
	}
	if len(d.Plans) > 0 {
		b.WriteString("\nPlans:\n")
		for _, p := range d.Plans {
			line("  ~ ", fmt.Sprintf("%s: %s -> %s, %s -> %s", p.Title, MonthsText(p.FromMonths), MonthsText(p.ToMonths), DollarSpan(p.FromCost), DollarSpan(p.ToCost)))
			for _, s := range p.Added {
				line("      + added: ", s)
			}
			for _, s := range p.Removed {
				line("      - removed: ", s)
			}
		}
	}
	if len(d.Routes) > 0 {
		b.WriteString("\nCertification routes:\n")
		for _, r := range d.Routes {
			line("  ~ ", fmt.Sprintf("%s route %s: %s -> %s", r.Credential, r.Route, EligibleLabel(r.From), EligibleLabel(r.To)))
		}
	}
	if !d.Changed() {
		b.WriteString("\nNothing in the recommendation changes.\n")
	}
}

// hangText writes s wrapped to the report width, the first line after lead
// and the rest indented under it.
func hangText(b *strings.Builder, lead, s string) {
	pad := strings.Repeat(" ", len([]rune(lead)))
	for i, l := range WrapText(s, reportWidth-len([]rune(lead))) {
		if i == 0 {
			b.WriteString(lead + l + "\n")
		} else {
			b.WriteString(pad + l + "\n")
		}
	}
}
