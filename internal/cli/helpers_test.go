package cli_test

import (
	"sync"
	"testing"

	"medpath/advisor"
	"medpath/data"
)

var (
	engOnce sync.Once
	eng     *advisor.Engine
	engErr  error
)

// engine loads the built-in data once for the package's tests.
func engine(t testing.TB) *advisor.Engine {
	t.Helper()
	engOnce.Do(func() { eng, engErr = advisor.Load(data.FS) })
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng
}
