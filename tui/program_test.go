package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"medpath/advisor"
	"medpath/internal/session"
)

// waitFor waits until the program has drawn fragment. The renderer only
// redraws cells that changed, so fragments are short words sure to be
// drawn whole.
func waitFor(t *testing.T, tm *teatest.TestModel, fragment string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(fragment)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// TestProgramFlow runs the real program: welcome (naming the session),
// every question (some typed, the rest taken by enter), the review, the
// results, a what-if tried and discarded, an export into a temporary
// folder, and quit; the session file holds the answers.
func TestProgramFlow(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	sessions := filepath.Join(t.TempDir(), "sessions")
	tm := teatest.NewTestModel(t, ptr(newModel(e, Options{OutDir: dir, SessionDir: sessions})),
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	enter := keypress("enter")

	waitFor(t, tm, "Start")
	tm.Send(keypress("tab")) // to the name field
	tm.Type("Ann")
	tm.Send(enter)
	waitFor(t, tm, "highest")
	tm.Send(keypress("down"))
	tm.Send(keypress("down"))
	tm.Send(enter) // associate degree
	waitFor(t, tm, "college")
	tm.Type("64")
	tm.Send(enter)
	waitFor(t, tm, "biology")
	tm.Type("12")
	tm.Send(enter)
	waitFor(t, tm, "chemistry")
	tm.Type("8")
	tm.Send(enter)

	// Enter takes the default for every question left.
	typed := advisor.Answers{"education": "associate", "college_credits": 64, "biology_credits": 12, "chemistry_credits": 8}
	visible := e.Visible(typed)
	// A multi with nothing ticked asks before it records none: enter again.
	for _, q := range visible[slices.IndexFunc(visible, func(q *advisor.Question) bool { return q.ID == "chemistry_credits" })+1:] {
		tm.Send(enter)
		if q.Kind == advisor.KindMulti {
			tm.Send(enter)
		}
	}
	waitFor(t, tm, "Review")
	tm.Type("r")
	waitFor(t, tm, "Recommended")
	tm.Type("w")
	waitFor(t, tm, "Change one answer")
	tm.Send(keypress("end"))
	tm.Send(keypress("up"))
	tm.Send(keypress("up"))
	tm.Send(enter) // the goal
	waitFor(t, tm, "cancel")
	tm.Send(keypress("up")) // from "not sure yet" to a specialist goal
	tm.Send(enter)
	waitFor(t, tm, "discard")
	tm.Send(keypress("esc"))
	waitFor(t, tm, "Discarded")
	tm.Type("e")
	waitFor(t, tm, "answers-ann-") // "Saving…" shares its first letters with "Saved"
	tm.Type("q")                   // exported, so q quits at once

	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*model)
	if !ok {
		t.Fatal("final model is not the advisor")
	}
	if fm.state != stateResult || !fm.quitting || fm.cancelled || fm.rec == nil {
		t.Fatalf("final: state %s, quitting %v, cancelled %v", fm.state, fm.quitting, fm.cancelled)
	}
	res := fm.outcome()
	for id, v := range typed {
		if res.Answers[id] != v {
			t.Errorf("answer %s = %v, want %v", id, res.Answers[id], v)
		}
	}
	if len(res.Answers) != len(visible) {
		t.Errorf("%d answers, want one for each of the %d questions", len(res.Answers), len(visible))
	}

	day := time.Now().Format("2006-01-02")
	wantReport := filepath.Join(dir, "medpath-report-ann-"+day+".md") // named after the session and the day
	wantAnswers := filepath.Join(dir, "medpath-answers-ann-"+day+".yaml")
	if !reflect.DeepEqual(res.Exported, []string{wantReport, wantAnswers}) {
		t.Fatalf("exported %v", res.Exported)
	}
	report, err := os.ReadFile(wantReport)
	if err != nil {
		t.Fatal(err)
	}
	// The export is the handout with the session's label and the day.
	var want bytes.Buffer
	if err := e.WriteReportWith(&want, e.Recommend(res.Answers), advisor.FormatMarkdown, advisor.ReportOptions{Name: "Ann", Date: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(report, want.Bytes()) {
		t.Error("the exported report differs from `medpath report --format markdown --name Ann`")
	}
	b, err := os.ReadFile(wantAnswers)
	if err != nil {
		t.Fatal(err)
	}
	back, err := e.ParseAnswers(wantAnswers, b)
	if err != nil {
		t.Fatalf("the exported answers do not load back: %v", err)
	}
	if !reflect.DeepEqual(back, res.Answers) {
		t.Errorf("answers file loads back as %v, want %v", back, res.Answers)
	}
	if summary := e.ExitSummary(res.Recommendation, res.Exported...); !bytes.Contains([]byte(summary), []byte(wantReport)) {
		t.Errorf("summary does not name the report:\n%s", summary)
	}

	// Run writes any save still owed when the program ends; do the same.
	_, _, _, _ = fm.sess.store.Flush()
	path, err := fm.sess.store.Result()
	if err != nil || filepath.Dir(path) != sessions {
		t.Fatalf("session %q: %v", path, err)
	}
	label, saved, err := session.Load(e, path)
	if err != nil || label != "Ann" || !reflect.DeepEqual(saved, res.Answers) {
		t.Errorf("session %q holds %v (%v), want %v", label, saved, err, res.Answers)
	}
}

// TestProgramCtrlC checks that ctrl+c ends the program as cancelled.
func TestProgramCtrlC(t *testing.T) {
	tm := teatest.NewTestModel(t, ptr(newModel(engine(t), Options{})),
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "Start")
	tm.Send(keypress("enter"))
	waitFor(t, tm, "highest")
	tm.Send(keypress("ctrl+c"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*model)
	if !fm.cancelled || fm.state != stateQuestion {
		t.Fatalf("ctrl+c: cancelled %v, state %s", fm.cancelled, fm.state)
	}
}
