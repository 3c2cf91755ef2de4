package advisor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/expr-lang/expr/vm"

	"medpath/data"
)

// randomAnswers draws an answer set that exercises the routes: values near
// the thresholds the data uses, and about half the questions left to their
// defaults.
func randomAnswers(e *Engine, rng *rand.Rand) Answers {
	pick := func(vals ...any) any { return vals[rng.IntN(len(vals))] }
	a := Answers{}
	for _, q := range e.questions {
		if rng.IntN(10) < 4 {
			continue
		}
		switch q.Kind {
		case KindChoice:
			a[q.ID] = q.Options[rng.IntN(len(q.Options))].Value
		case KindMulti:
			var vs []string
			for _, o := range q.Options {
				if rng.IntN(6) == 0 {
					vs = append(vs, o.Value)
				}
			}
			if vs == nil {
				vs = []string{}
			}
			a[q.ID] = vs
		case KindYesNo:
			a[q.ID] = rng.IntN(2) == 0
		case KindScale:
			a[q.ID] = 1 + rng.IntN(5)
		case KindNumber:
			switch {
			case q.ID == idTimelineMonths:
				a[q.ID] = pick(3, 6, 12, 18, 24, 36, 48)
			case q.ID == idBudget:
				a[q.ID] = pick(0, 500, 2000, 5000, 15000, 50000)
			case q.Unit == "semester hours":
				a[q.ID] = pick(0, 6, 8, 12, 16, 20, 30, 60, 64, 120)
			case q.Unit == "years":
				a[q.ID] = pick(0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 10, 12)
			default:
				lo, hi := q.Bounds()
				a[q.ID] = lo + rng.IntN(hi-lo+1)
			}
		}
	}
	return a
}

// meetingKinds are the step kinds that serve a route (study, training, work).
var meetingKinds = []StepKind{StepEducation, StepTraining, StepExperience}

// TestPlansFollowRoutes checks, over 5,000 generated answer sets, what the
// plan and the route verdicts promise together:
//   - a route met now means no study, training or work step in the plan;
//   - the route the plan follows is met after the plan's own steps (their
//     grants, and the years an experience step adds);
//   - a route "after the plan" names exactly the plan's steps that meet it;
//   - no reason tells anyone to sit an exam for a credential they hold;
//   - a path the person already stands on is never the recommendation when
//     the goal is to move up (technologist or further).
func TestPlansFollowRoutes(t *testing.T) {
	e, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 2026))
	var m vm.VM
	checked := map[string]int{}
	for n := range 5000 {
		a := randomAnswers(e, rng)
		r := e.Recommend(a)
		env := e.envFor(a)
		held, _ := env[idCertificationsHeld].([]string)
		goal, _ := env["goal"].(string)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("answers #%d %v:\n"+format, append([]any{n, a}, args...)...)
		}

		if goal == "technologist" || goal == "advance_further" {
			if r.Paths[0].Current && slices.ContainsFunc(r.Paths, func(p PathResult) bool { return !p.Current }) {
				fail("recommended %s, a path the person already stands on, for goal %s", r.Paths[0].ID, goal)
			}
			checked["held path not recommended"]++
		}

		for pi := range r.Paths {
			p := &r.Paths[pi]
			for _, rs := range p.Reasons {
				for _, id := range held {
					c := e.credentials[e.credIndex[id]]
					if strings.Contains(rs.Because, c.Name) && (strings.Contains(rs.Because, "exam") || strings.Contains(rs.Because, "sit")) {
						fail("path %s reason %q names an exam for %s, which is held", p.ID, rs.Because, c.Name)
					}
				}
				if holdsWhatRuleOffers(rs.Rule, held) {
					fail("path %s reason %s (%q) offers an exam for a credential of a kind already held %v", p.ID, rs.Rule, rs.Because, held)
				}
			}
			if p.Route == nil {
				continue
			}
			var chosen *RouteResult
			for i := range p.Certifications {
				if p.Certifications[i].Chosen {
					chosen = &p.Certifications[i]
				}
			}
			if chosen == nil {
				fail("path %s follows %v but no route result is chosen", p.ID, p.Route)
			}
			var meeting []string
			for _, s := range p.Plan {
				if slices.Contains(meetingKinds, s.Kind) {
					meeting = append(meeting, s.Title)
				}
			}
			switch chosen.Eligible {
			case EligibleNow:
				if len(meeting) > 0 {
					fail("path %s: route %s %s is met now, yet the plan has %v", p.ID, chosen.Credential, chosen.Route, meeting)
				}
				checked["met now, no study step"]++
			case EligibleAfterPlan:
				// the route's steps are the plan's (other credentials' exams
				// can be among them)
				var planSteps []string
				for _, s := range p.Plan {
					if slices.Contains(chosen.Steps, s.Title) {
						planSteps = append(planSteps, s.Title)
					}
				}
				if !slices.Equal(planSteps, chosen.Steps) || !isSubset(meeting, chosen.Steps) {
					fail("path %s: route %s %s needs %v, the plan has %v", p.ID, chosen.Credential, chosen.Route, chosen.Steps, p.Plan)
				}
				checked["after the plan, the plan's steps"]++
			default:
				fail("path %s follows route %s %s, which is %s", p.ID, chosen.Credential, chosen.Route, chosen.Eligible)
			}
			// apply the plan's steps and check the route
			path := e.Path(p.ID)
			ci := e.credIndex[chosen.CredentialID]
			rt := routeNamed(e.credentials[ci], chosen.Route)
			trial := e.envFor(a)
			for _, s := range p.Plan {
				st := path.step(s.ID)
				if s.Later || st == nil {
					continue
				}
				if st.Kind == StepExperience {
					have, _ := asNumber(trial[st.Adds])
					trial[st.Adds] = have + float64(s.Months.Max)/12
					trial[idLabWorkYearsAgo] = 0
					continue
				}
				if st.Kind == StepExam && st.Credential.ID == chosen.CredentialID {
					continue
				}
				e.applyGrants(trial, st.grants)
			}
			if !e.allHold(&m, rt, trial) {
				fail("path %s: after the plan %v, route %s %s is still not met", p.ID, p.Plan, chosen.Credential, chosen.Route)
			}
			checked["chosen route met after the plan"]++
		}
	}
	for _, k := range []string{"held path not recommended", "met now, no study step", "after the plan, the plan's steps", "chosen route met after the plan"} {
		if checked[k] < 100 {
			t.Errorf("only %d cases of %q: the generator does not reach it", checked[k], k)
		}
		t.Logf("%s: %d", k, checked[k])
	}
}

// holdsWhatRuleOffers says whether a "you can sit ... now" rule fired for
// someone who already holds a credential of the kind it offers.
func holdsWhatRuleOffers(rule string, held []string) bool {
	kinds := map[string][]string{
		"can-sit-mlt-now":            {"mlt-ascp", "mlt-amt", "mlt-ascpi", "mls-ascp", "mls-amt", "mls-ascpi"},
		"can-sit-mlt-now-toward-mls": {"mlt-ascp", "mlt-amt", "mlt-ascpi", "mls-ascp", "mls-amt", "mls-ascpi"},
		"can-sit-mls-now":            {"mls-ascp", "mls-amt", "mls-ascpi"},
		"can-sit-phlebotomy-now":     {"cpt-nha", "pbt-ascp", "rpt-amt"},
		"can-sit-ekg-now":            {"cet-nha"},
		"can-sit-ht-now":             {"ht-ascp", "htl-ascp"},
		"can-sit-htl-now":            {"htl-ascp"},
		"can-sit-mb-now":             {"mb-ascp"},
	}
	return slices.ContainsFunc(kinds[rule], func(id string) bool { return slices.Contains(held, id) })
}

func isSubset(sub, of []string) bool {
	for _, s := range sub {
		if !slices.Contains(of, s) {
			return false
		}
	}
	return true
}

func routeNamed(c *Credential, name string) *Route {
	for i := range c.Routes {
		if c.Routes[i].Route == name {
			return &c.Routes[i]
		}
	}
	return nil
}
