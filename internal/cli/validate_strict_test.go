package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateStrict: the embedded data passes --strict on a date when it
// is current; a figure older than its family's newest release is a warning
// without --strict and exit 1 with it (stale data is data with problems,
// not bad usage); a bad --date is bad usage (exit 2).
func TestValidateStrict(t *testing.T) {
	if code, out, errOut := runCLI(t, "", "validate", "--strict", "--date", "2026-11-30"); code != 0 || !strings.HasPrefix(out, "ok: built-in data:") || errOut != "" {
		t.Fatalf("validate --strict on the embedded data: exit %d\n%s%s", code, out, errOut)
	}
	dir := t.TempDir()
	old := `sources:
  - id: old-wages
    publisher: BLS
    title: Wages, May 2023
    url: https://www.bls.gov/oes/2023/may/oes292010.htm
    as_of: 2023-05
    family: bls-oews
    status: official
paths:
  - id: mlt
    title: MLT
    level: technician
    summary: s
    salary: {median: 60000, low: 40000, high: 90000, per: year, as_of: 2023-05, source: old-wages, status: official}
`
	if err := os.WriteFile(filepath.Join(dir, "old.yaml"), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	stale := "path mlt salary: as of 2023-05, older than the newest bls-oews release the data uses (2024-05)"
	code, out, errOut := runCLI(t, "", "validate", "--data", dir, "--date", "2026-11-30")
	if code != 0 || !strings.Contains(errOut, "warning: "+filepath.Join(dir, "old.yaml")+":14:13: "+stale) || !strings.HasPrefix(out, "ok:") {
		t.Errorf("without --strict: exit %d, stdout %q, stderr %q; want a warning and ok", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "validate", "--strict", "--data", dir, "--date", "2026-11-30")
	if code != 1 || out != "" || !strings.Contains(errOut, "1 stale figure(s) or site-root source(s) (--strict)") || !strings.Contains(errOut, stale) {
		t.Errorf("with --strict: exit %d, stdout %q, stderr %q; want exit 1 naming the figure", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "", "validate", "--date", "30/11/2026"); code != 2 || !strings.Contains(errOut, "--date") {
		t.Errorf("a bad --date: exit %d, %q; want 2", code, errOut)
	}
}
