//go:build unix

package session

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// processAlive reports whether process pid exists (EPERM: it does, as
// another user's).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// processStart is the start time of process pid in clock ticks after boot
// (field 22 of /proc/PID/stat), or "" where there is no /proc.
func processStart(pid int) string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')') // the command name may hold spaces and ')'
	if i < 0 {
		return ""
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return ""
	}
	return f[19] // field 22: fields 3.. follow the name
}

// takeOver removes the lock file if it is stale and returns nil, or errLive.
// Two advisors taking over one stale lock at once are kept apart by flock
// on the old lock file: the second sees that the name now holds another
// file and tries again from the start.
func takeOver(file, path string) error {
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil // gone meanwhile: try again
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	st, err := f.Stat()
	if err != nil {
		return err
	}
	now, err := os.Lstat(file)
	if err != nil || !os.SameFile(st, now) {
		return nil // replaced or removed meanwhile: try again
	}
	b := make([]byte, 4096)
	n, _ := f.Read(b)
	if !stale(b[:n], st.ModTime()) {
		return errLive
	}
	if err := os.Remove(file); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
