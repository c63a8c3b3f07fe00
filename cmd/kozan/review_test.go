package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/demo"
	"github.com/kozan-dev/kozan/pipeline"
)

// TestReviewRoundTrip: export → edit like a reviewer → import → the next
// export shows the edits, and a later `kozan run` keeps them. A malformed
// file changes nothing.
func TestReviewRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo sites")
	}
	srv, err := demo.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "kozan.yaml")
	writeSourcesConfig(t, cfg, srv, "")
	if code, _, errOut := kozan(t, "", "run", "--config", cfg); code != exitOK {
		t.Fatalf("run: %d %s", code, errOut)
	}
	csvPath := filepath.Join(dir, "deals.csv")
	if code, _, errOut := kozan(t, "", "export", "--config", cfg, "--format", "csv", "--out", csvPath); code != exitOK {
		t.Fatalf("export: %d %s", code, errOut)
	}
	raw, _ := os.ReadFile(csvPath)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("export: %d rows, %v", len(rows), err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	approved, rejected := rows[1][col["id"]], rows[2][col["id"]]
	rows[1][col["status"]], rows[1][col["note"]], rows[1][col["reviewer"]] = "approved", "checked against the filing", "yk"
	rows[2][col["status"]], rows[2][col["reviewer"]] = "却下", "yk"
	var edited bytes.Buffer
	w := csv.NewWriter(&edited)
	w.WriteAll(rows)
	os.WriteFile(csvPath, edited.Bytes(), 0o644)

	// A malformed copy (bad status) is refused whole.
	bad := strings.Replace(edited.String(), "approved", "aproved", 1)
	badPath := filepath.Join(dir, "bad.csv")
	os.WriteFile(badPath, []byte(bad), 0o644)
	code, _, errOut := kozan(t, "", "review", "import", "--config", cfg, badPath)
	if code == exitOK || !strings.Contains(errOut, "status") || !strings.Contains(errOut, "nothing was applied") {
		t.Errorf("bad file: exit %d, stderr %q", code, errOut)
	}
	if got := reviews(t, cfg); got[approved].Status != pipeline.StatusPending || got[rejected].Status != pipeline.StatusPending {
		t.Fatalf("a refused file changed reviews: %+v %+v", got[approved], got[rejected])
	}

	code, out, errOut := kozan(t, "", "review", "import", "--config", cfg, csvPath)
	if code != exitOK || !strings.Contains(out, "2 changed") {
		t.Fatalf("import: exit %d, out %q, err %q", code, out, errOut)
	}
	check := func(when string) {
		got := reviews(t, cfg)
		if r := got[approved]; r.Status != pipeline.StatusApproved || r.Note != "checked against the filing" || r.Reviewer != "yk" || r.ReviewedAt == nil {
			t.Errorf("%s: approved deal review = %+v", when, r)
		}
		if r := got[rejected]; r.Status != pipeline.StatusRejected {
			t.Errorf("%s: rejected deal review = %+v", when, r)
		}
	}
	check("after import")
	if code, _, errOut := kozan(t, "", "run", "--config", cfg); code != exitOK {
		t.Fatalf("second run: %d %s", code, errOut)
	}
	check("after a second run")

	// The same file again is stale for nothing and changes nothing.
	code, out, _ = kozan(t, "", "review", "import", "--config", cfg, csvPath)
	if code != exitOK || !strings.Contains(out, "0 changed") {
		t.Errorf("re-import: exit %d, %q", code, out)
	}
}

func reviews(t *testing.T, cfg string) map[string]pipeline.Review {
	t.Helper()
	code, out, errOut := kozan(t, "", "export", "--config", cfg, "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("export jsonl: %s", errOut)
	}
	m := map[string]pipeline.Review{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r pipeline.DealRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		m[r.ID] = r.Review
	}
	return m
}
