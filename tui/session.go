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
	Label string
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
		slug = slug[:40]
	}
	if slug == "" {
		slug = "session"
	}
	return filepath.Join(dir, slug+"-"+now.UTC().Format("20060102-150405")+".yaml")
}

// SaveSession writes the answers to path with the label and time, atomically
// (a crash leaves the old file or the new one, never a broken one) and with
// mode 0600, creating the folder (0700) if needed.
func SaveSession(eng *advisor.Engine, path, label string, a advisor.Answers, now time.Time) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot save the session in %s: %w", filepath.Dir(path), err)
	}
	var b bytes.Buffer
	b.WriteString("# medpath session\n")
	fmt.Fprintf(&b, "# label: %s\n", oneLineLabel(label))
	fmt.Fprintf(&b, "# saved: %s\n", now.UTC().Format(time.RFC3339))
	b.Write(eng.MarshalAnswers(a))
	return advisor.WriteFileAtomic(path, b.Bytes())
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
	sc := bufio.NewScanner(bytes.NewReader(b))
	for i := 0; i < 5 && sc.Scan(); i++ {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# label: "); ok {
			info.Label = v
		}
		if v, ok := strings.CutPrefix(line, "# saved: "); ok {
			info.Saved, _ = time.Parse(time.RFC3339, v)
		}
	}
	if info.Label == "" {
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
