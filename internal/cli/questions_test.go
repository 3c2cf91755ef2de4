package cli_test

import (
	"strings"
	"testing"
)

// TestQuestionsInventory: the template shows how to rate and skip an
// activity, and says so in its help.
func TestQuestionsInventory(t *testing.T) {
	code, out, errOut := runCLI(t, "", "questions")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"\n#     1 = Dislike a lot\n", "\n#     5 = Like a lot\n", "\n#   0 or skip = skipped (Skip: can't picture it)\n", "\ninterest_c4: 0\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("template lacks %q", want)
		}
	}
	if n := strings.Count(out, "0 or skip = skipped"); n != 24 {
		t.Errorf("%d items say how to skip; want 24", n)
	}
	if _, help, _ := runCLI(t, "", "questions", "--help"); !strings.Contains(help, "0 or skip") {
		t.Errorf("help does not say how to skip an activity:\n%s", help)
	}
}
