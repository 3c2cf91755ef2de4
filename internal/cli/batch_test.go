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
