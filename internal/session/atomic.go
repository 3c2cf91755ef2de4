package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// AtomicFile is a file being written under a temporary name in the folder of
// its final name. [AtomicFile.Commit] puts it in place and
// [AtomicFile.Abort] removes it; until Commit, the file at the final name (if
// any) is untouched, so a reader, or a crash at any moment, sees either the
// old file whole or the new one whole.
//
// The final name must be a regular file or not exist: a device node (such as
// /dev/null), a FIFO, a folder or a symbolic link is never replaced.
// Temporary files not yet committed are also removed by [Cleanup], which the
// command line runs on every way out, signals included.
type AtomicFile struct {
	*os.File
	name string

	mu   sync.Mutex
	done bool // committed or aborted
}

// pending are the atomic files not yet committed or aborted, for Cleanup.
var pending = struct {
	sync.Mutex
	files map[*AtomicFile]bool
}{files: map[*AtomicFile]bool{}}

// CreateAtomic starts writing name atomically, with mode 0600 (os.CreateTemp
// makes the temporary file 0600, and the rename keeps the mode). It fails
// without creating anything when name exists and is not a regular file.
func CreateAtomic(name string) (*AtomicFile, error) {
	if err := CheckOutput(name); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	f := &AtomicFile{File: tmp, name: name}
	pending.Lock()
	pending.files[f] = true
	pending.Unlock()
	return f, nil
}

// Commit syncs the file, renames it over the final name and syncs the
// folder. On failure the temporary file is removed and the file at the
// final name is untouched.
func (f *AtomicFile) Commit() error { return f.commit(true) }

// commit puts the file in place: over the final name when replace is set,
// else only if the final name does not exist (an error wrapping
// fs.ErrExist otherwise).
func (f *AtomicFile) commit(replace bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return fmt.Errorf("write %s: already committed or aborted", f.name)
	}
	f.done = true
	defer f.forget()
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = CheckOutput(f.name) // made a device or a link since CreateAtomic?
	}
	switch {
	case err != nil:
	case replace:
		err = os.Rename(f.File.Name(), f.name)
	default:
		// A hard link fails if the name exists, where a rename would replace it.
		if err = os.Link(f.File.Name(), f.name); err == nil {
			os.Remove(f.File.Name())
		}
	}
	if err != nil {
		os.Remove(f.File.Name())
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == f.name {
			return err
		}
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	if d, derr := os.Open(filepath.Dir(f.name)); derr == nil {
		_ = d.Sync() // best effort: makes the rename itself durable
		d.Close()
	}
	return nil
}

// Abort discards what was written. It does nothing after Commit, so it can
// be deferred, and is safe to call from another goroutine.
func (f *AtomicFile) Abort() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.File.Name())
	f.forget()
}

func (f *AtomicFile) forget() {
	pending.Lock()
	delete(pending.files, f)
	pending.Unlock()
}

// Cleanup removes every temporary file of an atomic write not yet committed
// and every session lock this process holds. The command line calls it on
// every way out: a normal end, an error, a panic and a signal.
func Cleanup() {
	pending.Lock()
	files := make([]*AtomicFile, 0, len(pending.files))
	for f := range pending.files {
		files = append(files, f)
	}
	pending.Unlock()
	for _, f := range files {
		f.Abort()
	}
	releaseAll()
}

// WriteFile writes data to name atomically with mode 0600: a reader, or a
// crash at any moment, sees the old file whole or the new one whole. On
// failure the old file is untouched and no temporary file is left.
func WriteFile(name string, data []byte) error { return writeAtomic(name, data, true) }

// writeAtomic writes data through a temporary file and puts it in place,
// over an existing file only when replace is set.
func writeAtomic(name string, data []byte, replace bool) error {
	f, err := CreateAtomic(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return f.commit(replace)
}
