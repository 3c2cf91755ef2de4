package advisor

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Kind is the kind of a question: how it is asked and the Go type of its
// answer. The front ends draw one field per kind; everything else about a
// kind (its zero value, how a typed number is read, how an answer is worded)
// is here, so they need not switch on it for that.
type Kind string

// Question kinds.
const (
	KindChoice Kind = "choice" // one value from options; a string
	KindMulti  Kind = "multi"  // any values from options; a list of strings
	KindNumber Kind = "number" // a number within min..max: an int, or a float64 when decimals are allowed and it is not whole
	KindYesNo  Kind = "yesno"  // true or false
	KindScale  Kind = "scale"  // a whole number 1..5 (or min..max)
)

// kinds lists the question kinds, for messages.
var kinds = []Kind{KindChoice, KindMulti, KindNumber, KindYesNo, KindScale}

// Valid reports whether k is one of the question kinds.
func (k Kind) Valid() bool { return slices.Contains(kinds, k) }

// HasOptions reports whether answers are picked from the question's options.
func (k Kind) HasOptions() bool { return k == KindChoice || k == KindMulti }

// zero is the zero value of an answer of this kind: the type conditions are
// compiled against.
func (q *Question) zero() any {
	switch q.Kind {
	case KindMulti:
		return []string{}
	case KindNumber, KindScale:
		if q.Decimals {
			return 0.0
		}
		return 0
	case KindYesNo:
		return false
	}
	return ""
}

// Bounds returns the smallest and the largest number a number or scale
// question allows (the loader makes sure both are set).
func (q *Question) Bounds() (lo, hi int) {
	if q.Min == nil || q.Max == nil {
		return math.MinInt32, math.MaxInt32 // reported at load
	}
	return *q.Min, *q.Max
}

// NumberRule says in words what a number question takes: "a whole number
// from 0 to 50", or "a number from 0 to 50 (decimals allowed)".
func (q *Question) NumberRule() string {
	lo, hi := q.Bounds()
	if q.Decimals {
		return fmt.Sprintf("a number from %d to %d (decimals allowed)", lo, hi)
	}
	return fmt.Sprintf("a whole number from %d to %d", lo, hi)
}

// skippable reports whether q is a scale question that may be skipped: its
// answer is then 0 (see Question.Skip).
func (q *Question) skippable() bool { return q.Skip != "" && q.Kind == KindScale }

// skipWords is what a skippable scale's messages add: how to skip it ("" for
// any other question).
func (q *Question) skipWords() string {
	if q.skippable() {
		return `, or 0, "s" or "skip" to skip it`
	}
	return ""
}

// isSkipText reports whether an answer text skips a skippable scale: 0, s or
// skip, in any case.
func isSkipText(s string) bool {
	return s == "0" || strings.EqualFold(s, "s") || strings.EqualFold(s, "skip")
}

// numberProblem is why a text is not an answer to a number question.
type numberProblem int

const (
	numberOK       numberProblem = iota
	numberNotRead                // not a number at all
	numberComma                  // commas that are not thousands separators (1,5)
	numberNotWhole               // a fraction where the question wants a whole number
	numberTooSmall               // below min
	numberTooLarge               // above max
)

// plainDigits reads s when it is one to nine decimal digits and nothing
// else (leading zeros are decimal: 010 is ten).
func plainDigits(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// isNumberText reports whether s is a number as people type it once "$" and
// thousands separators are gone: a sign, digits, a decimal point, an
// exponent (the pattern ^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$, written out
// because a cohort reads millions of cells).
func isNumberText(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	whole := digits()
	frac := 0
	if i < len(s) && s[i] == '.' {
		i++
		frac = digits()
	}
	if whole == 0 && frac == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// groupedRe is a whole part written with thousands separators: 2,000 or 2_000.
var groupedRe = regexp.MustCompile(`^\d{1,3}([,_]\d{3})+$`)

// readNumber reads text as a person types an answer to number question q:
// "2000", "2,000", "$2,000", "3.5" (where decimals are allowed), "-1". It
// takes off what people add to numbers (a dollar sign, thousands separators)
// and refuses what they do not mean (a comma as a decimal point: "1,5"),
// then reads the rest as [Question.numberFrom] does for a data file.
func (q *Question) readNumber(text string) (any, float64, numberProblem) {
	if n, ok := plainDigits(text); ok {
		// the common case (a cohort's cells): a whole number, nothing to take off
		lo, hi := q.Bounds()
		switch {
		case n < lo:
			return nil, float64(n), numberTooSmall
		case n > hi:
			return nil, float64(n), numberTooLarge
		}
		return n, float64(n), numberOK
	}
	s := strings.TrimSpace(text)
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	if rest, ok := strings.CutPrefix(s, "$"); ok {
		s = strings.TrimSpace(rest)
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	if strings.ContainsAny(whole, ",_") {
		if !groupedRe.MatchString(whole) {
			if strings.Contains(whole, ",") {
				return nil, 0, numberComma
			}
			return nil, 0, numberNotRead
		}
		whole = strings.NewReplacer(",", "", "_", "").Replace(whole)
	}
	s = sign + whole
	if hasPoint {
		s += "." + frac
	}
	if !isNumberText(s) {
		return nil, 0, numberNotRead
	}
	return q.numberFrom(s)
}

// numberFrom reads a number written in decimal digits (see parseDecimal:
// 010 is ten, never octal; an exactly whole value is whole however it is
// written) as an answer to q, and checks it against the question's bounds
// and whether it allows decimals. It returns the answer (an int when whole,
// a float64 for a fraction) and the value read, or why it cannot be the
// answer.
func (q *Question) numberFrom(s string) (any, float64, numberProblem) {
	lo, hi := q.Bounds()
	v, form := parseDecimal(s)
	switch form {
	case numNotDecimal:
		return nil, 0, numberNotRead
	case numTooBig:
		if strings.HasPrefix(s, "-") {
			return nil, math.Inf(-1), numberTooSmall
		}
		return nil, math.Inf(1), numberTooLarge
	case numWhole:
		switch {
		case v < int64(lo):
			return nil, float64(v), numberTooSmall
		case v > int64(hi):
			return nil, float64(v), numberTooLarge
		}
		return int(v), float64(v), numberOK
	}
	// a fraction
	f, _ := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64) // parseDecimal checked the form
	switch {
	case !q.Decimals:
		return nil, f, numberNotWhole
	case f < float64(lo):
		return nil, f, numberTooSmall
	case f > float64(hi):
		return nil, f, numberTooLarge
	}
	return numberValue(f), f, numberOK
}

// numberValue is a number as an answer holds it: an int when whole.
func numberValue(f float64) any {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int(f)
	}
	return f
}

// ParseNumber reads what a person typed for number or scale question q, as
// both front ends do: thousands separators and a dollar sign are allowed,
// decimals only where the question allows them. It returns the answer, or a
// message that says what is wrong and what to type instead.
func (q *Question) ParseNumber(text string) (any, string) {
	if q.skippable() && isSkipText(strings.TrimSpace(text)) {
		return 0, ""
	}
	v, f, p := q.readNumber(text)
	if p == numberOK {
		return v, ""
	}
	return nil, q.numberMessage(strings.TrimSpace(text), f, p)
}

// numberMessage words a numberProblem for a person typing an answer; what
// they typed is quoted, cut to maxEcho characters.
func (q *Question) numberMessage(text string, f float64, p numberProblem) string {
	rule := q.NumberRule() + q.skipWords()
	lo, hi := q.Bounds()
	read := FormatNumber(numberValue(f)) // the number as read: "$1,000" is 1000
	if math.IsInf(f, 0) {
		read = clip(text, maxEcho)
	}
	switch p {
	case numberComma:
		return fmt.Sprintf("%s is not a number: a comma separates thousands, as in 2,000; type %s", echo(text), rule)
	case numberNotWhole:
		return fmt.Sprintf("%s is not a whole number; type %s", echo(text), rule)
	case numberTooSmall:
		return fmt.Sprintf("%s is less than %d; type %s", read, lo, rule)
	case numberTooLarge:
		return fmt.Sprintf("%s is more than %d; type %s", read, hi, rule)
	}
	if text == "" {
		return "type " + rule
	}
	if q.Decimals {
		return fmt.Sprintf("%s is not a number; type %s", echo(text), rule)
	}
	return fmt.Sprintf("%s is not a whole number; type %s", echo(text), rule)
}

// FormatNumber writes a number plainly, as a person would type it back: 12,
// 3.5, 10.67 (no thousands separators, no trailing zeros).
func FormatNumber(v any) string {
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// asNumber returns a number answer as a float64.
func asNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
