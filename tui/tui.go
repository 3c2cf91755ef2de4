package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// Options configure the interactive advisor.
type Options struct {
	// Answers are the answers to start from (from --answers); may be nil.
	Answers advisor.Answers
	// OutDir is the folder the export writes to ("" means the current folder).
	OutDir string
	// NoColor draws without colour (bold and markers stay). NO_COLOR in the
	// environment has the same effect without this.
	NoColor bool
	// Input is where keys come from; nil means the terminal (stdin).
	Input io.Reader
	// Output is where the screens are drawn; nil means os.Stderr, which keeps
	// stdout free for the summary main prints after the advisor ends.
	Output io.Writer
}

// Result is what the student leaves the advisor with.
type Result struct {
	// Answers are the final answers to the questions visible at the end.
	Answers advisor.Answers
	// Recommendation is the last one shown; nil if the results were never reached.
	Recommendation *advisor.Recommendation
	// Exported lists the files written by the last export, if any.
	Exported []string
}

// Run runs the interactive advisor on the alternate screen until the student
// quits, and returns their answers, the recommendation (nil if they never
// reached the results) and the files they exported. When they pressed
// ctrl+c the error is [ErrCancelled] (main exits 130); a cancelled ctx ends
// the advisor with an error wrapping ctx's error.
func Run(ctx context.Context, eng *advisor.Engine, o Options) (Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	m := newModel(eng, o)
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	out := o.Output
	if out == nil {
		out = os.Stderr
	}
	opts = append(opts, tea.WithOutput(out))
	if o.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	final, err := tea.NewProgram(m, opts...).Run()
	fm, ok := final.(model)
	if !ok {
		fm = m
	}
	res := fm.outcome()
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return res, ErrCancelled
	case err != nil:
		return res, fmt.Errorf("interactive advisor: %w", err)
	case fm.cancelled:
		return res, ErrCancelled
	}
	return res, nil
}

// state is the screen on show.
type state int

// The screens.
const (
	stateWelcome state = iota
	stateQuestion
	stateReview
	stateResult
	stateCompare
	stateLearn
)

// String names the state, for tests and the bug message.
func (s state) String() string {
	switch s {
	case stateWelcome:
		return "welcome"
	case stateQuestion:
		return "question"
	case stateReview:
		return "review"
	case stateResult:
		return "result"
	case stateCompare:
		return "compare"
	case stateLearn:
		return "learn"
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// Layout limits.
const (
	minWidth      = 40  // below this (or minHeight) only a notice is drawn
	minHeight     = 12  //
	defaultWidth  = 80  // the size assumed before the terminal reports one
	defaultHeight = 24  //
	maxWidth      = 100 // content never gets wider than this
	wideWidth     = 100 // from this many columns, lists and details sit side by side
)

// tooSmall is the notice drawn when the terminal is below the minimum.
var tooSmall = fmt.Sprintf("Terminal too small: enlarge to at least %dx%d", minWidth, minHeight)

// model is the root model: it holds the answers and the recommendation,
// handles the size, the colours and the global keys, and routes everything
// else to the screen on show. Screens report back through messages.
type model struct {
	eng     *advisor.Engine
	outDir  string
	export  exportFunc
	st      *Styles
	isDark  bool
	keys    keyMap
	help    help.Model
	width   int
	height  int
	state   state
	prev    state // where compare and learn return to
	answers advisor.Answers
	saved   advisor.Answers // answers at the start or at the last export
	rec     *advisor.Recommendation

	exported    []string
	status      string
	statusErr   bool
	confirmQuit bool
	cancelled   bool
	quitting    bool

	welcome  welcomeScreen
	question questionScreen
	review   reviewScreen
	result   resultScreen
	compare  compareScreen
	learn    learnScreen
}

// newModel builds the advisor for the starting answers. The background is
// assumed dark until the terminal answers, as most terminals are.
func newModel(eng *advisor.Engine, o Options) model {
	const isDark = true
	st := newStyles(isDark)
	keys := defaultKeys()
	a := o.Answers.Clone()
	m := model{
		eng: eng, outDir: o.OutDir, export: Export, st: st, isDark: isDark, keys: keys,
		help: help.New(), answers: a, saved: visibleAnswers(eng, a),
		welcome:  newWelcomeScreen(eng, st, keys),
		question: newQuestionScreen(eng, st, keys),
		review:   newReviewScreen(eng, st, keys),
		result:   newResultScreen(eng, st, keys),
		compare:  newCompareScreen(eng, st, keys),
		learn:    newLearnScreen(eng, st, keys),
	}
	m.help.Styles = st.Help
	m.welcome = m.welcome.setAnswers(a)
	m.review = m.review.setAnswers(a)
	return m.layout()
}

// Init implements tea.Model: it asks the terminal for its background colour.
func (m model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// Update implements tea.Model.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	return m.layout(), cmd
}

func (m model) update(msg tea.Msg) (model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		return m.restyle(), nil
	case tea.KeyPressMsg:
		if m2, cmd, done := m.globalKey(msg); done {
			return m2, cmd
		}
	case startMsg:
		return m.showQuestions("", false)
	case answeredMsg:
		m.setAnswers(msg.answers)
		return m, nil
	case questionsDoneMsg:
		m.setAnswers(msg.answers)
		m.review = m.review.setAnswers(m.answers).onResults()
		m.state = stateReview
		return m, nil
	case questionsBackMsg:
		m.setAnswers(msg.answers)
		m.welcome = m.welcome.setAnswers(m.answers)
		m.state = stateWelcome
		return m, nil
	case editAnswerMsg:
		return m.showQuestions(msg.id, true)
	case editDoneMsg:
		m.setAnswers(msg.answers)
		m.review = m.review.setAnswers(m.answers)
		m.state = stateReview
		return m, nil
	case gotoMsg:
		return m.show(msg.to)
	case backMsg:
		return m.show(m.prev)
	case exportMsg:
		if m.rec == nil {
			return m, nil
		}
		m.status, m.statusErr = "Saving…", false
		return m, runExport(m.export, m.eng, m.visibleAnswers(), m.outDir)
	case exportedMsg:
		if msg.err != nil {
			m.status, m.statusErr = "! could not save: "+msg.err.Error(), true
			return m, nil
		}
		m.exported = []string{msg.report, msg.answers}
		m.saved = msg.saved
		m.status, m.statusErr = fmt.Sprintf("Saved %s and %s", msg.report, msg.answers), false
		return m, nil
	}
	return m.route(msg)
}

// globalKey handles the keys that work everywhere: ctrl+c, the quit
// question, q and ?. done reports that the key was used up.
func (m model) globalKey(k tea.KeyPressMsg) (model, tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.keys.ForceQuit):
		m.cancelled, m.quitting = true, true
		return m, tea.Quit, true
	case m.confirmQuit:
		m.confirmQuit = false
		if key.Matches(k, m.keys.Confirm) {
			m.quitting = true
			return m, tea.Quit, true
		}
		return m, nil, true // any other key stays
	case key.Matches(k, m.keys.Quit):
		if m.dirty() {
			m.confirmQuit = true
			return m, nil, true
		}
		m.quitting = true
		return m, tea.Quit, true
	case key.Matches(k, m.keys.Help) && m.state != stateQuestion:
		// On the question screen ? explains the question instead.
		m.help.ShowAll = !m.help.ShowAll
		return m, nil, true
	}
	return m, nil, false
}

// route hands a message to the screen on show.
func (m model) route(msg tea.Msg) (model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.state {
	case stateWelcome:
		m.welcome, cmd = m.welcome.update(msg)
	case stateQuestion:
		m.question, cmd = m.question.update(msg)
	case stateReview:
		m.review, cmd = m.review.update(msg)
	case stateResult:
		m.result, cmd = m.result.update(msg)
	case stateCompare:
		m.compare, cmd = m.compare.update(msg)
	case stateLearn:
		m.learn, cmd = m.learn.update(msg)
	}
	return m.settle(cmd)
}

// settle runs a screen's command at once and handles the advisor's own
// messages it returns, instead of letting the program deliver them later.
// Screens' commands are pure (the number field's clipboard paste is switched
// off; a terminal paste arrives as a message), so this is safe, and keys
// typed ahead (a fast typist, a paste, tmux send-keys) reach the screen they
// were meant for. Anything else is passed on to the program; commands the
// root itself returns, such as the export's file writing, stay asynchronous.
func (m model) settle(cmd tea.Cmd) (model, tea.Cmd) {
	if cmd == nil {
		return m, nil
	}
	switch msg := cmd().(type) {
	case nil:
		return m, nil
	case tea.BatchMsg:
		var out []tea.Cmd
		for _, c := range msg {
			var more tea.Cmd
			m, more = m.settle(c)
			out = append(out, more)
		}
		return m, tea.Batch(out...)
	default:
		if local(msg) {
			return m.update(msg)
		}
		return m, func() tea.Msg { return msg }
	}
}

// local reports whether msg is one of the advisor's own messages.
func local(msg tea.Msg) bool {
	switch msg.(type) {
	case gotoMsg, backMsg, startMsg, answeredMsg, questionsDoneMsg, questionsBackMsg,
		editAnswerMsg, editDoneMsg, exportMsg, exportedMsg:
		return true
	}
	return false
}

// show switches to screen s, preparing what it shows.
func (m model) show(s state) (model, tea.Cmd) {
	switch s {
	case stateQuestion:
		return m.showQuestions(lastQuestion, false)
	case stateReview:
		m.review = m.review.setAnswers(m.answers)
	case stateResult:
		m.rec = m.eng.Recommend(m.visibleAnswers())
		m.result = m.result.setRec(m.rec)
		m.compare = m.compare.setRec(m.rec)
	case stateCompare, stateLearn:
		if m.state != stateCompare && m.state != stateLearn {
			m.prev = m.state
		}
	case stateWelcome:
		m.welcome = m.welcome.setAnswers(m.answers)
	}
	m.state = s
	return m, nil
}

// showQuestions opens the questionnaire at question id ("" the first).
func (m model) showQuestions(id string, edit bool) (model, tea.Cmd) {
	var cmd tea.Cmd
	m.question, cmd = m.question.open(m.answers, id, edit)
	m.state = stateQuestion
	return m, cmd
}

// setAnswers stores the answers a screen reports. A change makes the last
// export's message out of date, so it goes.
func (m *model) setAnswers(a advisor.Answers) {
	if !reflect.DeepEqual(a, m.answers) {
		m.status, m.statusErr = "", false
	}
	m.answers = a.Clone()
}

// visibleAnswers are the answers to the questions visible now. Answers to
// hidden follow-ups stay in m.answers (so they come back if the question
// does) but never reach the engine, the export or the caller.
func (m model) visibleAnswers() advisor.Answers {
	return visibleAnswers(m.eng, m.answers)
}

func visibleAnswers(eng *advisor.Engine, a advisor.Answers) advisor.Answers {
	out := advisor.Answers{}
	for _, q := range eng.Visible(a) {
		if v, ok := a[q.ID]; ok {
			out[q.ID] = v
		}
	}
	return out
}

// dirty reports whether the answers changed since the start or the last
// export, so quitting would lose something.
func (m model) dirty() bool {
	return !reflect.DeepEqual(m.visibleAnswers(), m.saved)
}

// outcome is what Run returns.
func (m model) outcome() Result {
	return Result{Answers: m.visibleAnswers(), Recommendation: m.rec, Exported: m.exported}
}

// restyle rebuilds the styles after the terminal reported its background.
func (m model) restyle() model {
	m.st = newStyles(m.isDark)
	m.help.Styles = m.st.Help
	m.welcome.st = m.st
	m.review.st = m.st
	m.question = m.question.setStyles(m.st)
	m.result = m.result.setStyles(m.st)
	m.compare = m.compare.setStyles(m.st)
	m.learn = m.learn.setStyles(m.st)
	return m
}

// size returns the terminal size, or the default before the first report.
func (m model) size() (int, int) {
	if m.width <= 0 || m.height <= 0 {
		return defaultWidth, defaultHeight
	}
	return m.width, m.height
}

// bodySize is the room the screen on show gets: the terminal minus the
// frame, the status line and the help.
func (m model) bodySize() (int, int) {
	w, h := m.size()
	bw := min(w-m.st.App.GetHorizontalFrameSize(), maxWidth)
	bh := h - m.st.App.GetVerticalFrameSize() - len(m.footer(bw))
	return max(bw, 1), max(bh, 1)
}

// layout gives the screen on show its size (a screen is sized again when it
// is shown); screens that depend on the size rebuild only when it changed.
func (m model) layout() model {
	w, _ := m.size()
	bw, bh := m.bodySize()
	m.help.SetWidth(bw)
	switch m.state {
	case stateWelcome:
		m.welcome = m.welcome.setSize(bw, bh)
	case stateQuestion:
		m.question = m.question.setSize(bw, bh)
	case stateReview:
		m.review = m.review.setSize(bw, bh)
	case stateResult:
		m.result = m.result.setSize(bw, bh, w >= wideWidth)
	case stateCompare:
		m.compare = m.compare.setSize(bw, bh)
	case stateLearn:
		m.learn = m.learn.setSize(bw, bh, w >= wideWidth)
	}
	return m
}

// footer is the status line (export result, quit question) and the help.
func (m model) footer(w int) []string {
	var lines []string
	switch {
	case m.confirmQuit:
		lines = append(lines, m.st.Error.Render(trunc("Quit without exporting? y/n", w)))
	case m.status != "":
		style := m.st.Good
		if m.statusErr {
			style = m.st.Error
		}
		lines = append(lines, para(m.status, w, style)...)
	}
	return append(lines, strings.Split(m.help.View(m.helpKeys()), "\n")...)
}

// helpKeys are the active screen's keys plus the global ones.
func (m model) helpKeys() helpKeys {
	var screen []key.Binding
	switch m.state {
	case stateWelcome:
		screen = m.welcome.helpKeys()
	case stateQuestion:
		screen = m.question.helpKeys()
	case stateReview:
		screen = m.review.helpKeys()
	case stateResult:
		screen = m.result.helpKeys()
	case stateCompare:
		screen = m.compare.helpKeys()
	case stateLearn:
		screen = m.learn.helpKeys()
	}
	if m.confirmQuit {
		return helpKeys{short: []key.Binding{m.keys.Confirm, m.keys.Deny}, full: [][]key.Binding{{m.keys.Confirm, m.keys.Deny}}}
	}
	helpKey := m.keys.Help
	if m.help.ShowAll {
		helpKey.SetHelp("?", "fewer keys")
	}
	global := []key.Binding{m.keys.Quit, m.keys.ForceQuit}
	if m.state != stateQuestion {
		global = append([]key.Binding{helpKey}, global...)
	}
	var enabled, short []key.Binding
	for _, b := range screen {
		if !b.Enabled() {
			continue
		}
		enabled = append(enabled, b)
		// The short line: the screen's first keys, then ? and q; paging and
		// jumping to the ends are in the full help.
		if b.Help() != m.keys.Home.Help() && b.Help() != m.keys.End.Help() &&
			b.Help() != m.keys.PageUp.Help() && b.Help() != m.keys.PageDown.Help() && len(short) < 5 {
			short = append(short, b)
		}
	}
	short = append(append([]key.Binding{}, short...), helpKey, m.keys.Quit)
	if m.state == stateQuestion {
		short = short[:len(short)-2]
		short = append(short, m.keys.Quit)
	}
	var full [][]key.Binding
	for i := 0; i < len(enabled); i += 4 {
		full = append(full, enabled[i:min(i+4, len(enabled))])
	}
	return helpKeys{short: short, full: append(full, global)}
}

// View implements tea.View: the screen on show on the alternate screen,
// never wider or taller than the terminal.
func (m model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "medpath"
	return v
}

// render draws the screen as text: the body, cut and padded to its room,
// then the footer, every line cut to the content width, the whole centred
// on wide terminals.
func (m model) render() string {
	w, h := m.size()
	if w < minWidth || h < minHeight {
		return clamp(strings.Join(wrap(tooSmall, w), "\n"), w, h)
	}
	bw := min(w-m.st.App.GetHorizontalFrameSize(), maxWidth)
	footer := m.footer(bw)
	bh := max(h-m.st.App.GetVerticalFrameSize()-len(footer), 1)
	var body string
	switch m.state {
	case stateWelcome:
		body = m.welcome.view()
	case stateQuestion:
		body = m.question.view()
	case stateReview:
		body = m.review.view()
	case stateResult:
		body = m.result.view()
	case stateCompare:
		body = m.compare.view()
	case stateLearn:
		body = m.learn.view()
	default:
		body = m.st.Error.Render(fmt.Sprintf("Unknown screen %s: this is a bug. Press ctrl+c to quit.", m.state))
	}
	lines := append(fitLines(strings.Split(body, "\n"), bh), footer...)
	// The frame is drawn by hand: Style.Render would measure and pad every
	// line again. On a terminal wider than the content, the content is centred.
	left := strings.Repeat(" ", m.st.App.GetPaddingLeft()+max((w-bw-m.st.App.GetHorizontalFrameSize())/2, 0))
	var b strings.Builder
	for i, l := range lines[:min(len(lines), h)] {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(left)
		b.WriteString(trunc(l, bw))
	}
	return b.String()
}

// clamp cuts s to at most w columns and h lines, and never returns an empty
// string (a 1x1 terminal still gets one cell).
func clamp(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 1)]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, max(w, 1), "")
		}
	}
	out := strings.Join(lines, "\n")
	if strings.TrimSpace(ansi.Strip(out)) == "" {
		return tooSmall[:1]
	}
	return out
}
