package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

// openedSession is what the advisor uses as its --session file once it is
// checked and locked.
type openedSession struct {
	path     string          // the file to load and save ("" in read-only mode)
	readOnly string          // the file shown read-only, held by another advisor
	start    advisor.Answers // the answers to start from, in read-only mode
	label    string          // their label, in read-only mode
}

// openSession prepares --session FILE before anything is asked: a link is
// followed to its target (which is then written, the link left alone); a
// device, a FIFO, a folder or a socket is refused; the folder must be
// writable; and the file is locked. When another advisor has it open, the
// user is asked on prompt (and answers on in) whether to open it
// read-only, continue in a new file, or quit.
func (a *app) openSession(eng *advisor.Engine, name string, in io.Reader, prompt io.Writer) (openedSession, error) {
	p := session.Resolve(name)
	if err := checkFolder(filepath.Dir(p)); err != nil {
		return openedSession{}, fmt.Errorf("--session %s: %w", name, err)
	}
	if err := session.CheckOutput(p); err != nil {
		if errors.Is(err, session.ErrNotRegular) {
			return openedSession{}, badInput(fmt.Errorf("--session %w; --session takes a regular file or a new name", err))
		}
		return openedSession{}, fmt.Errorf("--session %s: %w", name, err)
	}
	_, err := session.Acquire(p)
	var le *session.LockedError
	switch {
	case err == nil:
		return openedSession{path: p}, nil
	case !errors.As(err, &le):
		return openedSession{}, err
	}

	alt := freeSibling(p)
	fmt.Fprintf(prompt, "medpath: %v.\n", advisor.PlainText(le.Error()))
	fmt.Fprintf(prompt, "  r  open it read-only: its answers, and nothing you change is saved\n")
	fmt.Fprintf(prompt, "  n  continue from its answers in a new file, %s\n", alt)
	fmt.Fprintf(prompt, "  q  quit (or end of input)\n")
	fmt.Fprintf(prompt, "Read-only, new file or quit? [r/n/q] ")
	choice := strings.ToLower(strings.TrimSpace(readLine(in, 64)))
	fmt.Fprintln(prompt)
	switch choice {
	case "r", "read-only", "readonly":
		label, ans, err := session.Load(eng, p)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return openedSession{}, answersError(err)
		}
		return openedSession{readOnly: p, start: ans, label: label}, nil
	case "n", "new":
		if _, err := session.Acquire(alt); err != nil {
			return openedSession{}, err
		}
		label, ans, err := session.Load(eng, p)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return openedSession{}, answersError(err)
		}
		if err := session.Save(eng, alt, label, ans, time.Now()); err != nil {
			return openedSession{}, err
		}
		return openedSession{path: alt}, nil
	}
	return openedSession{}, fmt.Errorf("%w; nothing was started (close it there, or run again and choose r or n)", le)
}

// freeSibling is the first of FILE-2.yaml, FILE-3.yaml, ... beside p that
// does not exist and is not locked.
func freeSibling(p string) string {
	ext := filepath.Ext(p)
	base := strings.TrimSuffix(p, ext)
	for i := 2; ; i++ {
		alt := fmt.Sprintf("%s-%d%s", base, i, ext)
		if _, err := os.Lstat(alt); errors.Is(err, fs.ErrNotExist) {
			return alt
		}
	}
}

// readLine reads one line from r, a byte at a time so that nothing after
// it is taken from the advisor that reads r next, and at most max bytes of
// it are kept. End of input gives what was read.
func readLine(r io.Reader, max int) string {
	var b []byte
	one := make([]byte, 1)
	for {
		n, err := r.Read(one)
		if n == 1 {
			if one[0] == '\n' {
				break
			}
			if len(b) < max {
				b = append(b, one[0])
			}
		}
		if err != nil {
			break
		}
	}
	return string(b)
}

// checkFolder checks, before any question is asked, that a file can be
// made in dir: the nearest folder of dir that exists (the rest is made
// when the file is saved) must be a folder that can be written, which is
// tried by making and removing a file.
func checkFolder(dir string) error {
	d := dir
	for {
		st, err := os.Stat(d)
		if err == nil {
			if !st.IsDir() {
				return fmt.Errorf("cannot save to folder %s: %s is not a folder", dir, d)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot save to folder %s: %w", dir, plainErr(err))
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	f, err := os.CreateTemp(d, ".medpath-check-*")
	if err != nil {
		return fmt.Errorf("cannot save to folder %s: %w", dir, plainErr(err))
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// plainErr is the reason under a path error ("permission denied").
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
