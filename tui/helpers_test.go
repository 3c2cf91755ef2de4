package tui

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
	"medpath/data"
)

var (
	engOnce sync.Once
	eng     *advisor.Engine
	engErr  error
)

// engine loads the embedded data once per test binary.
func engine(tb testing.TB) *advisor.Engine {
	tb.Helper()
	engOnce.Do(func() { eng, engErr = advisor.Load(data.FS) })
	if engErr != nil {
		tb.Fatalf("embedded data: %v", engErr)
	}
	return eng
}

// fixedAnswers is the answers set the goldens use: an associate degree,
// some lab interest, a state that licenses lab staff.
func fixedAnswers() advisor.Answers {
	return advisor.Answers{
		"education":            "associate",
		"college_credits":      64,
		"biology_credits":      12,
		"chemistry_credits":    8,
		"lab_program":          "none",
		"lab_experience_years": 0,
		"timeline_months":      24,
		"budget":               12000,
		"study_format":         "either",
		"work_while_studying":  true,
		"patient_contact":      3,
		"lab_work":             5,
		"technology":           4,
		"helping_people":       3,
		"goal":                 "technician",
		"state":                "TX",
	}
}

// newTestModel returns a model sized w x h, exporting into a temporary folder.
func newTestModel(tb testing.TB, a advisor.Answers, w, h int) model {
	tb.Helper()
	m := newModel(engine(tb), Options{Answers: a, OutDir: tb.TempDir()})
	return send(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// keypress builds the key message for a key name as help writes it
// ("enter", "shift+tab", "ctrl+c", "space") or for one typed character.
func keypress(name string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"pgup":      {Code: tea.KeyPgUp},
		"pgdown":    {Code: tea.KeyPgDown},
		"backspace": {Code: tea.KeyBackspace},
		"space":     {Code: tea.KeySpace, Text: " "},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"f1":        {Code: tea.KeyF1},
	}
	if k, ok := special[name]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(name)[0]
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + ('a' - 'A'), ShiftedCode: r, Mod: tea.ModShift, Text: name}
	}
	return tea.KeyPressMsg{Code: r, Text: name}
}

// send passes one message through Update and runs every command it
// returns, feeding their messages back, until none are left.
func send(m model, msg tea.Msg) model {
	next, cmd := m.Update(msg)
	return doAllUpdates(*next.(*model), cmd)
}

// press sends key presses in order.
func press(m model, keys ...string) model {
	for _, k := range keys {
		m = send(m, keypress(k))
	}
	return m
}

// typeText types s one character at a time.
func typeText(m model, s string) model {
	for _, r := range s {
		m = send(m, keypress(string(r)))
	}
	return m
}

// doAllUpdates runs cmd and the commands its messages cause, breadth first,
// feeding back the advisor's own messages (the results of its IO: saves,
// exports, session lists). Quitting and terminal requests are dropped:
// there is no program here.
func doAllUpdates(m model, cmd tea.Cmd) model {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0 && steps < 1000; steps++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
		default:
			if reflect.TypeOf(msg).PkgPath() != ownPackage {
				continue
			}
			next, more := m.Update(msg)
			m = *next.(*model)
			queue = append(queue, more)
		}
	}
	return m
}

// ownPackage is the import path of this package, whose messages
// doAllUpdates feeds back.
var ownPackage = reflect.TypeOf(model{}).PkgPath()

// act applies a screen's transition, as if the screen on show had
// returned it, and runs the commands it causes.
func act(m model, t transition) model {
	m, cmd := m.apply(t)
	return doAllUpdates(laidOut(m), cmd)
}

// laidOut is m sized for the screen on show, as Update leaves it.
func laidOut(m model) model {
	m.layout()
	return m
}

// ptr returns a pointer to the model, which is what the program holds.
func ptr(m model) *model { return &m }

// numberText is the text in the number field on screen ("" when the
// question is not a number).
func numberText(m model) string {
	f, _ := m.question.field.(numberField)
	return f.input.Value()
}

// view returns the screen as plain text.
func view(m model) string {
	return ansi.Strip(m.View().Content)
}

// answerAll presses enter until the questionnaire ends, at most n times.
func answerAll(t *testing.T, m model) model {
	t.Helper()
	for i := 0; m.state == stateQuestion && i < 100; i++ {
		m = press(m, "enter")
	}
	if m.state != stateReview {
		t.Fatalf("after answering: state %s, want review\n%s", m.state, view(m))
	}
	return m
}

// currentID is the id of the question on screen.
func currentID(m model) string {
	if q := m.question.current(); q != nil {
		return q.ID
	}
	return ""
}

// gotoQuestion presses enter until question id is on screen.
func gotoQuestion(t *testing.T, m model, id string) model {
	t.Helper()
	for i := 0; currentID(m) != id && i < 100; i++ {
		if m.state != stateQuestion {
			t.Fatalf("question %s never came; state %s", id, m.state)
		}
		m = press(m, "enter")
	}
	if currentID(m) != id {
		t.Fatalf("question %s never came", id)
	}
	return m
}

func contains(t *testing.T, s, want string) {
	t.Helper()
	if !strings.Contains(s, want) {
		t.Fatalf("view does not contain %q:\n%s", want, s)
	}
}
