package advisor

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v3"
)

// Answers maps question ids to typed values: string (choice), []string
// (multi), int (number, scale; a float64 only for a fraction such as 3.5,
// where the question allows decimals) or bool (yesno). A missing id takes
// the question's default, and reports say it was assumed.
type Answers map[string]any

// Clone returns a copy that shares no lists with a.
func (a Answers) Clone() Answers {
	out := make(Answers, len(a))
	for k, v := range a {
		if l, ok := v.([]string); ok {
			v = slices.Clone(l)
		}
		out[k] = v
	}
	return out
}

// ParseAnswers reads an answers file (YAML or JSON; name is used in messages)
// and checks every answer against its question. All problems are returned
// together in an [*AnswersError], each naming the key, the value and what is
// allowed.
func (e *Engine) ParseAnswers(name string, b []byte) (Answers, error) {
	var ps problems
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a byte-order mark from some editors
	if len(bytes.TrimSpace(b)) == 0 {
		ps.add(name, Pos{}, "answers file is empty; run `medpath questions` for a template")
		return nil, &AnswersError{Problems: ps}
	}
	root := parseYAML(name, b, &ps)
	if root == nil {
		return nil, &AnswersError{Problems: ps.sorted()}
	}
	if root.Kind != yaml.MappingNode {
		ps.add(name, posOf(root), "answers must be a mapping of question ids to values (id: value)")
		return nil, &AnswersError{Problems: ps}
	}
	a := Answers{}
	seen := map[string]int{} // question id -> line of its first answer, blank ones included
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		q := e.question(k.Value)
		if q == nil {
			if ps.overflow(name) {
				continue // counted, not described: no did-you-mean for the 50,000th unknown key
			}
			ps.add(name, posOf(k), "%s is not a question%s; run `medpath questions` for the list", echo(k.Value), didYouMean(k.Value, e.questionIDs()))
			continue
		}
		if first, dup := seen[q.ID]; dup {
			ps.add(name, posOf(k), "%q is answered twice (first at line %d)", k.Value, first)
			continue
		}
		seen[q.ID] = k.Line
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && q.Kind != KindMulti {
			continue // "key:" with no value is left unanswered, so the default is assumed
		}
		val, msg := e.convert(q, v)
		if msg != "" {
			ps.add(name, posOf(v), "%s: %s", k.Value, msg)
			continue
		}
		a[q.ID] = val
	}
	if len(ps) > 0 {
		return nil, &AnswersError{Problems: ps.sorted()}
	}
	return a, nil
}

// Check validates one typed value for a question, as the TUI does while the
// student types. It returns "" when the value is allowed.
func (e *Engine) Check(id string, v any) string {
	q := e.question(id)
	if q == nil {
		return fmt.Sprintf("%q is not a question", id)
	}
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return err.Error()
	}
	_, msg := e.convert(q, &n)
	return msg
}

// MarshalAnswers writes answers as YAML in questionnaire order, with each
// prompt as a comment, so the file reads well and loads back unchanged.
func (e *Engine) MarshalAnswers(a Answers) []byte {
	var b bytes.Buffer
	b.WriteString("# medpath answers: load with `medpath report --answers FILE` or `medpath --answers FILE`.\n")
	for _, q := range e.questions {
		v, ok := a[q.ID]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "\n# %s\n%s: %s\n", comment(q.Prompt), q.ID, yamlValue(v))
	}
	if len(a) == 0 {
		b.WriteString("{}\n") // no answers yet: still a valid, loadable file
	}
	return b.Bytes()
}

func yamlValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return fmt.Sprint(v)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// comment returns s as the text of one comment line: every line break
// (\n \r \v \f U+0085 U+2028 U+2029, all of which end a YAML comment) and
// tab folded to a space, escape sequences and other control characters
// removed, runs of spaces made one. The loader refuses these in data labels;
// this keeps a saved file whole whatever the text.
func comment(s string) string { return oneLine(PlainText(s)) }

// env returns the condition environment for answers: every question's value
// (its default when unanswered) and the named constants.
func (e *Engine) envFor(a Answers) map[string]any {
	return e.fillEnv(make(map[string]any, len(e.questions)+2), a)
}

// fillCondEnv is fillEnv for evaluating the data's own conditions: it
// leaves out the inventory items no condition reads (see condQuestions), so a
// cohort row does not write 24 keys nobody looks up.
func (e *Engine) fillCondEnv(env map[string]any, a Answers) map[string]any {
	return e.fill(env, a, e.condQs)
}

// condQuestions lists the questions a condition environment holds: all but
// the inventory items that no compiled condition reads and no step grants
// (the profile reads them from the answers).
func (e *Engine) condQuestions() {
	read := map[string]bool{}
	for _, prog := range e.progCache {
		if prog == nil {
			continue
		}
		for _, id := range e.reads(prog) {
			read[id] = true
		}
	}
	for _, p := range e.paths {
		for _, st := range p.Steps {
			for id := range st.Grants {
				read[id] = true
			}
		}
	}
	e.condQs = e.condQs[:0]
	for _, q := range e.questions {
		if !q.IsInventoryItem() || read[q.ID] {
			e.condQs = append(e.condQs, q)
		}
	}
}

// fillEnv sets every variable of env for answers a (every key is written,
// so a map used before needs no clearing).
func (e *Engine) fillEnv(env map[string]any, a Answers) map[string]any {
	return e.fill(env, a, e.questions)
}

// fill sets the questions qs of env to their answers in a, or their
// defaults, and the licensing states.
func (e *Engine) fill(env map[string]any, a Answers, qs []*Question) map[string]any {
	for _, q := range qs {
		if v, ok := a[q.ID]; ok {
			env[q.ID] = v
		} else {
			env[q.ID] = q.def
		}
	}
	env[licensingStates] = e.licensing
	return env
}

// Visible returns the questions to ask for these answers, in questionnaire
// order: those without show_if, and those whose show_if holds once the
// answers to hidden questions are left out (see [Engine.VisibleAnswers]).
func (e *Engine) Visible(a Answers) []*Question {
	_, vis := e.visible(a)
	return vis
}

// VisibleAnswers returns the answers that count: those to the questions
// visible for them. An answer to a hidden question is left out, as if never
// given, so it takes its default; that can hide (or show) another question in
// turn, so this repeats until nothing changes. A front end keeps hidden
// answers (they come back if their question does) but gives the engine, the
// session file and the report only these.
func (e *Engine) VisibleAnswers(a Answers) Answers {
	out, _ := e.visible(a)
	return out
}

// visible computes the fixed point of VisibleAnswers and the questions shown
// for it. Every step keeps only answers from a, so it ends; the bound is
// there in case odd data makes two questions hide each other in turn.
func (e *Engine) visible(a Answers) (Answers, []*Question) {
	var m vm.VM
	cur := a
	var shown []*Question
	for range len(e.questions) + 1 {
		shown = e.shown(&m, cur)
		next := make(Answers, len(shown))
		for _, q := range shown {
			if v, ok := a[q.ID]; ok {
				next[q.ID] = v
			}
		}
		same := len(next) == len(cur)
		for id := range next {
			if _, ok := cur[id]; !ok {
				same = false
				break
			}
		}
		cur = next
		if same {
			break
		}
	}
	return cur, shown
}

// shown is one pass: the questions whose show_if holds for a as it is.
func (e *Engine) shown(m *vm.VM, a Answers) []*Question {
	env := e.fillCondEnv(make(map[string]any, len(e.condQs)+2), a)
	out := make([]*Question, 0, len(e.questions))
	for _, q := range e.questions {
		if eval(m, &q.ShowIf, env) {
			out = append(out, q)
		}
	}
	return out
}

// Value returns the answer to q, or its default when a has none, and whether
// it was answered.
func (a Answers) Value(q *Question) (v any, answered bool) {
	if v, ok := a[q.ID]; ok {
		return v, true
	}
	return q.def, false
}

// Equal reports whether a and b hold the same answers: the same question ids
// with equal values. A list is compared as a set (the order in which options
// were ticked does not matter), a number by its value (2 equals 2.0), and no
// answers equal an empty set of answers.
func (a Answers) Equal(b Answers) bool {
	if len(a) != len(b) {
		return false
	}
	for id, va := range a {
		vb, ok := b[id]
		if !ok || !sameValue(va, vb) {
			return false
		}
	}
	return true
}

func sameValue(x, y any) bool {
	if fx, ok := asNumber(x); ok {
		fy, ok := asNumber(y)
		return ok && fx == fy
	}
	switch vx := x.(type) {
	case []string:
		vy, ok := y.([]string)
		if !ok {
			return false
		}
		for _, s := range vx {
			if !slices.Contains(vy, s) {
				return false
			}
		}
		for _, s := range vy {
			if !slices.Contains(vx, s) {
				return false
			}
		}
		return true
	case string, bool:
		return x == y
	}
	return reflect.DeepEqual(x, y)
}

// Template returns an answers file with every question, its allowed values and
// help as comments, and the defaults filled in.
func (e *Engine) Template() []byte {
	var b bytes.Buffer
	b.WriteString("# medpath answers template. Fill in what applies; delete a line to take its default.\n")
	b.WriteString("# Use it with: medpath report --answers answers.yaml\n")
	section := ""
	for _, q := range e.questions {
		if q.Section.ID != section {
			section = q.Section.ID
			if s := e.Section(section); s != nil {
				fmt.Fprintf(&b, "\n# ==== %s ====\n", comment(s.Title))
			}
		}
		fmt.Fprintf(&b, "\n# %s\n", comment(q.Prompt))
		for _, line := range WrapText(comment(q.Help), 76) {
			fmt.Fprintf(&b, "#   %s\n", line)
		}
		switch q.Kind {
		case KindChoice, KindMulti:
			lead := "one of"
			if q.Kind == KindMulti {
				lead = "a list of any of"
			}
			fmt.Fprintf(&b, "#   %s:\n", lead)
			for _, o := range q.Options {
				fmt.Fprintf(&b, "#     %-14s %s\n", comment(o.Value), comment(o.Label))
			}
		case KindNumber:
			lo, hi := q.Bounds()
			var notes []string
			if q.Unit != "" {
				notes = append(notes, comment(q.Unit))
			}
			kind := "a whole number"
			if q.Decimals {
				kind = "a number"
				notes = append(notes, "decimals allowed")
			}
			fmt.Fprintf(&b, "#   %s from %d to %d", kind, lo, hi)
			if len(notes) > 0 {
				fmt.Fprintf(&b, " (%s)", strings.Join(notes, "; "))
			}
			b.WriteString("\n")
		case KindScale:
			lo, hi := q.Bounds()
			fmt.Fprintf(&b, "#   %d to %d", lo, hi)
			switch {
			case len(q.ScaleLabels) == 2 && hi-lo+1 != 2:
				fmt.Fprintf(&b, " (%d = %s, %d = %s)\n", lo, comment(q.ScaleLabels[0]), hi, comment(q.ScaleLabels[1]))
			case len(q.ScaleLabels) == hi-lo+1:
				// a label for every point: list them all
				b.WriteString(":\n")
				for n := lo; n <= hi; n++ {
					fmt.Fprintf(&b, "#     %d = %s\n", n, comment(q.ScaleLabels[n-lo]))
				}
			default:
				b.WriteString("\n")
			}
			if q.skippable() {
				fmt.Fprintf(&b, "#   0 or skip = skipped (%s)\n", comment(q.Skip))
			}
		case KindYesNo:
			b.WriteString("#   true or false\n")
		}
		if !q.ShowIf.IsZero() {
			fmt.Fprintf(&b, "#   asked only when: %s\n", comment(q.ShowIf.Src))
		}
		fmt.Fprintf(&b, "%s: %s\n", q.ID, yamlValue(q.def))
	}
	return b.Bytes()
}

// WrapText breaks s into lines of at most width runes at spaces; runs of
// white space become one space, and a word longer than width gets a line of
// its own. It returns nil for blank text.
func WrapText(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	var lines []string
	start, n := 0, utf8.RuneCountInString(words[0]) // the line's first word and its length in runes
	for i := 1; i < len(words); i++ {
		wn := utf8.RuneCountInString(words[i])
		if n+1+wn > width {
			lines = append(lines, strings.Join(words[start:i], " "))
			start, n = i, wn
			continue
		}
		n += 1 + wn
	}
	return append(lines, strings.Join(words[start:], " "))
}
