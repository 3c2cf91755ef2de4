package advisor

import (
	"slices"
	"strings"

	"github.com/expr-lang/expr/vm"
)

// plan picks the steps that apply, in order, and totals the time and cost to a
// first job. Steps after the first job step (advancement) are marked later and
// left out of the totals. An exam step for a credential already held is skipped.
func (e *Engine) plan(m *vm.VM, p *Path, env map[string]any, pr *PathResult, cited citations) {
	held, _ := env[idCertificationsHeld].([]string)
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
			if code, ok := env[idState].(string); ok {
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
		if code, ok := env[idState].(string); ok {
			if s := e.stateIndex[code]; s != nil {
				pr.Licence = e.licenceInfo(s)
				cited.add(s.Source.ID)
			}
		}
	}

	timeline, _ := asNumber(env[idTimelineMonths])
	budget, _ := asNumber(env[idBudget])
	pr.FitsTimeline = float64(months.Min) <= timeline
	pr.FitsBudget = float64(cost.Min) <= budget
	pr.TimelineNote = timelineNote(months, timeline)
	pr.BudgetNote = budgetNote(cost, budget)
}
