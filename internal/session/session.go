// Package session keeps a student's answers on disk, and nowhere else.
//
// It holds the session files the advisor saves after every change ([Dir],
// [NewPath], [Save], [Load], [List] and the newest-wins [Store]), the export
// of a report with its answers ([Export]), and the one atomic writer that
// every file medpath writes goes through ([WriteFile], [CreateAtomic]), the
// checks on files read and written ([OpenRegular], [ReadRegular],
// [CheckOutput]) and the lock that keeps two advisors off one session file
// ([Acquire]). Every file is written with mode 0600, every folder made with
// 0700; nothing is ever written over a device, a FIFO or a symbolic link.
//
// Labels come from people (a name typed in the advisor) and from files
// other people made; they are made plain ([advisor.PlainText]: no escape
// sequences, control characters, line breaks or bidirectional overrides)
// when they are saved and again when they are read.
//
// A session file is an ordinary answers file (it loads with --answers and
// `medpath report`) whose first lines are comments holding its label and the
// time it was last saved:
//
//	# medpath session
//	# label: Maria
//	# saved: 2026-11-24T21:15:00Z
//
// The package knows nothing of terminals or flags; it imports only the
// advisor, for the questionnaire that answers are checked against.
package session

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

// Info describes a saved session.
type Info struct {
	Path  string
	Label string // "" for a session saved without one
	Saved time.Time
}

// Dir returns the folder sessions are kept in: $XDG_DATA_HOME/medpath/sessions
// or ~/.local/share/medpath/sessions.
func Dir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "medpath", "sessions"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no folder for sessions: %w (set XDG_DATA_HOME or use --session FILE)", err)
	}
	return filepath.Join(home, ".local", "share", "medpath", "sessions"), nil
}

// NewPath returns a new file name in dir for a session with label.
func NewPath(dir, label string, now time.Time) string {
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

// Save writes the answers to path with the label and time, atomically (a
// crash leaves the old file or the new one, never a broken one) and with
// mode 0600, creating the folder (0700) if needed.
func Save(eng *advisor.Engine, path, label string, a advisor.Answers, now time.Time) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot save the session in %s: %w", dir, plainReason(err))
	}
	var b bytes.Buffer
	b.WriteString("# medpath session\n")
	fmt.Fprintf(&b, "# label: %s\n", oneLineLabel(label))
	fmt.Fprintf(&b, "# saved: %s\n", now.UTC().Format(time.RFC3339))
	b.Write(eng.MarshalAnswers(a))
	if err := WriteFile(path, b.Bytes()); err != nil {
		return fmt.Errorf("cannot save the session in %s: %w", dir, plainReason(err))
	}
	return nil
}

// plainReason is the reason under a path error ("not a directory",
// "permission denied"), for messages that name the folder already;
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

// oneLineLabel makes a label fit for its comment line: every line break
// (U+2028 and U+2029 included, which YAML reads as the end of the comment)
// folded to a space, escape sequences and control characters removed.
func oneLineLabel(s string) string {
	return advisor.PlainText(s)
}

// Load reads a session file: its label and its answers, checked against the
// questionnaire like any answers file.
//
// The file must be a regular file of at most 1 MiB: a device, a FIFO or a
// folder is refused at once, and no more than 1 MiB is ever read.
func Load(eng *advisor.Engine, path string) (string, advisor.Answers, error) {
	b, err := ReadRegular(path)
	if err != nil {
		return "", nil, err
	}
	info := parseHeader(path, b)
	a, err := eng.ParseAnswers(path, b)
	return info.Label, a, err
}

func parseHeader(path string, b []byte) Info {
	info := Info{Path: path}
	labelled := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for i := 0; i < 5 && sc.Scan(); i++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if v, ok := strings.CutPrefix(line, "# label:"); ok {
			info.Label, labelled = oneLineLabel(v), true
		}
		if v, ok := strings.CutPrefix(line, "# saved: "); ok {
			info.Saved, _ = time.Parse(time.RFC3339, v)
		}
	}
	// A session saved without a label keeps "" (the advisor shows it as
	// unnamed); a plain answers file in the folder goes by its file name.
	if !labelled {
		info.Label = oneLineLabel(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	}
	return info
}

// List returns the sessions in dir, most recently saved first. A missing
// folder means no sessions yet.
func List(dir string) ([]Info, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Info
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".yaml" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		f, err := OpenRegular(p) // a FIFO or a device named *.yaml is skipped, never waited on
		if err != nil {
			continue
		}
		head := make([]byte, 512)
		n, _ := f.Read(head)
		f.Close()
		info := parseHeader(p, head[:n])
		if info.Saved.IsZero() {
			if fi, err := e.Info(); err == nil {
				info.Saved = fi.ModTime()
			}
		}
		out = append(out, info)
	}
	slices.SortStableFunc(out, func(a, b Info) int { return b.Saved.Compare(a.Saved) })
	return out, nil
}
