package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoKeepRefusesARealDirectory: demo --keep on a directory holding a
// real config and store changes nothing and says why.
func TestDemoKeepRefusesARealDirectory(t *testing.T) {
	cfg, _ := seedStore(t)
	dir := filepath.Dir(cfg)
	before := snapshotDir(t, dir)
	code, _, errOut := kozan(t, "", "demo", "--keep", dir)
	if code != exitFailed || !strings.Contains(errOut, "not written by kozan demo") {
		t.Errorf("exit %d, stderr %q: want 1, saying the config is not a demo's", code, errOut)
	}
	if after := snapshotDir(t, dir); after != before {
		t.Errorf("demo touched the directory:\nbefore %s\nafter  %s", before, after)
	}
}

func TestPrepareDemoDir(t *testing.T) {
	demoYAML := demoMarker + ": the store of the demo run\nstore: kozan.db\n"
	tests := []struct {
		name  string
		files map[string]string // name → content; "/" suffix: a directory
		want  string            // "" ok, else part of the error
		left  []string          // files left after a successful prepare
	}{
		{"new", nil, "", nil},
		{"empty", map[string]string{}, "", nil},
		{"previous demo", map[string]string{"kozan.yaml": demoYAML, "kozan.db": "x", "kozan.db-wal": "x", "kozan.db.lock": ""}, "", []string{"kozan.yaml"}},
		{"real config", map[string]string{"kozan.yaml": "store: kozan.db\n", "kozan.db": "x"}, "not written by kozan demo", nil},
		{"store without config", map[string]string{"kozan.db": "x"}, "no demo kozan.yaml", nil},
		{"other files", map[string]string{"kozan.yaml": demoYAML, "notes.txt": "mine"}, "not a previous demo's (notes.txt)", nil},
		{"a subdirectory", map[string]string{"kozan.yaml": demoYAML, "kozan.db/": ""}, "not a previous demo's (kozan.db)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "demo")
			if tt.files != nil {
				os.Mkdir(dir, 0o755)
			}
			for name, body := range tt.files {
				if strings.HasSuffix(name, "/") {
					os.Mkdir(filepath.Join(dir, name), 0o755)
				} else {
					os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
				}
			}
			before := ""
			if tt.want != "" {
				before = snapshotDir(t, dir)
			}
			err := prepareDemoDir(dir)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				if after := snapshotDir(t, dir); after != before {
					t.Error("a refused directory was changed")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			ents, _ := os.ReadDir(dir)
			var left []string
			for _, e := range ents {
				left = append(left, e.Name())
			}
			if strings.Join(left, ",") != strings.Join(tt.left, ",") {
				t.Errorf("left %v, want %v", left, tt.left)
			}
		})
	}
}
