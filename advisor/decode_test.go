package advisor_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"medpath/advisor"
)

// overlayErr loads the fixture with one overlay folder "o" of files and
// returns the load error's text ("" if it loaded).
func overlayErr(t *testing.T, files map[string]string) string {
	t.Helper()
	_, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "o", FS: mapFS(files)})
	if err == nil {
		return ""
	}
	var de *advisor.DataError
	if !errors.As(err, &de) {
		t.Fatalf("want a *DataError, got %T %v", err, err)
	}
	return err.Error()
}

// answersErr parses an answers file with the fixture engine and returns the error's text.
func answersErr(t *testing.T, in string) string {
	t.Helper()
	_, err := fixtureEngine(t).ParseAnswers("a.yaml", []byte(in))
	if err == nil {
		return ""
	}
	var ae *advisor.AnswersError
	if !errors.As(err, &ae) {
		t.Fatalf("want an *AnswersError, got %T %v", err, err)
	}
	return err.Error()
}

func utf16le(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

// TestU3EncodingErrors: a file that is not UTF-8 YAML text says where and
// what it looks like instead, in answers and data files alike.
func TestU3EncodingErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"NUL byte", "education: associate\nbudget: 5\nstate: T\x00X\n", `a.yaml:3:9: not valid UTF-8 text: a NUL byte (byte offset 39)`},
		{"UTF-16LE without BOM", utf16le("education: associate\n"), `a.yaml: not valid UTF-8 text: the file looks like UTF-16 (every other byte is 0); save it as UTF-8`},
		{"UTF-16LE with BOM", "\xff\xfe" + utf16le("education: associate\n"), `a.yaml: not valid UTF-8 text: the file is UTF-16`},
		{"Latin-1", "education: associate\nstate: \"Qu\xe9bec\"\n", `a.yaml:2:11: not valid UTF-8 text: byte 0xE9 (byte offset 31); save the file as UTF-8 (it may be Latin-1 or Windows-1252)`},
		{"escape character", "education: associate\nstate: \"T\x1bX\"\n", `a.yaml:2:10: control character U+001B is not allowed in YAML`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := answersErr(t, tt.in); !strings.Contains(got, tt.want) {
				t.Errorf("answers: want %q, got %q", tt.want, got)
			}
			want := strings.Replace(tt.want, "a.yaml", "o/x.yaml", 1)
			if got := overlayErr(t, map[string]string{"x.yaml": tt.in}); !strings.Contains(got, want) {
				t.Errorf("data: want %q, got %q", want, got)
			}
		})
	}
}

// TestU6SecondDocumentAndDuplicateKeys: what the decoder would drop or
// overwrite silently is reported with its line.
func TestU6SecondDocumentAndDuplicateKeys(t *testing.T) {
	t.Run("second document in answers", func(t *testing.T) {
		got := answersErr(t, "education: associate\n---\neducation: bachelor\n")
		if want := `a.yaml:3:1: a second YAML document (after ---); a file holds one document`; !strings.Contains(got, want) {
			t.Errorf("want %q, got %q", want, got)
		}
	})
	t.Run("second document in data", func(t *testing.T) {
		got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - {id: a, publisher: p, title: t, as_of: x, status: official}\n---\nrules: []\n"})
		if want := `o/x.yaml:4:1: a second YAML document`; !strings.Contains(got, want) {
			t.Errorf("want %q, got %q", want, got)
		}
	})
	t.Run("document markers around one document are fine", func(t *testing.T) {
		if got := answersErr(t, "---\neducation: associate\n...\n"); got != "" {
			t.Errorf("got %q", got)
		}
		if got := answersErr(t, "education: associate\n---\n"); got != "" {
			t.Errorf("an empty second document holds nothing to lose: %q", got)
		}
	})
	t.Run("blank answer then an answer", func(t *testing.T) {
		got := answersErr(t, "state:\nstate: TX\n")
		if want := `a.yaml:2:1: "state" is answered twice (first at line 1)`; !strings.Contains(got, want) {
			t.Errorf("want %q, got %q", want, got)
		}
	})
	t.Run("duplicate key in data", func(t *testing.T) {
		got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: a\n    id: b\n"})
		if want := `o/x.yaml:3: mapping key "id" already defined at line 2`; !strings.Contains(got, want) {
			t.Errorf("want %q, got %q", want, got)
		}
	})
	t.Run("a list as a key", func(t *testing.T) {
		got := answersErr(t, "? [a]\n: b\n")
		if want := `a.yaml:1:3: a key must be plain text, not a list`; !strings.Contains(got, want) {
			t.Errorf("want %q, got %q", want, got)
		}
	})
}

// TestU15ProblemsAreCapped: a file with thousands of problems lists the first
// 50 and counts the rest, in answers and data files alike.
func TestU15ProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, "unknown_%d: 1\n", i)
	}
	check := func(t *testing.T, got, file string) {
		t.Helper()
		lines := strings.Split(got, "\n")
		if len(lines) != 51 {
			t.Errorf("want 50 problems and one count, got %d lines", len(lines))
		}
		if want := file + ": ... and 25"; !strings.HasPrefix(lines[len(lines)-1], want) || !strings.HasSuffix(lines[len(lines)-1], "more problems in this file") {
			t.Errorf("last line: want %q, got %q", want, lines[len(lines)-1])
		}
	}
	t.Run("answers", func(t *testing.T) { check(t, answersErr(t, b.String()), "a.yaml") })
	t.Run("CSV header", func(t *testing.T) {
		cols := make([]string, 300)
		for i := range cols {
			cols[i] = fmt.Sprintf("unknown_%d", i)
		}
		_, err := fixtureEngine(t).CSVStudents(strings.NewReader(strings.Join(cols, ",")+"\n"), "c.csv")
		if err == nil {
			t.Fatal("unknown columns should be refused")
		}
		check(t, err.Error(), "c.csv")
	})
	t.Run("data", func(t *testing.T) {
		check(t, overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: s\n" + strings.ReplaceAll("    "+b.String(), "\n", "\n    ")}), "o/x.yaml")
	})
}

// TestH2LongValuesAreCut: a huge value is echoed cut with "...", and gets no
// did-you-mean (which would compare it letter by letter).
func TestH2LongValuesAreCut(t *testing.T) {
	huge := strings.Repeat("a", 900_000)
	for _, in := range []string{
		"education: " + huge + "\n",
		"certifications_held: [" + huge + "]\n",
		huge[:1000] + ": 1\n", // a plain key is at most 1024 characters
		"? " + huge + "\n: 1\n",
		"budget: " + strings.Repeat("9", 900_000) + "\n",
	} {
		got := answersErr(t, in)
		if got == "" || len(got) > 600 {
			t.Errorf("%.30s...: want a short message, got %d bytes: %.200s", in, len(got), got)
		}
		if !strings.Contains(got, `...`) {
			t.Errorf("%.30s...: the value should be cut with ...: %.200s", in, got)
		}
	}
	got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: s\n    " + huge[:1000] + ": 1\n"})
	if !strings.Contains(got, `o/x.yaml:3:5: unknown key "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa..." in a source; allowed:`) || len(got) > 600 {
		t.Errorf("got %.300s", got)
	}
}
