package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"medpath/advisor"
)

// This file counts the questions for "Question n of N", the same way on
// the full screen and in the accessible mode.
//
// The rule: N is the number of questions that can still be asked given the
// answers so far. It counts the questions visible now (unanswered ones at
// their defaults) and those that an answer still to give could reveal: the
// follow-ups of the question on screen and of every question not yet
// answered, and theirs in turn. Answers already given are taken as they
// are. So N never grows as the questionnaire goes on (each answer can only
// rule follow-ups out), and it says "up to N" while some answer still to
// give could add questions; once none can, N is exact. The low end of the
// range ("17–53") is as few as may be asked: the questions visible now less
// those an answer not given yet could hide (the 24 activities, shown at
// their question's default yes, go when it is answered no), so it never
// drops as the questionnaire goes on either.
//
// Whether an answer can reveal a question is found by trying it: for each
// question still to answer, each of its options (a multi: each option on
// its own and all of them; yes and no; a scale's ends; a number's lowest,
// highest and default), the engine says which questions are visible. A
// follow-up that needs two answers still to give at once would be missed;
// the data has none (each show_if reads one question, or several joined by
// "or").

// questionCount is N for "Question n of N": Total questions can still be
// asked, Now are visible now; More reports that Total counts questions an
// answer still to give could reveal, so as few as Now may be asked.
type questionCount struct {
	Now   int // visible now, the unanswered at their defaults
	Total int // visible now, and those an answer still to give could reveal
	More  bool
	// Items are the interest inventory's activities among Total, ItemsNow
	// those among Now: the welcome counts them apart from the questions,
	// as an optional check.
	Items    int
	ItemsNow int
}

// countQuestions counts the questions for answers a, where open are the
// questions whose answers may still change (the one on screen, and those
// not answered yet).
func countQuestions(eng *advisor.Engine, a advisor.Answers, open func(id string) bool) questionCount {
	visible := eng.Visible(a)
	reach := make(map[string]bool, len(visible))
	for _, q := range visible {
		reach[q.ID] = true
	}
	// Each step tries the questions that became visible in it (at first,
	// every visible one): a question visible before was tried already, and
	// what it reveals does not depend on the answer that revealed the new ones.
	type step struct {
		answers advisor.Answers
		try     []*advisor.Question
	}
	// An answer still to give may also hide questions visible now (a
	// follow-up shown at its question's default: the activities, under
	// "would you like to rate them?", default yes): those are not counted
	// in Now, which is as few as may be asked. The first step's trials,
	// on a itself, find them; an answer given is taken as it is, even on
	// screen.
	hideable := map[string]bool{}
	steps := []step{{a, visible}}
	for depth := 0; depth < 4 && len(steps) > 0; depth++ {
		var next []step
		for _, st := range steps {
			for _, q := range st.try {
				if !open(q.ID) {
					continue
				}
				_, given := a[q.ID]
				for _, v := range tryValues(q) {
					s2 := st.answers.Clone()
					s2[q.ID] = v
					var fresh []*advisor.Question
					vis2 := eng.Visible(s2)
					if depth == 0 && !given {
						markHidden(visible, vis2, hideable)
					}
					for _, x := range vis2 {
						if !reach[x.ID] {
							reach[x.ID] = true
							fresh = append(fresh, x)
						}
					}
					if len(fresh) > 0 {
						next = append(next, step{s2, fresh})
					}
				}
			}
		}
		steps = next
	}
	c := questionCount{Total: len(reach), Now: len(visible) - len(hideable)}
	c.More = c.Total > c.Now
	for _, q := range eng.Questions() {
		if q.IsInventoryItem() && reach[q.ID] {
			c.Items++
		}
	}
	for _, q := range visible {
		if q.IsInventoryItem() && !hideable[q.ID] {
			c.ItemsNow++
		}
	}
	return c
}

// markHidden marks in hidden the questions of before that after no longer shows.
func markHidden(before, after []*advisor.Question, hidden map[string]bool) {
	still := make(map[string]bool, len(after))
	for _, x := range after {
		still[x.ID] = true
	}
	for _, x := range before {
		if !still[x.ID] {
			hidden[x.ID] = true
		}
	}
}

// tryValues are the answers to try on q to find what it can reveal.
func tryValues(q *advisor.Question) []any {
	var out []any
	switch q.Kind {
	case advisor.KindChoice:
		for _, o := range q.Options {
			out = append(out, o.Value)
		}
	case advisor.KindMulti:
		all := make([]string, 0, len(q.Options))
		for _, o := range q.Options {
			out = append(out, []string{o.Value})
			all = append(all, o.Value)
		}
		out = append(out, all)
	case advisor.KindYesNo:
		out = append(out, true, false)
	case advisor.KindScale:
		lo, hi := q.Bounds()
		out = append(out, lo, hi)
	case advisor.KindNumber:
		if q.Min != nil {
			out = append(out, *q.Min)
		}
		if q.Max != nil {
			out = append(out, *q.Max)
		}
		if d := q.DefaultValue(); d != nil {
			out = append(out, d)
		}
	}
	return out
}

// openAfter is the "open" of countQuestions in the questionnaire: the
// question on screen (id) and every question not answered in a.
func openAfter(a advisor.Answers, id string) func(string) bool {
	return func(q string) bool {
		if q == id {
			return true
		}
		_, answered := a[q]
		return !answered
	}
}

// String is the count as the screens write it: "16", or "16–28" while
// answers still to give could add questions.
func (c questionCount) String() string {
	if !c.More {
		return strconv.Itoa(c.Total)
	}
	return strconv.Itoa(c.Now) + "–" + strconv.Itoa(c.Total)
}

// sentence says how many questions there are in a sentence for the welcome:
// "16 to 28 questions: follow-ups come only where an answer calls for them."
func (c questionCount) sentence() string {
	if !c.More {
		return fmt.Sprintf("%d questions.", c.Total)
	}
	return fmt.Sprintf("%d to %d questions: follow-ups come only where an answer calls for them.", c.Now, c.Total)
}

// questions is the count without the inventory's activities: the
// questions proper, as the welcome and the accessible intro count them.
func (c questionCount) questions() questionCount {
	q := questionCount{Now: c.Now - c.ItemsNow, Total: c.Total - c.Items}
	q.More = q.Total > q.Now
	return q
}

// itemSeconds is the time one activity of the inventory takes, for the
// estimate of the whole check: a line of about ten words to read and one
// key to press. 24 of them make the "about two minutes" the data's own
// words give (questions.yaml, the activities section), within the issue's
// budget of three minutes (issue 13).
const itemSeconds = 5

// activities says the optional activity check in words for the welcome
// and the accessible intro: "an optional check of 24 activities (about 2
// minutes)"; "" when no activity can be asked.
func (c questionCount) activities() string {
	if c.Items == 0 {
		return ""
	}
	long := "about a minute"
	if minutes := (c.Items*itemSeconds + 30) / 60; minutes > 1 {
		long = fmt.Sprintf("about %d minutes", minutes)
	}
	return fmt.Sprintf("an optional check of %d activities (%s)", c.Items, long)
}

// countCache remembers counts by answers and the question on screen, so
// going back and forth over the questions (or a key storm) counts each
// state once. It is emptied when full.
type countCache map[string]questionCount

// maxCounts bounds the cache.
const maxCounts = 512

// count is countQuestions for the questionnaire at question id, through the cache.
func (c *common) count(a advisor.Answers, id string) questionCount {
	key := countKey(a, id)
	if n, ok := c.counts[key]; ok {
		return n
	}
	n := countQuestions(c.eng, a, openAfter(a, id))
	if c.counts == nil || len(c.counts) >= maxCounts {
		c.counts = countCache{}
	}
	c.counts[key] = n
	return n
}

// countKey writes the answers and id as a map key.
func countKey(a advisor.Answers, id string) string {
	ids := make([]string, 0, len(a))
	for k := range a {
		ids = append(ids, k)
	}
	slices.Sort(ids)
	var b strings.Builder
	b.WriteString(id)
	for _, k := range ids {
		fmt.Fprintf(&b, "\x00%s=%v", k, a[k])
	}
	return b.String()
}
