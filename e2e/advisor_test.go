package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/data"
	"medpath/internal/session"
)

// TestAdvisorFlow walks the questionnaire at 80x24 with real key presses:
// a named session, typed numbers, every default taken by enter, the
// results, the pay tab, an export and quit. It checks the exit code, the
// exported files, the summary on stdout and the session file.
func TestAdvisorFlow(t *testing.T) {
	outDir := filepath.Join(t.TempDir(), "out")
	summary := filepath.Join(t.TempDir(), "summary.txt")
	s := start(t, options{stdout: summary}, "--out", outDir)

	s.waitFor("Start the questions")
	s.keys("Tab")          // to the name field
	s.keys("-l", "Jo Ann") // the new session's name
	s.keys("Enter")
	s.waitFor("Question 1 of")
	s.keys("Down", "Down", "Enter") // associate degree
	s.waitFor("college semester hours")
	s.keys("64", "Enter")
	s.waitFor("biology")
	s.keys("12", "Enter")
	s.waitFor("chemistry")
	s.keys("8", "Enter")

	e, err := advisor.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	answers := advisor.Answers{"education": "associate", "college_credits": 64, "biology_credits": 12, "chemistry_credits": 8}
	visible := e.Visible(answers)
	i := slices.IndexFunc(visible, func(q *advisor.Question) bool { return q.ID == "chemistry_credits" })
	for j := i + 1; j < len(visible); j++ { // enter takes each default
		answers[visible[j].ID] = visible[j].DefaultValue()
		s.waitFor(fmt.Sprintf("Question %d of ", j+1))
		s.keys("Enter")
		if visible[j].Kind == advisor.KindMulti { // nothing ticked: it asks first
			s.waitFor("Nothing ticked: record none?")
			s.keys("Enter")
		}
	}
	s.waitFor("See my results")
	s.keys("r")
	top := e.Recommend(answers).Paths[0]
	screen := s.waitFor("Your results")
	if !strings.Contains(screen, top.Title) || !strings.Contains(screen, "★ Recommended") {
		t.Fatalf("results do not show the recommended %q:\n%s", top.Title, screen)
	}
	s.keys("4") // Pay & outlook
	s.waitFor("median " + advisor.Dollars(top.Salary.Median))
	s.keys("e")
	day := time.Now().Format("2006-01-02") // exports are named after the student and the day
	s.waitFor("medpath-answers-jo-ann-" + day + ".yaml")
	s.keys("q")
	s.mustExit(0)

	for _, f := range []string{"medpath-report-jo-ann-" + day + ".md", "medpath-answers-jo-ann-" + day + ".yaml"} {
		if _, err := os.Stat(filepath.Join(outDir, f)); err != nil {
			t.Errorf("export: %v", err)
		}
	}
	b, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), top.Title) || !strings.Contains(string(b), filepath.Join(outDir, "medpath-report-jo-ann-"+day+".md")) {
		t.Errorf("summary on stdout:\n%s", b)
	}
	// The session holds the answers and is named in the summary.
	saved, _ := filepath.Glob(filepath.Join(s.dataDir, "medpath", "sessions", "jo-ann-*.yaml"))
	if len(saved) != 1 || !strings.Contains(string(b), "Answers saved in "+saved[0]) {
		t.Fatalf("session files %v; summary:\n%s", saved, b)
	}
	label, got, err := session.Load(e, saved[0])
	if err != nil || label != "Jo Ann" || !reflect.DeepEqual(got, answers) {
		t.Errorf("session %q: %v, %v; want %v", label, got, err, answers)
	}
}

// TestAccessibleFlow: --accessible in a real terminal asks line by line,
// draws no alternate screen, and prints the report.
func TestAccessibleFlow(t *testing.T) {
	s := start(t, options{}, "--accessible")
	s.waitFor("Name or id for this session")
	s.keys("-l", "Lee")
	s.keys("Enter")
	s.waitFor("Question 1 of")
	if alt := s.format("#{alternate_on}"); alt != "0" {
		t.Errorf("accessible mode switched to the alternate screen")
	}
	s.keys("4", "Enter") // associate degree
	s.waitFor("Question 2 of")
	s.keys("-l", "back") // the word works: the degree again
	s.keys("Enter")
	s.waitFor("(default: Associate degree")
	s.keys("5", "Enter") // a bachelor's
	s.waitFor("Question 2 of")
	for range 60 {
		if s.ended() {
			break
		}
		s.keys("Enter") // every default, the review and the last step
		time.Sleep(20 * time.Millisecond)
	}
	text := s.mustExit(0)
	for _, want := range []string{"Recommended", "Your answers", "Type a question number to change it", "Answers saved in "} {
		if !strings.Contains(text, want) {
			t.Errorf("the pane lacks %q:\n%s", want, text)
		}
	}
	saved, _ := filepath.Glob(filepath.Join(s.dataDir, "medpath", "sessions", "lee-*.yaml"))
	if len(saved) != 1 {
		t.Fatalf("session files %v", saved)
	}
	e, _ := advisor.Load(data.FS)
	if label, a, err := session.Load(e, saved[0]); err != nil || label != "Lee" || a["education"] != "bachelor" {
		t.Errorf("session %q %v %v", label, a, err)
	}
}
