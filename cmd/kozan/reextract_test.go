package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/extract"
	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/kozan-dev/kozan/pipeline"
)

// TestReextract: deals stored by older rules — one right (and reviewed), one
// false — are re-extracted from the kept HTML with the current rules: the
// false deal is superseded, the right one keeps its review; a second
// reextract finds nothing to do.
func TestReextract(t *testing.T) {
	ctx := context.Background()
	html := `<html><head><title>IREN signs $9.7 billion cloud contract with Microsoft</title></head><body><article>` +
		`<h1>IREN signs $9.7 billion cloud contract with Microsoft</h1>` +
		`<p>IREN said on Monday it had signed a five-year, $9.7 billion AI cloud contract with Microsoft. ` +
		`The company will deploy GPUs at its Texas campus. Its shares rose 12% after the announcement.</p>` +
		`<p>Analysts said the contract makes IREN one of the largest AI cloud providers among former miners.</p></article></body></html>`
	url := "https://wire.example.com/2026/11/iren-microsoft"
	page := pipeline.Page{URL: url, FetchURL: url, Source: "wire", Lang: "en", Status: 200, Body: []byte(html),
		FetchedAt: time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)}
	x, err := extract.New(extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract(ctx, page)
	if err != nil || len(doc.Deals) == 0 {
		t.Fatalf("the current rules find no deal in the page: %v", err)
	}
	right := doc.Deals[0]
	// The older rules also took the share move for a deal.
	falseDeal := pipeline.Deal{Company: "IREN", Kind: pipeline.KindEquity, Evidence: "Its shares rose 12% after the announcement.",
		Confidence: 0.5, Rule: "old-rule"}
	doc.Deals = []pipeline.Deal{right, falseDeal}

	dir := t.TempDir()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "kozan.db"), sqlite.Options{KeepHTML: true, RuleSet: "rev-old"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, pipeline.Result{Page: page, Doc: &doc}); err != nil {
		t.Fatal(err)
	}
	aid := pipeline.ArticleID(url)
	rightID, falseID := pipeline.DealID(aid, right), pipeline.DealID(aid, falseDeal)
	if _, err := s.ApplyReviews(ctx, []pipeline.ReviewUpdate{{DealID: rightID, Review: pipeline.Review{Status: pipeline.StatusApproved, Note: "8-K", Reviewer: "ken"}}}, false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	cfg := filepath.Join(dir, "kozan.yaml")
	os.WriteFile(cfg, []byte("store: kozan.db\n"), 0o644)

	code, out, errOut := kozan(t, "", "reextract", "--config", cfg)
	if code != exitOK || !strings.Contains(out, "1 re-extracted") || !strings.Contains(out, "1 superseded") {
		t.Fatalf("reextract: exit %d, %q, %q", code, out, errOut)
	}
	got := map[string]pipeline.DealRecord{}
	code, jsonOut, _ := kozan(t, "", "deals", "--json", "--include-superseded", "--config", cfg)
	if code != exitOK {
		t.Fatal("deals")
	}
	for _, line := range strings.Split(strings.TrimSpace(jsonOut), "\n") {
		var r pipeline.DealRecord
		if err := jsonUnmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		got[r.ID] = r
	}
	if r := got[falseID]; !r.Superseded {
		t.Errorf("the false deal is not superseded: %+v", r)
	}
	if r := got[rightID]; r.Superseded || r.Review.Status != pipeline.StatusApproved || r.Review.Note != "8-K" {
		t.Errorf("the reviewed deal lost its review or was superseded: %+v", r)
	}
	code, out, _ = kozan(t, "", "reextract", "--config", cfg)
	if code != exitOK || !strings.Contains(out, "0 re-extracted, 1 already current") {
		t.Errorf("second reextract: %q", out)
	}
	want, err := extract.RuleSet(extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ = kozan(t, "", "version")
	if code != exitOK || !strings.Contains(out, "rule set "+want) {
		t.Errorf("version: %q", out)
	}
}
