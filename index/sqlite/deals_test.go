package sqlite

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// dealIDs lists the ids of records.
func dealIDs(ds []pipeline.DealRecord) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.ID)
	}
	return out
}

func TestSupersede(t *testing.T) {
	ctx := context.Background()
	s, c := openTest(t)
	deals := twDeals()
	put(t, s, twResult(twText, deals...))
	aid := pipeline.ArticleID(twURL)
	lease, backstop := pipeline.DealID(aid, deals[0]), pipeline.DealID(aid, deals[1])

	// The article is corrected: the backstop is gone.
	c.Advance(time.Hour)
	put(t, s, twResult("TeraWulf signed a ten-year lease with Fluidstack worth $3.7 billion.", deals[0]))
	if got, want := dealIDs(allDeals(t, s, pipeline.DealFilter{})), []string{lease}; !reflect.DeepEqual(got, want) {
		t.Errorf("live deals = %v, want %v", got, want)
	}
	all := allDeals(t, s, pipeline.DealFilter{IncludeSuperseded: true})
	if len(all) != 2 {
		t.Fatalf("with superseded = %d deals, want 2", len(all))
	}
	for _, d := range all {
		if got, want := d.Superseded, d.ID == backstop; got != want {
			t.Errorf("deal %s superseded = %v, want %v", d.Kind, got, want)
		}
	}
	arts, _ := s.Articles(ctx, pipeline.ArticleFilter{})
	if arts[0].DealCount != 1 {
		t.Errorf("DealCount = %d, want 1", arts[0].DealCount)
	}
	// The article stays searchable.
	if hits, err := s.Search(ctx, "backstop", 5); err != nil || len(hits) != 1 {
		t.Errorf("Search after supersede = %v, %v", hits, err)
	}

	// The deal comes back.
	c.Advance(time.Hour)
	put(t, s, twResult(twText, deals...))
	if got := allDeals(t, s, pipeline.DealFilter{}); len(got) != 2 || got[0].Superseded || got[1].Superseded {
		t.Errorf("after reappearing: %+v", got)
	}
}

func TestReviewSurvivesPut(t *testing.T) {
	ctx := context.Background()
	s, c := openTest(t)
	put(t, s, enIREN())
	id := allDeals(t, s, pipeline.DealFilter{})[0].ID
	rep, err := s.ApplyReviews(ctx, []pipeline.ReviewUpdate{{DealID: id, Row: 2,
		Review: pipeline.Review{Status: pipeline.StatusApproved, Note: "checked against the filing", Reviewer: "aiko"}}}, false)
	if err != nil || !reflect.DeepEqual(rep.Changed, []string{id}) {
		t.Fatalf("ApplyReviews = %+v, %v", rep, err)
	}
	reviewedAt := c.t

	// A re-crawl with an updated evidence sentence and confidence.
	c.Advance(24 * time.Hour)
	r := enIREN()
	r.Doc.Deals[0].Confidence = 0.95
	r.Doc.Article.Title = "IREN signs $3.7 billion AI cloud deal with Microsoft (updated)"
	put(t, s, r)
	got := allDeals(t, s, pipeline.DealFilter{})
	want := pipeline.Review{Status: pipeline.StatusApproved, Note: "checked against the filing", Reviewer: "aiko", ReviewedAt: &reviewedAt}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Review, want) {
		t.Fatalf("review after re-Put = %+v, want %+v", got, want)
	}
	if got[0].Confidence != 0.95 || got[0].Title != r.Doc.Article.Title {
		t.Errorf("deal not updated: %+v", got[0])
	}
}

func TestApplyReviews(t *testing.T) {
	ctx := context.Background()
	s, c := openTest(t)
	put(t, s, twResult(twText, twDeals()...))
	aid := pipeline.ArticleID(twURL)
	lease, backstop := pipeline.DealID(aid, twDeals()[0]), pipeline.DealID(aid, twDeals()[1])
	approve := pipeline.Review{Status: pipeline.StatusApproved, Reviewer: "ken"}
	reject := pipeline.Review{Status: pipeline.StatusRejected, Note: "not a deal", Reviewer: "ken"}

	// First review: lease approved at T0.
	if _, err := s.ApplyReviews(ctx, []pipeline.ReviewUpdate{{DealID: lease, Review: approve}}, false); err != nil {
		t.Fatal(err)
	}
	t0 := c.t
	c.Advance(time.Hour)
	before := t0.Add(-time.Hour)

	tests := []struct {
		name  string
		ups   []pipeline.ReviewUpdate
		force bool
		want  pipeline.ReviewReport
	}{
		{"unknown id, others applied", []pipeline.ReviewUpdate{{DealID: "0000", Review: approve}, {DealID: backstop, Review: reject}}, false,
			pipeline.ReviewReport{Changed: []string{backstop}, Unknown: []string{"0000"}, Stale: []string{}}},
		{"unchanged", []pipeline.ReviewUpdate{{DealID: lease, Review: approve, Seen: &t0}}, false,
			pipeline.ReviewReport{Changed: []string{}, Unchanged: 1, Unknown: []string{}, Stale: []string{}}},
		{"stale: exported before the store's review", []pipeline.ReviewUpdate{{DealID: lease, Review: reject, Seen: &before}}, false,
			pipeline.ReviewReport{Changed: []string{}, Unknown: []string{}, Stale: []string{lease}}},
		{"stale: exported unreviewed", []pipeline.ReviewUpdate{{DealID: lease, Review: reject}}, false,
			pipeline.ReviewReport{Changed: []string{}, Unknown: []string{}, Stale: []string{lease}}},
		{"seen at the store's review (to the second) applies", []pipeline.ReviewUpdate{{DealID: lease, Review: reject, Seen: ptr(t0.Truncate(time.Second))}}, false,
			pipeline.ReviewReport{Changed: []string{lease}, Unknown: []string{}, Stale: []string{}}},
		{"force overrides stale", []pipeline.ReviewUpdate{{DealID: lease, Review: approve, Seen: &before}}, true,
			pipeline.ReviewReport{Changed: []string{lease}, Unknown: []string{}, Stale: []string{}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.ApplyReviews(ctx, tc.ups, tc.force)
			if err != nil {
				t.Fatal(err)
			}
			if (got.Import != 0) != (len(got.Changed) > 0) {
				t.Errorf("import %d with %d changes", got.Import, len(got.Changed))
			}
			for i, b := range got.StaleDeals {
				if b.ID != got.Stale[i] || b.Company != "TeraWulf" || b.Review.Reviewer != "ken" {
					t.Errorf("stale deal named %+v", b)
				}
			}
			if len(got.StaleDeals) != len(got.Stale) {
				t.Errorf("%d stale deals named of %d", len(got.StaleDeals), len(got.Stale))
			}
			got.Import, got.StaleDeals = 0, nil
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("report:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
	d := allDeals(t, s, pipeline.DealFilter{Status: pipeline.StatusApproved})
	if len(d) != 1 || d[0].ID != lease || !d[0].Review.ReviewedAt.Equal(c.t) {
		t.Errorf("approved deals = %+v", d)
	}

	// An invalid status writes nothing.
	_, err := s.ApplyReviews(ctx, []pipeline.ReviewUpdate{{DealID: backstop, Review: approve}, {DealID: lease, Review: pipeline.Review{Status: "maybe"}, Row: 7}}, true)
	if err == nil {
		t.Fatal("invalid status accepted")
	}
	if d := allDeals(t, s, pipeline.DealFilter{Status: pipeline.StatusRejected}); len(d) != 1 || d[0].ID != backstop {
		t.Errorf("invalid file changed the store: %+v", d)
	}

	// A file without note and reviewer columns changes the status only;
	// one whose status and kept fields equal the store is unchanged.
	rep, err := s.ApplyReviews(ctx, []pipeline.ReviewUpdate{
		{DealID: backstop, Review: pipeline.Review{Status: pipeline.StatusApproved}, KeepNote: true, KeepReviewer: true},
		{DealID: lease, Review: pipeline.Review{Status: pipeline.StatusApproved}, KeepNote: true, KeepReviewer: true},
	}, true)
	if err != nil || len(rep.Changed) != 1 || rep.Changed[0] != backstop || rep.Unchanged != 1 {
		t.Fatalf("keep columns: %+v, %v", rep, err)
	}
	for _, d := range allDeals(t, s, pipeline.DealFilter{Status: pipeline.StatusApproved}) {
		if d.ID == backstop && (d.Review.Note != "not a deal" || d.Review.Reviewer != "ken") {
			t.Errorf("a file without note/reviewer columns cleared them: %+v", d.Review)
		}
	}
}

func TestOutbox(t *testing.T) {
	ctx := context.Background()
	s, c := openTest(t)
	r := twResult(twText, twDeals()...)
	put(t, s, r)
	aid := pipeline.ArticleID(twURL)
	lease, backstop := pipeline.DealID(aid, twDeals()[0]), pipeline.DealID(aid, twDeals()[1])

	kinds := func(items []pipeline.OutboxItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.Kind+":"+it.ID)
		}
		return out
	}
	items, err := s.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"article:" + aid, "deal:" + lease, "deal:" + backstop}
	if got := kinds(items); !reflect.DeepEqual(got, want) {
		t.Fatalf("outbox = %v, want %v", got, want)
	}
	if a := items[0].Article; a == nil || a.TextTokens == "" || a.Text != twText {
		t.Errorf("outbox article = %+v", a)
	}
	if d := items[1].Deal; d == nil || d.Review.Status != pipeline.StatusPending || d.URL != twURL || items[1].Deleted {
		t.Errorf("outbox deal = %+v", items[1])
	}

	// The same document again: nothing new, no duplicates.
	put(t, s, r)
	if n, _ := s.OutboxLen(ctx); n != 3 {
		t.Errorf("OutboxLen after same Put = %d, want 3", n)
	}

	// Delivered: ack clears; an unchanged re-Put queues nothing.
	var seqs []int64
	for _, it := range items {
		seqs = append(seqs, it.Seq)
	}
	if err := s.Ack(ctx, seqs); err != nil {
		t.Fatal(err)
	}
	put(t, s, r)
	if n, _ := s.OutboxLen(ctx); n != 0 {
		t.Errorf("OutboxLen after ack and unchanged Put = %d, want 0", n)
	}

	// Read, then changed before the ack: the newer change survives the ack.
	c.Advance(time.Hour)
	put(t, s, twResult("TeraWulf signed a ten-year lease with Fluidstack worth $3.7 billion.", twDeals()[0]))
	items, _ = s.Outbox(ctx, 10)
	if got, want := kinds(items), []string{"article:" + aid, "deal:" + backstop}; !reflect.DeepEqual(got, want) {
		t.Fatalf("outbox after supersede = %v, want %v", got, want)
	}
	if !items[1].Deal.Superseded || items[1].Deleted {
		t.Errorf("superseded deal item = %+v", items[1])
	}
	if _, err := s.ApplyReviews(ctx, []pipeline.ReviewUpdate{{DealID: backstop, Review: pipeline.Review{Status: pipeline.StatusRejected}}}, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Ack(ctx, []int64{items[0].Seq, items[1].Seq}); err != nil {
		t.Fatal(err)
	}
	items, _ = s.Outbox(ctx, 10)
	if got, want := kinds(items), []string{"deal:" + backstop}; !reflect.DeepEqual(got, want) {
		t.Fatalf("outbox after ack of an older read = %v, want %v", got, want)
	}
	if items[0].Deal.Review.Status != pipeline.StatusRejected {
		t.Errorf("outbox carries review %+v", items[0].Deal.Review)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (StoreStats{Articles: 1, Deals: 1, Superseded: 1, PendingReviews: 1, Outbox: 1, CrawlURLs: 1}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

func TestSyndicatedCopy(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	put(t, s, enIREN())
	const copyURL = "https://aggregator.example.net/story/77"
	cp := enIREN()
	cp.Page.URL, cp.Page.FetchURL, cp.Doc.Article.URL, cp.Doc.Article.Source = copyURL, copyURL, copyURL, "aggregator"
	put(t, s, cp)

	arts, _ := s.Articles(ctx, pipeline.ArticleFilter{})
	if len(arts) != 1 || arts[0].URL != enURL {
		t.Fatalf("articles = %+v, want the original only", arts)
	}
	a, _ := s.Article(ctx, arts[0].ID)
	if !reflect.DeepEqual(a.Aliases, []string{copyURL}) {
		t.Errorf("aliases = %v", a.Aliases)
	}
	d := allDeals(t, s, pipeline.DealFilter{})
	if len(d) != 1 || !reflect.DeepEqual(d[0].URLs, []string{enURL, copyURL}) {
		t.Errorf("deals = %+v, want one with both URLs", d)
	}
	cr, ok, err := s.CrawlState(ctx, copyURL)
	if err != nil || !ok || cr.ArticleID != arts[0].ID {
		t.Errorf("copy crawl state = %+v, %v, %v", cr, ok, err)
	}
}

func TestMergeAcrossSources(t *testing.T) {
	ctx := context.Background()
	s, c := openTest(t)
	put(t, s, jaIREN())
	c.Advance(time.Hour)
	put(t, s, enIREN())
	c.Advance(time.Hour)
	put(t, s, en2IREN())

	ja := pipeline.DealID(pipeline.ArticleID(jaURL), jaIREN().Doc.Deals[0])
	en := pipeline.DealID(pipeline.ArticleID(enURL), enIREN().Doc.Deals[0])
	en2 := pipeline.DealID(pipeline.ArticleID(en2URL), en2IREN().Doc.Deals[0])

	got := allDeals(t, s, pipeline.DealFilter{})
	if want := []string{en2, ja}; !reflect.DeepEqual(dealIDs(got), want) {
		t.Fatalf("deals = %v, want %v (the $9.7bn deal, then the merged $3.7bn deal)", dealIDs(got), want)
	}
	m := got[1]
	if want := []string{enURL, jaURL}; !reflect.DeepEqual(m.URLs, want) {
		t.Errorf("merged URLs = %v, want %v", m.URLs, want)
	}
	if !m.PublishedAt.Equal(*day(2026, 1, 9)) {
		t.Errorf("merged PublishedAt = %v, want the earliest, 2026-01-09", m.PublishedAt)
	}
	if got[0].URLs != nil {
		t.Errorf("unmerged deal has URLs %v", got[0].URLs)
	}

	canon, members, err := s.DealSources(ctx, en)
	if err != nil {
		t.Fatal(err)
	}
	if canon.ID != ja || len(members) != 1 || members[0].ID != en || members[0].URL != enURL || members[0].MergeReason == "" {
		t.Errorf("DealSources = %+v, %+v", canon, members)
	}
	t.Logf("merge reason: %s", members[0].MergeReason)
	items, _ := s.Outbox(ctx, 100)
	for _, it := range items {
		if it.Kind == pipeline.OutboxDeal && it.Deleted != (it.ID == en) {
			t.Errorf("outbox deal %s deleted = %v", it.ID, it.Deleted)
		}
	}

	// The canonical report drops the deal: the English one takes over, with the review.
	if _, err := s.ApplyReviews(ctx, []pipeline.ReviewUpdate{{DealID: ja, Review: pipeline.Review{Status: pipeline.StatusApproved}}}, false); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Hour)
	ret := jaIREN()
	ret.Doc.Deals = nil
	put(t, s, ret)
	got = allDeals(t, s, pipeline.DealFilter{})
	if want := []string{en2, en}; !reflect.DeepEqual(dealIDs(got), want) {
		t.Fatalf("after supersede: deals = %v, want %v", dealIDs(got), want)
	}
	if got[1].URLs != nil || got[1].Review.Status != pipeline.StatusApproved {
		t.Errorf("promoted deal = %+v", got[1])
	}
	if _, members, _ := s.DealSources(ctx, en); len(members) != 0 {
		t.Errorf("promoted deal still has members %+v", members)
	}

	// The Japanese report brings it back: it joins the English deal's group.
	c.Advance(time.Hour)
	put(t, s, jaIREN())
	got = allDeals(t, s, pipeline.DealFilter{})
	if len(got) != 2 || got[1].ID != en || !slices.Equal(got[1].URLs, []string{enURL, jaURL}) {
		t.Errorf("after reappearing: %+v", got)
	}
}

func TestDealFilters(t *testing.T) {
	s, c := openTest(t)
	put(t, s, twResult(twText, twDeals()...))
	c.Advance(time.Hour)
	put(t, s, en2IREN())
	c.Advance(time.Hour)
	put(t, s, jaIREN())
	aTW, aEN2, aJA := pipeline.ArticleID(twURL), pipeline.ArticleID(en2URL), pipeline.ArticleID(jaURL)
	lease, backstop := pipeline.DealID(aTW, twDeals()[0]), pipeline.DealID(aTW, twDeals()[1])
	// Deals of one date come by id, descending.
	tw := []string{lease, backstop}
	if lease < backstop {
		tw = []string{backstop, lease}
	}
	big := pipeline.DealID(aEN2, en2IREN().Doc.Deals[0])
	ja := pipeline.DealID(aJA, jaIREN().Doc.Deals[0])
	if _, err := s.ApplyReviews(context.Background(), []pipeline.ReviewUpdate{{DealID: big, Review: pipeline.Review{Status: pipeline.StatusRejected}}}, false); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		f    pipeline.DealFilter
		want []string
	}{
		{"all, newest first", pipeline.DealFilter{}, []string{big, tw[0], tw[1], ja}},
		{"since", pipeline.DealFilter{Since: *day(2026, 1, 15)}, []string{big, tw[0], tw[1]}},
		{"until inclusive", pipeline.DealFilter{Until: *day(2026, 1, 15)}, []string{tw[0], tw[1], ja}},
		{"company matches either party, any case", pipeline.DealFilter{Company: "fluidstack"}, tw},
		{"company", pipeline.DealFilter{Company: "IREN"}, []string{big, ja}},
		{"counterparty", pipeline.DealFilter{Counterparty: "Microsoft"}, []string{big, ja}},
		{"company by another of its names", pipeline.DealFilter{Company: "Iris Energy", CompanyNames: []string{"iren", "IREN Limited"}}, []string{big, ja}},
		{"counterparty by another of its names", pipeline.DealFilter{Counterparty: "MSFT", CounterpartyNames: []string{"Microsoft"}}, []string{big, ja}},
		{"kind", pipeline.DealFilter{Kind: pipeline.KindBackstop}, []string{backstop}},
		{"min usd", pipeline.DealFilter{MinUSD: 3e9}, []string{big, lease, ja}},
		{"status", pipeline.DealFilter{Status: pipeline.StatusPending}, []string{tw[0], tw[1], ja}},
		{"lang", pipeline.DealFilter{Lang: "ja"}, []string{ja}},
		{"source", pipeline.DealFilter{Source: "minewire"}, []string{big, tw[0], tw[1]}},
		{"limit", pipeline.DealFilter{Limit: 2}, []string{big, tw[0]}},
		{"none", pipeline.DealFilter{Company: "CoreWeave"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dealIDs(allDeals(t, s, tc.f)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
}
