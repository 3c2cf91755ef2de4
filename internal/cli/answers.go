package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"medpath/advisor"
)

// readAnswers reads and checks an answers file; "-" is stdin.
func readAnswers(eng *advisor.Engine, name string, stdin io.Reader) (advisor.Answers, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, advisor.MaxFileSize+1))
		name = "stdin"
	} else {
		b, err = readLimited(name)
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

func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, advisor.MaxFileSize+1))
}

// answersError says why answers could not be used: a bad or missing file is
// bad input (exit 2), an unreadable one an error (exit 1).
func answersError(err error) error {
	var ae *advisor.AnswersError
	switch {
	case errors.As(err, &ae):
		return badInput(fmt.Errorf("the answers have problems:\n%w", err))
	case errors.Is(err, fs.ErrNotExist):
		return badInput(err)
	}
	return err
}
