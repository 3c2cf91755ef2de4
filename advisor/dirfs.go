package advisor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"syscall"
)

// DirFS opens the folder dir for reading data or answers files, safely when
// the folder comes from someone else:
//
//   - a symbolic link that leads out of the folder cannot be opened (os.Root
//     refuses it), so a link to /etc/shadow in a counselor pack reads nothing;
//   - a file is opened without blocking, so a FIFO (named pipe) is refused as
//     "not a regular file" instead of hanging for a writer.
//
// The folder stays open until Close is called on the result (it is an
// io.Closer); a command that loads once may leave that to its exit.
func DirFS(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return rootFS{root: root, fsys: root.FS()}, nil
}

// rootFS is an os.Root's file system whose Open does not block.
type rootFS struct {
	root *os.Root
	fsys fs.FS
}

// nonBlock is added to every open: it makes opening a FIFO return at once, and
// does nothing to a regular file.
const nonBlock = syscall.O_NONBLOCK

func (r rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := r.root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (r rootFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.fsys, name) }

func (r rootFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(r.fsys, name) }

// Close closes the folder.
func (r rootFS) Close() error { return r.root.Close() }

// isDataFile reports whether name is a YAML file by its extension: .yaml or
// .yml, in any case.
func isDataFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// readDataFiles reads the data files of one layer: every *.yaml and *.yml file
// (any case) at the top of fsys, in name order. Nothing is skipped silently:
// a subfolder, or a data file that is not a regular file (a FIFO, a device, a
// socket, a link out of the folder), is a problem naming it, and so is a layer
// over its budget of files or bytes. Hidden entries (.git, .DS_Store) and
// files of other kinds (README.md) are left alone. dir names the layer in
// messages. Each file's problems go to the file's own name.
func readDataFiles(fsys fs.FS, dir string, ps *problems) (names []string, contents [][]byte, ok bool) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		ps.add(dir, Pos{}, "cannot read data files: %v", err)
		return nil, nil, false
	}
	ok = true
	display := func(name string) string {
		if dir == "" {
			return name
		}
		return path.Join(dir, name)
	}
	total := 0
	for _, de := range entries {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if de.IsDir() {
			ps.add(display(name), Pos{}, "a subfolder is not read; put its data files directly in %s, or give it as another --data folder", layerName(dir))
			ok = false
			continue
		}
		if !isDataFile(name) {
			continue
		}
		if len(names) == maxLayerFiles {
			ps.add(display(name), Pos{}, "more than %d data files in %s; the limit is %d", maxLayerFiles, layerName(dir), maxLayerFiles)
			return nil, nil, false
		}
		b, err := readRegular(fsys, name, de)
		if err != nil {
			ps.add(display(name), Pos{}, "%v", err)
			ok = false
			continue
		}
		if total += len(b); total > maxLayerBytes {
			ps.add(display(name), Pos{}, "the data files of %s are more than %d bytes together; the limit is %d (4 MiB)", layerName(dir), maxLayerBytes, maxLayerBytes)
			return nil, nil, false
		}
		names = append(names, name)
		contents = append(contents, b)
	}
	if len(names) == 0 && dir != "" && ok {
		ps.add(dir, Pos{}, "no *.yaml files in this folder (data files are *.yaml or *.yml)")
		ok = false
	}
	return names, contents, ok
}

// readRegular reads a file of at most MaxFileSize bytes, refusing anything
// that is not a regular file before reading from it: its directory entry's
// type is checked first (a FIFO is never opened), a link is followed with Stat
// (inside the folder only, for DirFS), and the opened file is checked again.
func readRegular(fsys fs.FS, name string, de fs.DirEntry) ([]byte, error) {
	mode := de.Type()
	if mode&fs.ModeSymlink != 0 {
		fi, err := fs.Stat(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("a link that cannot be followed inside the folder (%s); copy the file itself into the folder", linkError(err))
		}
		mode = fi.Mode()
	}
	if !mode.IsRegular() {
		return nil, notRegular(mode)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot open: %v", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(fi.Mode())
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes; the limit is %d (1 MiB)", fi.Size(), MaxFileSize)
	}
	// one allocation of the size Stat gave (io.ReadAll would double its way up)
	var buf bytes.Buffer
	buf.Grow(int(max(fi.Size(), 0)) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	b := buf.Bytes()
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("file is more than %d bytes; the limit is %d (1 MiB)", MaxFileSize, MaxFileSize)
	}
	return b, nil
}

// notRegular names what a file is instead of a regular file.
func notRegular(mode fs.FileMode) error {
	what := "not a regular file"
	switch {
	case mode.IsDir():
		what = "a folder"
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeCharDevice != 0:
		what = "a character device"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	case mode&fs.ModeSymlink != 0:
		what = "a link"
	}
	return fmt.Errorf("%s, not a regular file; a data file must be a regular file", what)
}

// linkError says in a few words why a link could not be followed.
func linkError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	if slices.Contains([]string{"path escapes from parent"}, msg) {
		return "it leads out of the folder"
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "its target does not exist"
	}
	return msg
}
