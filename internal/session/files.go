package session

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"medpath/advisor"
)

// Every file medpath reads where a file is expected (--answers, --session, a
// CSV cohort, compare's inputs, a saved session) is opened by [OpenRegular]
// and read by [ReadRegular]; every file it writes is checked by
// [CheckOutput] first. A device such as /dev/zero, a FIFO, a folder or a
// socket given where a file belongs is refused at once with a message that
// names the path and says what it is, instead of reading for ever, blocking,
// or replacing it.

// ErrNotRegular is wrapped by the errors of [OpenRegular] and [CheckOutput]
// for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error of [ReadLimited] for input over 1 MiB.
var ErrTooLarge = errors.New("over 1 MiB")

// kindOf names what a file of mode m is, for messages: "a folder", "a FIFO".
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "not a regular file"
}

// notRegular is the error for path, which is of mode m. A folder gets the
// system's own words ("is a directory", syscall.EISDIR), as when it is read.
func notRegular(path string, m fs.FileMode, what string) error {
	if m.IsDir() {
		return &fs.PathError{Op: what, Path: path, Err: &notRegularError{syscall.EISDIR}}
	}
	return &fs.PathError{Op: what, Path: path, Err: fmt.Errorf("%w: it is %s", ErrNotRegular, kindOf(m))}
}

// notRegularError is EISDIR that is also ErrNotRegular.
type notRegularError struct{ errno syscall.Errno }

func (e *notRegularError) Error() string   { return e.errno.Error() + " (a folder, not a regular file)" }
func (e *notRegularError) Unwrap() []error { return []error{ErrNotRegular, e.errno} }

// OpenRegular opens name for reading if it is a regular file (a symbolic
// link to one is followed). It never blocks: a FIFO is opened without
// waiting for a writer, then refused like a device or a folder.
func OpenRegular(name string) (*os.File, error) {
	f, err := openNoBlock(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(name, st.Mode(), "read")
	}
	return f, nil
}

// ReadRegular reads the regular file name, refusing anything else and any
// file over [advisor.MaxFileSize] (1 MiB) without reading more than that.
func ReadRegular(name string) ([]byte, error) {
	f, err := OpenRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLimited(f, name)
}

// ReadLimited reads r (named name in the error) up to [advisor.MaxFileSize]
// bytes and fails if there are more.
func ReadLimited(r io.Reader, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, advisor.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > advisor.MaxFileSize {
		return nil, fmt.Errorf("%s: the file is %w; the limit is %d (1 MiB) for an answers or session file", name, ErrTooLarge, advisor.MaxFileSize)
	}
	return b, nil
}

// CheckOutput checks that name can be written as a whole new file: it does
// not exist yet, or it is a regular file (not a device, a FIFO, a socket, a
// folder or a symbolic link, which an atomic write would replace), and it is
// none of inputs (which writing would destroy). Nothing is written.
func CheckOutput(name string, inputs ...string) error {
	st, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return notRegular(name, st.Mode(), "write")
	}
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return &fs.PathError{Op: "write", Path: name, Err: fmt.Errorf("it is the input %s; writing there would destroy it", in)}
		}
	}
	return nil
}

// WriteNew writes data to name with mode 0600 as [WriteFile] does, but only if
// name does not exist: it never replaces a file. It returns an error that
// wraps fs.ErrExist when name exists.
func WriteNew(name string, data []byte) error { return writeAtomic(name, data, false) }

// Resolve returns the file a path names once symbolic links are followed,
// so that a session given through a link is written to the link's target
// and the link stays a link. A path that does not exist yet, or whose last
// link points nowhere yet, is returned with its folder resolved as far as it
// exists.
func Resolve(name string) string {
	if p, err := filepath.EvalSymlinks(name); err == nil {
		return p
	}
	if target, err := os.Readlink(name); err == nil { // a link to a file not made yet
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(name), target)
		}
		return filepath.Clean(target)
	}
	return name
}
