package advisor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFastPathsAgree checks the byte-at-a-time fast paths of the loader
// against the rune checks they skip: plainText never accepts what
// badTextRune refuses, and checkEncoding refuses the same bytes with or
// without its ASCII fast path.
func TestFastPathsAgree(t *testing.T) {
	var samples []string
	for c := range 0x80 {
		samples = append(samples, string(rune(c)), "ab"+string(rune(c))+"cd")
	}
	samples = append(samples, "café", "\uFFFD", "bad\xffbyte", "\xc3", "a\u2028b", "a\u202Eb", "a\u0085b", "a\u009Bb", "tab\there", "two\nlines", "")
	for _, s := range samples {
		for _, multiline := range []bool{false, true} {
			_, _, bad := badTextRune(s, multiline)
			if plainText(s, multiline) && bad {
				t.Errorf("plainText(%q, %v) accepts what badTextRune refuses", s, multiline)
			}
			if !bad && utf8.ValidString(s) && isASCII(s) && !plainText(s, multiline) {
				t.Errorf("plainText(%q, %v) sends clean ASCII to the slow path", s, multiline)
			}
		}
		var fast problems
		ok := checkEncoding("f.yaml", []byte(s), &fast)
		if want := slowEncodingOK(s); ok != want {
			t.Errorf("checkEncoding(%q) = %v, want %v (%v)", s, ok, want, fast)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// slowEncodingOK is checkEncoding's rule for text without a NUL byte or a
// byte-order mark, a rune at a time.
func slowEncodingOK(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == 0 || !yamlPrintable(r) {
			return false
		}
	}
	return true
}

// TestWrapTextAsBefore checks WrapText, which counts each word's runes once,
// against the way it wrapped before (counting the whole line again at each
// word), on text of words of many lengths, non-ASCII and over-long words
// included.
func TestWrapTextAsBefore(t *testing.T) {
	before := func(s string, width int) []string {
		words := strings.Fields(s)
		if len(words) == 0 {
			return nil
		}
		var lines []string
		line := words[0]
		for _, w := range words[1:] {
			if len([]rune(line))+1+len([]rune(w)) > width {
				lines = append(lines, line)
				line = w
				continue
			}
			line += " " + w
		}
		return append(lines, line)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "bb", "lab", "café", "technologist", "  ", "\n", "\t", "naïve", "MLS(ASCP)", strings.Repeat("x", 90)}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteString(" ")
			}
		}
		width := 1 + rng.IntN(80)
		if got, want := WrapText(b.String(), width), before(b.String(), width); !slices.Equal(got, want) {
			t.Fatalf("WrapText(%q, %d) = %q, want %q", b.String(), width, got, want)
		}
	}
}
