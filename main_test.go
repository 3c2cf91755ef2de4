package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the program with fake streams and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLI(t *testing.T) {
	good := writeFile(t, "a.yaml", "education: associate\nlab_program: mlt\nlab_program_years_ago: 1\nlab_work: 5\n")
	bad := writeFile(t, "bad.yaml", "educaton: associate\nbudget: lots\n")
	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		out, err string
	}{
		{"help", "", []string{"--help"}, 0, "medpath report --answers FILE", ""},
		{"version", "", []string{"--version"}, 0, "medpath ", ""},
		{"report text", "", []string{"report", "--answers", good}, 0, "Recommended: Medical Laboratory Technician", ""},
		{"report flags before command", "", []string{"--format", "json", "report", "--answers", good}, 0, `"recommended": "mlt"`, ""},
		{"report markdown", "", []string{"report", "--answers", good, "--format", "markdown"}, 0, "# Career recommendation", ""},
		{"report html", "", []string{"report", "--answers", good, "--format", "html"}, 0, "<!DOCTYPE html>", ""},
		{"report from stdin", "education: bachelor\ngoal: technologist\nlab_work: 5\n", []string{"report", "--answers", "-", "--format", "json"}, 0, `"recommended"`, ""},
		{"report without answers", "", []string{"report"}, 2, "", "--answers FILE is required"},
		{"report bad format", "", []string{"report", "--answers", good, "--format", "pdf"}, 2, "", `unknown --format "pdf"`},
		{"report bad answers", "", []string{"report", "--answers", bad}, 2, "", `"educaton" is not a question (did you mean "education"?)`},
		{"report bad answers names every key", "", []string{"report", "--answers", bad}, 2, "", `budget: expected a whole number`},
		{"report missing file", "", []string{"report", "--answers", "/nonexistent/a.yaml"}, 2, "", "no such file"},
		{"report stray argument", "", []string{"report", good}, 2, "", "unexpected argument"},
		{"unknown command", "", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"unknown flag", "", []string{"--colour"}, 2, "", "flag provided but not defined: -colour"},
		{"questions", "", []string{"questions"}, 0, "timeline_months:", ""},
		{"validate", "", []string{"validate"}, 0, "ok: built-in data:", ""},
		{"validate missing overlay", "", []string{"validate", "--data", "/nonexistent"}, 1, "", "--data /nonexistent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("stdout lacks %q:\n%s", tt.out, out)
			}
			if !strings.Contains(errOut, tt.err) {
				t.Errorf("stderr lacks %q:\n%s", tt.err, errOut)
			}
		})
	}
}

func TestQuestionsTemplateRoundTrips(t *testing.T) {
	_, tmpl, _ := runCLI(t, "", "questions")
	p := writeFile(t, "t.yaml", tmpl)
	if code, _, errOut := runCLI(t, "", "report", "--answers", p); code != 0 {
		t.Fatalf("the template should be a valid answers file: %s", errOut)
	}
}

func TestValidateOverlay(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "local.yaml"), []byte("rules:\n  - id: x\n    when: budjet > 1\n    score: {mlt: 1}\n    because: b\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "validate", "--data", dir)
	if code != 1 || !strings.Contains(errOut, "local.yaml:3:11:") || !strings.Contains(errOut, `did you mean "budget"?`) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}
