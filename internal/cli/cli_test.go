package cli_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medpath/internal/cli"
)

// runCLI runs medpath through cli.Main with test streams (no terminals) and
// returns its exit code, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Main(args, cli.Test(strings.NewReader(stdin), &out, &errOut), "1.2.3-test")
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
		{"help", "", []string{"--help"}, 0, "report --answers FILE", ""},
		{"version", "", []string{"--version"}, 0, "medpath 1.2.3-test\n", ""},
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
		{"unknown flag", "", []string{"--colour"}, 2, "", "unknown flag: --colour"},
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

// TestHelp: medpath help, medpath help CMD and medpath CMD --help all show
// the same help, on stdout, with exit 0; a misspelt command gets a
// did-you-mean and exit 2.
func TestHelp(t *testing.T) {
	_, rootHelp, _ := runCLI(t, "", "--help")
	for _, args := range [][]string{{"help"}, {"-h"}} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 || out != rootHelp || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q, same as --help: %v", args, code, errOut, out == rootHelp)
		}
	}
	for _, cmd := range []string{"report", "questions", "validate", "compare", "batch"} {
		code, viaHelp, _ := runCLI(t, "", "help", cmd)
		_, viaFlag, _ := runCLI(t, "", cmd, "--help")
		if code != 0 || viaHelp != viaFlag || viaHelp == rootHelp {
			t.Errorf("help %s: exit %d; same as %s --help: %v", cmd, code, cmd, viaHelp == viaFlag)
		}
		if !strings.Contains(viaHelp, "EXAMPLES") || !strings.Contains(viaHelp, "medpath "+cmd) {
			t.Errorf("help %s has no example:\n%s", cmd, viaHelp)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"reprot"}, `unknown command "reprot"; did you mean "report"?`},
		{[]string{"help", "reprot"}, `unknown command "reprot"; did you mean "report"?`},
		{[]string{"valdate", "--data", "x"}, `did you mean "validate"?`},
		{[]string{"report", "extra", "--help"}, ""}, // --help wins, as in cobra
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if tt.want == "" {
			if code != 0 {
				t.Errorf("%v: exit %d: %s", tt.args, code, errOut)
			}
			continue
		}
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// TestFlagsPerCommand: each command takes its own flags only; a flag that
// another command takes is named as such.
func TestFlagsPerCommand(t *testing.T) {
	good := writeFile(t, "a.yaml", "education: associate\n")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--format", "pdf"}, "validate takes no --format (batch, compare and report do)"},
		{[]string{"validate", "--answers", "/nonexistent"}, "validate takes no --answers (medpath and report do)"},
		{[]string{"questions", "--jobs", "0", "--out", "/x"}, "questions takes no --jobs (batch does)"},
		{[]string{"report", "--answers", good, "--jobs", "2"}, "report takes no --jobs (batch does)"},
		{[]string{"report", "--answers", good, "--accessible"}, "report takes no --accessible (medpath does)"},
		{[]string{"--format", "json"}, "medpath takes no --format (batch, compare and report do)"},
		{[]string{"--jobs", "2"}, "medpath takes no --jobs (batch does)"},
		{[]string{"compare", "a", "b", "--session", "s"}, "compare takes no --session (medpath does)"},
		{[]string{"report", "--version"}, "unknown flag: --version"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tt.args, code, out, errOut, tt.want)
		}
	}
	// The global flags work before and after any command.
	for _, args := range [][]string{
		{"--data", t.TempDir(), "validate"}, {"validate", "--no-color"}, {"--no-color", "questions"},
		{"report", "--answers", good, "--data", t.TempDir()},
	} {
		if code, _, errOut := runCLI(t, "", args...); code != 0 && !strings.Contains(errOut, "no *.yaml files") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
}

// failWriter fails every write, as a closed pipe or a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestWriteFailureIsAnError: a stdout that cannot be written fails every
// command with exit 1, never a silent 0.
func TestWriteFailureIsAnError(t *testing.T) {
	good := writeFile(t, "a.yaml", "education: associate\n")
	cohort := t.TempDir()
	if err := os.WriteFile(filepath.Join(cohort, "ana.yaml"), []byte("education: bachelor\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"questions"}, {"validate"}, {"report", "--answers", good}, {"report", "--answers", good, "--format", "json"},
		{"compare", good, good}, {"compare", good, good, "--format", "json"}, {"batch", cohort},
		{"--help"}, {"help", "report"}, {"--version"}, {"man"}, {"completion", "bash"},
		{"--accessible", "--answers", good},
	} {
		var errOut bytes.Buffer
		code := cli.Main(args, cli.Test(strings.NewReader(strings.Repeat("\n", 60)), failWriter{}, &errOut), "1")
		if code != 1 || !strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("%v: exit %d, stderr %q; want 1 and the write error", args, code, errOut.String())
		}
	}
}

// TestCompletion: the shells' scripts, each command's --format values and
// answers files for --answers.
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := runCLI(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, "medpath") {
			t.Errorf("completion %s: exit %d: %s", shell, code, errOut)
		}
	}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"report", "--format", ""}, []string{"text", "markdown", "json", "html", ":4"}},
		{[]string{"batch", "x", "--format", ""}, []string{"csv", "json", "markdown", "html", ":4"}},
		{[]string{"compare", "--format", ""}, []string{"text", "json", ":4"}},
		{[]string{"report", "--answers", ""}, []string{"yaml", "yml", "json", ":8"}}, // 8: filter by extension
		{[]string{"--answers", ""}, []string{"yaml", "json", ":8"}},
		{[]string{"compare", ""}, []string{"yaml", "json", ":8"}},
		{[]string{"--data", ""}, []string{":16"}}, // 16: folders only
		{[]string{"rep"}, []string{"report"}},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "", append([]string{"__complete"}, tt.args...)...)
		for _, w := range tt.want {
			if code != 0 || !strings.Contains(out, w) {
				t.Errorf("complete %v: exit %d, lacks %q:\n%s%s", tt.args, code, w, out, errOut)
			}
		}
	}
}

func TestManPage(t *testing.T) {
	code, out, errOut := runCLI(t, "", "man")
	if code != 0 || !strings.Contains(out, ".TH MEDPATH 1") || !strings.Contains(out, "report") || !strings.Contains(out, "130 cancelled") {
		t.Fatalf("man: exit %d, %s\n%.500s", code, errOut, out)
	}
}
