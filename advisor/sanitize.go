package advisor

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text that medpath did not write itself (data from a counselor's folder,
// session labels, CSV ids, file names) can hold escape sequences that a
// terminal runs (clear the screen, set the title, make a link), line breaks
// that end a YAML comment early, and bidirectional overrides that show text
// in another order than it is stored. The loader refuses such characters in
// data ([badTextRune]); what reaches a terminal, a log or a comment from
// elsewhere goes through [PlainText] or [PlainLines].

// IsLineBreak reports whether r ends a line for YAML, a terminal or a text
// editor: \n \r \v \f, U+0085 (NEL), U+2028 (LINE SEPARATOR) and U+2029
// (PARAGRAPH SEPARATOR).
func IsLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isBidiControl reports whether r changes the display order of the text
// around it: the embeddings and overrides U+202A–U+202E and the isolates
// U+2066–U+2069 ("Trojan Source").
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7F && r <= 0x9F)
}

// PlainText returns s as one line that is safe to print on a terminal or to
// write into a comment: escape sequences (CSI, OSC, DCS and the rest, in 7-
// or 8-bit form) are removed whole, every line break and tab becomes a
// space, other control characters and bidirectional overrides are removed,
// invalid UTF-8 becomes U+FFFD, and the ends are trimmed.
func PlainText(s string) string {
	return strings.TrimSpace(plain(s, false))
}

// PlainLines is [PlainText] for text of several lines (messages, lists of
// problems): a \n stays a line break and a tab stays a tab; \r\n becomes \n.
func PlainLines(s string) string {
	return plain(s, true)
}

// plain removes escape sequences and controls from s; lines keeps \n and \t.
func plain(s string, lines bool) string {
	if isPlain(s, lines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		if r == 0x1B || r == 0x9B || r == 0x9D || r == 0x90 || r == 0x98 || r == 0x9E || r == 0x9F {
			i += escapeLen(s[i:])
			continue
		}
		i += size
		switch {
		case lines && r == '\r' && strings.HasPrefix(s[i:], "\n"):
			// \r\n: the \n that follows is kept
		case lines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case IsLineBreak(r) || r == '\t':
			b.WriteByte(' ')
		case isControl(r) || isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s needs no change by plain (the common case, so
// no copy is made).
func isPlain(s string, lines bool) bool {
	for _, r := range s {
		if r == utf8.RuneError || isControl(r) || IsLineBreak(r) || isBidiControl(r) {
			if lines && (r == '\n' || r == '\t') {
				continue
			}
			return false
		}
	}
	return true
}

// escapeLen returns the length in bytes of the escape sequence that starts
// s (with ESC, or a C1 introducer): ESC [ ... final (CSI), ESC ] ... BEL or
// ST (OSC), ESC P/X/^/_ ... ST (DCS, SOS, PM, APC), or ESC and one more
// character. An unterminated sequence runs to the end of s.
func escapeLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	kind := r
	if r == 0x1B {
		if len(s) < 2 {
			return n
		}
		kind = rune(s[1])
		n++
		switch kind {
		case '[':
			kind = 0x9B
		case ']':
			kind = 0x9D
		case 'P':
			kind = 0x90
		case 'X':
			kind = 0x98
		case '^':
			kind = 0x9E
		case '_':
			kind = 0x9F
		default:
			if kind >= 0x80 { // ESC then a multi-byte character: drop only the ESC
				return 1
			}
			return n
		}
	}
	switch kind {
	case 0x9B: // CSI: parameter and intermediate bytes, then one final byte
		for i := n; i < len(s); i++ {
			switch c := s[i]; {
			case c >= 0x40 && c <= 0x7E:
				return i + 1
			case c < 0x20 || c > 0x7E:
				return i // not a CSI byte: the sequence is broken; stop here
			}
		}
		return len(s)
	default: // OSC, DCS, SOS, PM, APC: a string ended by BEL (OSC) or ST
		for i := n; i < len(s); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1B && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			case strings.HasPrefix(s[i:], "\u009c"):
				return i + len("\u009c")
			}
		}
		return len(s)
	}
}

// badTextRune returns the first character of s that data text may not hold,
// and why: C0 and C1 control characters (a tab and, where text may span
// lines, \n excepted), U+2028 and U+2029, and bidirectional overrides. ok is
// false when s is clean.
func badTextRune(s string, multiline bool) (r rune, why string, ok bool) {
	for _, r := range s {
		switch {
		case r == '\t':
		case r == '\n' && multiline:
		case IsLineBreak(r):
			return r, "a line break", true
		case isControl(r):
			return r, "a control character", true
		case isBidiControl(r):
			return r, "a bidirectional override", true
		}
	}
	return 0, "", false
}

// runeName names a character for a message: U+001B (ESC).
func runeName(r rune) string {
	names := map[rune]string{0x07: "BEL", 0x08: "BS", '\t': "TAB", '\n': "LF", '\v': "VT", '\f': "FF", '\r': "CR",
		0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL", 0x9B: "CSI", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
		0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
		0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("%U (%s)", r, n)
	}
	return fmt.Sprintf("%U", r)
}

// SafeCell returns a CSV cell that a spreadsheet shows as text: a cell that
// starts with =, +, -, @, a tab or a carriage return would be read as a
// formula (CSV injection), so it gets a leading apostrophe, which
// spreadsheets hide. Other cells are returned as they are.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
