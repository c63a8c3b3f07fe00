package main

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// runLock is an exclusive, non-blocking flock on a file beside the store, so
// that overlapping cron runs exit 75 instead of doing the same work twice.
// The kernel drops it when the process dies, so a crash leaves no stale lock.
type runLock struct{ f *os.File }

func acquireLock(path string) (*runLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err) // the *PathError names the file
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s)", errLocked, path)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return &runLock{f: f}, nil
}

func (l *runLock) release() {
	if l == nil || l.f == nil {
		return
	}
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}
