package advisor

import (
	"slices"
	"strings"

	"github.com/expr-lang/expr/vm"
)

// maxPathSteps is the most steps a path may have.
const maxPathSteps = 64

// plan builds a path's plan, its totals, notes and certification routes. A
// path with targets follows the route that fits the person best (see
// planner.go); a path without follows its steps' when and skip_if.
//
// With cited nil (a cohort row, [Engine.Top]) the plan is lean: its steps,
// totals and route, without the certification routes' words, the notes or
// the funding, which a cohort row does not show.
func (e *Engine) plan(m *vm.VM, p *Path, env map[string]any, now nowTable, pr *PathResult, cited citations) {
	lean := cited == nil
	held, _ := env[idCertificationsHeld].([]string)
	if pr.Plan == nil {
		pr.Plan = make([]PlanStep, 0, len(p.Steps)+1)
	}
	pr.Alternatives = []Alternative{}
	if len(p.targets) == 0 {
		e.planByConditions(m, p, env, pr, cited)
		pr.Certifications = e.routes(m, p, env, pr.Plan, cited)
		return
	}

	pl := &planner{e: e, m: m, env: env, p: p, now: now, cands: p.cands}
	targets := e.pathTargets(p, env)
	results, opts := e.options(pl, targets, held, cited, lean)
	pr.Certifications = results
	heldTarget := slices.ContainsFunc(targets, func(c *Credential) bool { return slices.Contains(held, c.ID) })
	licenceHeld, _ := env[idStateLicenceHeld].(bool)
	skipLicence := licenceHeld && pr.Current

	// the steps every route shares (licences, the first job) count when
	// telling whether a route fits the timeline and budget
	// shared marks the steps every route shares that apply (each condition is
	// evaluated once)
	var shared [maxPathSteps]bool
	var common, commonCost Span
	later := false
	for i := range p.Steps {
		st := &p.Steps[i]
		later = later || st.Kind == StepAdvancement
		if st.Kind.meets() {
			continue
		}
		shared[i] = e.applies(m, st, env) && !(skipLicence && st.Kind == StepLicence)
		if shared[i] && !later {
			common, commonCost = addSpan(common, Span{st.Months.Min, st.Months.Max}), addSpan(commonCost, Span{st.Cost.Min, st.Cost.Max})
		}
	}
	timeline, _ := asNumber(env[idTimelineMonths])
	budget, _ := asNumber(env[idBudget])
	bestOption(opts, e, common, commonCost, timeline, budget)

	var chosen *routeOption
	if !heldTarget && len(opts) > 0 {
		chosen = &opts[0]
		rt := &chosen.cred.Routes[chosen.ri]
		pr.Route = &RouteRef{Credential: chosen.cred.Name, Route: rt.Route}
		for i := range pr.Certifications {
			c := &pr.Certifications[i]
			if c.CredentialID == chosen.cred.ID && c.Route == rt.Route {
				c.Chosen = true
			}
		}
		for _, o := range opts[1:] {
			r := &o.cred.Routes[o.ri]
			elig := EligibleAfterPlan
			if len(o.steps) == 0 {
				elig = EligibleNow
			}
			pr.Alternatives = append(pr.Alternatives, Alternative{Credential: o.cred.Name, Route: r.Route,
				Eligible: elig, Months: o.months, Cost: o.cost, Status: r.Status})
		}
	}

	b := planBuilder{e: e, m: m, p: p, pr: pr, env: env, cited: cited, lean: lean}
	// the chosen credential's exam comes from the path, or is made from the
	// credential's figures and goes after the route's own steps
	synthExam := chosen != nil && !slices.ContainsFunc(p.Steps, func(st Step) bool {
		return st.Kind == StepExam && st.Credential.ID == chosen.cred.ID
	})
	for i := range p.Steps {
		st := &p.Steps[i]
		switch {
		case chosen != nil && slices.Contains(chosen.steps, i):
			k := slices.Index(chosen.steps, i)
			if st.Kind == StepExperience {
				b.add(st, e.experienceStep(st, chosen.years[k]))
			} else {
				b.add(st, e.planStep(st))
			}
			continue
		case st.Kind == StepExam && chosen != nil && st.Credential.ID == chosen.cred.ID:
			b.add(st, *chosen.exam)
			continue
		case st.Kind.meets():
			// a step of another route; with no route to follow (none can be
			// met, and no target is held), the plan falls back on conditions
			if chosen != nil || heldTarget || !e.applies(m, st, env) ||
				(st.Credential.ID != "" && slices.Contains(held, st.Credential.ID)) {
				continue
			}
			b.add(st, e.planStep(st))
			continue
		}
		if synthExam {
			b.addPlan(*chosen.exam)
			synthExam = false
		}
		if !shared[i] {
			continue
		}
		b.add(st, e.planStep(st))
	}
	if synthExam {
		b.addPlan(*chosen.exam)
	}
	b.finish()
}

// applies reports whether a step's when holds and its skip_if does not.
func (e *Engine) applies(m *vm.VM, st *Step, env map[string]any) bool {
	return eval(m, &st.When, env) && (st.SkipIf.IsZero() || !eval(m, &st.SkipIf, env))
}

// planByConditions picks the steps whose when holds and skip_if does not,
// in order; an exam step for a credential already held is skipped.
func (e *Engine) planByConditions(m *vm.VM, p *Path, env map[string]any, pr *PathResult, cited citations) {
	held, _ := env[idCertificationsHeld].([]string)
	b := planBuilder{e: e, m: m, p: p, pr: pr, env: env, cited: cited}
	for i := range p.Steps {
		st := &p.Steps[i]
		if !e.applies(m, st, env) {
			continue
		}
		if st.Credential.ID != "" && slices.Contains(held, st.Credential.ID) {
			continue
		}
		b.add(st, e.planStep(st))
	}
	b.finish()
}

// planBuilder adds steps to a plan in order and totals the time and cost to a
// first job. Steps after the first job step (advancement) are marked later and
// left out of the totals.
type planBuilder struct {
	e            *Engine
	m            *vm.VM
	p            *Path
	pr           *PathResult
	env          map[string]any
	cited        citations
	lean         bool // a cohort row's plan: no notes or funding (see plan)
	later        bool
	months, cost Span
}

// add adds a step. The state's lab licence step says what the licence of
// the person's state is called at the path's level, and its months and
// cost, from the state's licence facts (states.yaml); the path's licence
// ([PathResult.Licence]) carries the rest (board, fee, rules).
func (b *planBuilder) add(st *Step, ps PlanStep) {
	if st.labLicence {
		if code, ok := b.env[idState].(string); ok {
			if s := b.e.stateIndex[code]; s != nil {
				li := b.e.pathLicenceInfo(s, b.p.Level)
				if li.Title != "" {
					ps.Title = LicenceStepTitle(li)
					ps.Months, ps.Cost = li.Months, li.Cost
					ps.Source = li.Source
					if li.Cost == (Span{}) {
						// the fee is not counted: say so where the $0 is
						ps.Detail = strings.TrimSpace(ps.Detail + " " + licenceFee(li))
					}
				} else if s.Note != "" {
					// without licence facts the state's note is the step's only word on it
					// (with them, the licence section says it)
					ps.Note = strings.TrimSpace(strings.Join([]string{ps.Note, s.Name + ": " + s.Note}, " "))
					b.cited.add(s.Source.ID)
				}
				b.pr.Licence = li
			}
		}
	}
	b.addPlan(ps)
}

func (b *planBuilder) addPlan(ps PlanStep) {
	if ps.Kind == StepAdvancement {
		b.later = true
	}
	ps.Later = b.later
	if !b.later {
		ps.StartMonth = b.months
		b.months = addSpan(b.months, ps.Months)
		b.cost = addSpan(b.cost, ps.Cost)
	}
	if ps.Source != "" {
		b.cited.add(ps.Source)
	}
	b.pr.Plan = append(b.pr.Plan, ps)
	if ps.Kind == StepJob {
		b.later = true
	}
}

// finish sets the totals, the timeline and budget notes and, when the plan
// can cost more than the budget, the ways to pay that fit it.
func (b *planBuilder) finish() {
	pr, p := b.pr, b.p
	pr.TotalMonths, pr.TotalCost = b.months, b.cost
	if pr.Licence == nil && p.hasLabLicence {
		// the path has a lab licence step that this state does not need: say so
		if code, ok := b.env[idState].(string); ok {
			if s := b.e.stateIndex[code]; s != nil {
				pr.Licence = b.e.licenceInfo(s)
				b.cited.add(s.Source.ID)
			}
		}
	}
	if l := pr.Licence; l != nil {
		b.cited.add(l.Source)
	}
	timeline, _ := asNumber(b.env[idTimelineMonths])
	budget, _ := asNumber(b.env[idBudget])
	pr.FitsTimeline = float64(b.months.Min) <= timeline
	pr.FitsBudget = float64(b.cost.Min) <= budget
	if b.lean {
		return // a cohort row needs the totals, not the words
	}
	pr.Funding = nil
	if float64(b.cost.Max) > budget {
		pr.Funding = b.e.fundingFor(b.m, p, b.env, pr.Plan, b.cited)
	}
	pr.TimelineNote = timelineNote(b.months, timeline)
	pr.BudgetNote = budgetNote(b.cost, budget, pr.Funding)
}
