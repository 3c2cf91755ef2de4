package advisor

import (
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
