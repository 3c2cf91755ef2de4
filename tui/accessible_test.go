package tui

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"medpath/advisor"
	"medpath/data"
)

// accEngine loads the real embedded data, as main does.
func accEngine(t *testing.T) *advisor.Engine {
	t.Helper()
	eng, err := advisor.Load(data.FS)
	if err != nil {
		t.Fatalf("load embedded data: %v", err)
	}
	return eng
}

// question returns a question the tests rely on, failing clearly if the data
// no longer has it.
func accQuestion(t *testing.T, eng *advisor.Engine, id string) *advisor.Question {
	t.Helper()
	q := eng.Question(id)
	if q == nil {
		t.Fatalf("the data has no question %q", id)
	}
	return q
}

// typed is how a student would type v for q: option numbers, y/n, digits.
func accTyped(q *advisor.Question, v any) string {
	switch x := v.(type) {
	case string:
		for i, o := range q.Options {
			if o.Value == x {
				return strconv.Itoa(i + 1)
			}
		}
		return x
	case []string:
		if len(x) == 0 {
			return "none"
		}
		var nums []string
		for _, val := range x {
			for i, o := range q.Options {
				if o.Value == val {
					nums = append(nums, strconv.Itoa(i+1))
				}
			}
		}
		return strings.Join(nums, ", ")
	case bool:
		if x {
			return "y"
		}
		return "n"
	}
	return strconv.Itoa(v.(int))
}

// script walks the questionnaire the way a student would, answering each
// visible question with want[id] (or typing its default), and returns the
// input lines and the answers the run should return.
func accScript(t *testing.T, eng *advisor.Engine, want advisor.Answers) (string, advisor.Answers) {
	t.Helper()
	a := advisor.Answers{}
	var lines []string
	for {
		var next *advisor.Question
		for _, q := range eng.Visible(a) {
			if _, done := a[q.ID]; !done {
				next = q
				break
			}
		}
		if next == nil {
			break
		}
		v, ok := want[next.ID]
		if !ok {
			v = next.DefaultValue()
		}
		a[next.ID] = v
		lines = append(lines, accTyped(next, v))
	}
	for id := range want {
		if _, ok := a[id]; !ok {
			t.Fatalf("script: question %q was never asked for these answers", id)
		}
	}
	return strings.Join(lines, "\n") + "\n", a
}

// blanks is enough blank lines to take the default for every question.
func accBlanks(eng *advisor.Engine) string {
	return strings.Repeat("\n", len(eng.Questions()))
}

func accRun(t *testing.T, eng *advisor.Engine, in string, start advisor.Answers) (advisor.Answers, string, error) {
	t.Helper()
	var out bytes.Buffer
	got, err := RunAccessible(eng, strings.NewReader(in), &out, start)
	return got, out.String(), err
}

func TestAccessibleFullRun(t *testing.T) {
	eng := accEngine(t)
	persona := advisor.Answers{
		"education":             "bachelor",
		"college_credits":       124,
		"biology_credits":       28,
		"chemistry_credits":     20,
		"lab_program":           "mlt",
		"lab_program_years_ago": 2,
		"experience_kinds":      []string{"core_lab"},
		"lab_experience_years":  1,
		"certifications_held":   []string{"pbt-ascp"},
		"timeline_months":       18,
		"budget":                15000,
		"work_while_studying":   true,
		"lab_work":              5,
		"patient_contact":       2,
		"goal":                  "technologist",
		"state":                 "CA",
	}
	in, want := accScript(t, eng, persona)
	got, out, err := accRun(t, eng, in, nil)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("answers:\n got %v\nwant %v", got, want)
	}

	vis := eng.Visible(want)
	for _, q := range vis {
		// prompts are wrapped, so compare the first few words
		if words := strings.Fields(q.Prompt); !strings.Contains(out, strings.Join(words[:min(4, len(words))], " ")) {
			t.Errorf("output lacks the prompt of %s: %q", q.ID, q.Prompt)
		}
	}
	// the count grows as follow-up questions appear
	if !strings.Contains(out, "Question 1 of ") {
		t.Errorf("output lacks %q", "Question 1 of ")
	}
	if !strings.Contains(out, "Question "+strconv.Itoa(len(vis))+" of "+strconv.Itoa(len(vis))) {
		t.Errorf("output lacks the last question's progress line")
	}
	if strings.Contains(out, "> !") {
		t.Errorf("valid answers were refused:\n%s", out)
	}

	var report bytes.Buffer
	if err := eng.WriteReport(&report, eng.Recommend(want), advisor.FormatText); err != nil {
		t.Fatal(err)
	}
	// The report, the interest profile in plain lines (once, whether the
	// report says it or the accessible mode adds it), then the last step
	// (end of input finishes it).
	const last = "\nType r (or review) to change an answer, or press enter to finish.\n> \n"
	i, j := strings.Index(out, report.String()), strings.LastIndex(out, last)
	if i < 0 || j < i || !strings.HasSuffix(out, last) {
		t.Errorf("output does not end with the text report for the same answers and the last step:\n%s", out[max(len(out)-600, 0):])
	} else if after := out[i:j]; strings.Count(after, advisor.ProfileHeading) != 1 {
		t.Errorf("the results say %q %d times, want once:\n%s", advisor.ProfileHeading, strings.Count(after, advisor.ProfileHeading), after)
	}
	title := eng.Recommend(want).Paths[0].Title
	if !strings.Contains(out, title) {
		t.Errorf("output lacks the recommended path %q", title)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("output contains an escape code")
	}
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8")
	}
}

func TestAccessibleRepromptsInvalidInput(t *testing.T) {
	eng := accEngine(t)
	in := strings.Join([]string{
		"99",       // education: not an option number
		"master's", // not an option
		"bachelor", // an option value
		"abc",      // college_credits: not a number
		"-5",       // below the minimum
		"1,5",      // a comma that is not a thousands separator
		"12.5",     // semester hours take decimals
	}, "\n") + "\n" + accBlanks(eng)
	got, out, err := accRun(t, eng, in, nil)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out)
	}
	if got["education"] != "bachelor" || got["college_credits"] != 12.5 {
		t.Errorf("education, college_credits = %v, %v; want bachelor, 12.5", got["education"], got["college_credits"])
	}
	for _, want := range []string{
		`! "99" is not one of the options`,
		`! "master's" is not one of the options`,
		`! "abc" is not a number`,
		`! -5 is less than 0`,
		`! "1,5" is not a number: a comma separates thousands`,
		"from 0 to 300", // what is allowed
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(out, "> ! "); n != 5 {
		t.Errorf("%d error lines; want 5\n%s", n, out)
	}
	// a re-prompt asks again without repeating the question
	if n := strings.Count(out, "Question 1 of"); n != 1 {
		t.Errorf("question 1 shown %d times; want 1", n)
	}
}

func TestAccessibleOtherInputForms(t *testing.T) {
	eng := accEngine(t)
	edu := accQuestion(t, eng, "education")
	label := ""
	for _, o := range edu.Options {
		if o.Value == "bachelor" {
			label = strings.ToUpper(o.Label)
		}
	}
	certs := accQuestion(t, eng, "certifications_held")
	in := strings.Join([]string{
		"  " + label + "  ", // a label, any case, with spaces around
		"$1,000",            // college_credits: out of range after reading "$1,000" as 1000
		"1_0",               // not a number
		"",                  // default
	}, "\n") + "\n"
	// answer up to certifications_held with defaults, then a list in reverse order
	var lines []string
	a := advisor.Answers{"education": "bachelor"}
	for _, q := range eng.Visible(a) {
		if q.ID == "education" || q.ID == "college_credits" {
			continue
		}
		if q.ID == certs.ID {
			lines = append(lines, "3, 99 1", "3;1") // 99 is not an option
			break
		}
		lines = append(lines, "")
	}
	in += strings.Join(lines, "\n") + "\n" + accBlanks(eng)
	got, out, err := accRun(t, eng, in, nil)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out)
	}
	if got["education"] != "bachelor" {
		t.Errorf("education = %v; want bachelor (typed as its label)", got["education"])
	}
	if !strings.Contains(out, "! 1000 is more than 300") {
		t.Errorf("$1,000 was not read as 1000:\n%s", out)
	}
	if !strings.Contains(out, `! "1_0" is not a number`) {
		t.Errorf("1_0 was accepted")
	}
	wantCerts := []string{certs.Options[0].Value, certs.Options[2].Value}
	if !reflect.DeepEqual(got["certifications_held"], wantCerts) {
		t.Errorf("certifications_held = %v; want %v in questionnaire order", got["certifications_held"], wantCerts)
	}
	if !strings.Contains(out, `! "99" is not one of the options`) {
		t.Errorf("option 99 of a multi was accepted")
	}
}

func TestAccessibleMultiNone(t *testing.T) {
	eng := accEngine(t)
	for _, none := range []string{"none", "NONE", "0"} {
		want := advisor.Answers{"certifications_held": []string{}}
		in, _ := accScript(t, eng, want)
		in = strings.Replace(in, "\nnone\n", "\n"+none+"\n", 1)
		start := advisor.Answers{"certifications_held": []string{"pbt-ascp"}}
		got, out, err := accRun(t, eng, in, start)
		if err != nil {
			t.Fatalf("%s: %v\n%s", none, err, out)
		}
		if !reflect.DeepEqual(got["certifications_held"], []string{}) {
			t.Errorf("%q: certifications_held = %#v; want none", none, got["certifications_held"])
		}
	}
}

func TestAccessibleBlankTakesDefault(t *testing.T) {
	eng := accEngine(t)
	got, out, err := accRun(t, eng, accBlanks(eng), nil)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out)
	}
	vis := eng.Visible(got)
	if len(got) != len(vis) {
		t.Errorf("%d answers for %d visible questions", len(got), len(vis))
	}
	for _, q := range vis {
		if !reflect.DeepEqual(got[q.ID], q.DefaultValue()) {
			t.Errorf("%s = %#v; want the default %#v", q.ID, got[q.ID], q.DefaultValue())
		}
	}
	edu := accQuestion(t, eng, "education")
	def := edu.AnswerText(edu.DefaultValue())
	if !strings.Contains(out, "(default: "+def+")") {
		t.Errorf("output does not offer the default %s for education", def)
	}
	if strings.Contains(out, "> !") {
		t.Errorf("a blank line was refused:\n%s", out)
	}
}

func TestAccessibleStartAnswersAreDefaults(t *testing.T) {
	eng := accEngine(t)
	start := advisor.Answers{"education": "bachelor", "college_credits": 90, "budget": 4000}
	got, out, err := accRun(t, eng, accBlanks(eng), start)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out)
	}
	for id, want := range start {
		if got[id] != want {
			t.Errorf("%s = %v; want the starting answer %v", id, got[id], want)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "(default: 90 semester hours)") {
		t.Errorf("the starting answer is not offered as the default")
	}
	if start["education"] != "bachelor" || len(start) != 3 {
		t.Errorf("start was modified: %v", start)
	}

	// an answer to a question that is not asked is dropped
	start = advisor.Answers{"education": "high_school", "college_credits": 90}
	got, out, err = accRun(t, eng, accBlanks(eng), start)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out)
	}
	if _, ok := got["college_credits"]; ok {
		t.Errorf("college_credits kept although it was not asked: %v", got)
	}
}

func TestAccessibleShowIf(t *testing.T) {
	eng := accEngine(t)
	credits := accQuestion(t, eng, "college_credits")
	years := accQuestion(t, eng, "lab_program_years_ago")
	tests := []struct {
		name      string
		answers   advisor.Answers
		shown     []*advisor.Question
		notShown  []*advisor.Question
		wantKeys  []string
		wantNoKey []string
	}{
		{
			name:      "bachelor asks for credits, no program skips the years",
			answers:   advisor.Answers{"education": "bachelor", "lab_program": "none"},
			shown:     []*advisor.Question{credits},
			notShown:  []*advisor.Question{years},
			wantKeys:  []string{"college_credits", "biology_credits", "chemistry_credits"},
			wantNoKey: []string{"lab_program_years_ago"},
		},
		{
			name:      "high school skips credits, a program asks when",
			answers:   advisor.Answers{"education": "high_school", "lab_program": "phlebotomy"},
			shown:     []*advisor.Question{years},
			notShown:  []*advisor.Question{credits},
			wantKeys:  []string{"lab_program_years_ago"},
			wantNoKey: []string{"college_credits", "biology_credits", "chemistry_credits"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, _ := accScript(t, eng, tt.answers)
			got, out, err := accRun(t, eng, in, nil)
			if err != nil {
				t.Fatalf("RunAccessible: %v\n%s", err, out)
			}
			for _, q := range tt.shown {
				if !strings.Contains(out, accFirstWords(q.Prompt)) {
					t.Errorf("%s was not asked", q.ID)
				}
			}
			for _, q := range tt.notShown {
				if strings.Contains(out, accFirstWords(q.Prompt)) {
					t.Errorf("%s was asked", q.ID)
				}
			}
			for _, id := range tt.wantKeys {
				if _, ok := got[id]; !ok {
					t.Errorf("no answer for %s", id)
				}
			}
			for _, id := range tt.wantNoKey {
				if _, ok := got[id]; ok {
					t.Errorf("an answer for %s, which was not asked", id)
				}
			}
		})
	}
}

func accFirstWords(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(5, len(w))], " ")
}

func TestAccessibleEndOfInputCancels(t *testing.T) {
	eng := accEngine(t)
	for _, in := range []string{"", "bachelor\n120\n", "bachelor\n120\nabc\n"} {
		got, out, err := accRun(t, eng, in, nil)
		if !errors.Is(err, ErrCancelled) {
			t.Errorf("%q: err = %v; want ErrCancelled", in, err)
		}
		if got != nil {
			t.Errorf("%q: answers = %v; want nil", in, got)
		}
		if strings.Contains(out, "Your answers") || strings.Contains(out, "Recommended:") {
			t.Errorf("%q: a cancelled run printed the review or the report", in)
		}
	}
}

func TestAccessibleLastLineWithoutNewline(t *testing.T) {
	eng := accEngine(t)
	// every question but the last gets a newline; the last line ends at EOF
	in, _ := accScript(t, eng, nil)
	in = strings.TrimSuffix(in, "\n")
	if _, out, err := accRun(t, eng, in, nil); err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out)
	}
}

func TestAccessibleHostileInput(t *testing.T) {
	eng := accEngine(t)
	in := strings.Repeat("9", 100_000) + "\n" + // far over the line limit
		"\xff\xfe\n" + // invalid UTF-8
		"\x1b[31m1\r\n" + // an escape sequence
		"1\r\n" + // a Windows line ending
		accBlanks(eng)
	got, out, err := accRun(t, eng, in, nil)
	if err != nil {
		t.Fatalf("RunAccessible: %v", err)
	}
	if got["education"] != accQuestion(t, eng, "education").Options[0].Value {
		t.Errorf("education = %v; want the first option", got["education"])
	}
	if !strings.Contains(out, "! That line is longer than 4096 characters") {
		t.Errorf("the long line was not refused")
	}
	if n := strings.Count(out, "> ! "); n != 3 {
		t.Errorf("%d error lines; want 3\n%s", n, out[:min(len(out), 3000)])
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("output contains an escape code")
	}
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8")
	}
	if strings.Contains(out, strings.Repeat("9", accMaxEcho+1)) {
		t.Errorf("a long bad answer was echoed in full")
	}
}

type accFailWriter struct{ after int }

func (f *accFailWriter) Write(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errors.New("disk full")
	}
	f.after--
	return len(p), nil
}

func TestAccessibleWriteError(t *testing.T) {
	eng := accEngine(t)
	for _, after := range []int{0, 20} {
		got, err := RunAccessible(eng, strings.NewReader(accBlanks(eng)), &accFailWriter{after: after}, nil)
		if err == nil || errors.Is(err, ErrCancelled) || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("after %d writes: err = %v; want the write error", after, err)
		}
		if got != nil {
			t.Errorf("after %d writes: answers = %v; want nil", after, got)
		}
	}
}

func TestAccessibleLineReader(t *testing.T) {
	long := strings.Repeat("x", accMaxLine+10)
	in := "a\n" + long + "\n" + "  b \r\n" + long + "\n\xffc\n" + "last"
	r := newAccReader(strings.NewReader(in))
	want := []struct {
		line string
		err  error
	}{
		{"a", nil}, {"", errAccLineTooLong}, {"b", nil}, {"", errAccLineTooLong},
		{"\uFFFDc", nil}, {"last", nil}, {"", io.EOF}, {"", io.EOF},
	}
	for i, w := range want {
		line, err := r.readLine()
		if line != w.line || !errors.Is(err, w.err) {
			t.Errorf("read %d = %q, %v; want %q, %v", i, line, err, w.line, w.err)
		}
	}

	// a line exactly at the limit is kept
	exact := strings.Repeat("y", accMaxLine-1)
	r = newAccReader(strings.NewReader(exact + "\n"))
	if line, err := r.readLine(); line != exact || err != nil {
		t.Errorf("a line of %d bytes: %d bytes, %v", accMaxLine, len(line), err)
	}
	// a too-long last line without a newline
	r = newAccReader(strings.NewReader(long))
	if _, err := r.readLine(); !errors.Is(err, errAccLineTooLong) {
		t.Errorf("long last line: %v; want errAccLineTooLong", err)
	}
	if _, err := r.readLine(); !errors.Is(err, io.EOF) {
		t.Errorf("after long last line: %v; want EOF", err)
	}
}

func TestAccessibleWrapWords(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, nil},
		{"one two three", 7, []string{"one two", "three"}},
		{"a  verylongword b", 4, []string{"a", "verylongword", "b"}},
		{"plain\ttext\nhere", 80, []string{"plain text here"}},
	}
	for _, tt := range tests {
		if got := advisor.WrapText(tt.in, tt.width); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("WrapText(%q, %d) = %q; want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestAccessiblePlainDropsControlCharacters(t *testing.T) {
	if got := accPlain("a\x1b[31mb\x07c\td\u0085e"); got != "a[31mbc de" {
		t.Errorf("plain = %q", got)
	}
}
