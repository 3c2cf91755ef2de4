package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"medpath/advisor"
	"medpath/internal/session"
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

// AccessibleOptions configure the accessible line-by-line mode.
type AccessibleOptions struct {
	// Input is where answers are read, a line at a time; Output where
	// everything is written (plain text, no escape codes).
	Input  io.Reader
	Output io.Writer
	// Answers are the answers to start from (from --answers); may be nil.
	// They are offered as the defaults.
	Answers advisor.Answers
	// SessionPath is a session file to use (--session FILE; it need not
	// exist yet). When it exists its answers and name are loaded (Answers
	// must then be nil) and the review comes first, as when continuing a
	// session in the full-screen advisor.
	SessionPath string
	// SessionDir is the folder of saved sessions (the CLI passes
	// session.Dir()): without SessionPath, a new session file is made there
	// at the first answer, named after the name asked for first, and the
	// sessions saved there can be listed and continued. With both "",
	// sessions are off and nothing is saved unless exported.
	SessionDir string
	// OutDir is the folder the export step writes to ("" means the current
	// folder).
	OutDir string
	// NoExport leaves the export step out (the caller keeps the answers).
	NoExport bool
	// AutoExport exports into OutDir as soon as the results are shown,
	// without asking (the CLI sets it when --out is given); a failure is
	// then an error, after the report.
	AutoExport bool
	// Now is the clock for session times and dates; nil means time.Now.
	Now func() time.Time
}

// RunAccessible asks the questionnaire line by line with sessions off and
// no export step, prints the text report, and returns the answers (nil
// when cancelled). It is [Accessible] for callers that keep the answers
// themselves.
func RunAccessible(eng *advisor.Engine, r io.Reader, w io.Writer, start advisor.Answers) (advisor.Answers, error) {
	res, err := Accessible(eng, AccessibleOptions{Input: r, Output: w, Answers: start, NoExport: true})
	if err != nil {
		if errors.Is(err, ErrCancelled) || res.Recommendation == nil {
			return nil, err
		}
		return res.Answers, err
	}
	return res.Answers, nil
}

// Accessible asks the questionnaire line by line on plain streams, the
// accessible mode, on par with the full-screen advisor:
//
//   - The session is saved as in the full-screen advisor, in the same
//     folder and through the same store, after every answer: it says where
//     before the first question. A name for it is asked first (enter skips
//     it), and "list" there lists the saved sessions to continue one.
//   - Each question shows its section, "Question n of N" (counted as on the
//     full screen, pacing.go), the prompt, its help, the numbered options
//     and how to answer; a blank line takes the default (or the current
//     answer). If an answer cannot be used, a line starting with ! says why
//     and the question is asked again.
//   - At every prompt three words work: back (the question before; on a
//     change, undo it), help (the question's explanation, its options' and
//     the words) and quit (stop there: the answers so far stay saved).
//   - After the last question, a review lists every answer in words and
//     asks for a question number to change it, or enter for the results;
//     a change asks the follow-ups it reveals, as on the full screen.
//   - Then the text report, and the export step: e (or export) saves the
//     Markdown report and the answers as files, as the full screen's export
//     does; r (or review) goes back to the review; enter finishes.
//
// Questions are those of [advisor.Engine.Visible], recomputed after every
// answer, so follow-up questions appear and disappear as on the full
// screen. Every word about a question or an answer comes from the data and
// advisor (the answers in words are [advisor.Question.AnswerText]); this
// file holds only the framing. Text from the data and echoed input are
// stripped of control characters, so the output is safe for a screen
// reader, a pipe or a file.
//
// End of input during the questions (or at the name) cancels with
// [ErrCancelled]: what was answered stays in the session, and Result says
// where. End of input at the review goes on to the results, and at the
// export step finishes, so a script of answers piped in still gets its
// report. A choice may be answered by number, option value or label (any
// case); a multi by numbers or values separated by commas or spaces, or
// "none"/"0"; a number may be written "$10,000". A line over 4 KiB is
// refused whole and the question asked again; invalid UTF-8 is repaired
// before matching. A read error other than end of input is returned as is.
func Accessible(eng *advisor.Engine, o AccessibleOptions) (Result, error) {
	o2, label, loaded, err := openSessionFile(eng, Options{Answers: o.Answers, SessionPath: o.SessionPath})
	if err != nil {
		return Result{}, err
	}
	clock := o.Now
	if clock == nil {
		clock = time.Now
	}
	s := &accSession{
		eng: eng, in: newAccReader(o.Input), out: &accWriter{w: o.Output}, o: o, clock: clock,
		sessions: o.SessionPath != "" || o.SessionDir != "", path: o.SessionPath, label: label,
		store: session.NewStore(eng),
	}
	answers := o2.Answers.Clone()
	if answers == nil {
		answers = advisor.Answers{}
	}
	s.saved = eng.VisibleAnswers(answers)
	if loaded {
		s.store.Use(1, s.path, s.saved)
	}
	res, err := s.run(answers, loaded)
	res.SessionPath, res.SessionErr = s.finish()
	if s.out.err != nil && err == nil {
		err = fmt.Errorf("write: %w", s.out.err)
	}
	return res, err
}

// accSession is one run of the accessible mode.
type accSession struct {
	eng   *advisor.Engine
	in    *accReader
	out   *accWriter
	o     AccessibleOptions
	clock func() time.Time

	sessions bool            // answers are saved to a session
	path     string          // the session file, once known
	label    string          // the session's name
	store    *session.Store  // writes the session, as the full screen's does
	saved    advisor.Answers // the visible answers last saved (or loaded)
	said     string          // the last thing said about saving, not to repeat it
	section  string          // the section whose header was written last
}

// errAccQuit reports that the student typed quit.
var errAccQuit = errors.New("quit")

// accAction is what a line typed at a question asks for.
type accAction int

const (
	accAnswer accAction = iota // an answer
	accBack                    // back
	accQuit                    // quit
)

// run is the whole conversation: the intro, the session's name (or one to
// continue), the questions, the review, the results and the export.
func (s *accSession) run(answers advisor.Answers, loaded bool) (Result, error) {
	s.intro(answers)
	review := loaded
	if s.sessions && !loaded && s.o.SessionPath == "" {
		a, cont, err := s.pickSession(answers)
		if err != nil {
			return s.result(answers, nil), err
		}
		answers, review = a, cont
	}
	s.sayWhere()
	if s.out.err != nil {
		return Result{}, s.out.err
	}
	idx := 0
	if review { // a session continued: on from its first question not answered, if any
		for i, q := range s.eng.Visible(answers) {
			if _, ok := answers[q.ID]; !ok {
				idx, review = i, false
				s.out.wrap("", fmt.Sprintf("On from question %d, the first not answered yet.", i+1))
				break
			}
		}
	}
	var exported []string
	for {
		if !review {
			err := s.questions(answers, idx)
			switch {
			case errors.Is(err, errAccQuit):
				return s.stopped(answers), nil
			case err != nil:
				return s.result(answers, nil), err
			}
		}
		review = false
		back, err := s.review(answers)
		switch {
		case errors.Is(err, errAccQuit):
			return s.stopped(answers), nil
		case err != nil:
			return s.result(answers, nil), err
		case back:
			idx = max(len(s.eng.Visible(answers))-1, 0)
			continue
		}
		rec := s.eng.Recommend(s.eng.VisibleAnswers(answers))
		s.out.line("")
		if err := s.report(rec); err != nil {
			return s.result(answers, rec), err
		}
		if s.o.AutoExport {
			files, err := s.export(answers)
			if err != nil {
				res := s.result(answers, rec)
				res.Exported = exported
				return res, err
			}
			exported = files
		}
		again, files, err := s.exportStep(answers)
		if files != nil {
			exported = files
		}
		res := s.result(answers, rec)
		res.Exported = exported
		if err != nil || !again {
			return res, err
		}
		review = true
	}
}

// report writes the text report of rec, with the interest profile in
// plain lines (as the Overview's chart says it, without bars a screen
// reader would spell out) and each path's interest match.
func (s *accSession) report(rec *advisor.Recommendation) error {
	var b strings.Builder
	if err := s.eng.WriteReportWith(&b, rec, advisor.FormatText, advisor.ReportOptions{Plain: true}); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	s.out.printf("%s", b.String())
	return nil
}

// result is what Run returns for the answers and the recommendation shown.
func (s *accSession) result(a advisor.Answers, rec *advisor.Recommendation) Result {
	return Result{Answers: s.eng.VisibleAnswers(a), Recommendation: rec}
}

// stopped says where the answers are after quit.
func (s *accSession) stopped(a advisor.Answers) Result {
	s.out.line("")
	s.out.wrap("", "Stopped before the results.")
	return s.result(a, nil)
}

func (s *accSession) intro(start advisor.Answers) {
	var titles []string
	for _, sec := range s.eng.Sections() {
		titles = append(titles, accPlain(sec.Title))
	}
	c := countQuestions(s.eng, start, openAfter(start, ""))
	s.out.line("medpath: a career advisor for medical technicians and technologists")
	s.out.line("")
	qs := c.questions()
	count := fmt.Sprintf("%d short questions", qs.Total)
	if qs.More {
		count = fmt.Sprintf("%d to %d short questions (follow-ups come only where an answer calls for them)", qs.Now, qs.Total)
	}
	if act := c.activities(); act != "" {
		count += ", and " + act + ", which you can skip at its first question,"
	}
	s.out.wrap("", fmt.Sprintf("You will answer %s in %d parts: %s. medpath then recommends a path and shows its steps, time, cost, pay and certifications, and why it fits.",
		count, len(titles), strings.Join(titles, "; ")))
	s.out.wrap("", "Nothing you type leaves this computer.")
	s.out.line("")
	s.out.wrap("", "How to answer: type the number of your choice and press enter. A blank line takes the default shown after each question. If your answer cannot be used, a line starting with ! says why and the question is asked again.")
	s.out.wrap("", "At any prompt you can also type: back, for the question before; help, to explain the question; quit, to stop (your answers so far stay saved). After the last question you can review and change any answer before the results.")
	if s.sessions {
		s.out.wrap("", "End of input (ctrl+d) stops at once; your answers so far stay saved.")
	} else {
		s.out.wrap("", "End of input (ctrl+d) cancels without saving anything.")
	}
}

// pickSession asks for the new session's name, or lists the saved ones to
// continue one: cont reports that a session was continued (its answers are
// returned, and the review comes first).
func (s *accSession) pickSession(start advisor.Answers) (advisor.Answers, bool, error) {
	list, _ := session.List(s.o.SessionDir)
	s.out.line("")
	prompt := "Name or id for this session, so you can find it later (optional: press enter to skip)."
	if len(list) > 0 {
		prompt += fmt.Sprintf(" To continue one of the %d saved sessions instead, type list.", len(list))
	}
	s.out.wrap("", prompt)
	for {
		line, err := s.prompt()
		if errors.Is(err, io.EOF) {
			return start, false, ErrCancelled
		}
		if err != nil {
			return start, false, err
		}
		switch strings.ToLower(line) {
		case "list", "l":
			if len(list) == 0 {
				s.out.wrap("", "There are no saved sessions yet. Type a name, or press enter to skip.")
				continue
			}
			a, ok, err := s.continueSession(list)
			if err != nil || ok {
				return a, ok, err
			}
			if a == nil {
				s.out.wrap("", "Name or id for this session (optional: press enter to skip).")
				continue
			}
		case "help", "?":
			s.out.wrap("", "The name goes into the session file and its listing, so a counselor can tell sessions apart; any name or id will do, or none. Type list to see the saved sessions, quit to stop.")
			continue
		case "quit", "q":
			return start, false, errAccQuit
		}
		s.label = oneLineText(line)
		return start, false, nil
	}
}

// continueSession lists the saved sessions and reads which to continue:
// ok reports that one was loaded; a nil answers and no error mean none was
// picked.
func (s *accSession) continueSession(list []session.Info) (advisor.Answers, bool, error) {
	s.out.line("")
	s.out.line("Saved sessions, newest first:")
	width := len(strconv.Itoa(len(list)))
	for i, info := range list {
		s.out.wrap(fmt.Sprintf("  %*d) ", width, i+1), sessionLine(info, s.clock()))
	}
	s.out.wrap("", fmt.Sprintf("Type the number of the session to continue (1 to %d), or press enter to start a new one.", len(list)))
	for {
		line, err := s.prompt()
		if errors.Is(err, io.EOF) {
			return nil, false, ErrCancelled
		}
		if err != nil {
			return nil, false, err
		}
		if line == "" || strings.EqualFold(line, "back") {
			return nil, false, nil
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(list) {
			s.out.wrap("", fmt.Sprintf("! %s is not one of the sessions. Type a number from 1 to %d, or press enter to start a new one.", accEcho(line), len(list)))
			continue
		}
		info := list[n-1]
		label, a, err := session.Load(s.eng, info.Path)
		if err != nil {
			s.out.wrap("", "! could not open the session: "+err.Error())
			continue
		}
		s.path, s.label = info.Path, label
		s.saved = s.eng.VisibleAnswers(a)
		s.store.Use(1, s.path, s.saved)
		name := label
		if name == "" {
			name = "the session"
		}
		s.out.wrap("", fmt.Sprintf("Continuing %s, saved %s.", name, sessionDate(info.Saved, s.clock())))
		return a, true, nil
	}
}

// sayWhere says, before the first question, where the answers are saved.
func (s *accSession) sayWhere() {
	s.out.line("")
	switch {
	case !s.sessions:
		s.out.wrap("", "Answers are not saved as you go here; at the end you can save the report and the answers as files.")
	case s.path != "":
		s.out.wrap("", "Answers are saved as you go in "+s.path+".")
	default:
		s.out.wrap("", "Answers are saved as you go, in a new file in "+s.o.SessionDir+" made at your first answer, so you can continue later.")
	}
}

// save writes the visible answers of a to the session when they changed,
// and says where the first time, or why it could not.
func (s *accSession) save(a advisor.Answers) {
	v := s.eng.VisibleAnswers(a)
	if !s.sessions || v.Equal(s.saved) {
		return
	}
	s.saved = v
	s.store.Want(session.Request{Gen: 1, Path: s.path, Dir: s.o.SessionDir, Label: s.label, Answers: v, At: s.clock()})
	_, path, _, err := s.store.Flush()
	say := ""
	switch {
	case err != nil:
		say = "! could not save the session: " + err.Error()
	case s.path == "":
		s.path = path
		say = "(Saved in " + path + ".)"
	}
	if say != "" && say != s.said {
		s.out.wrap("", say)
		s.said = say
	}
}

// finish writes any save still owed and returns the session file, or why
// the answers could not be saved.
func (s *accSession) finish() (string, error) {
	if !s.sessions {
		return "", nil
	}
	_, _, _, _ = s.store.Flush()
	return s.store.Result()
}

// questions asks the questions in order from the one at idx, until past
// the last one.
func (s *accSession) questions(a advisor.Answers, idx int) error {
	for {
		vis := s.eng.Visible(a)
		if idx >= len(vis) {
			return nil
		}
		q := vis[idx]
		c := countQuestions(s.eng, a, openAfter(a, q.ID))
		v, act, err := s.ask(q, idx+1, c.String(), a, false)
		if err != nil {
			return err
		}
		switch act {
		case accQuit:
			return errAccQuit
		case accBack:
			if idx == 0 {
				s.out.wrap("", "This is the first question; there is none before it.")
				continue
			}
			idx--
			continue
		}
		a[q.ID] = v
		s.save(a)
		vis = s.eng.Visible(a)
		i := slices.IndexFunc(vis, func(x *advisor.Question) bool { return x.ID == q.ID })
		if i < 0 { // the answer hid its own question: go on from where it stood
			i = min(idx, len(vis)) - 1
		}
		idx = i + 1
	}
}

// review lists the answers and reads a question number to change one, or a
// blank line for the results. back reports that the student typed back:
// to the last question.
func (s *accSession) review(a advisor.Answers) (back bool, err error) {
	for {
		vis := s.eng.Visible(a)
		s.out.line("")
		s.out.line("Your answers")
		s.out.line("============")
		width := len(strconv.Itoa(len(vis)))
		for i, q := range vis {
			v, ok := a.Value(q)
			text := q.AnswerText(v)
			if !ok {
				text += " (default)"
			}
			s.out.wrap(fmt.Sprintf("  %*d. ", width, i+1), accPlain(q.Prompt)+" Answer: "+text)
		}
		s.out.line("")
		s.out.wrap("", fmt.Sprintf("Type a question number to change it (1 to %d), or press enter for the results.", len(vis)))
		for {
			line, err := s.prompt()
			switch {
			case errors.Is(err, io.EOF):
				return false, nil // a script of answers ends here: on to the results
			case err != nil:
				return false, err
			}
			word := strings.ToLower(line)
			switch word {
			case "":
				return false, nil
			case "back":
				return true, nil
			case "quit", "q":
				return false, errAccQuit
			case "help", "?":
				s.out.wrap("", fmt.Sprintf("Type the number of an answer to change it (1 to %d); enter alone shows the results; back goes to the last question; quit stops here (your answers stay saved).", len(vis)))
				continue
			}
			n, err := strconv.Atoi(strings.TrimSuffix(line, "."))
			if err != nil || n < 1 || n > len(vis) {
				s.out.wrap("", fmt.Sprintf("! %s is not a question number. Type a number from 1 to %d, or press enter for the results.", accEcho(line), len(vis)))
				continue
			}
			if err := s.change(a, vis[n-1]); err != nil {
				return false, err
			}
			break
		}
	}
}

// change asks question q again, then each follow-up the new answer
// reveals, as a change on the full screen does. back on a follow-up undoes
// the change (the answers are as before it); back on q leaves it as it was.
func (s *accSession) change(a advisor.Answers, q *advisor.Question) error {
	origin := a.Clone()
	before := map[string]bool{}
	for _, x := range s.eng.Visible(a) {
		before[x.ID] = true
	}
	cur := q
	for cur != nil {
		v, act, err := s.ask(cur, 0, "", a, true)
		if err != nil {
			return err
		}
		switch act {
		case accQuit:
			return errAccQuit
		case accBack:
			if cur.ID != q.ID {
				for id := range a {
					delete(a, id)
				}
				maps.Copy(a, origin)
				s.save(a)
				ov, _ := origin.Value(q)
				s.out.wrap("", fmt.Sprintf("Undid the change: %s is %s again.", accPlain(q.Name()), q.AnswerText(ov)))
			}
			return nil
		}
		a[cur.ID] = v
		s.save(a)
		before[cur.ID] = true
		cur = nil
		for _, x := range s.eng.Visible(a) {
			if _, answered := a[x.ID]; !answered && !before[x.ID] {
				cur = x // a follow-up the change revealed
				break
			}
		}
	}
	return nil
}

// exportStep offers, after the report, to save it and the answers as files
// or to review the answers again. again reports a review; exported lists
// the files written by the last export.
func (s *accSession) exportStep(a advisor.Answers) (again bool, exported []string, err error) {
	dir := s.o.OutDir
	if dir == "" {
		dir = "the current folder"
	}
	ask := "Type r (or review) to change an answer, or press enter to finish."
	if !s.o.NoExport {
		ask = "Type e (or export) to save this report and your answers as files in " + dir + ", r (or review) to change an answer, or press enter to finish."
	}
	s.out.line("")
	s.out.wrap("", ask)
	for {
		line, err := s.prompt()
		switch {
		case errors.Is(err, io.EOF):
			return false, exported, nil
		case err != nil:
			return false, exported, err
		}
		switch strings.ToLower(line) {
		case "", "quit", "q", "done":
			return false, exported, nil
		case "r", "review", "back":
			return true, exported, nil
		case "help", "?":
			s.out.wrap("", ask)
			continue
		case "e", "export":
			if s.o.NoExport {
				break
			}
			files, err := s.export(a)
			if err != nil {
				s.out.wrap("", "! could not save: "+err.Error())
				continue
			}
			exported = files
			s.out.wrap("", "Press enter to finish, or type r to change an answer.")
			continue
		}
		s.out.wrap("", fmt.Sprintf("! %s is not one of the choices. %s", accEcho(line), ask))
	}
}

// export writes the Markdown report and the answers into the export
// folder, as the full screen's export does, and says where.
func (s *accSession) export(a advisor.Answers) ([]string, error) {
	r, ans, err := session.Export(s.eng, s.eng.VisibleAnswers(a), s.o.OutDir, s.label)
	if err != nil {
		return nil, err
	}
	s.out.line("")
	s.out.wrap("", fmt.Sprintf("Saved the report to %s and the answers to %s.", r, ans))
	return []string{r, ans}, nil
}

// prompt writes "> " and reads a line.
func (s *accSession) prompt() (string, error) {
	s.out.printf("> ")
	if s.out.err != nil {
		return "", fmt.Errorf("write: %w", s.out.err)
	}
	for {
		line, err := s.in.readLine()
		switch {
		case errors.Is(err, io.EOF):
			s.out.line("") // end the "> " line; the caller says what happened
			return "", io.EOF
		case errors.Is(err, errAccLineTooLong):
			s.out.wrap("", fmt.Sprintf("! That line is longer than %d characters, so it was ignored.", accMaxLine))
			s.out.printf("> ")
			continue
		case err != nil:
			return "", fmt.Errorf("read answer: %w", err)
		}
		return line, nil
	}
}

func (s *accSession) sectionHeader(id string) {
	s.section = id
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

// ask shows one question and reads lines until one is a valid answer, back
// or quit. n and count are its place ("Question 3 of 20–28"); change marks
// a change from the review ("Changing an answer").
func (s *accSession) ask(q *advisor.Question, n int, count string, answers advisor.Answers, change bool) (any, accAction, error) {
	def := s.defaultFor(q, answers)
	f, _ := newField(q, answers, nil, nil) // the kind's words and reading, as on the full screen
	if !change && q.Section.ID != s.section {
		s.sectionHeader(q.Section.ID)
	}
	s.out.line("")
	header := fmt.Sprintf("Question %d of %s", n, count)
	if change {
		header = "Changing an answer"
	}
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
	back := "back"
	if change {
		back = "back (leave it as it was)"
	}
	s.out.wrap("", f.howTo()+" (default: "+q.AnswerText(def)+"). Or type "+back+", help or quit.")

	for {
		line, err := s.prompt()
		switch {
		case errors.Is(err, io.EOF):
			return nil, 0, ErrCancelled
		case err != nil:
			return nil, 0, err
		}
		switch strings.ToLower(line) {
		case "":
			s.out.wrap("Answer: ", q.AnswerText(def))
			return def, accAnswer, nil
		case "back":
			return nil, accBack, nil
		case "quit", "q":
			return nil, accQuit, nil
		case "help", "?":
			s.explain(q, f)
			continue
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
		return v, accAnswer, nil
	}
}

// explain is the help of a question: its explanation, its options' and
// the words that work at the prompt.
func (s *accSession) explain(q *advisor.Question, f field) {
	text := q.Help
	if text == "" {
		text = "No extra help for this question."
	}
	s.out.wrap("? ", text)
	for i, o := range q.Options {
		if o.Help != "" {
			s.out.wrap(fmt.Sprintf("  %d) %s: ", i+1, accPlain(advisor.ShortLabel(o.Label))), o.Help)
		}
	}
	s.out.wrap("  ", f.howTo()+". A blank line takes the default. back: the question before. quit: stop here; your answers so far stay saved.")
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

// Write writes b as is (the report), remembering the first error.
func (p *accWriter) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	var n int
	n, p.err = p.w.Write(b)
	return n, p.err
}

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
