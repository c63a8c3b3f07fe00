package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExportTargets: --out follows a symlink, keeps a file's mode, writes a
// device or a pipe directly, and every write error is exit 1.
func TestExportTargets(t *testing.T) {
	cfg, _ := seedStore(t)
	dir := t.TempDir()

	t.Run("symlink", func(t *testing.T) {
		real := filepath.Join(dir, "real.csv")
		os.WriteFile(real, []byte("old"), 0o640)
		link := filepath.Join(dir, "link.csv")
		if err := os.Symlink("real.csv", link); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := kozan(t, "", "export", "--config", cfg, "--format", "csv", "--out", link); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		st, err := os.Lstat(link)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("the symlink was replaced: %v %v", st.Mode(), err)
		}
		got, _ := os.ReadFile(real)
		if !strings.Contains(string(got), "Microsoft") {
			t.Errorf("the link's target was not written: %q", got)
		}
		if st, _ := os.Stat(real); st.Mode().Perm() != 0o640 {
			t.Errorf("target mode %v, want 0640", st.Mode().Perm())
		}
	})

	t.Run("mode 0600 kept", func(t *testing.T) {
		p := filepath.Join(dir, "private.xlsx")
		os.WriteFile(p, []byte("old"), 0o600)
		if code, _, errOut := kozan(t, "", "export", "--config", cfg, "--format", "xlsx", "--out", p); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		st, _ := os.Stat(p)
		if st.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", st.Mode().Perm())
		}
		if st.Size() < 1000 {
			t.Errorf("size %d: not an xlsx", st.Size())
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".*kozan-tmp*"))
		if len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})

	t.Run("full device", func(t *testing.T) {
		// Our own /dev/full (a device node in the test's directory), so that
		// a kozan that replaces its target never replaces the system's.
		full := filepath.Join(dir, "full")
		if err := syscall.Mknod(full, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
			if os.Geteuid() == 0 {
				t.Skip("cannot make a device node:", err)
			}
			full = "/dev/full" // not root: kozan could not replace it anyway
		}
		if _, err := os.Stat(full); err != nil {
			t.Skip("no full device")
		}
		code, _, errOut := kozan(t, "", "export", "--config", cfg, "--format", "jsonl", "--out", full)
		if code != exitFailed || !strings.Contains(errOut, "no space") {
			t.Errorf("exit %d, stderr %q: want 1 naming the write error", code, errOut)
		}
		st, err := os.Stat(full)
		if err != nil || st.Mode()&fs.ModeDevice == 0 {
			t.Errorf("%s is no longer a device: %v %v", full, st.Mode(), err)
		}
	})

	t.Run("pipe", func(t *testing.T) {
		fifo := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip("mkfifo:", err)
		}
		got := make(chan []byte)
		go func() {
			b, _ := os.ReadFile(fifo)
			got <- b
		}()
		if code, _, errOut := kozan(t, "", "export", "--config", cfg, "--format", "csv", "--out", fifo); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		select {
		case b := <-got:
			if !strings.Contains(string(b), "TeraWulf") {
				t.Errorf("reader got %q", b)
			}
		case <-time.After(5 * time.Second):
			t.Error("nothing reached the reader of the pipe")
		}
		if st, _ := os.Lstat(fifo); st.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the pipe was replaced by %v", st.Mode())
		}
	})

	t.Run("standard output", func(t *testing.T) {
		for _, format := range []string{"csv", "jsonl", "xlsx"} {
			w := &failWriter{}
			code := run(t.Context(), []string{"export", "--config", cfg, "--format", format}, strings.NewReader(""), w, &strings.Builder{})
			if code != exitFailed {
				t.Errorf("%s: exit %d on a failing stdout, want 1", format, code)
			}
		}
		w := &failWriter{}
		if code := run(t.Context(), []string{"deals", "--config", cfg}, strings.NewReader(""), w, &strings.Builder{}); code != exitFailed {
			t.Errorf("deals: exit %d on a failing stdout, want 1", code)
		}
	})
}

type failWriter struct{}

func (*failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
