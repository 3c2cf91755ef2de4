//go:build !unix

package session

import (
	"errors"
	"os"
)

// processAlive reports whether process pid exists.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

// processStart is unknown here: a lock is stale only when its pid is gone.
func processStart(int) string { return "" }

// takeOver removes the lock file if it is stale and returns nil, or errLive.
func takeOver(file, path string) error {
	st, err := os.Lstat(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if !stale(b, st.ModTime()) {
		return errLive
	}
	return os.Remove(file)
}
