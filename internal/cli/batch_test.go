package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medpath/internal/cli"
)

// cohortDir writes n answers files into a new folder.
func cohortDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("education: bachelor\nbudget: %d\n", 1000*i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%03d.yaml", i)), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBatchProgress: the progress bar is drawn on stderr when stderr is a
// terminal, and never otherwise; stdout is the same either way.
func TestBatchProgress(t *testing.T) {
	dir := cohortDir(t, 30)
	run := func(tty bool) (int, string, string) {
		var out, errOut bytes.Buffer
		s := cli.Test(strings.NewReader(""), &out, &errOut)
		s.SetErrTTY(tty)
		return cli.Main([]string{"batch", dir, "--jobs", "2"}, s, "test"), out.String(), errOut.String()
	}
	code, out, errOut := run(true)
	if code != 0 || !strings.Contains(errOut, "\r[##############################] 100% 30 students\n") {
		t.Errorf("on a terminal: exit %d, stderr %q", code, errOut)
	}
	code, plain, errOut := run(false)
	if code != 0 || errOut != "" || plain != out || !strings.Contains(plain, "s029") {
		t.Errorf("in a pipe: exit %d, stderr %q, same rows %v", code, errOut, plain == out)
	}
}

// TestBatchOut: --out writes the file atomically and says where on stderr;
// a bad row is listed and exits 1, with the file still written.
func TestBatchOut(t *testing.T) {
	dir := cohortDir(t, 3)
	if err := os.WriteFile(filepath.Join(dir, "zz.yaml"), []byte("education: phd\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "cohort.csv")
	code, stdout, errOut := runCLI(t, "", "batch", dir, "--out", out)
	if code != 1 || stdout != "" || !strings.Contains(errOut, "medpath batch: 1 of 4 students could not be scored:\n  zz: ") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), "s002") {
		t.Errorf("the output file: %v\n%s", err, b)
	}
	os.Remove(filepath.Join(dir, "zz.yaml"))
	code, _, errOut = runCLI(t, "", "batch", dir, "--out", out, "--format", "json")
	if code != 0 || errOut != "medpath batch: 3 students written to "+out+"\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestBatchInterestColumns: a CSV with the inventory's columns gives each
// student's interest code and the first letters in the summary; a skip cell
// is fine and a bad one is named on stderr with what is allowed (exit 1).
func TestBatchInterestColumns(t *testing.T) {
	var cols, lab, skip, bad []string
	for _, a := range "riasec" {
		for i := 1; i <= 4; i++ {
			cols = append(cols, fmt.Sprintf("interest_%c%d", a, i))
			v := map[rune]string{'r': "4", 'i': "5", 'a': "1", 's': "2", 'e': "1", 'c': "4"}[a]
			lab = append(lab, v)
			skip = append(skip, "skip")
			bad = append(bad, v)
		}
	}
	lab[0] = "s" // one item skipped
	bad[5] = "maybe"
	csv := "id,interest_inventory," + strings.Join(cols, ",") + "\n" +
		"lab,yes," + strings.Join(lab, ",") + "\n" +
		"none,," + strings.Join(skip, ",") + "\n" +
		"bad,," + strings.Join(bad, ",") + "\n"
	in := writeFile(t, "cohort.csv", csv)
	code, out, errOut := runCLI(t, "", "batch", in, "--jobs", "2")
	if code != 1 || !strings.Contains(errOut, `bad: `+in+`:4: row 3: interest_i2: expected a whole number from 1 to 5, or 0, "s" or "skip" to skip it, got "maybe"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{",interest_code,error\n", "\nlab,", ",IRC,\n", "top_interest:I,1\n", "no_interest_code,1\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "none,") && (strings.HasPrefix(l, "none,,") || !strings.HasSuffix(l, ",,")) {
			t.Errorf("the all-skipped row is scored, with no code and no error: %q", l)
		}
	}
}
