package advisor

import (
	"slices"

	"github.com/expr-lang/expr/vm"
)

// routes evaluates every route of the credentials the path names. Routes not
// met now are re-checked after each plan step's grants are applied, in order,
// to find the step after which they are met.
func (e *Engine) routes(m *vm.VM, p *Path, env map[string]any, plan []PlanStep, cited citations) []RouteResult {
	ids := e.pathCredentials(p)
	held, _ := env[idCertificationsHeld].([]string)
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
				rr.Because = routeDiscontinued(rt.Note)
			case len(rr.Unmet) == 0:
				rr.Eligible = EligibleNow
				rr.Because = rt.allMet
			default:
				rr.Eligible = EligibleNo
				rr.Because = routeNotMet(rr.Unmet)
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
				rr.Because = routeMetAfter(st.Title, rr.Unmet)
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
	e.applyGrantsWith(env, grants, func(k string, v any) { env[k] = v })
}

// applyGrantsWith is applyGrants with each change made through set. It
// reports whether any answer changed (a grant of what is already held, or
// of less than an ordered answer has, changes nothing).
func (e *Engine) applyGrantsWith(env map[string]any, grants map[string]any, set func(string, any)) bool {
	changed := false
	for id, v := range grants {
		q := e.question(id)
		switch nv := v.(type) {
		case []string:
			cur, _ := env[id].([]string)
			var merged []string
			for _, s := range nv {
				if !slices.Contains(cur, s) && !slices.Contains(merged, s) {
					if merged == nil {
						merged = slices.Clip(slices.Clone(cur))
					}
					merged = append(merged, s)
				}
			}
			if merged != nil {
				set(id, merged)
				changed = true
			}
		case int, float64:
			cur, ok := asNumber(env[id])
			g, _ := asNumber(nv)
			if ok && (cur == g || (q.Ordered && cur > g)) {
				continue
			}
			set(id, nv)
			changed = true
		case string:
			cur, ok := env[id].(string)
			if ok && (cur == nv || (q.Ordered && q.OptionIndex(cur) > q.OptionIndex(nv))) {
				continue
			}
			set(id, nv)
			changed = true
		default:
			set(id, v)
			changed = true
		}
	}
	return changed
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
