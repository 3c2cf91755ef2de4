package advisor

import (
	"cmp"
	"math"
	"slices"

	"github.com/expr-lang/expr/vm"
)

// This file derives a path's plan from the certification routes of the
// credentials it leads to (its targets). For each route not met now, the
// planner finds which of the path's steps meet it, by applying the steps'
// grants to a copy of the answers and re-evaluating the route:
//
//  1. Only steps that can matter are tried: a step whose grants change a
//     question an unmet requirement reads, or a question read by the
//     conditions of a step that does (worked out from the conditions at load,
//     without evaluating anything). A requirement no step can change makes
//     the route unreachable at once.
//  2. Those steps are applied in path order, each where its `when` holds at
//     that point (after the earlier steps' grants). If the route still does
//     not hold, this path cannot meet it.
//  3. Steps are then dropped, the longest and dearest first, while the route
//     still holds without them and every remaining step can still be taken.
//
// What is left is the route's own list of steps, with months and cost; a
// route met now needs none. The plan follows the route that fits the
// person's timeline and budget best, so the plan and the route verdicts
// agree by construction.

// nowTable is what the answers meet of every credential's routes as they
// are: for each credential and route, a bit per requirement met.
type nowTable [][]uint32

// evalNow evaluates the requirements of every credential's routes, each
// distinct condition once. With full false a route stops at its first part
// not met (enough to tell which routes are met, for a cohort row); fillNow
// then completes the rows a plan needs.
func (e *Engine) evalNow(m *vm.VM, env map[string]any, full bool) nowTable {
	t := make(nowTable, len(e.credentials))
	backing := make([]uint32, e.routeCount)
	known := make([]uint8, len(e.reqMemo)) // 0 not yet, 1 holds, 2 does not
	for ci, c := range e.credentials {
		row := backing[:len(c.Routes):len(c.Routes)]
		backing = backing[len(c.Routes):]
		for ri := range c.Routes {
			row[ri] = e.routeMask(m, env, &c.Routes[ri], known, full)
		}
		t[ci] = row
	}
	return t
}

// fillNow completes the rows of credentials cs in a table made with full false.
func (e *Engine) fillNow(m *vm.VM, env map[string]any, t nowTable, cs []*Credential) {
	known := make([]uint8, len(e.reqMemo))
	for _, c := range cs {
		ci := e.credIndex[c.ID]
		for ri := range c.Routes {
			t[ci][ri] = e.routeMask(m, env, &c.Routes[ri], known, true)
		}
	}
}

// routeMask is a bit per requirement of rt that holds.
func (e *Engine) routeMask(m *vm.VM, env map[string]any, rt *Route, known []uint8, full bool) uint32 {
	var mask uint32
	for qi := range rt.Requires {
		req := &rt.Requires[qi]
		ok := true
		if req.When.prog != nil {
			if known[req.memo] == 0 {
				known[req.memo] = 2
				if eval(m, &req.When, env) {
					known[req.memo] = 1
				}
			}
			ok = known[req.memo] == 1
		}
		if ok {
			mask |= 1 << qi
		} else if !full {
			break
		}
	}
	return mask
}

// metNow reports whether route ri of credential ci is met as the answers are.
func (t nowTable) metNow(e *Engine, ci, ri int) bool {
	return t[ci][ri] == allBits(len(e.credentials[ci].Routes[ri].Requires))
}

func allBits(n int) uint32 { return uint32(1)<<n - 1 }

// eligibleLists returns the ids of the credentials the person could sit now
// and does not hold: by a route whose text is confirmed (ok), and those
// only an unconfirmed route opens (unsure). Discontinued routes never count.
func (e *Engine) eligibleLists(t nowTable, held []string) (ok, unsure []string) {
	ok, unsure = []string{}, []string{}
	for ci, c := range e.credentials {
		if slices.Contains(held, c.ID) {
			continue
		}
		confirmed, unconfirmed := false, false
		for ri := range c.Routes {
			rt := &c.Routes[ri]
			if rt.Discontinued || !t.metNow(e, ci, ri) {
				continue
			}
			if rt.Status == StatusUnconfirmed {
				unconfirmed = true
			} else {
				confirmed = true
			}
		}
		switch {
		case confirmed:
			ok = append(ok, c.ID)
		case unconfirmed:
			unsure = append(unsure, c.ID)
		}
	}
	return ok, unsure
}

// planner works out route plans for one path on one copy of the answers,
// changing it in place and undoing every change after each trial.
type planner struct {
	e     *Engine
	m     *vm.VM
	env   map[string]any
	p     *Path
	now   nowTable
	cands []int // the path's steps that can help meet a route, in path order
	undo  []undoEntry
	// taken and years are run's scratch space.
	taken []int
	years []float64
	// changed are the questions the steps applied since the last reset may
	// have changed.
	changed varSet
	// atStart is, per step, whether it applies to the person's own answers
	// (0 not known yet, 1 yes, 2 no).
	atStart []uint8
}

type undoEntry struct {
	key string
	val any
}

func (pl *planner) set(k string, v any) {
	pl.undo = append(pl.undo, undoEntry{k, pl.env[k]})
	pl.env[k] = v
}

// reset undoes every change since the planner was made (or last reset).
func (pl *planner) reset() {
	for i := len(pl.undo) - 1; i >= 0; i-- {
		pl.env[pl.undo[i].key] = pl.undo[i].val
	}
	pl.undo = pl.undo[:0]
	pl.changed = varSet{}
}

// candidates lists the steps of p that can be part of meeting one of its
// targets' routes: study, training, work, and exams for other credentials.
func candidates(p *Path) []int {
	var out []int
	for i := range p.Steps {
		st := &p.Steps[i]
		if !st.Kind.meets() {
			continue
		}
		if st.Kind == StepExam && (st.Credential.ID == "" || isTarget(p, st.Credential.ID)) {
			continue
		}
		out = append(out, i)
	}
	return out
}

func isTarget(p *Path, id string) bool {
	return slices.ContainsFunc(p.targets, func(c *Credential) bool { return c.ID == id })
}

// routeOption is how one route of a target credential can be met.
type routeOption struct {
	cred   *Credential
	ci, ri int
	target int       // the credential's place in the path's targets
	steps  []int     // the path's steps that meet it, in path order
	years  []float64 // for each of steps: the years an experience step adds
	months Span      // the steps plus the exam
	cost   Span
	exam   *PlanStep // the credential's exam step (one per credential)
}

// applicable reports whether step i can be taken where it stands in the
// running answers: its when holds and its skip_if does not, and an exam
// step's credential has a route the answers meet.
func (pl *planner) applicable(i int) bool {
	st := &pl.p.Steps[i]
	// nothing it reads has changed in this trial: the answer is the one for
	// the person's own answers, worked out once per path
	if !st.reads.meets(pl.changed) {
		if pl.atStart == nil {
			pl.atStart = make([]uint8, len(pl.p.Steps))
		}
		if pl.atStart[i] == 0 {
			pl.atStart[i] = 2
			if pl.evalApplicable(st) {
				pl.atStart[i] = 1
			}
		}
		return pl.atStart[i] == 1
	}
	return pl.evalApplicable(st)
}

func (pl *planner) evalApplicable(st *Step) bool {
	if !eval(pl.m, &st.When, pl.env) || (!st.SkipIf.IsZero() && eval(pl.m, &st.SkipIf, pl.env)) {
		return false
	}
	if st.Kind == StepExam {
		c := pl.e.credentials[pl.e.credIndex[st.Credential.ID]]
		for ri := range c.Routes {
			if rt := &c.Routes[ri]; !rt.Discontinued && pl.e.allHold(pl.m, rt, pl.env) {
				return true
			}
		}
		return false
	}
	return true
}

// holds reports whether route ri of credential ci holds in the running
// answers. A part met now is re-checked only if a step applied since changed
// a question it reads.
func (pl *planner) holds(ci, ri int) bool {
	rt := &pl.e.credentials[ci].Routes[ri]
	mask := pl.now[ci][ri]
	for qi := range rt.Requires {
		req := &rt.Requires[qi]
		if mask&(1<<qi) != 0 && !req.reads.meets(pl.changed) {
			continue
		}
		if !eval(pl.m, &req.When, pl.env) {
			return false
		}
	}
	return true
}

// apply takes step i: its grants, or for an experience step the fewest half
// years (up to its up_to) after which route ri of credential ci holds, or all
// it can add when none is enough. It returns the years added (0 for other
// steps) and false when the step changes nothing.
func (pl *planner) apply(i, ci, ri int) (float64, bool) {
	st := &pl.p.Steps[i]
	pl.changed.union(st.sets)
	if st.Kind != StepExperience {
		// a step that changes nothing serves no route
		return 0, pl.e.applyGrantsWith(pl.env, st.grants, pl.set)
	}
	have, _ := asNumber(pl.env[st.Adds])
	room := st.UpTo - have
	if room < 0.5 || pl.holds(ci, ri) {
		return 0, false // no room, or no need
	}
	pl.set(idLabWorkYearsAgo, 0)
	for k := 0.5; k <= room+1e-9; k += 0.5 {
		pl.set(st.Adds, numberValue(have+k))
		if pl.holds(ci, ri) {
			return k, true
		}
	}
	return room, true
}

// run applies the steps of set in order and reports whether route ri of
// credential ci then holds, undoing everything before it returns. In strict
// mode every step must be applicable where it stands; otherwise steps that
// are not are left out. On success it returns the steps taken and the years
// each added.
func (pl *planner) run(ci, ri int, set []int, strict bool) (bool, []int, []float64) {
	defer pl.reset()
	taken := pl.taken[:0]
	years := pl.years[:0]
	for _, i := range set {
		if !pl.applicable(i) {
			if strict {
				return false, nil, nil
			}
			continue
		}
		y, ok := pl.apply(i, ci, ri)
		if !ok {
			if strict {
				return false, nil, nil
			}
			continue
		}
		taken = append(taken, i)
		years = append(years, y)
	}
	pl.taken, pl.years = taken, years
	if !pl.holds(ci, ri) {
		return false, nil, nil
	}
	return true, slices.Clone(taken), slices.Clone(years)
}

// meet works out the steps that meet route ri of credential ci, or false
// when this path's steps cannot meet it.
func (pl *planner) meet(ci, ri int) ([]int, []float64, bool) {
	c := pl.e.credentials[ci]
	rt := &c.Routes[ri]
	mask := pl.now[ci][ri]
	var all varSet
	for _, i := range pl.cands {
		all.union(pl.p.Steps[i].sets)
	}
	var want varSet
	for qi := range rt.Requires {
		if mask&(1<<qi) != 0 {
			continue
		}
		r := rt.Requires[qi].reads
		if !r.meets(all) {
			return nil, nil, false // no step changes anything this part reads
		}
		want.union(r)
	}
	// the steps that can matter: those that change what is wanted, and then
	// what their own conditions read, until nothing more is added
	relevant := make([]bool, len(pl.cands))
	for changed := true; changed; {
		changed = false
		for k, i := range pl.cands {
			st := &pl.p.Steps[i]
			if !relevant[k] && st.sets.meets(want) {
				relevant[k] = true
				want.union(st.reads)
				changed = true
			}
		}
	}
	set := make([]int, 0, len(pl.cands))
	for k, i := range pl.cands {
		if relevant[k] {
			set = append(set, i)
		}
	}
	ok, taken, years := pl.run(ci, ri, set, false)
	if !ok {
		return nil, nil, false
	}
	if len(taken) < 2 {
		return taken, years, true // one step (or none) is already the least
	}
	// Drop steps while the route still holds without them: first those that
	// do not fit the person's timeline or budget on their own, then the
	// longest and the dearest. Of two steps that serve the route alike (a
	// full-time transfer or a part-time 2+2 bachelor's), the one that fits
	// and is quicker stays.
	timeline, _ := asNumber(pl.env[idTimelineMonths])
	budget, _ := asNumber(pl.env[idBudget])
	type weight struct{ misfit, months, cost int }
	weigh := func(k int) weight {
		st := &pl.p.Steps[taken[k]]
		w := weight{months: st.Months.Max, cost: st.Cost.Max}
		if st.Kind == StepExperience {
			w.months, w.cost = yearsToMonths(years[k]), 0
		}
		if float64(st.Months.Min) > timeline || float64(st.Cost.Min) > budget {
			w.misfit = 1
		}
		return w
	}
	idx := make([]int, len(taken))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		wa, wb := weigh(a), weigh(b)
		return cmp.Or(cmp.Compare(wb.misfit, wa.misfit), cmp.Compare(wb.months, wa.months), cmp.Compare(wb.cost, wa.cost))
	})
	keep := slices.Clone(taken)
	bestTaken, bestYears := taken, years
	for _, k := range idx {
		without := slices.DeleteFunc(slices.Clone(keep), func(i int) bool { return i == taken[k] })
		if ok, t, y := pl.run(ci, ri, without, true); ok {
			keep, bestTaken, bestYears = without, t, y
		}
	}
	return bestTaken, bestYears, true
}

// yearsToMonths turns years of work into whole months, rounding up.
func yearsToMonths(y float64) int { return int(math.Ceil(y*12 - 1e-9)) }

// examStep is the path's exam step for credential c, or one made from the
// credential's own figures when the path has none.
func (e *Engine) examStep(p *Path, c *Credential) PlanStep {
	for i := range p.Steps {
		st := &p.Steps[i]
		if st.Kind == StepExam && st.Credential.ID == c.ID {
			return e.planStep(st)
		}
	}
	ps := PlanStep{ID: c.ID + "-exam", Kind: StepExam, Title: examTitle(c.Name), Detail: c.Exam,
		Months: Span{1, 2}, Credential: c.Name}
	if c.Fee != nil {
		ps.Cost = Span{c.Fee.Amount, c.Fee.Amount}
		ps.Source = c.Fee.Source.ID
	} else {
		ps.Note = feeUnknown
	}
	return ps
}

// planStep is a step as the plan shows it, with its credential's fee when
// the step names no cost of its own.
func (e *Engine) planStep(st *Step) PlanStep {
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
	return ps
}

// stepSpans are a step's months and cost, with its credential's fee when
// the step names no cost of its own (as planStep does, without building it).
func (e *Engine) stepSpans(st *Step) (months, cost Span) {
	months, cost = Span{st.Months.Min, st.Months.Max}, Span{st.Cost.Min, st.Cost.Max}
	if st.Credential.ID != "" && !st.Cost.Set {
		if c := e.credentials[e.credIndex[st.Credential.ID]]; c.Fee != nil {
			cost = Span{c.Fee.Amount, c.Fee.Amount}
		}
	}
	return months, cost
}

// experienceStep is an experience step as the plan shows it: as many months
// as the years it adds.
func (e *Engine) experienceStep(st *Step, years float64) PlanStep {
	ps := e.planStep(st)
	m := yearsToMonths(years)
	ps.Months, ps.Cost = Span{m, m}, Span{}
	return ps
}

// pathTargets are the credentials of p to plan for: the abroad ones for a
// person educated abroad (when the path has any), the others otherwise.
func (e *Engine) pathTargets(p *Path, env map[string]any) []*Credential {
	abroad, _ := env[idEducationAbroad].(bool)
	hasAbroad := slices.ContainsFunc(p.targets, func(c *Credential) bool { return c.Abroad })
	want := abroad && hasAbroad
	out := make([]*Credential, 0, len(p.targets))
	for _, c := range p.targets {
		if c.Abroad == want {
			out = append(out, c)
		}
	}
	return out
}

// options works out, for each route of each target credential not held, its
// verdict and (when it can be met) the steps, months and cost to meet it.
// It returns the route results in data order (none when lean: a cohort row
// does not show them) and the options that can be met.
func (e *Engine) options(pl *planner, targets []*Credential, held []string, cited citations, lean bool) ([]RouteResult, []routeOption) {
	n := 0
	for _, c := range targets {
		n += len(c.Routes)
	}
	var out []RouteResult
	var parts []string // every route's met and unmet parts, in one allocation
	if !lean {
		out = make([]RouteResult, 0, n)
		parts = make([]string, 0, 4*n)
	}
	opts := make([]routeOption, 0, n)
	for ti, c := range targets {
		ci := e.credIndex[c.ID]
		if slices.Contains(held, c.ID) {
			if !lean {
				out = append(out, RouteResult{CredentialID: c.ID, Credential: c.Name, Eligible: EligibleNow,
					Because: heldBecause, Held: true, Met: []string{}, Unmet: []string{}, Status: StatusOfficial})
			}
			continue
		}
		exam := new(PlanStep)
		*exam = e.examStep(pl.p, c)
		for ri := range c.Routes {
			rt := &c.Routes[ri]
			opt := routeOption{cred: c, ci: ci, ri: ri, target: ti, exam: exam}
			met := pl.now.metNow(e, ci, ri)
			var rr RouteResult
			if !lean {
				rr = RouteResult{CredentialID: c.ID, Credential: c.Name, Route: rt.Route, Summary: rt.Summary,
					Status: rt.Status, Source: rt.Source.ID, Note: rt.Note}
				cited.add(rt.Source.ID)
				mask := pl.now[ci][ri]
				start := len(parts)
				for qi := range rt.Requires {
					if mask&(1<<qi) != 0 {
						parts = append(parts, rt.Requires[qi].Because)
					}
				}
				mid := len(parts)
				for qi := range rt.Requires {
					if mask&(1<<qi) == 0 {
						parts = append(parts, rt.Requires[qi].Because)
					}
				}
				rr.Met, rr.Unmet = parts[start:mid:mid], parts[mid:len(parts):len(parts)]
			}
			switch {
			case rt.Discontinued:
				if !lean {
					rr.Eligible = EligibleNo
					rr.Because = routeDiscontinued(rt.Note)
					rr.Note = ""
					out = append(out, rr)
				}
				continue
			case met:
				rr.Eligible = EligibleNow
				if !lean {
					rr.Because = rt.allMet
				}
			default:
				steps, years, ok := pl.meet(ci, ri)
				if !ok {
					if !lean {
						rr.Eligible = EligibleNo
						rr.Because = routeNotMet(rr.Unmet)
						out = append(out, rr)
					}
					continue
				}
				opt.steps, opt.years = steps, years
				if !lean {
					last := &pl.p.Steps[steps[len(steps)-1]]
					rr.Eligible = EligibleAfterPlan
					rr.AfterStep = last.Title
					rr.Because = routeMetAfter(last.Title, rr.Unmet)
					rr.Steps = make([]string, len(steps))
				}
			}
			for k, i := range opt.steps {
				st := &pl.p.Steps[i]
				months, cost := e.stepSpans(st)
				if st.Kind == StepExperience {
					m := yearsToMonths(opt.years[k])
					months, cost = Span{m, m}, Span{}
				}
				opt.months = addSpan(opt.months, months)
				opt.cost = addSpan(opt.cost, cost)
				if !lean {
					rr.Steps[k] = st.Title
				}
			}
			opt.months = addSpan(opt.months, exam.Months)
			opt.cost = addSpan(opt.cost, exam.Cost)
			if !lean {
				rr.Months, rr.Cost = opt.months, opt.cost
				out = append(out, rr)
			}
			opts = append(opts, opt)
		}
	}
	return out, opts
}

func addSpan(a, b Span) Span { return Span{a.Min + b.Min, a.Max + b.Max} }

// bestOption sorts the options best first: those whose quick and cheap end
// fits the timeline and the budget (with the plan's other steps, common to
// every route) first, then the fastest, then the path's main credential
// before its alternatives (targets are listed main first; a credential whose
// fee is unknown must not win on a cost of $0), then the cheapest, then
// routes whose text is confirmed, then data order.
func bestOption(opts []routeOption, e *Engine, common Span, commonCost Span, timeline, budget float64) {
	fits := func(o routeOption) int {
		if float64(o.months.Min+common.Min) <= timeline && float64(o.cost.Min+commonCost.Min) <= budget {
			return 0
		}
		return 1
	}
	unconfirmed := func(o routeOption) int {
		if e.credentials[o.ci].Routes[o.ri].Status == StatusUnconfirmed {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(opts, func(a, b routeOption) int {
		return cmp.Or(
			cmp.Compare(fits(a), fits(b)),
			cmp.Compare(a.months.Min, b.months.Min),
			cmp.Compare(a.months.Max, b.months.Max),
			cmp.Compare(a.target, b.target),
			cmp.Compare(a.cost.Min, b.cost.Min),
			cmp.Compare(a.cost.Max, b.cost.Max),
			cmp.Compare(unconfirmed(a), unconfirmed(b)),
		)
	})
}
