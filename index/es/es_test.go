package es

import (
	"bytes"
	"context"
	"encoding/base64"
	"log/slog"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

var testNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func quickBackoff(int) time.Duration { return time.Millisecond }

// newTestClient builds a client for the fake with basic auth from a fake environment.
func newTestClient(t testing.TB, f *fakeES, opt Options) *Client {
	t.Helper()
	f.user, f.pass = "kozan-writer", "s3cret-pa55word"
	if opt.Getenv == nil {
		opt.Getenv = fakeEnv(map[string]string{EnvUsername: f.user, EnvPassword: f.pass})
	}
	if opt.Backoff == nil {
		opt.Backoff = quickBackoff
	}
	if opt.Now == nil {
		opt.Now = func() time.Time { return testNow }
	}
	c, err := New(Config{Addresses: []string{f.srv.URL}, IndexPrefix: "kozan", Timeout: 5 * time.Second}, opt)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func fakeEnv(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func ptrTime(t time.Time) *time.Time { return &t }
func ptrF(f float64) *float64        { return &f }

// Fixtures: short articles written for these tests.
func jaArticle() *pipeline.Article {
	return &pipeline.Article{
		ID: pipeline.ArticleID("https://news.example.jp/a/101"), URL: "https://news.example.jp/a/101",
		Title: "北辰マイニング、AI向けデータセンターで長期契約", Lang: "ja", Source: "example-ja",
		PublishedAt: ptrTime(time.Date(2026, 2, 27, 1, 0, 0, 0, time.UTC)),
		Text:        "北辰マイニングは27日、クラウド事業者の蒼天クラウドとAI向け計算基盤の10年契約を結んだと発表した。契約総額は約32億ドル。同社はビットコイン採掘設備の一部を転用する。",
		TitleTokens: "北辰 マイニング 、 AI 向け データ センター で 長期 契約",
		TextTokens:  "北辰 マイニング は 27 日 、 クラウド 事業 者 の 蒼天 クラウド と AI 向け 計算 基盤 の 10 年 契約 を 結ん だ と 発表 し た 。 契約 総額 は 約 32 億 ドル 。 同社 は ビットコイン 採掘 設備 の 一部 を 転用 する 。",
	}
}

func enArticle() *pipeline.Article {
	return &pipeline.Article{
		ID: pipeline.ArticleID("https://news.example.com/2026/ridgeway-lease"), URL: "https://news.example.com/2026/ridgeway-lease",
		Title: "Ridgeway Bitcoin signs 200 MW lease with Larchmont AI", Lang: "en", Source: "example-en",
		PublishedAt: ptrTime(time.Date(2026, 2, 25, 14, 0, 0, 0, time.UTC)),
		Text:        "Ridgeway Bitcoin said on Tuesday it signed a 15-year lease with Larchmont AI for 200 MW at its Texas campus. The contract is worth about $4.1 billion. Mining will continue at its other sites.",
		TitleTokens: "ridgeway bitcoin signs 200 mw lease with larchmont ai",
		TextTokens:  "ridgeway bitcoin said on tuesday it signed a 15 year lease with larchmont ai for 200 mw at its texas campus the contract is worth about 4.1 billion mining will continue at its other sites",
	}
}

func dealRecord(a *pipeline.Article, company, cp string, kind pipeline.Kind, usd float64, review pipeline.Review) *pipeline.DealRecord {
	d := pipeline.Deal{Company: company, Counterparty: pipeline.NullString(cp), Kind: kind,
		Amount:   &pipeline.Amount{Value: usd, Currency: "USD", Approx: true, Qualifier: pipeline.QualAbout, Text: "about", USD: ptrF(usd)},
		Evidence: strings.SplitAfter(a.Text, "。")[0], EvidenceSpan: [2]int{0, 40}, Confidence: 0.85, TermYears: ptrF(10)}
	return &pipeline.DealRecord{Deal: d, ID: pipeline.DealID(a.ID, d), ArticleID: a.ID, URL: a.URL, Title: a.Title,
		Source: a.Source, Lang: a.Lang, PublishedAt: a.PublishedAt, ExtractedAt: testNow, Review: review}
}

func demoItems() []pipeline.OutboxItem {
	ja, en := jaArticle(), enArticle()
	d1 := dealRecord(ja, "北辰マイニング", "蒼天クラウド", pipeline.KindHPCContract, 3.2e9, pipeline.Review{Status: pipeline.StatusPending})
	d2 := dealRecord(en, "Ridgeway Bitcoin", "Larchmont AI", pipeline.KindLease, 4.1e9, pipeline.Review{})
	return []pipeline.OutboxItem{
		{Seq: 1, Kind: pipeline.OutboxArticle, ID: ja.ID, Article: ja},
		{Seq: 2, Kind: pipeline.OutboxArticle, ID: en.ID, Article: en},
		{Seq: 3, Kind: pipeline.OutboxDeal, ID: d1.ID, Deal: d1},
		{Seq: 4, Kind: pipeline.OutboxDeal, ID: d2.ID, Deal: d2},
	}
}

func seqs(items []pipeline.OutboxItem) []int64 {
	var out []int64
	for _, it := range items {
		out = append(out, it.Seq)
	}
	return out
}

func sorted(xs []int64) []int64 { ys := slices.Clone(xs); slices.Sort(ys); return ys }

func TestNewRequiresAddresses(t *testing.T) {
	if _, err := New(Config{}, Options{}); err == nil {
		t.Fatal("New without addresses: got nil error")
	}
	if _, err := New(Config{Addresses: []string{"https://127.0.0.1:1"}, CAFile: "testdata/missing.pem"}, Options{}); err == nil {
		t.Fatal("New with a missing ca_file: got nil error")
	}
}

func TestCredentialsAndLogs(t *testing.T) {
	const apiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="
	cases := []struct {
		name   string
		env    map[string]string
		secret []string
		setup  func(f *fakeES)
	}{
		{"basic", map[string]string{EnvUsername: "writer", EnvPassword: "hunter2-very-secret"},
			[]string{"hunter2-very-secret", base64.StdEncoding.EncodeToString([]byte("writer:hunter2-very-secret"))},
			func(f *fakeES) { f.user, f.pass = "writer", "hunter2-very-secret" }},
		{"api key wins", map[string]string{EnvAPIKey: apiKey, EnvUsername: "writer", EnvPassword: "not-used-pw"},
			[]string{apiKey, "not-used-pw"},
			func(f *fakeES) { f.apiKey = apiKey }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeES(t)
			tc.setup(f)
			var buf bytes.Buffer
			log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
			c, err := New(Config{Addresses: []string{f.srv.URL}}, Options{Logger: log, Getenv: fakeEnv(tc.env), Backoff: quickBackoff})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if _, err := c.Setup(ctx); err != nil {
				t.Fatalf("Setup: %v", err)
			}
			if _, err := c.Index(ctx, demoItems()); err != nil {
				t.Fatalf("Index: %v", err)
			}
			// A failing call (wrong credentials) must not leak either.
			f.mu.Lock()
			f.pass, f.apiKey = "changed", strings.Repeat("x", 8)
			f.mu.Unlock()
			_, err = c.Search(ctx, "lease", "lease", 5)
			if err == nil {
				t.Fatal("Search with rejected credentials: got nil error")
			}
			out := buf.String() + err.Error()
			if !strings.Contains(buf.String(), "elasticsearch request") {
				t.Fatalf("debug log has no request records:\n%s", buf.String())
			}
			for _, s := range tc.secret {
				if strings.Contains(out, s) {
					t.Errorf("log or error contains the secret %q", s)
				}
			}
		})
	}
}

func TestProductCheck(t *testing.T) {
	f := newFakeES(t)
	f.noHeader = true
	c := newTestClient(t, f, Options{})
	err := c.Ping(context.Background())
	if err == nil || !strings.Contains(err.Error(), "not Elasticsearch") {
		t.Fatalf("Ping against a server without X-Elastic-Product: got %v, want the product check error", err)
	}
}

func TestSetupIdempotent(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	ctx := context.Background()
	rep, err := c.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range rep.Indices {
		if !s.TemplateUpdated || !s.IndexCreated || !s.AliasMoved || s.Version != 1 || s.Index != s.Alias+"-v1" {
			t.Errorf("first setup of %s: %+v", s.Alias, s)
		}
	}
	if got, want := f.aliases["kozan-deals"], map[string]bool{"kozan-deals-v1": true}; !mapsEqual(got, want) {
		t.Errorf("alias kozan-deals: got %v, want %v", got, want)
	}
	// The template JSON carries what the mapping promises.
	tpl := f.templates["kozan-deals"]["template"].(map[string]any)
	props := tpl["mappings"].(map[string]any)["properties"].(map[string]any)
	if got := props["amount_usd"].(map[string]any); got["type"] != "scaled_float" || got["scaling_factor"] != float64(100) {
		t.Errorf("amount_usd mapping: %v", got)
	}
	an := tpl["settings"].(map[string]any)["analysis"].(map[string]any)["analyzer"].(map[string]any)[TokensAnalyzer].(map[string]any)
	if an["tokenizer"] != "whitespace" || !slices.Equal(toStrings(an["filter"]), []string{"cjk_width", "lowercase"}) {
		t.Errorf("tokens analyzer: %v", an)
	}

	n := len(f.requests)
	rep, err = c.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed() {
		t.Errorf("second setup changed something: %+v", rep)
	}
	for _, r := range f.requests[n:] {
		if !strings.HasPrefix(r, "GET ") && !strings.HasPrefix(r, "HEAD ") {
			t.Errorf("second setup wrote: %s", r)
		}
	}
}

func TestSetupMappingChange(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Index(ctx, demoItems()); err != nil {
		t.Fatal(err)
	}
	// Pretend v1 was made by an older mapping.
	f.templates["kozan-deals"]["_meta"].(map[string]any)["mapping_hash"] = "0ld0ld0ld0ld0ld0"
	n := len(f.requests)
	rep, err := c.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var deals IndexSetup
	for _, s := range rep.Indices {
		if s.Alias == "kozan-deals" {
			deals = s
		} else if s.TemplateUpdated || s.AliasMoved {
			t.Errorf("%s changed though its mapping did not: %+v", s.Alias, s)
		}
	}
	want := IndexSetup{Alias: "kozan-deals", Index: "kozan-deals-v2", Version: 2, Hash: deals.Hash, TemplateUpdated: true,
		IndexCreated: true, AliasMoved: true, Previous: []string{"kozan-deals-v1"}, Reindexed: 2}
	if !equalSetup(deals, want) {
		t.Errorf("mapping change:\n got %+v\nwant %+v", deals, want)
	}
	if got, want := f.aliases["kozan-deals"], map[string]bool{"kozan-deals-v2": true}; !mapsEqual(got, want) {
		t.Errorf("alias after the move: got %v, want %v", got, want)
	}
	aliasCalls := 0
	for _, r := range f.requests[n:] {
		if r == "POST /_aliases" {
			aliasCalls++
		}
	}
	if aliasCalls != 1 {
		t.Errorf("%d _aliases calls, want 1 (atomic move)", aliasCalls)
	}
	if f.count("kozan-deals-v1") != 2 || f.count("kozan-deals-v2") != 2 {
		t.Errorf("docs: v1 %d (kept), v2 %d (reindexed); want 2 and 2", f.count("kozan-deals-v1"), f.count("kozan-deals-v2"))
	}
	// And again: nothing more to do.
	rep, err = c.Setup(ctx)
	if err != nil || rep.Changed() {
		t.Errorf("setup after the move: changed=%v err=%v", rep.Changed(), err)
	}
}

func TestSetupResumesInterruptedReindex(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Index(ctx, demoItems()); err != nil {
		t.Fatal(err)
	}
	f.templates["kozan-deals"]["_meta"].(map[string]any)["mapping_hash"] = "0ld0ld0ld0ld0ld0"
	f.reindexErr = true
	if _, err := c.Setup(ctx); err == nil || !strings.Contains(err.Error(), "node closed during reindex") {
		t.Fatalf("setup with a failing reindex: got %v", err)
	}
	if got := f.templates["kozan-deals"]["_meta"].(map[string]any)["migrate_from"]; got == nil {
		t.Fatal("template _meta has no migrate_from marker after the failed copy")
	}
	if f.count("kozan-deals-v2") != 0 {
		t.Fatalf("v2 has %d docs before the resumed copy", f.count("kozan-deals-v2"))
	}
	rep, err := c.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := rep.Indices[1]; d.Reindexed != 2 || d.Version != 2 || !slices.Equal(d.Previous, []string{"kozan-deals-v1"}) {
		t.Errorf("resumed setup: %+v", d)
	}
	if f.count("kozan-deals-v2") != 2 || f.templates["kozan-deals"]["_meta"].(map[string]any)["migrate_from"] != nil {
		t.Errorf("after resume: v2 has %d docs, marker %v", f.count("kozan-deals-v2"), f.templates["kozan-deals"]["_meta"])
	}
	if rep, err := c.Setup(ctx); err != nil || rep.Changed() {
		t.Errorf("setup after the resume: %v %v", rep, err)
	}
}

func TestSetupAliasNameTaken(t *testing.T) {
	f := newFakeES(t)
	f.indices["kozan-articles"] = map[string]map[string]any{}
	c := newTestClient(t, f, Options{})
	_, err := c.Setup(context.Background())
	if err == nil || !strings.Contains(err.Error(), "exists where the alias should be") {
		t.Fatalf("got %v, want an error about the index named like the alias", err)
	}
}

func TestIndexAndRerun(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{Tokenize: strings.ToLower})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	items := demoItems()
	rep, err := c.Index(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sorted(rep.Acked), seqs(items); !slices.Equal(got, want) || rep.Indexed != 4 || rep.Pending != 0 || rep.Failed != 0 {
		t.Fatalf("report %+v, want all of %v acked", rep, want)
	}
	// The bulk body: actions on the aliases, deals as update+upsert.
	lines := f.bulkBodies[0]
	if len(lines) != 8 {
		t.Fatalf("bulk body has %d lines, want 8", len(lines))
	}
	for i := 0; i < len(lines); i += 2 {
		for action, m := range lines[i] {
			meta := m.(map[string]any)
			it := items[i/2]
			want := map[string]string{pipeline.OutboxArticle: "index", pipeline.OutboxDeal: "update"}[it.Kind]
			if action != want || meta["_id"] != it.ID || !strings.HasSuffix(meta["_index"].(string), map[string]string{"index": "-articles", "update": "-deals"}[want]) {
				t.Errorf("bulk line %d: %s %v, want %s of %s on the alias", i, action, meta, want, it.ID)
			}
		}
	}
	if _, ok := lines[5]["doc_as_upsert"]; !ok { // deal with a review status
		t.Errorf("deal with a review: want doc_as_upsert, got %v", keys(lines[5]))
	}
	if _, ok := lines[7]["upsert"]; !ok { // deal without a review status
		t.Errorf("deal without a review: want a separate upsert, got %v", keys(lines[7]))
	}
	d2 := items[3].Deal
	doc := f.doc("kozan-deals-v1", d2.ID)
	if got := doc["review"].(map[string]any)["status"]; got != pipeline.StatusPending {
		t.Errorf("new deal review.status %v, want pending", got)
	}
	if got := doc["evidence_tokens"]; got != strings.ToLower(d2.Evidence) {
		t.Errorf("evidence_tokens %q, want the Tokenize output", got)
	}
	if got := doc["url"].(map[string]any)["full"]; got != d2.URL {
		t.Errorf("url.full %v", got)
	}
	if got := doc["@timestamp"]; got != d2.PublishedAt.Format(time.RFC3339) {
		t.Errorf("@timestamp %v, want published_at", got)
	}

	// A reviewer approves in the store; ES gets it.
	d2.Review = pipeline.Review{Status: pipeline.StatusApproved, Reviewer: "aki", Note: "checked", ReviewedAt: ptrTime(testNow)}
	if _, err := c.Index(ctx, []pipeline.OutboxItem{items[3]}); err != nil {
		t.Fatal(err)
	}
	// A re-run sends everything again, the deal without a review: no duplicates, review kept.
	d2.Review = pipeline.Review{}
	rep, err = c.Index(ctx, items)
	if err != nil || len(rep.Acked) != 4 {
		t.Fatalf("re-run: %+v, %v", rep, err)
	}
	if f.count("kozan-articles-v1") != 2 || f.count("kozan-deals-v1") != 2 {
		t.Errorf("after re-run: %d articles, %d deals; want 2 and 2", f.count("kozan-articles-v1"), f.count("kozan-deals-v1"))
	}
	rv := f.doc("kozan-deals-v1", d2.ID)["review"].(map[string]any)
	if rv["status"] != pipeline.StatusApproved || rv["reviewer"] != "aki" {
		t.Errorf("review after re-run: %v, want approved by aki", rv)
	}
}

func TestIndexPartialFailures(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{ItemPasses: 2})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	items := demoItems()
	f.itemFault[items[0].ID] = []int{429}           // retried once, then fine
	f.itemFault[items[1].ID] = []int{503, 503, 503} // never succeeds within 1+2 passes
	f.itemFault[items[2].ID] = []int{400}           // rejected
	rep, err := c.Index(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sorted(rep.Acked), []int64{1, 4}; !slices.Equal(got, want) {
		t.Errorf("acked %v, want %v", got, want)
	}
	if !slices.Equal(rep.Rejected, []int64{3}) {
		t.Errorf("rejected %v, want [3]", rep.Rejected)
	}
	if rep.Retried != 3 || rep.Failed != 2 || rep.Pending != 2 || rep.Indexed != 2 {
		t.Errorf("report %+v: want retried 3 (1+2), failed 2, pending 2, indexed 2", rep)
	}
	joined := strings.Join(rep.Errors, "\n")
	for _, want := range []string{"400 document_parsing_exception", "503 es_rejected_execution_exception"} {
		if !strings.Contains(joined, want) {
			t.Errorf("errors %q lack %q", joined, want)
		}
	}
}

func TestIndexBadItems(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	if _, err := c.Setup(context.Background()); err != nil {
		t.Fatal(err)
	}
	items := []pipeline.OutboxItem{
		{Seq: 7, Kind: pipeline.OutboxDeal, ID: "x"},
		{Seq: 8, Kind: "video", ID: "y"},
		{Seq: 9, Kind: pipeline.OutboxDeal, ID: "gone", Deleted: true},
	}
	rep, err := c.Index(context.Background(), items)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Rejected, []int64{7, 8}) || !slices.Equal(rep.Acked, []int64{9}) || len(rep.Errors) != 2 {
		t.Errorf("report %+v: want 7 and 8 rejected, the delete of a missing doc acked", rep)
	}
}

func TestIndexWholeBulk429Retried(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	f.bulkFail = []int{429, 503}
	rep, err := c.Index(ctx, demoItems())
	if err != nil || len(rep.Acked) != 4 {
		t.Fatalf("report %+v, err %v: want the transport to retry the bulk request", rep, err)
	}
	if got := len(f.bulkBodies); got != 3 {
		t.Errorf("%d bulk requests, want 3 (429, 503, 200)", got)
	}
}

func TestIndexOutageThenSync(t *testing.T) {
	cases := []struct {
		name   string
		outage func(f *fakeES)
	}{
		{"connections dropped", func(f *fakeES) { f.setDown(true) }},
		{"bulk answers 503 past the retries", func(f *fakeES) { f.bulkFail = []int{503, 503, 503, 503, 503, 503, 503} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeES(t)
			c := newTestClient(t, f, Options{MaxRetries: 2})
			ctx := context.Background()
			if _, err := c.Setup(ctx); err != nil {
				t.Fatal(err)
			}
			items := demoItems()
			tc.outage(f)
			rep, err := c.Index(ctx, items)
			if err == nil {
				t.Fatal("Index during an outage: got nil error")
			}
			if len(rep.Acked) != 0 || rep.Pending != len(items) {
				t.Fatalf("outage report %+v: want nothing acked, all pending", rep)
			}
			// Back up: the outbox sends the same items again.
			f.setDown(false)
			f.bulkFail = nil
			rep, err = c.Index(ctx, items)
			if err != nil || !slices.Equal(sorted(rep.Acked), seqs(items)) {
				t.Fatalf("sync: %+v, %v", rep, err)
			}
			if f.count("kozan-articles-v1") != 2 || f.count("kozan-deals-v1") != 2 {
				t.Errorf("after sync: %d articles, %d deals", f.count("kozan-articles-v1"), f.count("kozan-deals-v1"))
			}
		})
	}
}

func TestDeadServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := "http://" + l.Addr().String()
	l.Close()
	c, err := New(Config{Addresses: []string{addr}}, Options{Backoff: quickBackoff, MaxRetries: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.Setup(ctx); err == nil {
		t.Error("Setup against a dead server: got nil error")
	}
	rep, err := c.Index(ctx, demoItems())
	if err == nil || len(rep.Acked) != 0 || rep.Pending != 4 {
		t.Errorf("Index against a dead server: %+v, %v; want an error, all pending", rep, err)
	}
	if _, err := c.Search(ctx, "lease", "", 3); err == nil {
		t.Error("Search against a dead server: got nil error")
	}
}

func TestSearch(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Index(ctx, demoItems()); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, query, tokens string
		wantURL, wantSnip   string
	}{
		{"japanese tokens", "蒼天クラウド 契約", "蒼天 クラウド 契約", "https://news.example.jp/a/101",
			"北辰マイニングは27日、[クラウド]事業者の[蒼天クラウド]とAI向け計算基盤の10年[契約]を結んだと発表した。"},
		{"english", "Larchmont lease", "larchmont lease", "https://news.example.com/2026/ridgeway-lease",
			"Ridgeway Bitcoin said on Tuesday it signed a 15-year [lease] with [Larchmont] AI for 200 MW at its Texas campus."},
		{"raw phrase only", "32億ドル", "", "https://news.example.jp/a/101", "契約総額は約[32億ドル]。"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := c.Search(ctx, tc.query, tc.tokens, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 1 {
				t.Fatalf("%d hits, want 1: %+v", len(hits), hits)
			}
			h := hits[0]
			if h.URL != tc.wantURL || h.Snippet != tc.wantSnip || h.ArticleID == "" || h.PublishedAt == nil {
				t.Errorf("hit %+v\nwant url %s snippet %q", h, tc.wantURL, tc.wantSnip)
			}
		})
	}
	if _, err := c.Search(ctx, " ", "", 5); err == nil {
		t.Error("empty query: got nil error")
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func equalSetup(a, b IndexSetup) bool {
	return a.Alias == b.Alias && a.Index == b.Index && a.Version == b.Version && a.Hash == b.Hash &&
		a.TemplateUpdated == b.TemplateUpdated && a.IndexCreated == b.IndexCreated && a.AliasMoved == b.AliasMoved &&
		slices.Equal(a.Previous, b.Previous) && a.Reindexed == b.Reindexed
}

func TestSetupReportString(t *testing.T) {
	rep := SetupReport{Indices: []IndexSetup{
		{Alias: "kozan-articles", Index: "kozan-articles-v1"},
		{Alias: "kozan-deals", Index: "kozan-deals-v2", TemplateUpdated: true, IndexCreated: true, AliasMoved: true,
			Previous: []string{"kozan-deals-v1"}, Reindexed: 12},
	}}
	want := "kozan-articles -> kozan-articles-v1 (unchanged); kozan-deals -> kozan-deals-v2 (template updated, index created, alias moved from kozan-deals-v1, 12 reindexed)"
	if got := rep.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestDealDocCanonical: with Options.Canonical, company and counterparty
// hold the company list's names (one bar per company in Kibana) and the
// *_written fields the article's spelling; a name the list keeps as it is
// gets no *_written field.
func TestDealDocCanonical(t *testing.T) {
	canon := map[string]string{"Cipher Mining": "Cipher Digital", "AWS": "Amazon Web Services"}
	c, err := New(Config{Addresses: []string{"http://127.0.0.1:1"}}, Options{Canonical: func(n string) string {
		if v, ok := canon[n]; ok {
			return v
		}
		return n
	}})
	if err != nil {
		t.Fatal(err)
	}
	en := enArticle()
	d, err := c.dealDoc("", dealRecord(en, "Cipher Mining", "AWS", pipeline.KindLease, 5.5e9, pipeline.Review{}))
	if err != nil {
		t.Fatal(err)
	}
	if d.Company != "Cipher Digital" || d.CompanyWritten != "Cipher Mining" || *d.Counterparty != "Amazon Web Services" ||
		d.CounterpartyWritten == nil || *d.CounterpartyWritten != "AWS" {
		t.Errorf("doc names: company %q (written %q), counterparty %q (written %v)", d.Company, d.CompanyWritten, *d.Counterparty, d.CounterpartyWritten)
	}
	d, err = c.dealDoc("", dealRecord(en, "Hut 8", "", pipeline.KindFinancing, 1e8, pipeline.Review{}))
	if err != nil {
		t.Fatal(err)
	}
	if d.Company != "Hut 8" || d.CompanyWritten != "" || d.Counterparty != nil || d.CounterpartyWritten != nil {
		t.Errorf("unchanged names: %+v", d)
	}
}
