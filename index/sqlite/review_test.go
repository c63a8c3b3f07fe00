package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// TestTwoReviewers: an old export re-imported with --force changes only
// what its reviewer changed; decisions made since stay; every change is in
// the history, and an undo puts things back.
func TestTwoReviewers(t *testing.T) {
	ctx := context.Background()
	s, c := openTest(t)
	put(t, s, twResult(twText, twDeals()...))
	aid := pipeline.ArticleID(twURL)
	lease, backstop := pipeline.DealID(aid, twDeals()[0]), pipeline.DealID(aid, twDeals()[1])
	pending := &pipeline.Review{Status: pipeline.StatusPending}

	// Both reviewers export at T0: both deals pending. Yui reviews the
	// backstop first.
	c.Advance(time.Hour)
	yui, err := s.ApplyReviewFile(ctx, []pipeline.ReviewUpdate{
		{DealID: backstop, Review: pipeline.Review{Status: pipeline.StatusApproved, Note: "in the 8-K", Reviewer: "yui"}, Base: pending, Row: 3},
	}, ReviewOptions{File: "yui.xlsx", By: "yui"})
	if err != nil || len(yui.Changed) != 1 {
		t.Fatalf("yui: %+v %v", yui, err)
	}

	// Ken's file: the lease rejected, the backstop left as exported (pending).
	c.Advance(time.Hour)
	kenRows := []pipeline.ReviewUpdate{
		{DealID: lease, Review: pipeline.Review{Status: pipeline.StatusRejected, Note: "not a deal", Reviewer: "ken"}, Base: pending, Row: 2},
		{DealID: backstop, Review: pipeline.Review{Status: pipeline.StatusPending}, Base: pending, Row: 3},
	}
	ken, err := s.ApplyReviewFile(ctx, kenRows, ReviewOptions{File: "ken.csv", By: "ken", Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(ken.Changed) != 1 || ken.Changed[0] != lease || ken.Unchanged != 1 {
		t.Errorf("ken --force: %+v; want the lease changed, the backstop left as exported", ken)
	}
	rv := reviewsOf(t, s)
	if rv[backstop].Status != pipeline.StatusApproved || rv[backstop].Note != "in the 8-K" || rv[backstop].Reviewer != "yui" {
		t.Errorf("yui's decision was lost: %+v", rv[backstop])
	}

	// Ken then changes only the backstop's note in his old file, forced:
	// the note is his, the status stays Yui's.
	c.Advance(time.Hour)
	kenRows[1].Review.Note = "check the amount"
	ken2, err := s.ApplyReviewFile(ctx, kenRows[1:], ReviewOptions{File: "ken.csv", By: "ken", Force: true})
	if err != nil || len(ken2.Changed) != 1 {
		t.Fatalf("ken's note: %+v %v", ken2, err)
	}
	if r := reviewsOf(t, s)[backstop]; r.Status != pipeline.StatusApproved || r.Note != "check the amount" || r.Reviewer != "yui" {
		t.Errorf("backstop after ken's note: %+v", r)
	}
	// Without --force the same edit is stale, and the report names the deal.
	c.Advance(time.Hour)
	kenRows[1].Review.Note = "another thought"
	stale, err := s.ApplyReviewFile(ctx, kenRows[1:], ReviewOptions{File: "ken.csv", By: "ken"})
	if err != nil || len(stale.StaleDeals) != 1 || stale.StaleDeals[0].Company != "Google" || stale.StaleDeals[0].Amount == nil {
		t.Fatalf("stale: %+v %v", stale, err)
	}

	id, hist, err := s.ReviewHistory(ctx, backstop[:10])
	if err != nil || id != backstop || len(hist) != 2 {
		t.Fatalf("history: %s %d entries %v", id, len(hist), err)
	}
	if h := hist[0]; h.File != "yui.xlsx" || h.By != "yui" || h.From.Status != pipeline.StatusPending || h.To.Status != pipeline.StatusApproved {
		t.Errorf("first entry %+v", h)
	}
	if h := hist[1]; h.File != "ken.csv" || h.From.Note != "in the 8-K" || h.To.Note != "check the amount" || h.Import != ken2.Import {
		t.Errorf("second entry %+v", h)
	}

	// Undo Ken's first import: the lease is pending again, never reviewed.
	u, err := s.UndoImport(ctx, ken.Import, "ken")
	if err != nil || len(u.Restored) != 1 || u.Restored[0] != lease {
		t.Fatalf("undo: %+v %v", u, err)
	}
	if r := reviewsOf(t, s)[lease]; r.Status != pipeline.StatusPending || r.Note != "" || r.ReviewedAt != nil {
		t.Errorf("lease after undo: %+v", r)
	}
	if _, err := s.UndoImport(ctx, ken.Import, "ken"); !errors.Is(err, ErrUndone) {
		t.Errorf("second undo: %v", err)
	}
	// Undoing Yui's import keeps the backstop: Ken changed it since.
	u, err = s.UndoImport(ctx, yui.Import, "yui")
	if err != nil || len(u.Kept) != 1 || len(u.Restored) != 0 {
		t.Errorf("undo yui: %+v %v", u, err)
	}
	imps, err := s.ReviewImports(ctx)
	if err != nil || len(imps) != 5 || imps[1].UndoOf != ken.Import {
		t.Errorf("imports %+v %v", imps, err)
	}
}

func reviewsOf(t *testing.T, s *Store) map[string]pipeline.Review {
	t.Helper()
	m := map[string]pipeline.Review{}
	for _, d := range allDeals(t, s, pipeline.DealFilter{IncludeSuperseded: true}) {
		m[d.ID] = d.Review
	}
	return m
}
