package session

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"medpath/advisor"
)

// Request is a save the advisor asks for: the answers of session Gen, to
// Path, or when Path is "" to a new file in Dir named after the label and
// the time.
type Request struct {
	Gen     int
	Path    string
	Dir     string
	Label   string
	Answers advisor.Answers
	At      time.Time
}

// Store writes the advisor's session file. The advisor asks for a save
// while it handles a key ([Store.Want]: memory only); a command, and the
// advisor's runner once the program has ended, do the writing
// ([Store.Flush]). Writes are serialised and always write the newest answers
// asked for, so an older save never overwrites a newer one, and after a
// crash, a signal or a failed save the runner can still write the last
// answers and say where they are ([Store.Result]). It is safe for
// concurrent use.
type Store struct {
	eng   *advisor.Engine
	write sync.Mutex // held while a file is written

	mu      sync.Mutex // guards the fields below
	pending *Request
	gen     int             // the session the fields below describe
	path    string          // its file, once written or loaded
	answers advisor.Answers // what that file holds
	err     error           // why the newest answers are not written
	locked  string          // the session file this store locked, to release when it moves on
}

// NewStore returns a store that writes answers for eng's questionnaire.
func NewStore(eng *advisor.Engine) *Store {
	return &Store{eng: eng}
}

// Want records a save to do; the newest request replaces an unwritten one.
func (s *Store) Want(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = &r
}

// Use makes session gen current with the file path holding answers a (a
// session just loaded), or with no file yet (path ""): nothing to write.
func (s *Store) Use(gen int, path string, a advisor.Answers) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending, s.gen, s.path, s.answers, s.err = nil, gen, path, a, nil
	if s.locked != "" && s.locked != path {
		Release(s.locked) // another session now: the last one is free for others
		s.locked = ""
	}
}

// Flush writes the newest answers asked for, if not written yet, and
// returns the session, its file and the answers the file holds, or why the
// newest answers could not be written (they stay asked for, and the next
// Flush tries again).
func (s *Store) Flush() (gen int, path string, a advisor.Answers, err error) {
	s.write.Lock()
	defer s.write.Unlock()
	s.mu.Lock()
	r := s.pending
	if r == nil {
		defer s.mu.Unlock()
		return s.gen, s.path, s.answers, s.err
	}
	path = r.Path
	if path == "" && r.Gen == s.gen {
		path = s.path // the file made for this session by an earlier save
	}
	s.mu.Unlock()

	if path == "" {
		path, err = s.newFile(r.Dir, r.Label, r.At)
	} else {
		err = s.lock(path)
	}
	if err == nil {
		err = Save(s.eng, path, r.Label, r.Answers, r.At)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Gen != s.gen {
		s.gen, s.path, s.answers = r.Gen, "", nil
	}
	if err != nil {
		s.err = err
		return s.gen, s.path, s.answers, err
	}
	if s.pending == r {
		s.pending = nil
	}
	s.path, s.answers, s.err = path, r.Answers, nil
	return s.gen, path, r.Answers, nil
}

// Result returns the file holding the newest answers ("" when there is
// none), or why the newest answers could not be written.
func (s *Store) Result() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending != nil {
		err := s.err
		if err == nil {
			err = errors.New("the last answers were not saved")
		}
		return "", err
	}
	return s.path, nil
}

// lock makes sure this process holds the lock of session file path before
// it is written: a file another advisor has open is not saved to (the save
// fails with a [*LockedError], which the advisor shows).
func (s *Store) lock(path string) error {
	if Holds(path) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot save the session in %s: %w", filepath.Dir(path), plainReason(err))
	}
	if _, err := Acquire(path); err != nil {
		return err
	}
	s.mu.Lock()
	old := s.locked
	s.locked = path
	s.mu.Unlock()
	if old != "" && old != path {
		Release(old)
	}
	return nil
}

// newFile picks and locks a new session file in dir: NewPath, or the same
// name with -2, -3, ... when a file of that name exists or is locked (two
// sessions started in one second).
func (s *Store) newFile(dir, label string, now time.Time) (string, error) {
	p := NewPath(dir, label, now)
	base := strings.TrimSuffix(p, ".yaml")
	var err error
	for i := 2; i < 1000; i++ {
		if _, serr := os.Lstat(p); serr != nil {
			if err = s.lock(p); err == nil {
				return p, nil
			}
			var le *LockedError
			if !errors.As(err, &le) {
				return "", err
			}
		}
		p = fmt.Sprintf("%s-%d.yaml", base, i)
	}
	if err == nil {
		err = fmt.Errorf("cannot save the session in %s: no free file name for %q", dir, label)
	}
	return "", err
}
