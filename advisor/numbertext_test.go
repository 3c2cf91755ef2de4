package advisor

import (
	"regexp"
	"testing"
)

// TestIsNumberTextMatchesItsPattern checks the hand-written reader against
// the pattern it spells out, on every string of up to four characters from
// the alphabet that matters, and on some longer ones.
func TestIsNumberTextMatchesItsPattern(t *testing.T) {
	re := regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)
	alphabet := []string{"", "1", "0", ".", "-", "+", "e", "E", "x", " "}
	var try func(s string, n int)
	try = func(s string, n int) {
		if got, want := isNumberText(s), re.MatchString(s); got != want {
			t.Errorf("isNumberText(%q) = %v; the pattern says %v", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet[1:] {
			try(s+c, n-1)
		}
	}
	try("", 5)
	for _, s := range []string{"123.456e+78", "-.5", "5.", "1e", "1e+", "+", "12a", "010000", "4999.9999999999999999"} {
		if got, want := isNumberText(s), re.MatchString(s); got != want {
			t.Errorf("isNumberText(%q) = %v; the pattern says %v", s, got, want)
		}
	}
}
