package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// writeFile writes what fill produces to path, so that a failure never
// leaves a half-written file where a good one was and the target keeps what
// it is:
//
//   - a symbolic link is followed (the link stays a link; its target is
//     written);
//   - a regular file (or a path that does not exist yet) is written to a
//     temporary file in the same directory, synced, and renamed over it; an
//     existing file keeps its permission bits (and, when kozan may, its
//     owner); a new file gets 0666 less the umask, as any program's would;
//   - anything else (a device such as /dev/full or /dev/stdout, a named
//     pipe) is opened and written directly, never replaced;
//   - a directory is an error.
//
// Every write, sync, close and rename error is returned.
func writeFile(path string, fill func(io.Writer) error) error {
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return replaceFile(target, nil, fill)
	case err != nil:
		return err
	case st.IsDir():
		return fmt.Errorf("%s is a directory", path)
	case st.Mode().IsRegular():
		return replaceFile(target, st, fill)
	default:
		return writeInPlace(target, fill)
	}
}

// resolveLinks follows symbolic links (also a dangling one, whose target is
// then created) and returns the path they end at.
func resolveLinks(path string) (string, error) {
	for range 40 {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// writeInPlace writes to an existing non-regular file (a device, a pipe).
func writeInPlace(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replaceFile writes a temporary file beside path and renames it over path.
// old is path's current state (nil: it does not exist).
func replaceFile(path string, old fs.FileInfo, fill func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".kozan-tmp-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	if old != nil {
		if err := tmp.Chmod(old.Mode().Perm() | old.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); err != nil {
			tmp.Close()
			return err
		}
		if sys, ok := old.Sys().(*syscall.Stat_t); ok {
			// Keep the owner when we may (root writing a user's file); an
			// ordinary user cannot give a file away, and that is fine.
			tmp.Chown(int(sys.Uid), int(sys.Gid))
		}
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// createTemp is os.CreateTemp with mode 0666 (less the umask) instead of
// 0600, so that a new file gets the permissions any other program would
// give it.
func createTemp(dir, prefix string) (*os.File, error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		f, err := os.OpenFile(filepath.Join(dir, prefix+hex.EncodeToString(b[:])), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("create a temporary file in %s: too many attempts", dir)
}

// errWriter remembers the first write error of w, so that output a command
// wrote with fmt.Fprint (which nobody checks) still fails the command when
// it did not arrive: standard output to a full disk or a closed pipe.
type errWriter struct {
	w   io.Writer
	mu  sync.Mutex
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil {
		e.mu.Lock()
		if e.err == nil {
			e.err = err
		}
		e.mu.Unlock()
	}
	return n, err
}

// Err is the first write error, if any.
func (e *errWriter) Err() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}
