package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// The first SIGINT or SIGTERM cancels the command's context and stops
// listening, so a second one ends the process at once (the default action),
// whatever medpath is doing. [Main] gives the command a moment to stop on
// its own (restoring the terminal, removing its temporary files), then
// stops waiting: every command ends within a second of the first signal,
// with exit code 130.

// signals is the first SIGINT or SIGTERM of a run.
type signals struct {
	ch    chan os.Signal
	fired chan struct{} // closed when the first signal has arrived
	done  chan struct{} // closed by stop
	once  sync.Once
	sig   os.Signal
}

// catchSignals returns ctx, cancelled by the first SIGINT or SIGTERM, and
// the signals; stop stops listening (call it when the command has ended).
func catchSignals(parent context.Context) (context.Context, *signals) {
	ctx, cancel := context.WithCancelCause(parent)
	s := &signals{ch: make(chan os.Signal, 1), fired: make(chan struct{}), done: make(chan struct{})}
	signal.Notify(s.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer cancel(nil)
		select {
		case sig := <-s.ch:
			signal.Stop(s.ch) // the next one takes the default action: the end
			s.sig = sig
			cancel(fmt.Errorf("%w by %v", errCancelled, sig))
			close(s.fired)
			<-s.done
		case <-s.done:
		}
	}()
	return ctx, s
}

// stop stops listening for signals.
func (s *signals) stop() {
	s.once.Do(func() {
		signal.Stop(s.ch)
		close(s.done)
	})
}
