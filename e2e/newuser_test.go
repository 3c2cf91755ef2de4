package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"medpath/advisor"
	"medpath/data"
	"medpath/internal/session"
)

// The new-user review's defects, walked in a real terminal (new-user.md
// section 2).

// TestLabelKeptAfterEsc (D2): the name typed on the welcome survives esc on
// question 1 and enter, and is the session file's label.
func TestLabelKeptAfterEsc(t *testing.T) {
	s := start(t, options{})
	s.waitFor("Start the questions")
	s.keys("Tab")
	s.keys("-l", "Jordan")
	s.keys("Enter")
	s.waitFor("Question 1 of")
	s.keys("Escape")
	s.waitFor("Name or id (optional): Jordan")
	s.keys("Enter")
	s.waitFor("Question 1 of")
	s.keys("Enter") // the first answer makes the file
	s.waitFor("Question 2 of")
	s.keys("q")
	s.mustExit(0)
	saved, _ := filepath.Glob(filepath.Join(s.dataDir, "medpath", "sessions", "*.yaml"))
	if len(saved) != 1 || !strings.HasPrefix(filepath.Base(saved[0]), "jordan-") {
		t.Fatalf("session files %v", saved)
	}
	e, _ := advisor.Load(data.FS)
	if label, _, err := session.Load(e, saved[0]); err != nil || label != "Jordan" {
		t.Errorf("label %q, %v", label, err)
	}
}

// TestKeysThatSurprisedANewUser: on the welcome q and ? are not typed into
// the name (D12); in a number field q is a letter, not quit (D11); enter on
// a highlighted certificate with nothing ticked asks before it records none
// (D8); / filters the states (D16).
func TestKeysThatSurprisedANewUser(t *testing.T) {
	s := start(t, options{})
	s.waitFor("Start the questions")
	s.keys("?") // the keys, not a letter in the name
	scr := s.waitFor("fewer keys")
	if !strings.Contains(scr, "Name or id (optional): (none)") {
		t.Fatalf("? went into the name field:\n%s", scr)
	}
	s.keys("?", "Tab") // in the name field, q and ? are letters
	s.keys("-l", "q?")
	s.waitFor("Name or id (optional): q?")
	s.keys("BSpace", "BSpace", "Escape")
	s.waitFor("> Start the questions") // (esc and enter sent at once read as alt+enter)
	s.keys("Enter")
	// The defaults up to the certificates: a multi with nothing ticked asks
	// before it records none.
	e, _ := advisor.Load(data.FS)
	a := advisor.Answers{}
	for k, q := range e.Visible(a) {
		if q.ID == "certifications_held" {
			break
		}
		s.waitFor(fmt.Sprintf("Question %d of", k+1))
		s.keys("Enter")
		if q.Kind == advisor.KindMulti {
			s.waitFor("Nothing ticked: record none?")
			s.keys("Enter")
		}
	}
	s.waitFor("certifications do you hold")
	s.waitFor("x/space tick")
	s.keys("Down", "Enter")
	s.waitFor("Nothing ticked: record none?")
	s.keys("Escape")
	s.waitUntil("the question to go", func(scr string) bool { return !strings.Contains(scr, "Nothing ticked") })
	s.keys("x", "Enter")
	s.waitFor("longest you could train")
	s.keys("C-u", "2", "q")
	scr = s.waitFor("> 2q")
	if !strings.Contains(scr, "is not a whole number") {
		t.Errorf("q in a number field:\n%s", scr)
	}
	s.keys("BSpace", "Enter")
	vis := e.Visible(a)
	for k := slices.IndexFunc(vis, func(q *advisor.Question) bool { return q.ID == "timeline_months" }) + 1; vis[k].ID != "state"; k++ {
		s.waitFor(fmt.Sprintf("Question %d of", k+1))
		s.keys("Enter")
	}
	s.waitFor("state or territory")
	s.keys("/")
	s.keys("-l", "new y")
	scr = s.waitFor("> ( ) New York")
	if strings.Contains(scr, "New Jersey") {
		t.Errorf("the filter leaves New Jersey:\n%s", scr)
	}
	s.keys("Enter")
	s.waitFor("licence")
	s.keys("C-c")
	s.mustExit(130)
}

// TestAccessiblePiped (D7): the accessible mode with answers piped in, as a
// script or a screen reader's user would: the session is saved by default
// and the output says where; a review comes before the results; e exports.
func TestAccessiblePiped(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "data")
	out := filepath.Join(dir, "out")
	e, _ := advisor.Load(data.FS)
	n := len(e.Visible(advisor.Answers{"education": "bachelor"}))
	// The name, four answers, the defaults for the rest, enter at the
	// review, e at the last step, enter to finish.
	in := "Pat\n5\n120\n30\n16\n" + strings.Repeat("\n", n-4) + "\ne\n\n"
	cmd := exec.Command(bin, "--accessible")
	cmd.Dir = out
	os.MkdirAll(out, 0o700)
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+dataDir, "HOME="+dir, "ACCESSIBLE=", "TERM=dumb", "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(in)
	b, err := cmd.CombinedOutput()
	text := string(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	saved, _ := filepath.Glob(filepath.Join(dataDir, "medpath", "sessions", "pat-*.yaml"))
	if len(saved) != 1 {
		t.Fatalf("sessions %v\n%s", saved, text)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Answers are saved as you go, in a new file in " + filepath.Join(dataDir, "medpath", "sessions"),
		"(Saved in " + saved[0] + ".)",
		"Your answers",
		"Recommended",
		"Saved the report to " + filepath.Join(out, "medpath-report-pat"),
		"Answers saved in " + saved[0],
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Error("escape codes in the accessible output")
	}
	if strings.Index(flat, "Answers are saved as you go") > strings.Index(flat, "Question 1 of") {
		t.Error("where the session goes is said after the first question")
	}
}
