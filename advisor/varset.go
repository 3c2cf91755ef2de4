package advisor

// varSet is a set of questions, by their index in the questionnaire. The
// planner uses it to tell, without evaluating anything, which steps could
// help meet a requirement: those whose grants change a question it reads.
// It holds 128 questions; with more, every set is full, which only makes the
// planner try more steps (never fewer).
type varSet [2]uint64

// fullVarSet has every question.
var fullVarSet = varSet{^uint64(0), ^uint64(0)}

func (s *varSet) add(i int) {
	if i < 0 {
		return
	}
	if i >= 128 {
		*s = fullVarSet
		return
	}
	s[i/64] |= 1 << (i % 64)
}

func (s *varSet) union(o varSet) { s[0] |= o[0]; s[1] |= o[1] }

func (s varSet) meets(o varSet) bool { return s[0]&o[0] != 0 || s[1]&o[1] != 0 }

// varsOf returns the set of the named questions (unknown names are skipped).
func (e *Engine) varsOf(ids ...string) varSet {
	var s varSet
	for _, id := range ids {
		if i, ok := e.questionIndex[id]; ok {
			s.add(i)
		}
	}
	return s
}
