package advisor

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to name so that a reader, or a crash at any
// moment, sees either the old file whole or the new one whole: it writes a
// temporary file in the same folder with mode 0600, syncs it, renames it over
// name, and syncs the folder. On failure the old file is untouched.
func WriteFileAtomic(name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync() // best effort: makes the rename itself durable
		d.Close()
	}
	return nil
}

// AtomicFile is a file being written under a temporary name; Commit puts it
// in place, Abort removes it. Until Commit, the file at the final name (if
// any) is untouched.
type AtomicFile struct {
	*os.File
	name string
}

// CreateAtomic starts writing name atomically, with mode 0600.
func CreateAtomic(name string) (*AtomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	return &AtomicFile{File: tmp, name: name}, nil
}

// Commit syncs the file and renames it over the final name.
func (f *AtomicFile) Commit() error {
	if err := f.Sync(); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	if err := os.Rename(f.File.Name(), f.name); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	return nil
}

// Abort discards what was written.
func (f *AtomicFile) Abort() {
	f.Close()
	os.Remove(f.File.Name())
}
