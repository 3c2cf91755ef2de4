package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"medpath/advisor"
)

// ErrCancelled reports that the user cancelled (end of input or ctrl+c); main exits 130.
var ErrCancelled = errors.New("cancelled")

// Limits and layout of the accessible mode.
const (
	// accMaxLine caps one line of input. A longer line is thrown away whole
	// and the question asked again, so pasted junk cannot exhaust memory.
	accMaxLine = 4096
	// accWidth is where prose is wrapped, so it reads well at 80
	// columns without relying on the terminal's own wrapping.
	accWidth = 78
	// accMaxEcho caps how much of a bad answer is repeated back in a message.
	accMaxEcho = 40
)

// errAccLineTooLong reports an input line over accMaxLine.
var errAccLineTooLong = errors.New("line too long")

// RunAccessible asks the questionnaire line by line on plain streams: numbered options, re-prompt on invalid input, a blank line takes the default (or the current answer), end of input cancels with ErrCancelled and writes nothing. No escape codes. Then it prints the text report (eng.WriteReport text) to w. start may hold answers to begin from (their values become the defaults offered).
//
// Questions are those of [advisor.Engine.Visible], recomputed after every
// answer, so follow-up questions appear and disappear as in the full-screen
// advisor. The answers returned hold only questions that were visible at the
// end (an answer to a question that a later answer hid is dropped, so it
// cannot sway the recommendation). Every word shown about a question comes
// from the data; this file holds only the framing ("Question 3 of 18", how to
// answer). Text from the data and echoed input are stripped of control
// characters, so the output is safe for a screen reader, a pipe or a file.
//
// "Question n of N" counts the questions visible at that moment, so N can
// grow or shrink as follow-ups appear. A choice may be answered by number,
// option value or label (any case); a multi by numbers or values separated by
// commas or spaces, or "none"/"0"; a number may be written "$10,000". A
// line over 4 KiB is refused whole and the question asked again; invalid
// UTF-8 is repaired before matching. A read error other than end of input is
// returned as is; if the report cannot be written the answers are returned
// with the error.
func RunAccessible(eng *advisor.Engine, r io.Reader, w io.Writer, start advisor.Answers) (advisor.Answers, error) {
	s := &accSession{
		eng: eng,
		in:  newAccReader(r),
		out: &accWriter{w: w},
	}
	answers := start.Clone()
	s.intro(answers)
	if s.out.err != nil {
		return nil, fmt.Errorf("write: %w", s.out.err)
	}

	asked := map[string]bool{}
	section := ""
	for {
		vis := eng.Visible(answers)
		idx := slices.IndexFunc(vis, func(q *advisor.Question) bool { return !asked[q.ID] })
		if idx < 0 {
			break
		}
		q := vis[idx]
		if q.Section.ID != section {
			section = q.Section.ID
			s.sectionHeader(section)
		}
		v, err := s.ask(q, idx+1, len(vis), answers)
		if err != nil {
			return nil, err
		}
		answers[q.ID] = v
		asked[q.ID] = true
	}

	final := eng.VisibleAnswers(answers)
	s.review(final)
	if s.out.err != nil {
		return nil, fmt.Errorf("write: %w", s.out.err)
	}
	if err := eng.WriteReport(w, eng.Recommend(final), advisor.FormatText); err != nil {
		return final, fmt.Errorf("write report: %w", err)
	}
	return final, nil
}

// accSession is one run of the accessible questionnaire.
type accSession struct {
	eng *advisor.Engine
	in  *accReader
	out *accWriter
}

func (s *accSession) intro(start advisor.Answers) {
	var titles []string
	for _, sec := range s.eng.Sections() {
		titles = append(titles, accPlain(sec.Title))
	}
	n := len(s.eng.Visible(start))
	s.out.line("medpath: a career advisor for medical technicians and technologists")
	s.out.line("")
	s.out.wrap("", fmt.Sprintf("You will answer about %d short questions in %d parts (%s). medpath then recommends a path and shows its steps, time, cost, pay and certifications, and why it fits.",
		n, len(titles), strings.Join(titles, "; ")))
	s.out.wrap("", "Nothing you type leaves this computer.")
	s.out.line("")
	s.out.wrap("", "How to answer: type the number of your choice and press enter. A blank line takes the default shown after each question. If your answer cannot be used, a line starting with ! says why and the question is asked again. End of input (ctrl+d) cancels without saving anything.")
}

func (s *accSession) sectionHeader(id string) {
	sec := s.eng.Section(id)
	if sec == nil {
		return
	}
	title := accPlain(sec.Title)
	s.out.line("")
	s.out.line(title)
	s.out.line(strings.Repeat("=", len([]rune(title))))
	if sec.Intro != "" {
		s.out.wrap("", sec.Intro)
	}
}

// ask shows one question and reads lines until one is a valid answer.
func (s *accSession) ask(q *advisor.Question, n, total int, answers advisor.Answers) (any, error) {
	def := s.defaultFor(q, answers)
	f, _ := newField(q, answers, nil, nil) // the kind's words and reading, as on the full screen
	s.out.line("")
	header := fmt.Sprintf("Question %d of %d", n, total)
	if sec := s.eng.Section(q.Section.ID); sec != nil {
		header += " (" + accPlain(sec.Title) + ")"
	}
	s.out.line(header)
	s.out.wrap("", q.Prompt)
	if q.Help != "" {
		s.out.wrap("  ", q.Help)
	}
	if q.Kind.HasOptions() {
		s.options(q, def)
	}
	s.out.wrap("", f.howTo()+" (default: "+q.AnswerText(def)+")")

	for {
		s.out.printf("> ")
		if s.out.err != nil {
			return nil, fmt.Errorf("write: %w", s.out.err)
		}
		line, err := s.in.readLine()
		switch {
		case errors.Is(err, io.EOF):
			s.out.line("") // end the "> " line; main says what happened
			return nil, ErrCancelled
		case errors.Is(err, errAccLineTooLong):
			s.out.wrap("", fmt.Sprintf("! That line is longer than %d characters, so it was ignored. %s.", accMaxLine, f.howTo()))
			continue
		case err != nil:
			return nil, fmt.Errorf("read answer: %w", err)
		}
		if line == "" {
			s.out.wrap("Answer: ", q.AnswerText(def))
			return def, nil
		}
		v, problem := f.parse(line)
		if problem == "" {
			if msg := s.eng.Check(q.ID, v); msg != "" {
				problem = msg
			}
		}
		if problem != "" {
			s.out.wrap("", "! "+problem)
			continue
		}
		s.out.wrap("Answer: ", q.AnswerText(v))
		return v, nil
	}
}

// options lists a choice or multi question's options, numbered from 1, with
// the default (or current answer) marked in words.
func (s *accSession) options(q *advisor.Question, def any) {
	width := len(strconv.Itoa(len(q.Options)))
	for i, o := range q.Options {
		lead := fmt.Sprintf("  %*d) ", width, i+1)
		text := accPlain(o.Label)
		if accSelected(def, o.Value) {
			text += " (default)"
		}
		s.out.wrap(lead, text)
	}
}

func accSelected(def any, value string) bool {
	switch d := def.(type) {
	case string:
		return d == value
	case []string:
		return slices.Contains(d, value)
	}
	return false
}

// defaultFor is the answer a blank line takes: the current answer if it is
// valid, else the question's default.
func (s *accSession) defaultFor(q *advisor.Question, answers advisor.Answers) any {
	if v, ok := answers[q.ID]; ok && s.eng.Check(q.ID, v) == "" {
		return v
	}
	return q.DefaultValue()
}

// review lists every answer on one line each before the report.
func (s *accSession) review(final advisor.Answers) {
	s.out.line("")
	s.out.line("Your answers")
	s.out.line("============")
	for _, q := range s.eng.Visible(final) {
		v, ok := final[q.ID]
		if !ok {
			continue
		}
		s.out.wrap("  - ", accPlain(q.Prompt)+" Answer: "+q.AnswerText(v))
	}
	s.out.line("")
}

// echo quotes what the student typed for a message, shortened, with any
// control characters escaped so they cannot act on the terminal.
func accEcho(s string) string {
	if r := []rune(s); len(r) > accMaxEcho {
		s = string(r[:accMaxEcho]) + "..."
	}
	return strconv.Quote(s)
}

// plain drops control characters (escape codes included) from text taken
// from the data, keeping tabs as spaces.
func accPlain(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// accWriter writes lines of text and remembers the first write error, so
// the caller checks once per question instead of after every line.
type accWriter struct {
	w   io.Writer
	err error
}

func (p *accWriter) printf(format string, args ...any) {
	if p.err != nil {
		return
	}
	_, p.err = fmt.Fprintf(p.w, format, args...)
}

func (p *accWriter) line(s string) { p.printf("%s\n", s) }

// wrap writes s as a paragraph wrapped at accWidth, the first line led
// by lead and the rest indented to match.
func (p *accWriter) wrap(lead, s string) {
	pad := strings.Repeat(" ", len([]rune(lead)))
	lines := advisor.WrapText(accPlain(s), accWidth-len([]rune(lead)))
	if len(lines) == 0 {
		lines = []string{""} // the lead alone
	}
	for i, l := range lines {
		if i == 0 {
			p.line(lead + l)
		} else {
			p.line(pad + l)
		}
	}
}

// accReader reads answers one line at a time, capping a line's length and
// repairing invalid UTF-8.
type accReader struct {
	r *bufio.Reader
}

func newAccReader(r io.Reader) *accReader {
	return &accReader{r: bufio.NewReaderSize(r, accMaxLine)}
}

// readLine returns the next line, trimmed, with invalid UTF-8 replaced. A
// last line without a newline still counts. It returns io.EOF at the end of
// input and errAccLineTooLong (having skipped the whole line) for a line over
// accMaxLine.
func (l *accReader) readLine() (string, error) {
	var line []byte
	long := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !long {
			line = append(line, chunk...)
			if len(line) > accMaxLine {
				long, line = true, nil
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue // the rest of a long line
		case errors.Is(err, io.EOF):
			if len(line) == 0 && !long {
				return "", io.EOF
			}
		default:
			return "", err
		}
		if long {
			return "", errAccLineTooLong
		}
		s := strings.ToValidUTF8(string(line), "\uFFFD")
		return strings.TrimSpace(accPlain(s)), nil
	}
}
