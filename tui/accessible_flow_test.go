package tui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

// accOpts runs Accessible on a script with options o (input and output
// filled in) and returns the result, the output and the error.
func accOpts(t *testing.T, in string, o AccessibleOptions) (Result, string, error) {
	t.Helper()
	var out bytes.Buffer
	o.Input, o.Output = strings.NewReader(in), &out
	if o.Now == nil {
		o.Now = func() time.Time { return sessNow }
	}
	res, err := Accessible(accEngine(t), o)
	return res, out.String(), err
}

// lines joins script lines, each ending in a newline.
func lines(l ...string) string { return strings.Join(l, "\n") + "\n" }

// flat is s with every run of white space made one space (wrapped text
// compared as one line).
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestAccessibleWords (D7): back goes to the question before, help explains
// the question, quit stops with the answers so far, at any prompt.
func TestAccessibleWords(t *testing.T) {
	eng := accEngine(t)
	edu := accQuestion(t, eng, "education")
	in := lines(
		"back",  // on question 1: there is nothing before it
		"help",  // the explanation
		"4",     // associate
		"60",    // college credits
		"BACK",  // to the credits again, any case
		"back",  // to the degree
		"",      // keep it (the current answer is the default)
		"",      // 60 again
		"quit",  // stop on the biology hours
		"never", // not read
	)
	res, out, err := accOpts(t, in, AccessibleOptions{NoExport: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	o := flat(out)
	for _, want := range []string{
		"This is the first question; there is none before it.",
		"? " + flat(edu.Help),
		"Or type back, help or quit.",
		"Question 1 of 21–53", // back on the degree: the credits' questions are asked now (and 24 activities may be)
		"Answer: " + edu.AnswerText("associate"),
		"(default: Associate degree (AS or AAS))", // back: the current answer is offered
		"Stopped before the results.",
	} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if res.Recommendation != nil || res.Answers["college_credits"] != 60 || res.Answers["education"] != "associate" {
		t.Errorf("after quit: %v, recommendation %v", res.Answers, res.Recommendation != nil)
	}
	if strings.Count(out, "Question 1 of") != 3 {
		t.Errorf("question 1 asked %d times, want 3 (start, back from 1, back from 2)", strings.Count(out, "Question 1 of"))
	}
}

// TestAccessibleReview (D7): after the last question the answers are listed
// in words, a number changes one (asking the follow-ups it reveals, back on
// a follow-up undoing the change), and enter shows the results.
func TestAccessibleReview(t *testing.T) {
	eng := accEngine(t)
	script, want := accScript(t, eng, advisor.Answers{"education": "associate", "certifications_held": []string{"pbt-ascp"}})
	vis := eng.Visible(want)
	mil := -1
	for i, q := range vis {
		if q.ID == "military_lab_training" {
			mil = i + 1
		}
	}
	n := strconv.Itoa
	in := script + lines(
		"99",     // not a question number
		n(mil),   // change the military course
		"y",      // yes: its follow-up comes
		"back",   // on the follow-up: undo the change
		n(mil),   // again
		"y", "2", // yes, two years ago
		"", // the results
		"", // finish
	)
	res, out, err := accOpts(t, in, AccessibleOptions{NoExport: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	o := flat(out)
	certs := accQuestion(t, eng, "certifications_held")
	for _, w := range []string{
		"Your answers ============",
		flat(certs.Prompt) + " Answer: PBT(ASCP)", // answers in words, as the review screen writes them
		"Type a question number to change it (1 to " + strconv.Itoa(len(vis)) + "), or press enter for the results.",
		`! "99" is not a question number.`,
		"Changing an answer",
		"Undid the change: ",
		"Recommended",
	} {
		if !strings.Contains(o, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if res.Answers["military_lab_training"] != true || res.Answers["military_lab_years_ago"] != 2 {
		t.Errorf("answers after the change: %v", res.Answers)
	}
	if res.Recommendation == nil {
		t.Error("no results")
	}
	var report bytes.Buffer
	eng.WriteReport(&report, eng.Recommend(res.Answers), advisor.FormatText)
	if !strings.Contains(out, report.String()) {
		t.Error("the report is not the text report of the final answers")
	}
}

// TestAccessibleSavesTheSession (D7): with a session folder the answers are
// saved as they go, as on the full screen; where is said before the first
// question and after the first answer; the name asked first is the
// session's; a cancel keeps what was answered; "list" continues a session.
func TestAccessibleSavesTheSession(t *testing.T) {
	eng := accEngine(t)
	dir := filepath.Join(t.TempDir(), "sessions")
	script, want := accScript(t, eng, advisor.Answers{"education": "bachelor"})
	res, out, err := accOpts(t, "Jordan\n"+script+"\n\n", AccessibleOptions{SessionDir: dir})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	o := flat(out)
	where := "Answers are saved as you go, in a new file in " + dir
	if i, j := strings.Index(o, where), strings.Index(o, "Question 1 of"); i < 0 || j < i {
		t.Fatalf("where the session goes is not said before the first question:\n%s", out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "jordan-*.yaml"))
	if len(files) != 1 || res.SessionPath != files[0] || !strings.Contains(o, "(Saved in "+files[0]+".)") {
		t.Fatalf("session files %v, result %q", files, res.SessionPath)
	}
	label, got, err := session.Load(eng, files[0])
	if err != nil || label != "Jordan" || !reflect.DeepEqual(got, want) {
		t.Fatalf("session %q %v %v, want %v", label, got, err, want)
	}

	// Cancelled halfway: what was answered is in a session.
	res, out, err = accOpts(t, "\n4\n64\n", AccessibleOptions{SessionDir: dir})
	if !errors.Is(err, ErrCancelled) || res.SessionPath == "" {
		t.Fatalf("cancel: %v, %q\n%s", err, res.SessionPath, out)
	}
	if _, got, _ := session.Load(eng, res.SessionPath); got["college_credits"] != 64 {
		t.Fatalf("cancelled session holds %v", got)
	}
	half := res.SessionPath

	// list, then the second (the halfway one is newest... both saved at
	// sessNow: pick by name).
	list, _ := session.List(dir)
	pick := ""
	for i, info := range list {
		if info.Path == half {
			pick = strconv.Itoa(i + 1)
		}
	}
	res, out, err = accOpts(t, lines("list", pick)+strings.Repeat("\n", 80), AccessibleOptions{SessionDir: dir})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	o = flat(out)
	for _, w := range []string{"Saved sessions, newest first:", "Jordan · today", "Continuing the session, saved today", "On from question 3, the first not answered yet."} {
		if !strings.Contains(o, w) {
			t.Errorf("continuing: output lacks %q", w)
		}
	}
	if res.SessionPath != half || res.Answers["college_credits"] != 64 || res.Recommendation == nil {
		t.Errorf("continued %q with %v", res.SessionPath, res.Answers)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.yaml")); len(files) != 2 {
		t.Errorf("continuing made a new file: %v", files)
	}

	// --session FILE that exists: its answers, its name, the review first.
	res, out, err = accOpts(t, "\n\n", AccessibleOptions{SessionPath: files[0]})
	if err != nil || !strings.Contains(flat(out), "Answers are saved as you go in "+files[0]) || res.Recommendation == nil {
		t.Fatalf("--session: %v\n%s", err, out)
	}
	if strings.Contains(out, "Question 1 of") {
		t.Error("a complete session asked the questions again")
	}
}

// TestAccessibleExport (D7): e at the results saves the Markdown report and
// the answers, as the full screen's export does, and says where.
func TestAccessibleExport(t *testing.T) {
	eng := accEngine(t)
	dir := t.TempDir()
	script, want := accScript(t, eng, advisor.Answers{"education": "associate"})
	res, out, err := accOpts(t, script+lines("", "x", "export", ""), AccessibleOptions{OutDir: dir})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(res.Exported) != 2 {
		t.Fatalf("exported %v\n%s", res.Exported, out)
	}
	o := flat(out)
	if !strings.Contains(o, "Type e (or export) to save this report and your answers as files in "+dir) ||
		!strings.Contains(o, "Saved the report to "+res.Exported[0]+" and the answers to "+res.Exported[1]+".") ||
		!strings.Contains(o, `! "x" is not one of the choices.`) {
		t.Errorf("export step:\n%s", out[max(0, len(out)-1500):])
	}
	b, err := os.ReadFile(res.Exported[1])
	if err != nil {
		t.Fatal(err)
	}
	got, err := eng.ParseAnswers("a.yaml", b)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("exported answers %v %v, want %v", got, err, want)
	}
	if md, _ := os.ReadFile(res.Exported[0]); !bytes.Contains(md, []byte(res.Recommendation.Paths[0].Title)) {
		t.Error("the exported report lacks the recommendation")
	}
	// With AutoExport (--out) the files are written at once.
	res, out, err = accOpts(t, script, AccessibleOptions{OutDir: t.TempDir(), AutoExport: true})
	if err != nil || len(res.Exported) != 2 {
		t.Fatalf("auto export: %v %v\n%s", res.Exported, err, out)
	}
}
