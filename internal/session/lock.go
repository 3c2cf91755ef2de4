package session

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A session file is locked while an advisor has it open, so that two
// advisors on one file cannot overwrite each other's answers: the lock is a
// file .NAME.lock beside it, made with O_EXCL, holding the pid, the start
// time of that process (so a pid used again by another program is not taken
// for the advisor) and the host. It is removed on every way out ([Cleanup]);
// a lock left by a process that no longer runs on this host (a kill -9, a
// power cut) is stale and is taken over.

// LockedError reports that a session file is open in another advisor.
type LockedError struct {
	Path  string    // the session file
	PID   int       // the other advisor's process
	Host  string    // the host it runs on
	Since time.Time // when it took the lock (zero if unknown)
}

func (e *LockedError) Error() string {
	who := fmt.Sprintf("pid %d", e.PID)
	if h, _ := os.Hostname(); e.Host != "" && e.Host != h {
		who += " on " + e.Host
	}
	if !e.Since.IsZero() {
		who += ", since " + e.Since.Local().Format("15:04 on 2 January")
	}
	return fmt.Sprintf("%s is open in another medpath (%s)", e.Path, who)
}

// Lock is this process's hold on a session file.
type Lock struct {
	path, file string // the session file and the lock file
	content    []byte // what this process wrote to the lock file

	mu       sync.Mutex
	released bool
}

// held are the locks this process holds, by session file.
var held = struct {
	sync.Mutex
	locks map[string]*Lock
}{locks: map[string]*Lock{}}

// lockName is the lock file of session file path.
func lockName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// lockKey is the name a lock is known by in this process.
func lockKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// Acquire locks session file path (which need not exist yet; its folder
// is made, mode 0700, if it does not exist). It returns a [*LockedError] when another advisor holds the file,
// and the lock this process already holds when it does.
func Acquire(path string) (*Lock, error) {
	key := lockKey(path)
	held.Lock()
	defer held.Unlock()
	if l := held.locks[key]; l != nil {
		return l, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot lock the session %s: %w", path, plainReason(err))
	}
	l := &Lock{path: path, file: lockName(path), content: lockContent(time.Now())}
	for attempt := 0; ; attempt++ {
		err := l.create()
		if err == nil {
			held.locks[key] = l
			return l, nil
		}
		if !errors.Is(err, fs.ErrExist) || attempt == 3 {
			return nil, fmt.Errorf("cannot lock the session %s: %w", path, plainReason(err))
		}
		// Someone holds it, or held it and died: take over a stale lock.
		switch err := takeOver(l.file, path); {
		case err == nil: // removed: try again
		case errors.Is(err, errLive):
			return nil, readLocked(l.file, path)
		default:
			return nil, fmt.Errorf("cannot lock the session %s: %w", path, plainReason(err))
		}
	}
}

// create makes the lock file, failing with fs.ErrExist if it is there.
func (l *Lock) create() error {
	f, err := os.OpenFile(l.file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(l.content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(l.file)
	}
	return err
}

// Release removes the lock file if it is still this process's. It is safe
// to call more than once.
func (l *Lock) Release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.released {
		return
	}
	l.released = true
	if b, err := os.ReadFile(l.file); err == nil && bytes.Equal(b, l.content) {
		os.Remove(l.file)
	}
	held.Lock()
	if held.locks[lockKey(l.path)] == l {
		delete(held.locks, lockKey(l.path))
	}
	held.Unlock()
}

// Holds reports whether this process holds the lock of session file path.
func Holds(path string) bool {
	held.Lock()
	defer held.Unlock()
	return held.locks[lockKey(path)] != nil
}

// Release releases this process's lock on session file path, if it holds one.
func Release(path string) {
	held.Lock()
	l := held.locks[lockKey(path)]
	held.Unlock()
	if l != nil {
		l.Release()
	}
}

// releaseAll releases every lock this process holds.
func releaseAll() {
	held.Lock()
	locks := make([]*Lock, 0, len(held.locks))
	for _, l := range held.locks {
		locks = append(locks, l)
	}
	held.Unlock()
	for _, l := range locks {
		l.Release()
	}
}

// owner is what a lock file says about the process that made it.
type owner struct {
	pid   int
	start string // the process's start time as the system counts it; "" if unknown
	host  string
	since time.Time
}

// lockContent is what this process writes into a lock file.
func lockContent(now time.Time) []byte {
	host, _ := os.Hostname()
	return fmt.Appendf(nil, "medpath session lock\npid: %d\nstart: %s\nhost: %s\nsince: %s\n",
		os.Getpid(), processStart(os.Getpid()), host, now.UTC().Format(time.RFC3339))
}

// parseOwner reads a lock file's content; ok is false if it is not one.
func parseOwner(b []byte) (o owner, ok bool) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, found := strings.Cut(sc.Text(), ": ")
		if !found {
			continue
		}
		switch k {
		case "pid":
			o.pid, _ = strconv.Atoi(v)
		case "start":
			o.start = v
		case "host":
			o.host = v
		case "since":
			o.since, _ = time.Parse(time.RFC3339, v)
		}
	}
	return o, o.pid > 0
}

// errLive reports that a lock file belongs to a process that runs.
var errLive = errors.New("the lock is held")

// stale reports whether the lock in b, last changed at mod, was left by a
// process that no longer runs. A lock from another host is never stale
// (medpath cannot tell), and one that cannot be read is stale only once it
// is a few seconds old (it may be being written).
func stale(b []byte, mod time.Time) bool {
	o, ok := parseOwner(b)
	if !ok {
		return time.Since(mod) > 5*time.Second
	}
	if h, _ := os.Hostname(); o.host != "" && o.host != h {
		return false
	}
	if !processAlive(o.pid) {
		return true
	}
	// The pid runs: it is the advisor if it started when the lock says.
	now := processStart(o.pid)
	return o.start != "" && now != "" && now != o.start
}

// readLocked returns the LockedError for the lock file of path.
func readLocked(file, path string) error {
	b, _ := os.ReadFile(file)
	o, _ := parseOwner(b)
	return &LockedError{Path: path, PID: o.pid, Host: o.host, Since: o.since}
}
