package session

import (
	"fmt"
	"os"
	"path/filepath"
)

// AtomicFile is a file being written under a temporary name in the folder of
// its final name. [AtomicFile.Commit] puts it in place and
// [AtomicFile.Abort] removes it; until Commit, the file at the final name (if
// any) is untouched, so a reader, or a crash at any moment, sees either the
// old file whole or the new one whole.
type AtomicFile struct {
	*os.File
	name string
	done bool // committed or aborted
}

// CreateAtomic starts writing name atomically, with mode 0600 (os.CreateTemp
// makes the temporary file 0600, and the rename keeps the mode).
func CreateAtomic(name string) (*AtomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	return &AtomicFile{File: tmp, name: name}, nil
}

// Commit syncs the file, renames it over the final name and syncs the
// folder. On failure the temporary file is removed and the file at the
// final name is untouched.
func (f *AtomicFile) Commit() error {
	if f.done {
		return fmt.Errorf("write %s: already committed or aborted", f.name)
	}
	f.done = true
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.File.Name(), f.name)
	}
	if err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	if d, derr := os.Open(filepath.Dir(f.name)); derr == nil {
		_ = d.Sync() // best effort: makes the rename itself durable
		d.Close()
	}
	return nil
}

// Abort discards what was written. It does nothing after Commit, so it can
// be deferred.
func (f *AtomicFile) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.File.Name())
}

// WriteFile writes data to name atomically with mode 0600: a reader, or a
// crash at any moment, sees the old file whole or the new one whole. On
// failure the old file is untouched and no temporary file is left.
func WriteFile(name string, data []byte) error {
	f, err := CreateAtomic(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return f.Commit()
}
