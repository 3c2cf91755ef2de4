package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"medpath/internal/session"
)

func TestSessionFlag(t *testing.T) {
	eng, err := load("")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "", "--help")
	if code != 0 || !strings.Contains(out, "--session FILE") {
		t.Errorf("usage lacks --session:\n%s", out)
	}

	path := filepath.Join(t.TempDir(), "maria.yaml")
	answers := writeFile(t, "a.yaml", "education: associate\n")
	if err := session.Save(eng, path, "Maria", map[string]any{"education": "bachelor"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "--answers", answers, "--session", path)
	if code != exitUsage || !strings.Contains(errOut, "already holds answers") {
		t.Errorf("--answers with an existing --session: exit %d\n%s", code, errOut)
	}

	// Accessible mode starts from the session and saves the final answers to it.
	code, out, errOut = runCLI(t, strings.Repeat("\n", 60), "--accessible", "--session", path)
	if code != exitOK || !strings.Contains(out, "Answers saved in "+path) {
		t.Fatalf("accessible with --session: exit %d\n%s\n%s", code, out, errOut)
	}
	label, a, err := session.Load(eng, path)
	if err != nil || label != "Maria" || a["education"] != "bachelor" || len(a) < 10 {
		t.Errorf("session after accessible mode: %q %v %v", label, a, err)
	}

	// A new --session file in accessible mode is made at the end.
	fresh := filepath.Join(t.TempDir(), "new", "s.yaml")
	code, _, errOut = runCLI(t, strings.Repeat("\n", 60), "--accessible", "--session", fresh)
	if _, err := os.Stat(fresh); code != exitOK || err != nil {
		t.Errorf("a new --session file: exit %d, %v\n%s", code, err, errOut)
	}
}
