package advisor_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ in, text, lines string }{
		{"MLT", "MLT", "MLT"},
		{"MLT \x1b[2J\x1b[H\x1b]0;PWNED-TITLE\x07\x1b[31mRED", "MLT RED", "MLT RED"},
		{"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb", "alinkb"},
		{"bell\a and BS\b", "bell and BS", "bell and BS"},
		{"8-bit CSI \u009b31mred", "8-bit CSI red", "8-bit CSI red"},
		{"8-bit OSC \u009d0;t\u009cx", "8-bit OSC x", "8-bit OSC x"},
		{"DCS \x1bPq#0;2;0;0;0\x1b\\ end", "DCS  end", "DCS  end"},
		{"Ana\u2029budget: 5", "Ana budget: 5", "Ana budget: 5"},
		{"Maria\u2028education: none", "Maria education: none", "Maria education: none"},
		{"a\nb\r\nc\vd\fe\u0085f", "a b  c d e f", "a\nb\nc d e f"},
		{"tab\there", "tab here", "tab\there"},
		{"evil\u202Egnp.exe", "evilgnp.exe", "evilgnp.exe"},
		{"iso\u2066late\u2069", "isolate", "isolate"},
		{"bad \xff utf8", "bad \uFFFD utf8", "bad \uFFFD utf8"},
		{"unterminated \x1b]0;title", "unterminated", "unterminated "},
		{"  José María  ", "José María", "  José María  "},
		{"\x1b", "", ""},
		{"\x1b\u00e9x", "éx", "éx"},
	}
	for _, tt := range tests {
		if got := advisor.PlainText(tt.in); got != tt.text {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := advisor.PlainLines(tt.in); got != tt.lines {
			t.Errorf("PlainLines(%q) = %q, want %q", tt.in, got, tt.lines)
		}
	}
	// Nothing a terminal would act on survives, whatever the input.
	for _, in := range []string{"\x1b[", "\x1b[1", "\u009b", "\x1b]", "a\x1b[?1049h", strings.Repeat("\x1b[31m", 1000)} {
		for _, got := range []string{advisor.PlainText(in), advisor.PlainLines(in)} {
			if strings.ContainsAny(got, "\x1b\u009b\u009d\a") {
				t.Errorf("%q kept an escape: %q", in, got)
			}
		}
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
		"+1":                 "'+1",
		"-2+3":               "'-2+3",
		"@SUM(A1)":           "'@SUM(A1)",
		"\t=1":               "'\t=1",
		"\r=1":               "'\r=1",
		"ana":                "ana",
		"":                   "",
		"a=1":                "a=1",
	} {
		if got := advisor.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestS4ControlCharactersInDataAreRefused: data text with escape sequences,
// other control characters or bidirectional overrides is refused at load
// with file:line:col; the attack's title is the first case.
func TestS4ControlCharactersInDataAreRefused(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`"MLT \e[2J\e[H\e]0;PWNED-TITLE\a\e[31mRED"`, "o/x.yaml:3:12: a control character U+001B (ESC) is not allowed in text"},
		{`"bell \a"`, "o/x.yaml:3:12: a control character U+0007 (BEL) is not allowed in text"},
		{`"C1 \u009b31m"`, "o/x.yaml:3:12: a control character U+009B (CSI) is not allowed in text"},
		{`"evil\u202Etxt"`, "o/x.yaml:3:12: a bidirectional override U+202E (RLO) is not allowed in text"},
		{`"a\rb"`, "o/x.yaml:3:12: a name, title or label is one line"},
	} {
		got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: s\n    title: " + tt.text + "\n"})
		if !strings.Contains(got, tt.want) {
			t.Errorf("title %s: want %q, got %q", tt.text, tt.want, got)
		}
	}
	// Text of several lines may hold \n and tabs; other controls are refused there too.
	if got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: s\n    title: S\n    note: |\n      two\n      \tlines\n"}); strings.Contains(got, "not allowed in text") {
		t.Errorf("a note of two lines was refused: %s", got)
	}
	if got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: s\n    title: S\n    note: \"x\\e[2Jy\"\n"}); !strings.Contains(got, "o/x.yaml:4:11: a control character U+001B (ESC)") {
		t.Errorf("a note with ESC: got %q", got)
	}
	// Answers files are held to the same rule.
	if got := answersErr(t, "education: \"\\e]0;x\\a\"\n"); !strings.Contains(got, "a.yaml:1:12: a control character U+001B (ESC) is not allowed in text") {
		t.Errorf("answers with ESC: %q", got)
	}
}

// TestD3LineBreaksInLabelsAreRefused: a label, title, name or prompt with a
// line break of any kind (the ones YAML and editors read as the end of a
// line) is refused at load, so a comment written from it cannot break.
func TestD3LineBreaksInLabelsAreRefused(t *testing.T) {
	for _, lb := range []string{`\n`, `\r`, `\v`, `\f`, `\N`, `\L`, `\P`} {
		for _, key := range []string{"title", "publisher"} {
			got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: s\n    title: T\n    publisher: P\n    " + key + ": \"In person" + lb + "budget: 1\"\n"})
			if !strings.Contains(got, "o/x.yaml:5:") || !strings.Contains(got, "is one line") && !strings.Contains(got, "not allowed in text") {
				t.Errorf("%s with %s: got %q", key, lb, got)
			}
		}
	}
	// U+2028 and U+2029 are refused in any text, not only labels.
	if got := overlayErr(t, map[string]string{"x.yaml": "sources:\n  - id: s\n    title: T\n    note: \"a\\Lb\"\n"}); !strings.Contains(got, "U+2028 (LINE SEPARATOR) is not allowed in text") {
		t.Errorf("note with U+2028: %q", got)
	}
}

// TestD3CommentsCannotBeBroken: whatever text reaches a comment of a saved
// file (a prompt, an option label), the file loads back with exactly the
// answers written: every line break is folded to a space.
func TestD3CommentsCannotBeBroken(t *testing.T) {
	e := fixtureEngine(t)
	b := e.MarshalAnswers(advisor.Answers{"education": "associate"})
	if _, err := e.ParseAnswers("a.yaml", b); err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"a\nbudget: 1", "a\u2028budget: 1", "a\u2029budget: 1", "a\u0085budget: 1", "a\rbudget: 1", "a\vb\fc", "\x1b[2J"} {
		got := advisor.PlainText(in)
		if strings.ContainsFunc(got, advisor.IsLineBreak) || strings.ContainsAny(got, "\x1b") {
			t.Errorf("PlainText(%q) = %q keeps a line break or an escape", in, got)
		}
	}
	tmpl := e.Template()
	a, err := e.ParseAnswers("t.yaml", tmpl)
	if err != nil {
		t.Fatalf("the template does not load: %v", err)
	}
	for _, line := range strings.Split(string(tmpl), "\n") {
		if strings.ContainsFunc(line, advisor.IsLineBreak) {
			t.Errorf("template line %q holds a line break", line)
		}
	}
	_ = a
}

// TestS4CSVIDsArePlain: a CSV id with escape sequences, a line break or
// 100,000 characters reaches the output as one plain, short line.
func TestS4CSVIDsArePlain(t *testing.T) {
	e := fixtureEngine(t)
	in := "id,education\n\"\x1b]0;BATCHPWN\a\x1b[2J\",phd\n\"a\nb\",associate\n" + strings.Repeat("x", 30_000) + ",associate\n"
	next, err := e.CSVStudents(strings.NewReader(in), "ids.csv")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for {
		st, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, st.ID)
		if st.Err != nil && strings.ContainsAny(st.Err.Error(), "\x1b\a") {
			t.Errorf("error %q holds an escape", st.Err)
		}
	}
	if len(ids) != 3 || ids[0] != "" && strings.ContainsAny(ids[0], "\x1b\a") || ids[1] != "a b" || len(ids[2]) > 70 {
		t.Errorf("ids %q", ids)
	}
}

// TestS4CSVFormulasAreNeutralised: a cell from the input that a spreadsheet
// would run as a formula gets a leading apostrophe in the CSV output.
func TestS4CSVFormulasAreNeutralised(t *testing.T) {
	e := fixtureEngine(t)
	next, err := e.CSVStudents(strings.NewReader("id,education\n=cmd|' /C calc'!A0,associate\n@SUM(1),phd\n+1,associate\n"), "f.csv")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := runBatch(t, e, next, 1, advisor.FormatCSV)
	recs, err := csv.NewReader(bytes.NewReader(bytes.SplitN(out, []byte("\n\n"), 2)[0])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts a formula: %q", cell, r)
			}
		}
	}
	if recs[1][0] != "'=cmd|' /C calc'!A0" {
		t.Errorf("first id %q", recs[1][0])
	}
}

// TestH2CSVRowsAreBounded: a CSV with one huge line, an endless stream of
// zero bytes, or a row of a million cells is refused quickly with a message
// that names the file and the row, without reading it all.
func TestH2CSVRowsAreBounded(t *testing.T) {
	e := fixtureEngine(t)
	endless := func(b byte) io.Reader { return &repeatReader{b: b} }
	for _, tt := range []struct {
		name   string
		r      io.Reader
		header string // a header error, or "" when a row fails
		row    string
	}{
		{"zeros", endless(0), "z.csv: the header row is longer than 1 MiB", ""},
		{"one huge header", endless('x'), "z.csv: the header row is longer than 1 MiB", ""},
		{"huge value", io.MultiReader(strings.NewReader("id,education\ns1,"), endless('a')), "", "z.csv: row 1 is longer than 64 KiB"},
		{"huge quoted value", io.MultiReader(strings.NewReader("id,education\ns1,\""), endless('\n')), "", "z.csv: row 1 is longer than 64 KiB"},
		{"many columns", strings.NewReader(strings.Repeat("a,", 5000) + "a\n"), "z.csv:1: the header has 5001 columns; the limit is 1000", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			next, err := e.CSVStudents(tt.r, "z.csv")
			if tt.header != "" {
				if err == nil || !strings.Contains(err.Error(), tt.header) {
					t.Fatalf("header: %v; want %q", err, tt.header)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				if _, err = next(); err == nil || !strings.Contains(err.Error(), tt.row) {
					t.Fatalf("row: %v; want %q", err, tt.row)
				}
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// A row of many short cells within the limit is one bad row, not the end.
	next, err := e.CSVStudents(strings.NewReader("id,education\ns1,"+strings.Repeat(",", 20_000)+"\ns2,associate\n"), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	st, err := next()
	if err != nil || st.Err == nil || !strings.Contains(st.Err.Error(), "row 1 has 20002 cells; the header has 2") {
		t.Fatalf("%+v %v", st, err)
	}
	if st, err := next(); err != nil || st.Err != nil || st.ID != "s2" {
		t.Fatalf("the next row: %+v %v", st, err)
	}
}

// repeatReader reads the byte b for ever.
type repeatReader struct{ b byte }

func (r *repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b
	}
	return len(p), nil
}
