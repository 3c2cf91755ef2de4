package e2e

import (
	"fmt"
	"strings"
	"testing"

	"medpath/advisor"
	"medpath/data"
)

// TestActivityCheck walks the activity check at 80x24 as a new user would:
// enter through the questions to "Would you like to rate 24 work
// activities?", y, then one key for each activity (a digit rates it and
// moves on, s skips it), 25 key presses and 25 screens in all; then the
// results' Overview shows the interest profile with the code, and the
// path's match in words.
func TestActivityCheck(t *testing.T) {
	e, err := advisor.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	var items []*advisor.Question
	for _, q := range e.Questions() {
		if q.IsInventoryItem() {
			items = append(items, q)
		}
	}
	s := start(t, options{})
	s.waitFor("Start the questions")
	s.keys("Enter")
	vis := e.Visible(advisor.Answers{})
	for j, q := range vis { // enter takes each default up to the check
		if q.ID == "interest_inventory" {
			break
		}
		s.waitFor(fmt.Sprintf("Question %d of ", j+1))
		s.keys("Enter")
		if q.Kind == advisor.KindMulti { // nothing ticked: it asks first
			s.waitFor("Nothing ticked: record none?")
			s.keys("Enter")
		}
	}
	s.waitFor("Would you like to rate 24 work activities?")
	s.keys("y")
	// Investigative and Conventional liked, Artistic disliked, one skipped.
	ratings := map[string]string{"R": "4", "I": "5", "A": "1", "S": "2", "E": "2", "C": "5"}
	for i, q := range items {
		s.waitFor(q.Prompt)
		scr := s.screen()
		if i == 0 {
			for _, want := range []string{"1  Dislike a lot", "5  Like a lot", "0  " + q.Skip, "1-5 rate", "0/s skip"} {
				if !strings.Contains(scr, want) {
					t.Fatalf("the first activity lacks %q:\n%s", want, scr)
				}
			}
		}
		k := ratings[q.Area]
		if i == 3 {
			k = "s"
		}
		s.keys(k)
	}
	s.waitFor("Where do you want this first step to lead?")
	s.keys("Enter")
	s.waitFor("Which state")
	s.keys("Enter")
	s.waitFor("See my results")
	s.keys("r")
	s.waitFor("Your results")
	seen := s.waitFor("Your results")
	for i := 0; i < 12 && !strings.Contains(seen, "Interest match:"); i++ {
		// each page down must be drawn before it is read, or a page is missed
		prev := s.screen()
		s.keys("PgDn")
		seen += s.waitUntil("the Overview to scroll", func(scr string) bool { return scr != prev })
	}
	for _, want := range []string{"Investigative", "100 1st", "100 2nd", "█", "░",
		"Your interest code: ICR (Investigative, Conventional, Realistic)", "Interest match: "} {
		if !strings.Contains(seen, want) {
			t.Errorf("the Overview never showed %q; last screen:\n%s", want, s.screen())
		}
	}
	s.keys("q")
	s.waitUntil("medpath to end or ask", func(scr string) bool { return s.ended() || strings.Contains(scr, "y/n") })
	if !s.ended() {
		s.keys("y")
	}
	s.mustExit(0)
}
