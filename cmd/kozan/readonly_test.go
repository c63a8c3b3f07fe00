package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readCommands are the commands that only read the store.
func readCommands(cfg, id string) [][]string {
	return [][]string{
		{"deals", "--config", cfg},
		{"deals", "--config", cfg, "--show-sources", id},
		{"articles", "--config", cfg, "--json"},
		{"search", "--config", cfg, "IREN"},
		{"export", "--config", cfg, "--format", "jsonl"},
		{"review", "history", "--config", cfg},
		{"review", "history", "--config", cfg, id},
	}
}

// TestReadOnlyStore: a store in a directory kozan may not write (a snapshot
// on read-only media) answers every reading command, and nothing is written
// to it or beside it. As root (who may write anywhere) the commands run in a
// child process as nobody.
func TestReadOnlyStore(t *testing.T) {
	if os.Getenv("KOZAN_RO_CHILD") != "" {
		t.Skip("child")
	}
	cfg, ids := seedStore(t)
	dir := filepath.Dir(cfg)
	before := snapshotDir(t, dir)
	os.Chmod(filepath.Join(dir, "kozan.db"), 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })

	if os.Geteuid() != 0 {
		for _, args := range readCommands(cfg, ids[0]) {
			if code, out, errOut := kozan(t, "", args...); code != exitOK || out == "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
			}
		}
	} else {
		runAsNobody(t, dir, cfg, ids[0])
	}
	if after := snapshotDir(t, dir); after != before {
		t.Errorf("a reading command changed the store directory:\nbefore %s\nafter  %s", before, after)
	}
}

// TestReadOnlyStoreChild is TestReadOnlyStore's child process.
func TestReadOnlyStoreChild(t *testing.T) {
	cfg := os.Getenv("KOZAN_RO_CHILD")
	if cfg == "" {
		t.Skip("run by TestReadOnlyStore")
	}
	for _, args := range readCommands(cfg, os.Getenv("KOZAN_RO_ID")) {
		if code, out, errOut := kozan(t, "", args...); code != exitOK || out == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func runAsNobody(t *testing.T, dir, cfg, id string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	// nobody must reach the test binary and the store.
	bin, err := os.MkdirTemp("", "kozan-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(bin)
	os.Chmod(bin, 0o755)
	copyFile(t, exe, filepath.Join(bin, "kozan.test"))
	parent := filepath.Dir(dir) // t.TempDir's own directory is 0700
	if st, err := os.Stat(parent); err == nil {
		os.Chmod(parent, st.Mode().Perm()|0o005)
		defer os.Chmod(parent, st.Mode().Perm())
	}
	cmd := exec.Command(filepath.Join(bin, "kozan.test"), "-test.run=^TestReadOnlyStoreChild$", "-test.v")
	cmd.Env = append(os.Environ(), "KOZAN_RO_CHILD="+cfg, "KOZAN_RO_ID="+id, "HOME="+bin)
	cmd.Dir = bin
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("child as nobody: %v\n%s", err, out)
	} else if !bytes.Contains(out, []byte("--- PASS: TestReadOnlyStoreChild")) {
		t.Errorf("child did not run:\n%s", out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// snapshotDir lists a directory's files with their sizes and times.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range ents {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(e.Name() + ":" + info.ModTime().Format(time.RFC3339Nano) + ":" + string(rune('0'+info.Size()%10)) + " ")
	}
	return b.String()
}

// TestReadCommandsWriteNothing: a 0-byte file is no store, and reading it
// gives it no schema; a store of this kozan is not touched by reading.
func TestReadCommandsWriteNothing(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "kozan.yaml")
	os.WriteFile(cfg, []byte("store: empty.db\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.db"), nil, 0o644)
	for _, args := range readCommands(cfg, strings.Repeat("a", 64)) {
		code, _, errOut := kozan(t, "", args...)
		if code != exitFailed || !strings.Contains(errOut, "not a kozan store") {
			t.Errorf("%v: exit %d, stderr %q: want 1, not a kozan store", args, code, errOut)
		}
	}
	if st, _ := os.Stat(filepath.Join(dir, "empty.db")); st.Size() != 0 {
		t.Errorf("the empty file now has %d bytes", st.Size())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("files beside the empty store: %v", ents)
	}
}
