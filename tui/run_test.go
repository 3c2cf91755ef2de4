package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"time"
)

// runWith runs Run with keys typed as raw terminal bytes and returns its result.
func runWith(t *testing.T, ctx context.Context, keys string) (Result, error) {
	t.Helper()
	r, w := io.Pipe()
	var out bytes.Buffer
	done := make(chan struct{})
	var res Result
	var err error
	go func() {
		defer close(done)
		res, err = Run(ctx, engine(t), Options{Input: r, Output: &out, NoColor: true, OutDir: t.TempDir()})
	}()
	if keys != "" {
		_, _ = w.Write([]byte(keys)) // blocks until the program reads
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not end")
	}
	w.Close()
	return res, err
}

func TestRunQuit(t *testing.T) {
	res, err := runWith(t, context.Background(), "q")
	if err != nil || res.Recommendation != nil {
		t.Fatalf("q on the welcome: %v, %v", res, err)
	}
}

func TestRunCtrlCIsCancelled(t *testing.T) {
	_, err := runWith(t, context.Background(), "\r\x03")
	if !errors.Is(err, ErrCancelled) {
		t.Fatalf("ctrl+c: err %v, want ErrCancelled", err)
	}
}

func TestRunContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := runWith(t, ctx, "")
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: err %v", err)
	}
}
