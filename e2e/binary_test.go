package e2e

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// TestBinary checks what only the real binary shows (no tmux needed): the
// version set with -ldflags "-X main.version=...", exit codes as the shell
// sees them, and that the advisor refuses to start without a terminal.
func TestBinary(t *testing.T) {
	bin := binary(t)
	tests := []struct {
		args     []string
		stdin    string
		code     int
		out, err string
	}{
		{[]string{"--version"}, "", 0, "medpath " + version + "\n", ""},
		{[]string{"report", "--answers", "-", "--format", "json"}, "education: bachelor\n", 0, `"recommended"`, ""},
		{[]string{"validate", "--format", "pdf"}, "", 2, "", "validate takes no --format"},
		{[]string{"reprot"}, "", 2, "", `did you mean "report"?`},
		{nil, "", 2, "", "needs a terminal"},
		{[]string{"--accessible"}, "", 130, "Name or id for this session", "cancelled; nothing was saved"},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Stdin = strings.NewReader(tt.stdin)
		cmd.Env = append(cmd.Environ(), "ACCESSIBLE=", "TERM=xterm")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errOut.String(), tt.err) {
			t.Errorf("medpath %v: exit %d, want %d\nstdout %.300q (want %q)\nstderr %q (want %q)", tt.args, code, tt.code, out.String(), tt.out, errOut.String(), tt.err)
		}
	}
}
