package advisor

import "fmt"

// RunExamples checks every `examples:` entry in the data (answers -> expected
// top path) and returns one line per failure, as file:line: message. A
// counselor uses this through `medpath validate` to test their own rules.
func (e *Engine) RunExamples() []string {
	var out []string
	for _, x := range e.examples {
		a := Answers{}
		for id, n := range x.Answers {
			if q := e.question(id); q != nil {
				if v, msg := e.convert(q, &n); msg == "" {
					a[id] = v
				}
			}
		}
		r := e.Recommend(a)
		if r.Recommended != x.Expect.ID {
			got := r.Paths[0]
			out = append(out, fmt.Sprintf("%s:%d: example %q: expected top path %q, got %q (score %d; %q scored %d)",
				x.file, x.pos.Line, x.Name, x.Expect.ID, got.ID, got.Score, x.Expect.ID, r.score(x.Expect.ID)))
		}
	}
	return out
}

func (r *Recommendation) score(id string) int {
	for _, p := range r.Paths {
		if p.ID == id {
			return p.Score
		}
	}
	return 0
}
