//go:build unix

package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestS2SecondSignalEndsTheProcess: the first SIGTERM cancels; then medpath
// stops listening, so a second signal ends a process that is stuck (as one
// that computes for ever is) at once, by the signal's default action. The
// review found every later signal swallowed (signal.NotifyContext keeps
// listening).
func TestS2SecondSignalEndsTheProcess(t *testing.T) {
	if os.Getenv("MEDPATH_SIGNAL_CHILD") == "1" {
		ctx, _ := catchSignals(context.Background())
		fmt.Println("READY")
		<-ctx.Done()
		fmt.Println("CANCELLED", context.Cause(ctx))
		time.Sleep(time.Minute) // stuck: only the second signal can end it
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestS2SecondSignalEndsTheProcess$")
	cmd.Env = append(os.Environ(), "MEDPATH_SIGNAL_CHILD=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	next := func() string {
		lines.Scan()
		return lines.Text()
	}
	if l := next(); l != "READY" {
		t.Fatalf("child: %q", l)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if l := next(); !strings.HasPrefix(l, "CANCELLED cancelled by terminated") {
		t.Fatalf("after the first SIGTERM the child says %q", l)
	}
	start := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ws.Signaled() || ws.Signal() != syscall.SIGINT {
			t.Errorf("the child ended with %v; want killed by SIGINT", cmd.ProcessState)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("the second signal took %v to end the child", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the second signal did not end the child: it is still listening")
	}
}
