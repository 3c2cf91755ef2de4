package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
	"medpath/internal/session"
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
	// SessionPath is a session file to use (--session FILE; it need not
	// exist yet). When it exists Run loads its answers (Answers must then be
	// nil); every change of the answers is saved to it.
	SessionPath string
	// SessionDir is the folder of saved sessions: the welcome lists them to
	// continue one, and without SessionPath a new session file is made there
	// at the first change (the CLI passes session.Dir()). With both "" sessions
	// are off and nothing is saved unless exported.
	SessionDir string
	// Now is the clock for session times and dates; nil means time.Now.
	Now func() time.Time
	// TestPanic makes the key f12 panic inside Update with the message
	// "medpath test panic", to test that a crash restores the terminal and
	// says where the answers were saved. main sets it when the environment
	// has MEDPATH_TEST_PANIC=1; it is never on otherwise.
	TestPanic bool
}

// Result is what the student leaves the advisor with.
type Result struct {
	// Answers are the final answers to the questions visible at the end.
	Answers advisor.Answers
	// Recommendation is the last one shown; nil if the results were never reached.
	Recommendation *advisor.Recommendation
	// Exported lists the files written by the last export, if any.
	Exported []string
	// SessionPath is the session file holding the final answers; "" when
	// sessions are off, nothing was answered, or the last save failed.
	SessionPath string
	// SessionErr says why the final answers could not be saved to the
	// session; nil when they were, or sessions are off.
	SessionErr error
}

// ErrCrashed reports that the advisor stopped on a panic (a bug). The
// terminal has been restored and the answers saved up to the last change
// (Result.SessionPath says where); main exits 1.
var ErrCrashed = errors.New("the advisor stopped on an internal error (a bug)")

// Run runs the interactive advisor on the alternate screen until the student
// quits, and returns their answers, the recommendation (nil if they never
// reached the results), the files they exported and the session file.
//
// Every way of ending restores the terminal and first writes the newest
// answers to the session if a save is still owed:
//   - q: no error.
//   - ctrl+c, SIGINT, SIGTERM, or ctx cancelled (main cancels it on SIGINT
//     and SIGTERM): [ErrCancelled], wrapping ctx's error when ctx ended it;
//     main exits 130.
//   - a panic in Update, View or a command (Bubble Tea catches it, restores
//     the terminal and prints it on stderr): [ErrCrashed]; main exits 1.
//
// A session file given in o.SessionPath that cannot be loaded is an error
// before anything is drawn (an [*advisor.AnswersError] for bad content).
func Run(ctx context.Context, eng *advisor.Engine, o Options) (Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	o, label, loaded, err := openSessionFile(eng, o)
	if err != nil {
		return Result{}, err
	}
	m := newModel(eng, o)
	if loaded {
		m = m.sessionLoaded(o.SessionPath, label, o.Answers)
	}
	return runModel(ctx, m, o)
}

// runModel runs the program for m and turns how it ended into Run's result.
func runModel(ctx context.Context, m model, o Options) (Result, error) {
	// 120 frames a second halves the wait for the first frame and for each
	// key's echo (Bubble Tea flushes on its frame ticker, and writes only
	// when the view changed).
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(120)}
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
	fm, ok := final.(model) // after a panic in Update or View there is none
	if !ok {
		fm = m
	}
	res := fm.outcome()
	if m.sessOn {
		// The store is shared with the model (and survives a panic): write
		// what is still owed, then say where the answers are.
		_, _, _, _ = m.store.Flush()
		res.SessionPath, res.SessionErr = m.store.Result()
	}
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea has printed the panic and its stack on stderr.
		return res, fmt.Errorf("%w: a panic (printed above)", ErrCrashed)
	case errors.Is(err, tea.ErrInterrupted):
		return res, ErrCancelled
	case ctx.Err() != nil:
		return res, fmt.Errorf("%w: %w", ErrCancelled, context.Cause(ctx))
	case err != nil:
		return res, fmt.Errorf("interactive advisor: %w", err)
	case fm.cancelled || !fm.quitting:
		// Ended from outside without an error: Bubble Tea's own SIGTERM
		// handler quits the program before ctx is cancelled.
		return res, ErrCancelled
	}
	return res, nil
}

// openSessionFile loads o.SessionPath when it exists: its label, and its
// answers as the starting answers. loaded reports that it did.
func openSessionFile(eng *advisor.Engine, o Options) (_ Options, label string, loaded bool, _ error) {
	if o.SessionPath == "" {
		return o, "", false, nil
	}
	if _, err := os.Stat(o.SessionPath); errors.Is(err, os.ErrNotExist) {
		return o, "", false, nil
	}
	if o.Answers != nil {
		return o, "", false, fmt.Errorf("--session %s already holds answers; start from it or from --answers, not both", o.SessionPath)
	}
	label, a, err := session.Load(eng, o.SessionPath)
	if err != nil {
		return o, "", false, err
	}
	o.Answers = a
	return o, label, true, nil
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
	stateWhatIf // the what-if picker; what-if results show on stateResult
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
	case stateWhatIf:
		return "what-if"
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
	picker   reviewScreen // the what-if picker

	// Sessions: the answers are saved after every change (what-ifs are not
	// changes until kept). The writing happens in commands and in Run.
	sessOn     bool
	sessDir    string
	sessPath   string // the file: --session, a continued session, or made by the first save
	sessFixed  bool   // --session FILE: no other session can be started or continued
	sessLabel  string
	sessGen    int             // counts sessions, so a late save of one never lands in another
	sessAsked  advisor.Answers // the visible answers last asked to be saved (or loaded)
	sessSaved  advisor.Answers // the visible answers the file is known to hold
	sessFailed bool            // the last save failed: quitting would lose the answers
	sessList   []session.Info  // the saved sessions found at the start
	store      *session.Store  // shared with Run, so a crash can still save and say where
	now        func() time.Time
	testPanic  bool

	wi *whatIf // the what-if on show; nil outside what-if mode
}

// newModel builds the advisor for the starting answers. The background is
// assumed dark until the terminal answers, as most terminals are.
func newModel(eng *advisor.Engine, o Options) model {
	const isDark = true
	st := newStyles(isDark)
	keys := defaultKeys()
	a := o.Answers.Clone()
	now := o.Now
	if now == nil {
		now = time.Now
	}
	m := model{
		eng: eng, outDir: o.OutDir, export: session.Export, st: st, isDark: isDark, keys: keys,
		help: help.New(), answers: a, saved: eng.VisibleAnswers(a),
		welcome:  newWelcomeScreen(eng, st, keys),
		question: newQuestionScreen(eng, st, keys),
		review:   newReviewScreen(eng, st, keys),
		result:   newResultScreen(eng, st, keys),
		compare:  newCompareScreen(eng, st, keys),
		learn:    newLearnScreen(eng, st, keys),
		picker:   newWhatIfPicker(eng, st, keys),

		sessOn: o.SessionDir != "" || o.SessionPath != "", sessDir: o.SessionDir,
		sessPath: o.SessionPath, sessFixed: o.SessionPath != "",
		sessAsked: eng.VisibleAnswers(a), store: session.NewStore(eng), now: now, testPanic: o.TestPanic,
	}
	m.help.Styles = st.Help
	m.welcome = m.welcome.setSessions(m.sessOn, !m.sessFixed).setAnswers(a)
	m.review = m.review.setAnswers(a)
	return m.layout()
}

// sessionLoaded makes the session in path (label, answers a, as just read
// from the file) the current one.
func (m model) sessionLoaded(path, label string, a advisor.Answers) model {
	m.answers = a.Clone()
	v := m.visibleAnswers()
	m.sessPath, m.sessLabel = path, label
	m.sessAsked, m.sessSaved, m.sessFailed = v, v, false
	m.saved, m.rec, m.exported, m.wi = v, nil, nil, nil
	m.store.Use(m.sessGen, path, v)
	m.welcome = m.welcome.setAnswers(m.answers).setCurrent(label)
	m.welcome = m.welcome.setSaved(m.otherSessions(), m.now())
	m.review = m.review.setAnswers(m.answers)
	return m
}

// otherSessions are the saved sessions found at the start, less the one in progress.
func (m model) otherSessions() []session.Info {
	var out []session.Info
	for _, s := range m.sessList {
		if m.sessPath == "" || s.Path != m.sessPath {
			out = append(out, s)
		}
	}
	return out
}

// Init implements tea.Model: it asks the terminal for its background colour
// and lists the saved sessions.
func (m model) Init() tea.Cmd {
	if m.sessOn && !m.sessFixed && m.sessDir != "" {
		return guard(tea.Batch(tea.RequestBackgroundColor, listSessions(m.sessDir)))
	}
	return tea.RequestBackgroundColor
}

// Update implements tea.Model.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	return m.layout(), guard(cmd)
}

// guard wraps cmd (and each command of a batch) so that a panic in it
// comes back as a crashMsg, which Update raises again. Bubble Tea would
// catch a panic in a command too, but on another goroutine, printing it
// while Run returns and main prints; raised in Update, it is caught in
// order: the terminal restored, the panic printed, then Run returns.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{value: r, stack: debug.Stack()}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = guard(c)
			}
			return guarded
		}
		return msg
	}
}

func (m model) update(msg tea.Msg) (model, tea.Cmd) {
	switch msg := msg.(type) {
	case crashMsg:
		panic(fmt.Sprintf("%v\n\n(in a command)\n%s", msg.value, msg.stack))
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
	case newSessionMsg:
		return m.newSession(msg.label)
	case openSessionMsg:
		return m, loadSession(m.eng, msg.path)
	case sessionsListedMsg:
		if msg.err != nil {
			m.status, m.statusErr = "! could not list the saved sessions: "+msg.err.Error(), true
		}
		m.sessList = msg.list
		m.welcome = m.welcome.setSaved(m.otherSessions(), m.now())
		return m, nil
	case sessionLoadedMsg:
		if msg.err != nil {
			m.status, m.statusErr = "! could not open the session: "+msg.err.Error(), true
			return m, nil
		}
		m.sessGen++
		m = m.sessionLoaded(msg.path, msg.label, msg.answers)
		m.review = m.review.onResults()
		m.state = stateReview
		name := msg.label
		if name == "" {
			name = "the session"
		}
		m.status, m.statusErr = fmt.Sprintf("Continuing %s, saved %s.", name, m.savedDate(msg.path)), false
		return m, nil
	case sessionSavedMsg:
		if msg.gen != m.sessGen {
			return m, nil // a save of an earlier session
		}
		if msg.err != nil {
			m.sessFailed = true
			m.status, m.statusErr = "! could not save the session: "+msg.err.Error(), true
			return m, nil
		}
		if m.sessFailed && m.statusErr {
			m.status, m.statusErr = "", false
		}
		m.sessPath, m.sessSaved, m.sessFailed = msg.path, msg.answers, false
		return m, nil
	case answeredMsg:
		return m, m.setAnswers(msg.answers)
	case questionsDoneMsg:
		cmd := m.setAnswers(msg.answers)
		m.review = m.review.setAnswers(m.answers).onResults()
		m.state = stateReview
		return m, cmd
	case questionsBackMsg:
		cmd := m.setAnswers(msg.answers)
		m.welcome = m.welcome.setAnswers(m.answers)
		m.state = stateWelcome
		return m, cmd
	case editAnswerMsg:
		return m.showQuestions(msg.id, true)
	case editDoneMsg:
		cmd := m.setAnswers(msg.answers)
		m.review = m.review.setAnswers(m.answers)
		m.state = stateReview
		return m, cmd
	case whatIfMsg, whatIfPickMsg, whatIfEditedMsg, whatIfCancelMsg, whatIfBackMsg, keepWhatIfMsg, discardWhatIfMsg:
		return m.whatIfUpdate(msg)
	case gotoMsg:
		return m.show(msg.to)
	case backMsg:
		return m.show(m.prev)
	case exportMsg:
		if m.rec == nil {
			return m, nil
		}
		m.status, m.statusErr = "Saving…", false
		return m, runExport(m.export, m.eng, m.visibleAnswers(), m.outDir, m.sessLabel)
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
	case m.testPanic && key.Matches(k, m.keys.TestPanic):
		panic("medpath test panic")
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
	case m.typing():
		// The welcome's name field has the keys: q and ? are letters there.
		return m, nil, false
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
	case stateWhatIf:
		m.picker, cmd = m.picker.update(msg)
	}
	return m.settle(cmd)
}

// typing reports whether a text field has every key (the welcome's name).
func (m model) typing() bool {
	return m.state == stateWelcome && m.welcome.isTyping()
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
		editAnswerMsg, editDoneMsg, exportMsg, exportedMsg,
		newSessionMsg, openSessionMsg, sessionsListedMsg, sessionLoadedMsg, sessionSavedMsg, crashMsg,
		whatIfMsg, whatIfPickMsg, whatIfEditedMsg, whatIfCancelMsg, whatIfBackMsg, keepWhatIfMsg, discardWhatIfMsg:
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
		m.wi = nil
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

// setAnswers stores the answers a screen reports and returns the command
// that saves them to the session. A change makes the last export's message
// out of date, so it goes.
func (m *model) setAnswers(a advisor.Answers) tea.Cmd {
	if !a.Equal(m.answers) {
		m.status, m.statusErr = "", false
	}
	m.answers = a.Clone()
	return m.save()
}

// save asks for the session to be saved when the visible answers differ
// from the last ones asked for; the file is written by the returned command
// (the first save of a new session makes its file).
func (m *model) save() tea.Cmd {
	if !m.sessOn {
		return nil
	}
	a := m.visibleAnswers()
	if a.Equal(m.sessAsked) {
		return nil
	}
	m.sessAsked = a
	m.store.Want(session.Request{Gen: m.sessGen, Path: m.sessPath, Dir: m.sessDir, Label: m.sessLabel, Answers: a, At: m.now()})
	return saveSession(m.store)
}

// newSession starts the questionnaire for a new session named label. With
// --session FILE it only names the session in that file; otherwise the
// answers start empty and a new file is made at the first change.
func (m model) newSession(label string) (model, tea.Cmd) {
	if !m.sessOn {
		return m.showQuestions("", false)
	}
	m.sessLabel = label
	if !m.sessFixed {
		m.sessGen++
		m.sessPath = ""
		m.answers = advisor.Answers{}
		v := m.visibleAnswers()
		m.saved, m.sessAsked, m.sessSaved, m.sessFailed = v, v, nil, false
		m.rec, m.exported, m.wi = nil, nil, nil
		m.store.Use(m.sessGen, "", nil)
		m.question = newQuestionScreen(m.eng, m.st, m.keys)
		m.status, m.statusErr = "", false
	}
	m.welcome = m.welcome.clearName().setAnswers(m.answers).setCurrent(label)
	m.welcome = m.welcome.setSaved(m.otherSessions(), m.now())
	var list tea.Cmd
	if !m.sessFixed && m.sessDir != "" {
		list = listSessions(m.sessDir) // the last student's session is listed now
	}
	m, cmd := m.showQuestions("", false)
	return m, tea.Batch(cmd, list)
}

// savedDate is when the listed session in path was saved, for people.
func (m model) savedDate(path string) string {
	for _, s := range m.sessList {
		if s.Path == path {
			return sessionDate(s.Saved, m.now())
		}
	}
	return "earlier"
}

// whatIfUpdate handles what-if mode (see whatif.go).
func (m model) whatIfUpdate(msg tea.Msg) (model, tea.Cmd) {
	base := m.answers
	if m.wi != nil {
		base = m.wi.answers
	}
	switch msg := msg.(type) {
	case whatIfMsg:
		if m.rec == nil {
			return m, nil
		}
		m.picker = m.picker.setWhatIf(base, m.answers)
		m.state = stateWhatIf
	case whatIfPickMsg:
		var cmd tea.Cmd
		m.question, cmd = m.question.openWhatIf(base, msg.id)
		m.state = stateQuestion
		return m, cmd
	case whatIfCancelMsg:
		m.state = stateWhatIf
	case whatIfBackMsg:
		m.state = stateResult
	case whatIfEditedMsg:
		real, wa := m.visibleAnswers(), m.eng.VisibleAnswers(msg.answers)
		m.state = stateResult
		if m.rec == nil || wa.Equal(real) {
			m.wi = nil
			m.result = m.result.setRec(m.rec)
			m.status, m.statusErr = "That is what you answered: nothing changes.", false
			return m, nil
		}
		rec := m.eng.Recommend(wa)
		d := m.eng.DiffRecommendations(real, wa, m.rec, rec)
		m.wi = &whatIf{answers: msg.answers.Clone(), rec: rec, diff: d}
		m.result = m.result.setWhatIf(rec, m.rec, d)
		m.status = ""
	case keepWhatIfMsg:
		if m.wi == nil {
			return m, nil
		}
		cmd := m.setAnswers(m.wi.answers)
		m.wi = nil
		m.rec = m.eng.Recommend(m.visibleAnswers())
		m.result = m.result.setRec(m.rec)
		m.compare = m.compare.setRec(m.rec)
		m.review = m.review.setAnswers(m.answers)
		m.welcome = m.welcome.setAnswers(m.answers)
		m.status, m.statusErr = "Kept: the what-if answers are now your answers.", false
		return m, cmd
	case discardWhatIfMsg:
		m.wi = nil
		m.result = m.result.setRec(m.rec)
		m.status, m.statusErr = "Discarded the what-if: your answers are as they were.", false
	}
	return m, nil
}

// visibleAnswers are the answers to the questions visible now. Answers to
// hidden follow-ups stay in m.answers (so they come back if the question
// does) but never reach the engine, the export or the caller.
func (m model) visibleAnswers() advisor.Answers {
	return m.eng.VisibleAnswers(m.answers)
}

// dirty reports whether quitting would lose answers: they changed since the
// start or the last export, and no session holds them (with sessions on,
// Run writes any save still owed; only a failing save loses them).
func (m model) dirty() bool {
	a := m.visibleAnswers()
	if a.Equal(m.saved) {
		return false
	}
	return !m.sessOn || m.sessFailed
}

// outcome is what Run returns.
func (m model) outcome() Result {
	return Result{Answers: m.visibleAnswers(), Recommendation: m.rec, Exported: m.exported}
}

// restyle rebuilds the styles after the terminal reported its background.
func (m model) restyle() model {
	m.st = newStyles(m.isDark)
	m.help.Styles = m.st.Help
	m.welcome = m.welcome.setStyles(m.st)
	m.review.st = m.st
	m.picker.st = m.st
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
	case stateWhatIf:
		m.picker = m.picker.setSize(bw, bh)
	}
	return m
}

// footer is the status line (export result, quit question) and the help.
func (m model) footer(w int) []string {
	var lines []string
	switch {
	case m.confirmQuit && m.sessOn:
		lines = append(lines, m.st.Error.Render(trunc("! The answers are not saved. Quit anyway? y/n", w)))
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
	case stateWhatIf:
		screen = m.picker.helpKeys()
	}
	if m.confirmQuit {
		return helpKeys{short: []key.Binding{m.keys.Confirm, m.keys.Deny}, full: [][]key.Binding{{m.keys.Confirm, m.keys.Deny}}}
	}
	helpKey := m.keys.Help
	if m.help.ShowAll {
		helpKey.SetHelp("?", "fewer keys")
	}
	global := []key.Binding{m.keys.Quit, m.keys.ForceQuit}
	switch {
	case m.typing():
		global = []key.Binding{m.keys.ForceQuit}
	case m.state != stateQuestion:
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
	switch {
	case m.typing():
		short = append(short[:len(short)-2], m.keys.ForceQuit)
	case m.state == stateQuestion:
		short = append(short[:len(short)-2], m.keys.Quit)
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
	case stateWhatIf:
		body = m.picker.view()
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
