package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"

	"medpath/advisor"
	"medpath/internal/session"
)

// readAnswers reads and checks an answers file; "-" is stdin. A file must be
// a regular file of at most 1 MiB: /dev/zero, a FIFO or a folder is refused
// at once, and no more than 1 MiB is read from stdin either.
func readAnswers(eng *advisor.Engine, name string, stdin io.Reader) (advisor.Answers, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = session.ReadLimited(stdin, "stdin")
		name = "stdin"
	} else {
		b, err = session.ReadRegular(name)
	}
	if err != nil {
		return nil, answersError(err)
	}
	a, err := eng.ParseAnswers(name, b)
	if err != nil {
		return nil, answersError(err)
	}
	return a, nil
}

// answersError says why answers could not be used: a bad, missing, special
// or oversized file is bad input (exit 2), an unreadable one an error (exit 1).
func answersError(err error) error {
	var ae *advisor.AnswersError
	switch {
	case errors.As(err, &ae):
		return badInput(fmt.Errorf("the answers have problems:\n%w", err))
	case errors.Is(err, syscall.EISDIR):
		return err // a folder: unreadable as a file (exit 1)
	case errors.Is(err, session.ErrNotRegular):
		return badInput(fmt.Errorf("%w; give a file, or - to read the answers from stdin", err))
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, session.ErrTooLarge):
		return badInput(err)
	}
	return err
}
