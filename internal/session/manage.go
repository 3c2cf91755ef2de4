package session

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The saved sessions' list lets a counselor rename and delete a session
// ([Rename], [Delete]); both act only on a session file (one whose first
// line is "# medpath session"), never on another file in the folder.

// maxSessionFile bounds the size of a session file read for a rename.
const maxSessionFile = 1 << 20

// ErrNotSession reports a file that is not a medpath session: [Rename] and
// [Delete] leave it alone.
var ErrNotSession = errors.New("not a medpath session file")

// Rename gives the session in path a new label. Only the label line
// changes: the answers and the time it was last saved stay as they are (so
// the list keeps its order), and so does the file's name. The file is
// rewritten atomically with mode 0600.
func Rename(path, label string) error {
	b, err := readSession(path)
	if err != nil {
		return fmt.Errorf("cannot rename the session %s: %w", filepath.Base(path), err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	done := false
	for i := 0; i < min(len(lines), 5); i++ {
		if strings.HasPrefix(lines[i], "# label:") {
			lines[i] = "# label: " + oneLineLabel(label) + "\n"
			done = true
			break
		}
	}
	if !done { // a session saved before labels: the label goes under the first line
		lines = append(lines[:1], append([]string{"# label: " + oneLineLabel(label) + "\n"}, lines[1:]...)...)
	}
	if err := WriteFile(path, []byte(strings.Join(lines, ""))); err != nil {
		return fmt.Errorf("cannot rename the session %s: %w", filepath.Base(path), plainReason(err))
	}
	return nil
}

// Delete removes the session file in path.
func Delete(path string) error {
	if _, err := readSession(path); err != nil {
		return fmt.Errorf("cannot delete the session %s: %w", filepath.Base(path), err)
	}
	if err := os.Remove(path); err != nil {
		return fmt.Errorf("cannot delete the session %s: %w", filepath.Base(path), plainReason(err))
	}
	return nil
}

// readSession reads a session file: a regular file (not a link, a device
// or a folder) of at most 1 MiB whose first line is "# medpath session".
func readSession(path string) ([]byte, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, plainReason(err)
	}
	if !st.Mode().IsRegular() || st.Size() > maxSessionFile {
		return nil, ErrNotSession
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, plainReason(err)
	}
	if !bytes.HasPrefix(b, []byte("# medpath session\n")) {
		return nil, ErrNotSession
	}
	return b, nil
}
