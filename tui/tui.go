package tui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
	"medpath/internal/session"
)

// model is the root model: it holds the answers and the recommendation,
// handles the size, the colours and the global keys, routes everything else
// to the screen on show, and applies the transitions the screens return.
// The session and what-if controllers hold the rest.
type model struct {
	c           *common // shared with every screen
	help        help.Model
	state       state
	prev        state // where compare returns to
	learnFrom   state // where the FAQ returns to (compare, when opened there)
	answers     advisor.Answers
	saved       advisor.Answers // answers at the start or at the last export
	rec         *advisor.Recommendation
	exported    []string
	status      status
	confirmQuit bool
	cancelled   bool
	quitting    bool
	outDir      string
	export      exportFunc
	testPanic   bool
	notice      string // Options.Notice

	sess sessionCtl // the session file (sessionctl.go)
	wif  whatIfCtl  // what-if mode (whatifctl.go)

	welcome  welcomeScreen
	question questionScreen
	review   reviewScreen
	result   resultScreen
	compare  compareScreen
	learn    learnScreen
	picker   reviewScreen // the what-if picker
}

// newModel builds the advisor for the starting answers.
func newModel(eng *advisor.Engine, o Options) model {
	c := newCommon(eng)
	a := o.Answers.Clone()
	v := eng.VisibleAnswers(a)
	m := model{
		c: c, help: help.New(), answers: a, saved: v,
		outDir: o.OutDir, export: session.Export, testPanic: o.TestPanic, notice: o.Notice,
		sess: newSessionCtl(eng, o, v), wif: whatIfCtl{eng: eng},
		welcome: newWelcomeScreen(c), question: newQuestionScreen(c), review: newReviewScreen(c),
		result: newResultScreen(c), compare: newCompareScreen(c), learn: newLearnScreen(c), picker: newWhatIfPicker(c),
	}
	m.welcome = m.welcome.setSessions(m.sess.on, !m.sess.fixed).setAnswers(a)
	m.review = m.review.setAnswers(a)
	m.layout()
	return m
}

// The program holds a *model: Update returns a new model (the old one is
// left as it was, as the screens are values), and View draws the one it is
// given without copying it.

// Init implements tea.Model: it asks the terminal for its background colour
// and lists the saved sessions.
func (m *model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, guard(m.sess.listing()))
}

// Update implements tea.Model.
func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	if next.state != m.state && next.status == m.status && !m.status.sticky {
		next.status = status{} // a status line belongs to its screen (D18)
	}
	next.layout()
	return &next, guard(cmd)
}

func (m model) update(msg tea.Msg) (model, tea.Cmd) {
	switch msg := msg.(type) {
	case crashMsg:
		panic(fmt.Sprintf("%v\n\n(in a command)\n%s", msg.value, msg.stack))
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		m.c.setDark(msg.IsDark())
		return m, nil
	case tea.KeyPressMsg:
		if m2, cmd, done := m.globalKey(msg); done {
			return m2, cmd
		}
	case sessionsListedMsg:
		m.sess, m.status = m.sess.update(msg, m.status)
		m.welcome = m.welcome.setSaved(m.sess.others(), m.sess.now())
		return m, nil
	case sessionSavedMsg:
		m.sess, m.status = m.sess.update(msg, m.status)
		return m, nil
	case sessionChangedMsg:
		if msg.err != nil {
			m.status = problem("! " + msg.err.Error())
		} else {
			m.status = note(msg.note)
		}
		return m, m.sess.listing()
	case sessionLoadedMsg:
		if msg.err != nil {
			m.status = problem("! could not open the session: " + msg.err.Error())
			return m, nil
		}
		m = m.opened(msg.path, msg.label, msg.answers)
		m.review = m.review.onResults()
		m.state = stateReview
		m.status = m.sess.continuing(msg.path, msg.label)
		return m, nil
	case exportedMsg:
		if msg.err != nil {
			m.status = problem("! could not save: " + msg.err.Error())
			return m, nil
		}
		m.exported = []string{msg.report, msg.answers}
		m.saved = msg.saved
		m.status = note(fmt.Sprintf("Saved %s and %s", msg.report, msg.answers))
		m.status.whole = true
		return m, nil
	}
	return m.route(msg)
}

// globalKey handles the keys that work everywhere: ctrl+c, the quit
// question, q and ?. done reports that the key was used up.
func (m model) globalKey(k tea.KeyPressMsg) (model, tea.Cmd, bool) {
	switch {
	case m.testPanic && key.Matches(k, m.c.keys.TestPanic):
		panic("medpath test panic")
	case key.Matches(k, m.c.keys.ForceQuit):
		m.cancelled, m.quitting = true, true
		return m, tea.Quit, true
	case m.confirmQuit:
		m.confirmQuit = false
		if key.Matches(k, m.c.keys.Confirm) {
			m.quitting = true
			return m, tea.Quit, true
		}
		return m, nil, true // any other key stays
	case m.typing():
		// The welcome's name field has the keys: q and ? are letters there.
		return m, nil, false
	case key.Matches(k, m.c.keys.Quit):
		if m.dirty() {
			m.confirmQuit = true
			return m, nil, true
		}
		m.quitting = true
		return m, tea.Quit, true
	case key.Matches(k, m.c.keys.Help) && m.state != stateQuestion:
		// On the question screen ? explains the question instead.
		m.help.ShowAll = !m.help.ShowAll
		return m, nil, true
	}
	return m, nil, false
}

// route hands a message to the screen on show, and applies the transition
// it returns at once.
func (m model) route(msg tea.Msg) (model, tea.Cmd) {
	var cmd tea.Cmd
	var t transition
	switch m.state {
	case stateWelcome:
		m.welcome, cmd, t = m.welcome.update(msg)
	case stateQuestion:
		m.question, cmd, t = m.question.update(msg)
	case stateReview:
		m.review, cmd, t = m.review.update(msg)
	case stateResult:
		m.result, cmd, t = m.result.update(msg)
	case stateCompare:
		m.compare, cmd, t = m.compare.update(msg)
	case stateLearn:
		m.learn, cmd, t = m.learn.update(msg)
	case stateWhatIf:
		m.picker, cmd, t = m.picker.update(msg)
	}
	if t == nil {
		return m, cmd
	}
	m, more := m.apply(t)
	return m, tea.Batch(cmd, more)
}

// apply takes a screen's transition.
func (m model) apply(t transition) (model, tea.Cmd) {
	switch t := t.(type) {
	case showScreen:
		return m.show(t.to)
	case goBack:
		if m.state == stateLearn {
			return m.show(m.learnFrom)
		}
		return m.show(m.prev)
	case startQuestions:
		return m.showQuestions("", false)
	case startSession:
		return m.newSession(t.label)
	case openSession:
		return m, loadSession(m.c.eng, t.path)
	case renameSession:
		return m, renameSessionFile(t.path, t.label)
	case deleteSession:
		return m, deleteSessionFile(t.path, t.label)
	case answered:
		return m, m.setAnswers(t.answers)
	case questionsDone:
		cmd := m.setAnswers(t.answers)
		m.review = m.review.setAnswers(m.answers).onResults()
		m.state = stateReview
		return m, cmd
	case questionsBack:
		cmd := m.setAnswers(t.answers)
		m.welcome = m.welcome.setAnswers(m.answers)
		if len(m.answers) == 0 && m.sess.on {
			// Nothing answered in this session yet: enter on the welcome
			// starts it again, with the name it was given (D2).
			m.welcome = m.welcome.setName(m.sess.label)
		}
		m.state = stateWelcome
		return m, cmd
	case editAnswer:
		return m.showQuestions(t.id, true)
	case editDone:
		cmd := m.setAnswers(t.answers)
		m.review = m.review.setAnswers(m.answers)
		m.state = stateReview
		if t.undone != "" {
			m.status = note(t.undone)
		}
		return m, cmd
	case exportReport:
		if m.rec == nil {
			return m, nil
		}
		m.status = note("Saving…")
		return m, runExport(m.export, m.c.eng, m.visibleAnswers(), m.outDir, m.sess.label)
	case whatIfOpen, whatIfPick, whatIfTried, whatIfCancel, whatIfBack, whatIfKeep, whatIfDiscard:
		return m.whatIf(t)
	}
	return m, nil
}

// whatIf takes a what-if transition through the controller, then fills and
// shows the screen it names.
func (m model) whatIf(t transition) (model, tea.Cmd) {
	wif, step, ok := m.wif.update(t, m.answers, m.rec)
	if !ok {
		return m, nil
	}
	m.wif, m.state = wif, step.show
	var cmd tea.Cmd
	switch step.fill {
	case fillNothing:
	case fillPicker:
		m.picker = m.picker.setWhatIf(step.from, m.answers)
	case fillQuestion:
		m.question, cmd = m.question.openWhatIf(step.from, step.id)
	case fillResults:
		m.result = m.wif.results(m.result, m.rec)
	case fillKept:
		cmd = m.setAnswers(step.kept)
		m, _ = m.show(stateResult)
		m.review = m.review.setAnswers(m.answers)
		m.welcome = m.welcome.setAnswers(m.answers)
	}
	if step.status != nil {
		m.status = *step.status
	}
	return m, cmd
}

// typing reports whether a text field has the letters, so q and ? are
// typed there rather than quit and help: the welcome's name field, a number
// field, a list being filtered. ctrl+c still quits.
func (m *model) typing() bool {
	switch m.state {
	case stateWelcome:
		return m.welcome.isTyping()
	case stateQuestion:
		return m.question.typing()
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
		m.rec = m.c.eng.Recommend(m.visibleAnswers())
		m.result = m.result.setRec(m.rec)
		m.compare = m.compare.setRec(m.rec)
		m.wif = m.wif.drop()
	case stateCompare:
		if m.state != stateCompare && m.state != stateLearn {
			m.prev = m.state
		}
	case stateLearn:
		if m.state != stateLearn {
			m.learnFrom = m.state
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
		m.status = status{}
	}
	m.answers = a.Clone()
	return m.sess.save(m.visibleAnswers())
}

// newSession starts the questionnaire for a new session named label. With
// --session FILE it only names the session in that file; otherwise the
// answers start empty and a new file is made at the first change.
func (m model) newSession(label string) (model, tea.Cmd) {
	if !m.sess.on {
		return m.showQuestions("", false)
	}
	fresh, list := m.sess.begin(label)
	if fresh {
		m.answers = advisor.Answers{}
		m.saved, m.rec, m.exported, m.wif = m.visibleAnswers(), nil, nil, m.wif.drop()
		m.question = newQuestionScreen(m.c)
		m.status = status{}
	}
	m.welcome = m.welcome.setName("").setAnswers(m.answers).setCurrent(label).setSaved(m.sess.others(), m.sess.now())
	m, cmd := m.showQuestions("", false)
	return m, tea.Batch(cmd, list)
}

// opened makes the session in path (label, answers a, as just read from the
// file) the current one.
func (m model) opened(path, label string, a advisor.Answers) model {
	m.answers = a.Clone()
	v := m.visibleAnswers()
	m.sess.open(path, label, v)
	m.saved, m.rec, m.exported, m.wif = v, nil, nil, m.wif.drop()
	m.welcome = m.welcome.setAnswers(m.answers).setCurrent(label).setSaved(m.sess.others(), m.sess.now())
	m.review = m.review.setAnswers(m.answers)
	return m
}

// visibleAnswers are the answers to the questions visible now. Answers to
// hidden follow-ups stay in m.answers (so they come back if the question
// does) but never reach the engine, the export or the caller.
func (m model) visibleAnswers() advisor.Answers {
	return m.c.eng.VisibleAnswers(m.answers)
}

// dirty reports whether quitting would lose answers: they changed since the
// start or the last export, and no session holds them (with sessions on,
// Run writes any save still owed; only a failing save loses them).
func (m model) dirty() bool {
	return !m.visibleAnswers().Equal(m.saved) && !m.sess.holds()
}

// outcome is what Run returns.
func (m model) outcome() Result {
	return Result{Answers: m.visibleAnswers(), Recommendation: m.rec, Exported: m.exported}
}
