package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"medpath/advisor"
	"medpath/internal/session"
)

// sessNow is the fixed clock of the session tests and goldens.
var sessNow = time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)

// sessFixtures is a folder of ten saved sessions with fixed labels and times.
const sessFixtures = "testdata/sessions"

// sessModel returns a model sized w x h with sessions in dir (or the file
// path when set), on the fixed clock, with the saved sessions listed as Init
// would.
func sessModel(tb testing.TB, o Options, w, h int) model {
	tb.Helper()
	if o.OutDir == "" {
		o.OutDir = tb.TempDir()
	}
	o.Now = func() time.Time { return sessNow }
	m := newModel(engine(tb), o)
	m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return doAllUpdates(m, m.Init())
}

// sessCopyFixtures copies the fixture sessions into a temporary folder, so
// tests that change a session never touch testdata.
func sessCopyFixtures(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "sessions")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(sessFixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(sessFixtures, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// sessContains is contains with the view's line breaks and runs of spaces
// made single spaces, for messages wrapped over lines.
func sessContains(t *testing.T, v, want string) {
	t.Helper()
	if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
		t.Fatalf("view does not contain %q:\n%s", want, v)
	}
}

// sessFiles lists the session files in dir.
func sessFiles(t *testing.T, dir string) []string {
	t.Helper()
	l, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	return l
}

func TestSessionFixturesLoad(t *testing.T) {
	list, err := session.List(sessFixtures)
	if err != nil || len(list) != 10 {
		t.Fatalf("fixtures: %d sessions, %v", len(list), err)
	}
	for _, s := range list {
		if _, _, err := session.Load(engine(t), s.Path); err != nil {
			t.Errorf("fixture %s: %v", s.Path, err)
		}
	}
	if list[0].Label != "Maria" || list[2].Label != "" {
		t.Errorf("newest first, an unlabelled session keeps no label: %+v", list[:3])
	}
}

func TestAnsweringSavesTheSession(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sessions") // made at the first save
	m := sessModel(t, Options{SessionDir: dir}, 80, 24)
	if m.typing() {
		t.Fatal("the welcome should start on the menu, not the name field")
	}
	m = press(m, "tab")
	if !m.typing() {
		t.Fatal("tab should move to the name field")
	}
	v := view(m)
	contains(t, v, "Name or id (optional):")
	if strings.Contains(v, "Continue a saved session") {
		t.Error("an empty folder lists no sessions")
	}
	m = typeText(m, "Quinn") // q is a letter here, not quit
	if m.quitting || m.confirmQuit {
		t.Fatal("q in the name field quit")
	}
	m = press(m, "enter")
	if m.state != stateQuestion || len(sessFiles(t, dir)) != 0 {
		t.Fatalf("starting: state %s, files %v (nothing to save before the first change)", m.state, sessFiles(t, dir))
	}
	m = choose(t, m, "associate")
	files := sessFiles(t, dir)
	if len(files) != 1 || m.sess.path != files[0] {
		t.Fatalf("after the first answer: files %v, session %q", files, m.sess.path)
	}
	if !strings.HasPrefix(filepath.Base(files[0]), "quinn-20261124-150000") {
		t.Errorf("file name %s", files[0])
	}
	label, a, err := session.Load(engine(t), files[0])
	if err != nil || label != "Quinn" || a["education"] != "associate" {
		t.Fatalf("saved session: %q %v %v", label, a, err)
	}
	// The next answers go to the same file.
	m = typeText(m, "64")
	m = press(m, "enter")
	if files := sessFiles(t, dir); len(files) != 1 {
		t.Fatalf("a second file: %v", files)
	}
	_, a, _ = session.Load(engine(t), m.sess.path)
	if a["college_credits"] != 64 || !reflect.DeepEqual(a, m.visibleAnswers()) {
		t.Fatalf("session %v, want %v", a, m.visibleAnswers())
	}
	if st, err := os.Stat(m.sess.path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("session file mode: %v %v", st.Mode(), err)
	}
	// Saved as it goes, so quitting loses nothing and asks nothing.
	if m.dirty() {
		t.Error("answers saved in the session should not count as unsaved")
	}
	if p, err := m.sess.store.Result(); p != m.sess.path || err != nil {
		t.Errorf("store result %q %v", p, err)
	}
}

func TestContinueListedSession(t *testing.T) {
	dir := sessCopyFixtures(t)
	m := sessModel(t, Options{SessionDir: dir}, 80, 40)
	v := view(m)
	contains(t, v, "Continue a saved session (10)")
	contains(t, v, "Maria · today 14:10")
	contains(t, v, "(no name) · yesterday 16:45")
	// Down past the start item, the name field and the FAQ to the second
	// session (S-1042).
	m = press(m, "down", "down", "down", "down")
	contains(t, view(m), "> S-1042 · today 09:30")
	m = press(m, "enter")
	if m.state != stateReview {
		t.Fatalf("continuing: state %s\n%s", m.state, view(m))
	}
	path := filepath.Join(dir, "s-1042-20261124-093000.yaml")
	_, want, _ := session.Load(engine(t), path)
	if !reflect.DeepEqual(m.answers, want) || m.sess.path != path || m.sess.label != "S-1042" {
		t.Fatalf("continued %q %q with %v, want %v", m.sess.path, m.sess.label, m.answers, want)
	}
	contains(t, view(m), "Continuing S-1042, saved today 09:30.")
	// A change saves into that file, not a new one.
	m = press(m, "home", "enter")
	m = choose(t, m, "bachelor")
	if n := len(sessFiles(t, dir)); n != 10 {
		t.Fatalf("%d session files, want the same 10", n)
	}
	label, a, err := session.Load(engine(t), path)
	if err != nil || label != "S-1042" || a["education"] != "bachelor" {
		t.Fatalf("after a change: %q %v %v", label, a, err)
	}
	// Back on the welcome, the session in progress is not listed again.
	m = act(m, showScreen{to: stateWelcome})
	v = view(m)
	contains(t, v, "session: S-1042")
	contains(t, v, "Continue a saved session (9)")
	if strings.Contains(v, "S-1042 · today") {
		t.Errorf("the session in progress is listed:\n%s", v)
	}
}

func TestNewSessionForAnotherStudent(t *testing.T) {
	dir := sessCopyFixtures(t)
	m := sessModel(t, Options{SessionDir: dir}, 80, 40)
	m = press(m, "down", "down", "down", "enter") // Maria
	first := m.sess.path
	m = act(m, showScreen{to: stateWelcome})
	contains(t, view(m), "Start a new session for another student")
	m = press(m, "down", "down", "tab") // continue, again, new session, its name field
	if !m.typing() {
		t.Fatalf("the new-session item should take the name:\n%s", view(m))
	}
	m = typeText(m, "Lee")
	m = press(m, "enter")
	if m.state != stateQuestion || len(m.answers) != 0 || m.sess.label != "Lee" || m.sess.path != "" {
		t.Fatalf("new session: state %s, answers %v, label %q, path %q", m.state, m.answers, m.sess.label, m.sess.path)
	}
	m = press(m, "enter") // answer the first question with its default
	if m.sess.path == "" || m.sess.path == first || !strings.Contains(m.sess.path, "lee-") {
		t.Fatalf("the new student's file: %q (first %q)", m.sess.path, first)
	}
	if _, a, _ := session.Load(engine(t), first); a["education"] != "associate" {
		t.Errorf("the first student's session changed: %v", a)
	}
}

func TestSessionFileOptionIsLoaded(t *testing.T) {
	e := engine(t)
	path := filepath.Join(t.TempDir(), "maria.yaml")
	want := fixedAnswers()
	if err := session.Save(e, path, "Maria", want, sessNow); err != nil {
		t.Fatal(err)
	}
	o, label, loaded, err := openSessionFile(e, Options{SessionPath: path})
	if err != nil || !loaded || label != "Maria" || !reflect.DeepEqual(o.Answers, want) {
		t.Fatalf("open: %v %q %v %v", loaded, label, o.Answers, err)
	}
	if _, _, _, err := openSessionFile(e, Options{SessionPath: path, Answers: want}); err == nil {
		t.Error("--answers with an existing --session should be refused")
	}
	if o2, _, loaded, err := openSessionFile(e, Options{SessionPath: path + ".new"}); err != nil || loaded || o2.Answers != nil {
		t.Errorf("a session file that does not exist yet: %v %v", loaded, err)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("educaton: x\n"), 0o600)
	var ae *advisor.AnswersError
	if _, _, _, err := openSessionFile(e, Options{SessionPath: bad}); !errors.As(err, &ae) {
		t.Errorf("a bad session file: %v", err)
	}

	// Through Run: the answers come back, and the file is named.
	res, err := runSessionKeys(t, Options{SessionPath: path}, "q")
	if err != nil || !reflect.DeepEqual(res.Answers, e.VisibleAnswers(want)) || res.SessionPath != path {
		t.Fatalf("Run with --session: %v, %q, %v", res.Answers, res.SessionPath, err)
	}
}

func TestSessionFileOptionSavesChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.yaml")
	m := sessModel(t, Options{SessionPath: path, SessionDir: sessFixtures}, 80, 24)
	if strings.Contains(view(m), "Continue a saved session") {
		t.Error("with --session FILE no other session is offered")
	}
	m = press(m, "tab")
	m = typeText(m, "Ana")
	press(m, "enter", "enter") // the answer is saved as it is given
	label, a, err := session.Load(engine(t), path)
	if err != nil || label != "Ana" || len(a) != 1 {
		t.Fatalf("--session FILE after one answer: %q %v %v", label, a, err)
	}
}

// runSessionKeys runs Run with keys typed as terminal bytes.
func runSessionKeys(t *testing.T, o Options, keys string) (Result, error) {
	t.Helper()
	o.Input = strings.NewReader(keys)
	o.Output = &strings.Builder{}
	o.NoColor = true
	if o.OutDir == "" {
		o.OutDir = t.TempDir()
	}
	type ran struct {
		res Result
		err error
	}
	done := make(chan ran, 1)
	go func() {
		res, err := Run(t.Context(), engine(t), o)
		done <- ran{res, err}
	}()
	select {
	case r := <-done:
		return r.res, r.err
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not end")
	}
	return Result{}, nil
}

func TestFailedSessionSaveKeepsAnswers(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "afile")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := sessModel(t, Options{SessionDir: filepath.Join(blocker, "sessions")}, 80, 24)
	m = press(m, "enter")
	m = choose(t, m, "associate")
	v := view(m)
	sessContains(t, v, "! could not save the session: cannot save the session in "+filepath.Join(blocker, "sessions")+": not a directory")
	if m.state != stateQuestion || currentID(m) != "college_credits" || m.answers["education"] != "associate" {
		t.Fatalf("a failed save changed the screen or lost the answer: %s %s %v", m.state, currentID(m), m.answers)
	}
	// Quitting would lose the answers, so it asks (q is a letter in the
	// number field: back on the first question first).
	m = press(m, "esc", "q")
	if m.quitting || !m.confirmQuit {
		t.Fatal("q after a failed save should ask")
	}
	contains(t, view(m), "! The answers are not saved. Quit anyway? y/n")
	m = press(m, "n", "enter")
	if currentID(m) != "college_credits" {
		t.Fatalf("at %s", currentID(m))
	}
	if _, err := m.sess.store.Result(); err == nil {
		t.Error("the store should report the failed save")
	}
	// The next change tries again, still failing, still keeping the answers.
	m = typeText(m, "30")
	m = press(m, "enter")
	contains(t, view(m), "! could not save the session:")
	if m.answers["college_credits"] != 30 {
		t.Fatalf("answers %v", m.answers)
	}
}

func TestSessionSaveIsACommand(t *testing.T) {
	dir := t.TempDir()
	m := sessModel(t, Options{SessionDir: dir}, 80, 24)
	m = press(m, "enter")
	// Update alone writes nothing: the answer's save is a command.
	next, cmd := m.Update(keypress("enter"))
	if files := sessFiles(t, dir); len(files) != 0 {
		t.Fatalf("Update wrote %v", files)
	}
	m = doAllUpdates(*next.(*model), cmd)
	if files := sessFiles(t, dir); len(files) != 1 {
		t.Fatalf("the command wrote %v", files)
	}
}

func TestRunPanicSavesAndSaysWhere(t *testing.T) {
	dir := t.TempDir()
	// Bubble Tea prints the panic on os.Stderr: catch it.
	caught, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = caught
	// Start with an empty name, answer the first question, then F12.
	res, err := runSessionKeys(t, Options{SessionDir: dir, TestPanic: true}, "\r\r\x1b[24~")
	os.Stderr = stderr
	caught.Close()
	if !errors.Is(err, ErrCrashed) {
		t.Fatalf("F12 with TestPanic: %v", err)
	}
	if b, _ := os.ReadFile(caught.Name()); !strings.Contains(string(b), "medpath test panic") {
		t.Errorf("the panic was not printed on stderr:\n%s", b)
	}
	files := sessFiles(t, dir)
	if len(files) != 1 || res.SessionPath != files[0] {
		t.Fatalf("after the panic: session %q, files %v", res.SessionPath, files)
	}
	if _, a, err := session.Load(engine(t), files[0]); err != nil || len(a) != 1 {
		t.Fatalf("the answer before the panic: %v %v", a, err)
	}
}

func TestF12DoesNothingWithoutTheHook(t *testing.T) {
	m := sessModel(t, Options{}, 80, 24)
	m = press(m, "enter")
	m = send(m, tea.KeyPressMsg{Code: tea.KeyF12})
	if m.state != stateQuestion || m.quitting {
		t.Fatalf("f12 without the hook: state %s", m.state)
	}
	m.testPanic = true
	defer func() {
		if p := recover(); p != "medpath test panic" {
			t.Fatalf("f12 with the hook: recovered %v", p)
		}
	}()
	send(m, tea.KeyPressMsg{Code: tea.KeyF12})
}

func TestRunCancelSavesTheSession(t *testing.T) {
	dir := t.TempDir()
	res, err := runSessionKeys(t, Options{SessionDir: dir}, "\tZoe\r\r\x03")
	if !errors.Is(err, ErrCancelled) {
		t.Fatalf("ctrl+c: %v", err)
	}
	files := sessFiles(t, dir)
	if len(files) != 1 || res.SessionPath != files[0] || !strings.Contains(files[0], "zoe-") {
		t.Fatalf("after ctrl+c: session %q, files %v", res.SessionPath, files)
	}
}

func TestModelExportUnderAFile(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "somefile")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, fixedAnswers(), 80, 24)
	m.outDir = filepath.Join(blocker, "sub") // --out /tmp/somefile/sub
	m = act(m, showScreen{to: stateResult})
	m = press(m, "down", "tab")
	before := m.answers.Clone()
	m = press(m, "e")
	v := view(m)
	sessContains(t, v, "! could not save: cannot save to folder "+filepath.Join(blocker, "sub")+": not a directory")
	if m.state != stateResult || m.result.sel != 1 || m.result.tab != tabPlan ||
		!reflect.DeepEqual(m.answers, before) || len(m.exported) != 0 || m.rec == nil {
		t.Fatal("a failed export changed the screen or the answers")
	}
	// Still there, and a second try says the same.
	m = press(m, "e")
	contains(t, view(m), "! could not save:")
}

func TestGoldenSessions(t *testing.T) {
	cases := []struct {
		name  string
		build func(t testing.TB, w, h int) model
	}{
		{"welcome-sessions", func(t testing.TB, w, h int) model {
			return sessModel(t, Options{SessionDir: sessFixtures}, w, h)
		}},
		{"welcome-sessions-named", func(t testing.TB, w, h int) model {
			m := sessModel(t, Options{SessionDir: sessFixtures}, w, h)
			return typeText(press(m, "tab"), "Jo Ann")
		}},
		{"welcome-sessions-scrolled", func(t testing.TB, w, h int) model {
			m := sessModel(t, Options{SessionDir: sessFixtures}, w, h)
			return press(m, "down", "down", "down", "down", "down", "down", "down", "down", "down")
		}},
		{"welcome-session-continue", func(t testing.TB, w, h int) model {
			m := sessModel(t, Options{SessionDir: sessFixtures}, w, h)
			m = send(m, sessionLoadedMsg{path: filepath.Join(sessFixtures, "maria-20261124-141000.yaml"),
				label: "Maria", answers: advisor.Answers{"education": "associate", "timeline_months": 24}})
			return act(m, showScreen{to: stateWelcome})
		}},
		{"session-save-failed", func(t testing.TB, w, h int) model {
			m := sessModel(t, Options{SessionDir: sessFixtures}, w, h)
			m = press(m, "enter")
			return send(m, sessionSavedMsg{gen: m.sess.gen, err: errors.New("cannot save the session in /home/counselor/sessions: permission denied")})
		}},
	}
	for _, c := range cases {
		for _, sz := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				golden.RequireEqual(t, view(c.build(t, sz[0], sz[1])))
			})
		}
	}
}

func TestPanicInACommandIsACrash(t *testing.T) {
	dir := t.TempDir()
	m := newModel(engine(t), Options{Answers: fixedAnswers(), SessionDir: dir, Now: func() time.Time { return sessNow }})
	m.export = func(*advisor.Engine, advisor.Answers, string, string) (string, string, error) {
		panic("export exploded")
	}
	caught, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = caught
	// Continue to the review, change the first answer (saved), results, export.
	res, err := runModel(t.Context(), m, Options{Input: strings.NewReader("\r\r\x1b[B\rre"), Output: &strings.Builder{}, NoColor: true})
	os.Stderr = stderr
	caught.Close()
	if !errors.Is(err, ErrCrashed) {
		t.Fatalf("a panic in the export command: %v", err)
	}
	if b, _ := os.ReadFile(caught.Name()); !strings.Contains(string(b), "export exploded") {
		t.Errorf("the panic was not printed:\n%s", b)
	}
	if files := sessFiles(t, dir); len(files) != 1 || res.SessionPath != files[0] {
		t.Errorf("session after the crash: %q, files %v", res.SessionPath, files)
	}
}
