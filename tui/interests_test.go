package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"medpath/advisor"
)

// The activity check (the interest inventory): its items on the question
// screen, the counts, and the profile on the results.

// labRatings are activity ratings of a student drawn to lab work:
// Investigative and Conventional high, Realistic next, Artistic and
// Enterprising low, one Artistic activity skipped.
var labRatings = map[string][]int{
	"r": {4, 4, 5, 3}, "i": {5, 5, 4, 5}, "a": {1, 2, 1, 0},
	"s": {2, 3, 2, 2}, "e": {1, 2, 2, 1}, "c": {4, 5, 4, 4},
}

// rated is the fixed answers with the activity check taken: ratings by
// area letter, in item order.
func rated(ratings map[string][]int) advisor.Answers {
	a := fixedAnswers()
	a["interest_inventory"] = true
	for area, vs := range ratings {
		for i, v := range vs {
			a[fmt.Sprintf("interest_%s%d", area, i+1)] = v
		}
	}
	return a
}

// itemIDs are the inventory's items in the order they are asked.
func itemIDs(t *testing.T) []string {
	t.Helper()
	var ids []string
	for _, q := range engine(t).Questions() {
		if q.IsInventoryItem() {
			ids = append(ids, q.ID)
		}
	}
	if len(ids) != 24 {
		t.Fatalf("%d inventory items, want 24", len(ids))
	}
	return ids
}

// TestActivityKeys: on an activity a digit answers and moves on, 0 and s
// skip at once (the answer is 0), the cursor starts on the skip row when
// the activity is not rated yet or was skipped, and on the rating when it
// was rated; enter on the skip row skips. The help line names the keys.
func TestActivityKeys(t *testing.T) {
	ids := itemIDs(t)
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	m = gotoQuestion(t, m, "interest_inventory")
	m = press(m, "enter") // the default: yes
	if currentID(m) != ids[0] {
		t.Fatalf("after yes: at %q, want %s", currentID(m), ids[0])
	}
	v := view(m)
	for _, want := range []string{"1  Dislike a lot", "2  Dislike", "3  Not sure", "4  Like", "5  Like a lot",
		"> (•) 0  Skip: can't picture it", "1-5 rate", "0/s skip"} {
		contains(t, v, want)
	}
	keys := []string{"4", "0", "s", "5", "1"}
	for i, k := range keys {
		if currentID(m) != ids[i] {
			t.Fatalf("key %d: at %q, want %s", i, currentID(m), ids[i])
		}
		m = press(m, k)
	}
	want := []int{4, 0, 0, 5, 1}
	for i, id := range ids[:len(keys)] {
		if got := m.answers[id]; got != want[i] {
			t.Errorf("%s = %v after %q, want %d", id, got, keys[i], want[i])
		}
	}
	if currentID(m) != ids[len(keys)] {
		t.Fatalf("after %d keys: at %q, want %s", len(keys), currentID(m), ids[len(keys)])
	}
	m = press(m, "up", "enter") // from the skip row up to 5, then enter
	if got := m.answers[ids[5]]; got != 5 {
		t.Errorf("up, enter from the skip row: %v, want 5", got)
	}
	m = press(m, "enter") // the cursor on the skip row: enter skips
	if got := m.answers[ids[6]]; got != 0 {
		t.Errorf("enter on the skip row: %v, want 0", got)
	}
	// Back over the answers: the cursor is on the skip row for a skip, on
	// the rating for a rating.
	m = press(m, "esc")
	contains(t, view(m), "> (•) 0  Skip")
	m = press(m, "esc")
	contains(t, view(m), "> (•) 5  Like a lot")
	// The review words a skip as skipped, and not as a default.
	m = answerAll(t, m)
	prompt := engine(t).Question(ids[1]).Prompt[:25]
	line := ""
	m = press(m, "home")
	for i := 0; i < 80 && line == ""; i++ {
		for _, l := range strings.Split(view(m), "\n") {
			if strings.Contains(l, prompt) {
				line = l
			}
		}
		m = press(m, "down")
	}
	if !strings.Contains(line, advisor.Skipped) || strings.Contains(line, "(default)") {
		t.Errorf("review row of a skipped activity: %q", line)
	}
}

// TestActivityGate: no at "would you like to rate 24 work activities?"
// hides all 24, and the count drops by them without rising anywhere.
func TestActivityGate(t *testing.T) {
	ids := itemIDs(t)
	m := newTestModel(t, nil, 80, 24)
	m = press(m, "enter")
	m = gotoQuestion(t, m, "interest_inventory")
	re := regexp.MustCompile(`Question (\d+) of (\d+)–(\d+)`)
	before := re.FindStringSubmatch(view(m))
	m = press(m, "n")
	after := re.FindStringSubmatch(view(m))
	if currentID(m) != "goal" || before == nil || after == nil {
		t.Fatalf("after n: at %q; %v then %v\n%s", currentID(m), before, after, view(m))
	}
	if before[2] != after[2] || fmt.Sprint(atoi(before[3])-24) != after[3] {
		t.Errorf("count before no %v, after %v: want the same low end and 24 fewer at the top", before[0], after[0])
	}
	m = answerAll(t, m)
	vis := engine(t).Visible(m.answers)
	for _, q := range vis {
		for _, id := range ids {
			if q.ID == id {
				t.Errorf("%s visible after no", id)
			}
		}
	}
	v := view(press(m, "end"))
	if strings.Contains(v, "Skip") || strings.Contains(v, advisor.Skipped) {
		t.Errorf("the review shows activities after no:\n%s", v)
	}
	// The results say the check was not taken, in one note.
	m = press(m, "r")
	rec := m.rec
	if rec.Interests == nil || !rec.Interests.Skipped {
		t.Fatalf("profile %+v, want skipped", rec.Interests)
	}
	all := ansi.Strip(strings.Join(m.result.detail.lines, "\n"))
	if !strings.Contains(flat(all), flat(rec.Interests.Note)) || strings.Contains(all, "Your interest code") {
		t.Errorf("overview of a skipped check:\n%s", all)
	}
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

// TestWelcomeCountsActivitiesApart: the welcome and the accessible intro
// count the questions without the activities, and the activities as an
// optional check, from the engine.
func TestWelcomeCountsActivitiesApart(t *testing.T) {
	e := engine(t)
	c := countQuestions(e, advisor.Answers{}, openAfter(advisor.Answers{}, ""))
	if c.Items != 24 || c.ItemsNow != 0 {
		t.Fatalf("count %+v: want 24 items, none counted as sure to be asked", c)
	}
	qs := c.questions()
	// No to the check: as many questions as are then visible at the least.
	no := countQuestions(e, advisor.Answers{"interest_inventory": false}, openAfter(advisor.Answers{"interest_inventory": false}, ""))
	if qs.Now != no.Now || qs.Total != no.Total || no.Items != 0 {
		t.Errorf("questions %s without the activities, but %s after no", qs, no)
	}
	v := view(newTestModel(t, nil, 80, 24))
	contains(t, flat(v), fmt.Sprintf("%d to %d questions:", qs.Now, qs.Total))
	contains(t, flat(v), "An optional check of 24 activities (about 2 minutes)")
	_, out, err := accOpts(t, "quit\n", AccessibleOptions{NoExport: true})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, flat(out), fmt.Sprintf("You will answer %d to %d short questions", qs.Now, qs.Total))
	contains(t, flat(out), "and an optional check of 24 activities (about 2 minutes)")
}

// TestAccessibleActivity: the accessible mode says every labelled point and
// the skip, and s, skip and 0 skip, digits rate, as on the full screen.
func TestAccessibleActivity(t *testing.T) {
	q := accQuestion(t, accEngine(t), "interest_r1")
	f, _ := newField(q, advisor.Answers{}, nil, nil)
	how := f.howTo()
	for _, w := range []string{"1 = Dislike a lot", "2 = Dislike", "3 = Not sure", "4 = Like", "5 = Like a lot", "s (or 0) to skip"} {
		if !strings.Contains(how, w) {
			t.Errorf("howTo lacks %q: %s", w, how)
		}
	}
	for in, want := range map[string]any{"s": 0, "S": 0, "skip": 0, "0": 0, "4": 4, " 5 ": 5} {
		if v, problem := f.parse(strings.TrimSpace(in)); v != want || problem != "" {
			t.Errorf("parse(%q) = %v, %q; want %v", in, v, problem, want)
		}
	}
	if _, problem := f.parse("7"); problem == "" {
		t.Error("7 was taken")
	}
}

// TestGoldenActivity holds an activity's screen with its skip row, not
// rated yet and rated 4, at each size.
func TestGoldenActivity(t *testing.T) {
	cases := []screenCase{
		{"unrated", func(t testing.TB, w, h int) model {
			a := fixedAnswers()
			a["interest_inventory"] = true
			m := newTestModel(t, a, w, h)
			m, cmd := m.showQuestions("interest_i2", false)
			return doAllUpdates(laidOut(m), cmd)
		}},
		{"rated", func(t testing.TB, w, h int) model {
			m := newTestModel(t, rated(labRatings), w, h)
			m, cmd := m.showQuestions("interest_i3", false)
			return doAllUpdates(laidOut(m), cmd)
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

// profileScreen is the results for the lab ratings, scrolled until the
// profile's heading is on screen.
func profileScreen(t testing.TB, w, h int) model {
	t.Helper()
	m := newTestModel(t, rated(labRatings), w, h)
	m = act(m, showScreen{to: stateResult})
	for i := 0; i < 60 && !strings.Contains(view(m), advisor.ProfileHeading); i++ {
		m = press(m, "pgdown")
	}
	if !strings.Contains(view(m), advisor.ProfileHeading) {
		t.Fatalf("the profile never came on screen")
	}
	return m
}

// TestGoldenProfile holds the interest profile on the results' Overview:
// the screen scrolled to it at 80x24 and 40x12, the whole Overview pane,
// and the screen as a NO_COLOR terminal gets it (bold kept, no colour).
func TestGoldenProfile(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {120, 40}} {
		t.Run(fmt.Sprintf("screen/%dx%d", sz[0], sz[1]), func(t *testing.T) {
			golden.RequireEqual(t, view(profileScreen(t, sz[0], sz[1])))
		})
		t.Run(fmt.Sprintf("whole/%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestModel(t, rated(labRatings), sz[0], sz[1])
			m = act(m, showScreen{to: stateResult})
			golden.RequireEqual(t, ansi.Strip(strings.Join(resultLines(m), "\n")))
		})
	}
	t.Run("nocolor/80x24", func(t *testing.T) {
		m := profileScreen(t, 80, 24)
		var b strings.Builder
		w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
		if _, err := w.WriteString(m.View().Content); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if regexp.MustCompile(`\x1b\[[0-9;]*[34]8;`).MatchString(out) {
			t.Errorf("colour left under NO_COLOR")
		}
		golden.RequireEqual(t, out)
	})
}

// TestProfileChart: each area's row has its name, a bar as long as its
// score, the number and the gloss (dropped when narrow; the name and number
// stay), the code's areas are marked 1st, 2nd and 3rd in words, then the
// code in words and the note; the path's match is said in words.
func TestProfileChart(t *testing.T) {
	e := engine(t)
	rec := e.Recommend(e.VisibleAnswers(rated(labRatings)))
	p := rec.Interests
	if p == nil || !p.Scored || p.Code == "" {
		t.Fatalf("profile %+v: want scored", p)
	}
	st := newStyles(true)
	for _, w := range []int{78, 38, 30} {
		lines := profileChart(e, st, p, w)
		text := make([]string, len(lines))
		for i, l := range lines {
			text[i] = ansi.Strip(l)
			if n := ansi.StringWidth(l); n > w {
				t.Errorf("w %d: line %q is %d wide", w, text[i], n)
			}
		}
		if text[0] != advisor.ProfileHeading {
			t.Errorf("w %d: heading %q", w, text[0])
		}
		rows := e.ProfileRows(p)
		for i, r := range rows {
			line := text[1+i]
			if !strings.HasPrefix(line, r.Name[:min(len(r.Name), 8)]) || !strings.Contains(line, fmt.Sprintf("%3d", r.Score)) {
				t.Errorf("w %d: row %q lacks the name or the number %d", w, line, r.Score)
			}
			if w == 78 && !strings.Contains(line, r.Gloss) {
				t.Errorf("w %d: row %q lacks the gloss %q", w, line, r.Gloss)
			}
			if got := strings.Count(line, "█"); r.Score > 0 && got == 0 || r.Score == 100 && strings.Contains(line, "░") {
				t.Errorf("w %d: bar of %d in %q", w, r.Score, line)
			}
			if place := advisor.Place(r.Top); place != "" && !strings.Contains(line, " "+place) || r.Top == 0 && regexp.MustCompile(`\d(st|nd|rd)\b`).MatchString(line) {
				t.Errorf("w %d: row %q, top %d", w, line, r.Top)
			}
		}
		rest := flat(strings.Join(text[1+len(rows):], " "))
		if !strings.Contains(rest, e.CodeWords(p)) || !strings.Contains(rest, flat(p.Note)) {
			t.Errorf("w %d: after the rows %q", w, rest)
		}
	}
	// bars grow with the score
	r := e.ProfileRows(p)
	hi, lo := r[0], r[0]
	for _, x := range r {
		if x.Score > hi.Score {
			hi = x
		}
		if x.Score < lo.Score {
			lo = x
		}
	}
	chart := ansi.Strip(strings.Join(profileChart(e, st, p, 78), "\n"))
	if strings.Count(lineWith(t, chart, hi.Name), "█") <= strings.Count(lineWith(t, chart, lo.Name), "█") {
		t.Errorf("the bar of %s (%d) is not longer than %s's (%d):\n%s", hi.Name, hi.Score, lo.Name, lo.Score, chart)
	}
	// every path with a match says it on its Overview
	m := resultsFor(t, rated(labRatings), 80, 24)
	for i := range m.rec.Paths {
		pr := &m.rec.Paths[i]
		all := flat(ansi.Strip(strings.Join(resultLines(m), "\n")))
		if pr.InterestMatch != nil && !strings.Contains(all, advisor.MatchWords(pr.InterestMatch)) {
			t.Errorf("%s: overview lacks %q", pr.Title, advisor.MatchWords(pr.InterestMatch))
		}
		m = press(m, "down")
	}
}

// TestGoldenAccessibleProfile holds the accessible results' profile: plain
// lines in the report, no bars, and each path's interest match.
func TestGoldenAccessibleProfile(t *testing.T) {
	e := accEngine(t)
	a := rated(labRatings)
	delete(a, "lab_experience_years") // not asked after no lab program
	script, _ := accScript(t, e, a)
	_, out, err := accOpts(t, script+"\n", AccessibleOptions{NoExport: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	i := strings.Index(out, advisor.ProfileHeading)
	j := strings.Index(out[max(i, 0):], "\nWhy this path")
	if i < 0 || j < 0 {
		t.Fatalf("no profile in the accessible results:\n%s", out[max(len(out)-1500, 0):])
	}
	block := out[i : i+j]
	if strings.ContainsAny(block, "#█") {
		t.Errorf("the accessible profile draws bars a screen reader would spell out:\n%s", block)
	}
	rec := e.Recommend(e.VisibleAnswers(rated(labRatings)))
	flat := strings.Join(strings.Fields(out), " ")
	for _, p := range rec.Paths {
		if w := advisor.MatchWords(p.InterestMatch); w == "" || !strings.Contains(flat, w) {
			t.Errorf("%s: the accessible results lack its match %q", p.ID, w)
		}
	}
	for _, r := range e.ProfileRows(rec.Interests) {
		want := fmt.Sprintf("%s: %d of 100, %s", r.Name, r.Score, r.Gloss)
		if r.Top > 0 {
			want += " (" + advisor.Place(r.Top) + " in your code)"
		}
		if !strings.Contains(block, want+"\n") {
			t.Errorf("accessible profile lacks %q", want)
		}
	}
	golden.RequireEqual(t, block)
}
