package tui

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"medpath/advisor"
)

// A session file is an ordinary answers file (it loads with --answers and
// `medpath report`) whose first lines are comments holding its label and the
// time it was last saved:
//
//	# medpath session
//	# label: Maria
//	# saved: 2026-11-24T21:15:00Z
//
// The advisor saves it after every change, atomically and with mode 0600, in
// $XDG_DATA_HOME/medpath/sessions/ (or ~/.local/share/medpath/sessions/), or
// wherever --session points. Nothing is ever sent anywhere.

// SessionInfo describes a saved session.
type SessionInfo struct {
	Path  string
	Label string // "" for a session saved without one
	Saved time.Time
}

// SessionDir returns the folder sessions are kept in.
func SessionDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "medpath", "sessions"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no folder for sessions: %w (set XDG_DATA_HOME or use --session FILE)", err)
	}
	return filepath.Join(home, ".local", "share", "medpath", "sessions"), nil
}

// NewSessionPath returns a new file name in dir for a session with label.
func NewSessionPath(dir, label string, now time.Time) string {
	slug := slugify(label)
	if slug == "" {
		slug = "session"
	}
	return filepath.Join(dir, slug+"-"+now.UTC().Format("20060102-150405")+".yaml")
}

// slugify makes a label safe for a file name: lower-case letters and digits
// joined by dashes, at most 40 bytes.
func slugify(label string) string {
	slug := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return unicode.ToLower(r)
		case r == ' ' || r == '-' || r == '_' || r == '.':
			return '-'
		}
		return -1
	}, label)
	slug = strings.Trim(slug, "-")
	if len(slug) > 40 {
		slug = strings.ToValidUTF8(slug[:40], "")
	}
	return slug
}

// SaveSession writes the answers to path with the label and time, atomically
// (a crash leaves the old file or the new one, never a broken one) and with
// mode 0600, creating the folder (0700) if needed.
func SaveSession(eng *advisor.Engine, path, label string, a advisor.Answers, now time.Time) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot save the session in %s: %w", dir, plainReason(err))
	}
	var b bytes.Buffer
	b.WriteString("# medpath session\n")
	fmt.Fprintf(&b, "# label: %s\n", oneLineLabel(label))
	fmt.Fprintf(&b, "# saved: %s\n", now.UTC().Format(time.RFC3339))
	b.Write(eng.MarshalAnswers(a))
	if err := advisor.WriteFileAtomic(path, b.Bytes()); err != nil {
		return fmt.Errorf("cannot save the session in %s: %w", dir, plainReason(err))
	}
	return nil
}

// plainReason is the reason under a path error ("not a directory",
// "permission denied"), which the message names the folder of already;
// errors.Is still sees the errno.
func plainReason(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

func oneLineLabel(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}

// LoadSession reads a session file: its label and its answers, checked
// against the questionnaire like any answers file.
func LoadSession(eng *advisor.Engine, path string) (string, advisor.Answers, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", nil, err
	}
	info := parseSessionHeader(path, b)
	a, err := eng.ParseAnswers(path, b)
	return info.Label, a, err
}

func parseSessionHeader(path string, b []byte) SessionInfo {
	info := SessionInfo{Path: path}
	labelled := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for i := 0; i < 5 && sc.Scan(); i++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if v, ok := strings.CutPrefix(line, "# label:"); ok {
			info.Label, labelled = strings.TrimSpace(v), true
		}
		if v, ok := strings.CutPrefix(line, "# saved: "); ok {
			info.Saved, _ = time.Parse(time.RFC3339, v)
		}
	}
	// A session saved without a label keeps "" (the advisor shows it as
	// unnamed); a plain answers file in the folder goes by its file name.
	if !labelled {
		info.Label = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return info
}

// ListSessions returns the sessions in dir, most recently saved first. A
// missing folder means no sessions yet.
func ListSessions(dir string) ([]SessionInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []SessionInfo
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".yaml" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		head := make([]byte, 512)
		n, _ := f.Read(head)
		f.Close()
		info := parseSessionHeader(p, head[:n])
		if info.Saved.IsZero() {
			if fi, err := e.Info(); err == nil {
				info.Saved = fi.ModTime()
			}
		}
		out = append(out, info)
	}
	slices.SortStableFunc(out, func(a, b SessionInfo) int { return b.Saved.Compare(a.Saved) })
	return out, nil
}

// sessionReq is a save the advisor asked for: the answers of session gen,
// to path, or when path is "" to a new file in dir named after the label
// and the time.
type sessionReq struct {
	gen     int
	path    string
	dir     string
	label   string
	answers advisor.Answers
	at      time.Time
}

// sessionStore writes the advisor's session file. The model asks for a save
// in Update (want: memory only); the save command, and Run once the program
// has ended, do the writing (flush). Writes are serialised and always write
// the newest answers asked for, so an older save never overwrites a newer
// one, and after a crash, a signal or a failed save Run can still write the
// last answers and say where they are. It is the one thing the model shares
// by pointer, because a crash loses the model.
type sessionStore struct {
	eng   *advisor.Engine
	write sync.Mutex // held while a file is written

	mu      sync.Mutex // guards the fields below
	pending *sessionReq
	gen     int             // the session the fields below describe
	path    string          // its file, once written or loaded
	answers advisor.Answers // what that file holds
	err     error           // why the newest answers are not written
}

func newSessionStore(eng *advisor.Engine) *sessionStore {
	return &sessionStore{eng: eng}
}

// want records a save to do; the newest request replaces an unwritten one.
func (s *sessionStore) want(r sessionReq) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = &r
}

// use makes session gen current with the file path holding answers (a
// session just loaded), or with no file yet (path ""): nothing to write.
func (s *sessionStore) use(gen int, path string, a advisor.Answers) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending, s.gen, s.path, s.answers, s.err = nil, gen, path, a, nil
}

// flush writes the newest answers asked for, if not written yet, and
// returns the session, its file and the answers the file holds, or why the
// newest answers could not be written (they stay asked for, and the next
// flush tries again).
func (s *sessionStore) flush() (int, string, advisor.Answers, error) {
	s.write.Lock()
	defer s.write.Unlock()
	s.mu.Lock()
	r := s.pending
	if r == nil {
		defer s.mu.Unlock()
		return s.gen, s.path, s.answers, s.err
	}
	path := r.path
	if path == "" && r.gen == s.gen {
		path = s.path // the file made for this session by an earlier save
	}
	s.mu.Unlock()

	var err error
	if path == "" {
		path = freeSessionPath(r.dir, r.label, r.at)
	}
	err = SaveSession(s.eng, path, r.label, r.answers, r.at)

	s.mu.Lock()
	defer s.mu.Unlock()
	if r.gen != s.gen {
		s.gen, s.path, s.answers = r.gen, "", nil
	}
	if err != nil {
		s.err = err
		return s.gen, s.path, s.answers, err
	}
	if s.pending == r {
		s.pending = nil
	}
	s.path, s.answers, s.err = path, r.answers, nil
	return s.gen, path, r.answers, nil
}

// result returns the file holding the newest answers ("" when there is
// none, or the newest answers could not be written, with the reason).
func (s *sessionStore) result() (string, error) {
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

// freeSessionPath returns NewSessionPath, or the same name with -2, -3, ...
// when a file of that name exists (two sessions started in one second).
func freeSessionPath(dir, label string, now time.Time) string {
	p := NewSessionPath(dir, label, now)
	base := strings.TrimSuffix(p, ".yaml")
	for i := 2; i < 1000; i++ {
		if _, err := os.Lstat(p); err != nil {
			return p // free (or unreadable: the save will say why)
		}
		p = fmt.Sprintf("%s-%d.yaml", base, i)
	}
	return p
}
