package advisor

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with a data or answers file, with where it is.
type Problem struct {
	File string
	Line int
	Col  int
	Msg  string

	more int // on the last problem of a file: how many more were not kept
}

// String formats the problem as file:line:col: message.
func (p Problem) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	case p.File != "":
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	default:
		return p.Msg
	}
}

// DataError lists every problem found while loading data; it is returned by [Load].
type DataError struct {
	Problems []Problem
}

func (e *DataError) Error() string { return joinProblems(e.Problems) }

// AnswersError lists every problem found in an answers file; it is returned by
// [Engine.ParseAnswers].
type AnswersError struct {
	Problems []Problem
}

func (e *AnswersError) Error() string { return joinProblems(e.Problems) }

// joinProblems lists problems one a line.
func joinProblems(ps []Problem) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Limits on what a list of problems holds, so a hostile file cannot make a
// message of millions of lines or make medpath spend its time formatting them.
const (
	maxFileProblems = 50  // problems listed for one file; the rest are counted
	maxEcho         = 40  // characters of a value repeated in a message
	maxArg          = 600 // bytes of any text given to a message
	maxSuggest      = 64  // bytes of a word for which a did-you-mean is sought
)

// problems collects problems in the order found; sorted orders them by place.
// A run of more than maxFileProblems problems for one file is counted, not
// kept: the last entry becomes "... and N more problems in this file".
type problems []Problem

func (ps *problems) add(file string, pos Pos, format string, args ...any) {
	if ps.overflow(file) {
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok && len(s) > maxArg {
			args[i] = clip(s, maxArg)
		}
	}
	*ps = append(*ps, Problem{File: file, Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf(format, args...)})
}

// full reports whether file's problems are no longer being kept, so a caller
// can skip the work of describing one more.
func (ps problems) full(file string) bool {
	n := len(ps)
	if n > 0 && ps[n-1].more > 0 && ps[n-1].File == file {
		return true
	}
	if n < maxFileProblems {
		return false
	}
	for _, p := range ps[n-maxFileProblems:] {
		if p.File != file {
			return false
		}
	}
	return true
}

// overflow counts one more problem for file if its run is full, and reports
// whether it did.
func (ps *problems) overflow(file string) bool {
	if !ps.full(file) {
		return false
	}
	n := len(*ps)
	if last := &(*ps)[n-1]; last.more > 0 && last.File == file {
		last.more++
		last.Msg = moreMsg(last.more)
		return true
	}
	*ps = append(*ps, Problem{File: file, Msg: moreMsg(1), more: 1})
	return true
}

func moreMsg(n int) string {
	if n == 1 {
		return "... and 1 more problem in this file"
	}
	return fmt.Sprintf("... and %d more problems in this file", n)
}

// sorted orders problems by file and place, drops repeats, and lists at most
// maxFileProblems for each file, counting the rest on a last line.
func (ps problems) sorted() []Problem {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.more, b.more),
			cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	out = slices.Compact(out)
	kept := out[:0]
	for i := 0; i < len(out); {
		j, n, more := i, 0, 0
		for ; j < len(out) && out[j].File == out[i].File; j++ {
			switch {
			case out[j].more > 0:
				more += out[j].more
			case n < maxFileProblems:
				kept = append(kept, out[j])
				n++
			default:
				more++
			}
		}
		if more > 0 {
			kept = append(kept, Problem{File: out[i].File, Msg: moreMsg(more), more: more})
		}
		i = j
	}
	return kept
}

// clip cuts s to about n bytes, at a character boundary, marking the cut with "...".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// echo quotes a value for a message, cut to maxEcho characters.
func echo(s string) string { return strconv.Quote(clip(s, maxEcho)) }

// didYouMean returns ` (did you mean "x"?)` for the closest candidate, or "".
// A very long word gets none: it is no typo, and comparing it would be slow.
func didYouMean(got string, candidates []string) string {
	if len(got) > maxSuggest {
		return ""
	}
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := levenshtein(strings.ToLower(got), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(1, len([]rune(got))/3)
	if best == "" || bestD > limit {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// levenshtein is the optimal-string-alignment edit distance.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1) // a swap of two letters
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// quoteList formats allowed values for a message: "a", "b" or "c".
func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	switch len(q) {
	case 0:
		return "nothing"
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
