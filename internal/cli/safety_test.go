package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnwritableOutputs: when medpath cannot write where it was told to, it
// says so clearly, exits 1, and leaves what was there untouched. A folder
// under a regular file is unwritable even for root, so the test works anywhere.
func TestUnwritableOutputs(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(dir, "a.yaml")
	os.WriteFile(answers, []byte("education: associate\n"), 0o600)
	cohort := filepath.Join(dir, "cohort")
	os.MkdirAll(cohort, 0o700)
	os.WriteFile(filepath.Join(cohort, "ana.yaml"), []byte("education: bachelor\n"), 0o600)

	t.Run("batch --out", func(t *testing.T) {
		code, _, errOut := runCLI(t, "", "batch", cohort, "--out", filepath.Join(blocker, "out.csv"))
		if code != 1 || !strings.Contains(errOut, "not a directory") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
	// U16: the accessible mode finds an unwritable --out or --session
	// folder before the first question, not after the last.
	for _, flag := range []string{"--out", "--session"} {
		t.Run("accessible "+flag, func(t *testing.T) {
			in := strings.Repeat("\n", 60) // take every default
			code, out, errOut := runCLI(t, in, "--accessible", flag, filepath.Join(blocker, "sub"))
			if code != 1 || !strings.Contains(errOut, "cannot save to folder") || !strings.Contains(errOut, blocker) {
				t.Fatalf("exit %d: %s\n%.300s", code, errOut, out)
			}
			if strings.Contains(out, "Question 1") {
				t.Errorf("the questions were asked before the folder was checked:\n%.300s", out)
			}
		})
	}
	if b, _ := os.ReadFile(blocker); string(b) != "keep me" {
		t.Fatal("a failed write touched an existing file")
	}
}

// TestFilesAreWrittenPrivately: every file medpath writes is mode 0600.
func TestFilesAreWrittenPrivately(t *testing.T) {
	dir := t.TempDir()
	cohort := filepath.Join(dir, "cohort")
	os.MkdirAll(cohort, 0o700)
	os.WriteFile(filepath.Join(cohort, "ana.yaml"), []byte("education: bachelor\n"), 0o600)
	out := filepath.Join(dir, "out.csv")
	if code, _, errOut := runCLI(t, "", "batch", cohort, "--out", out); code != 0 {
		t.Fatalf("batch: %s", errOut)
	}
	exp := filepath.Join(dir, "export")
	if code, _, errOut := runCLI(t, strings.Repeat("\n", 60), "--accessible", "--out", exp); code != 0 {
		t.Fatalf("accessible: %s", errOut)
	}
	files := []string{out}
	entries, _ := os.ReadDir(exp)
	for _, e := range entries {
		files = append(files, filepath.Join(exp, e.Name()))
	}
	if len(files) < 3 {
		t.Fatalf("expected the batch output and two exported files, got %v", files)
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600 (%v)", f, st.Mode().Perm(), err)
		}
	}
}
