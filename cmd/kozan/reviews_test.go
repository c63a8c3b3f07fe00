package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

// editCSV rewrites rows of an exported CSV: edits maps a deal id to the
// column values to set.
func editCSV(t *testing.T, path string, edits map[string]map[string]string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		for k, v := range edits[r[col["id"]]] {
			r[col[k]] = v
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTwoReviewersNothingLost: Ken and Yui export the same pending deals.
// Yui approves one and imports. Ken rejects another and leaves Yui's as
// exported: his import, even with --force, does not reset her decision.
// The stale report names the deal; the history shows who changed what, from
// which file; undo puts Ken's change back.
func TestTwoReviewersNothingLost(t *testing.T) {
	cfg, ids := seedStore(t)
	dir := filepath.Dir(cfg)
	ken, yui := filepath.Join(dir, "ken.csv"), filepath.Join(dir, "yui.csv")
	for _, f := range []string{ken, yui} {
		if code, _, errOut := kozan(t, "", "export", "--config", cfg, "--format", "csv", "--out", f); code != exitOK {
			t.Fatalf("export: %s", errOut)
		}
	}
	a, b := ids[0], ids[1]
	editCSV(t, yui, map[string]map[string]string{b: {"status": "approved", "note": "in the 8-K", "reviewer": "yui"}})
	if code, out, errOut := kozan(t, "", "review", "import", "--config", cfg, yui); code != exitOK || !strings.Contains(out, "1 changed") {
		t.Fatalf("yui: %d %q %q", code, out, errOut)
	}
	editCSV(t, ken, map[string]map[string]string{a: {"status": "rejected", "note": "not a deal", "reviewer": "ken"}})
	code, out, errOut := kozan(t, "", "review", "import", "--force", "--config", cfg, ken)
	if code != exitOK || !strings.Contains(out, "1 changed, 2 unchanged") || !strings.Contains(out, "recorded as import 2") {
		t.Fatalf("ken --force: %d %q %q", code, out, errOut)
	}
	got := reviews(t, cfg)
	if got[b].Status != pipeline.StatusApproved || got[b].Reviewer != "yui" || got[b].Note != "in the 8-K" {
		t.Errorf("Yui's decision was reset by Ken's old file: %+v", got[b])
	}
	if got[a].Status != pipeline.StatusRejected {
		t.Errorf("Ken's decision was not applied: %+v", got[a])
	}

	// Ken now disagrees with Yui in the same old file: stale, and named.
	editCSV(t, ken, map[string]map[string]string{b: {"status": "rejected"}})
	code, out, _ = kozan(t, "", "review", "import", "--config", cfg, ken)
	if code != exitOK || !strings.Contains(out, "1 stale") || !strings.Contains(out, "TeraWulf ↔ Fluidstack $3.7B — now approved by yui") {
		t.Errorf("stale report: %q", out)
	}

	code, out, _ = kozan(t, "", "review", "history", "--config", cfg, b[:12])
	if code != exitOK || !strings.Contains(out, "yui.csv") || !strings.Contains(out, `approved · "in the 8-K" · by yui`) {
		t.Errorf("history: %q", out)
	}
	code, out, _ = kozan(t, "", "review", "history", "--config", cfg)
	if code != exitOK || !strings.Contains(out, "ken.csv") || !strings.Contains(out, "--force") {
		t.Errorf("imports: %q", out)
	}
	code, out, _ = kozan(t, "", "review", "undo", "--config", cfg, "2")
	if code != exitOK || !strings.Contains(out, "1 reviews restored") {
		t.Errorf("undo: %d %q", code, out)
	}
	if r := reviews(t, cfg)[a]; r.Status != pipeline.StatusPending || r.ReviewedAt != nil {
		t.Errorf("after undo: %+v", r)
	}
	if code, _, errOut := kozan(t, "", "review", "undo", "--config", cfg, "2"); code != exitFailed || !strings.Contains(errOut, "already undone") {
		t.Errorf("second undo: %d %q", code, errOut)
	}
}
