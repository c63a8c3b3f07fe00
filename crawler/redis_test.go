package crawler

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// redisShared returns a Shared on the test Redis with a key prefix of its
// own, or skips the test.
func testRedis(t *testing.T, prefix string) Shared {
	t.Helper()
	u := os.Getenv("KOZAN_TEST_REDIS_URL")
	if u == "" {
		t.Skip("KOZAN_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/0); skipping the Redis scale-out test")
	}
	sh, closeFn, err := NewRedisShared(context.Background(), u, RedisOptions{Prefix: prefix, TTL: time.Minute})
	if err != nil {
		t.Fatalf("NewRedisShared: %v", err)
	}
	t.Cleanup(func() { closeFn() })
	return sh
}

func TestRedisTwoCrawlers(t *testing.T) {
	prefix := fmt.Sprintf("kozan:test:%d:", time.Now().UnixNano())
	s := newSite(t)
	cfg := s.config()
	var (
		mu    sync.Mutex
		pages []pipeline.Page
		per   [2]int
		wg    sync.WaitGroup
		errs  [2]error
	)
	for i := range 2 {
		c := newTestCrawler(t, s, cfg, newFakeState(), testRedis(t, prefix))
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := c.Crawl2(t)
			errs[i] = err
			mu.Lock()
			defer mu.Unlock()
			for _, p := range got {
				pages = append(pages, p)
				per[i]++
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("crawler %d: %v", i, err)
		}
	}
	t.Logf("pages emitted per crawler: %v", per)
	if per[0] == 0 || per[1] == 0 {
		t.Logf("one crawler did all the work (allowed, but the split was not exercised)")
	}
	seen := map[string]int{}
	for _, p := range pages {
		if !p.NotModified {
			seen[strings.TrimPrefix(p.URL, s.srv.URL)]++
		}
	}
	for _, p := range wantArticles {
		if seen[p] != 1 {
			t.Errorf("%s emitted %d times between the crawlers, want 1", p, seen[p])
		}
	}
	for path, n := range s.ok200() {
		if path == "/robots.txt" {
			continue // each process reads robots.txt itself
		}
		if n != 1 {
			t.Errorf("%s fetched with 200 %d times between the crawlers, want 1", path, n)
		}
	}
	for _, p := range neverRequested {
		if n := s.requested(p); n != 0 {
			t.Errorf("%s requested %d times, want never", p, n)
		}
	}
}

func TestRedisSharedContract(t *testing.T) {
	sh := testRedis(t, fmt.Sprintf("kozan:test:%d:", time.Now().UnixNano()))
	testSharedContract(t, sh)
}

func TestMemorySharedContract(t *testing.T) { testSharedContract(t, NewMemoryShared()) }

// TestRedisLeaseTakeover: a process that took a task and died (never called
// Done) does not strand it: once the lease runs out another process gets it,
// and the crawl's pending count reaches zero exactly once.
func TestRedisLeaseTakeover(t *testing.T) {
	u := os.Getenv("KOZAN_TEST_REDIS_URL")
	if u == "" {
		t.Skip("KOZAN_TEST_REDIS_URL is not set; skipping the Redis lease test")
	}
	ctx := context.Background()
	prefix := fmt.Sprintf("kozan:test:%d:", time.Now().UnixNano())
	open := func() Shared {
		sh, closeFn, err := NewRedisShared(ctx, u, RedisOptions{Prefix: prefix, TTL: time.Minute, Lease: 300 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { closeFn() })
		return sh
	}
	dead, alive := open(), open()
	for _, p := range []string{"/1", "/2"} {
		if _, err := dead.Enqueue(ctx, Task{URL: "http://a.example" + p, Kind: KindArticle}); err != nil {
			t.Fatal(err)
		}
	}
	taken, ok, err := dead.Next(ctx) // and then the process dies
	if err != nil || !ok {
		t.Fatalf("Next = %v, %v", ok, err)
	}
	other, ok, _ := alive.Next(ctx)
	if !ok || other.URL == taken.URL {
		t.Fatalf("second process got %+v, %v; want the other task", other, ok)
	}
	if err := alive.Done(ctx, other); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := alive.Next(ctx); ok {
		t.Fatal("a leased task was handed out before its lease ran out")
	}
	time.Sleep(400 * time.Millisecond)
	again, ok, err := alive.Next(ctx)
	if err != nil || !ok || again.URL != taken.URL {
		t.Fatalf("after the lease: Next = %+v, %v, %v; want %s", again, ok, err, taken.URL)
	}
	if err := alive.Done(ctx, again); err != nil {
		t.Fatal(err)
	}
	if err := dead.Done(ctx, taken); err != nil { // a late holder finishing too
		t.Fatal(err)
	}
	if n, _ := alive.Pending(ctx); n != 0 {
		t.Errorf("Pending = %d, want 0", n)
	}
}

func testSharedContract(t *testing.T, sh Shared) {
	ctx := context.Background()
	added, err := sh.Enqueue(ctx, Task{URL: "http://a.example/1", Kind: KindArticle, Source: "s", Depth: 1})
	if err != nil || !added {
		t.Fatalf("first Enqueue = %v, %v; want true", added, err)
	}
	if added, _ := sh.Enqueue(ctx, Task{URL: "http://a.example/1", Kind: KindListing}); added {
		t.Errorf("second Enqueue of the same URL added it")
	}
	if n, _ := sh.Pending(ctx); n != 1 {
		t.Errorf("Pending = %d, want 1", n)
	}
	got, ok, err := sh.Next(ctx)
	if err != nil || !ok || got.URL != "http://a.example/1" || got.Kind != KindArticle || got.Depth != 1 {
		t.Errorf("Next = %+v, %v, %v", got, ok, err)
	}
	if _, ok, _ := sh.Next(ctx); ok {
		t.Errorf("Next on an empty frontier returned a task")
	}
	if err := sh.Done(ctx, got); err != nil {
		t.Fatal(err)
	}
	if n, _ := sh.Pending(ctx); n != 0 {
		t.Errorf("Pending after Done = %d, want 0", n)
	}
	if first, _ := sh.Claim(ctx, "k"); !first {
		t.Errorf("first Claim = false")
	}
	if first, _ := sh.Claim(ctx, "k"); first {
		t.Errorf("second Claim = true")
	}
	if w, _ := sh.HostSlot(ctx, "h:1", 200*time.Millisecond); w != 0 {
		t.Errorf("first HostSlot wait = %v, want 0", w)
	}
	if w, _ := sh.HostSlot(ctx, "h:1", 200*time.Millisecond); w <= 0 || w > 200*time.Millisecond {
		t.Errorf("second HostSlot wait = %v, want (0, 200ms]", w)
	}
}

// testRedisFingerprints opens n RedisShared on the test Redis, as n
// processes would, sharing a key prefix of their own (deleted afterwards:
// the fingerprint list does not expire), or skips the test.
func testRedisFingerprints(t *testing.T, n int) []*RedisShared {
	t.Helper()
	u := os.Getenv("KOZAN_TEST_REDIS_URL")
	if u == "" {
		t.Skip("KOZAN_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/0); skipping the shared fingerprint test")
	}
	prefix := fmt.Sprintf("kozan:test:%d:", time.Now().UnixNano())
	var out []*RedisShared
	for range n {
		sh, closeFn, err := NewRedisShared(context.Background(), u, RedisOptions{Prefix: prefix, TTL: time.Minute})
		if err != nil {
			t.Fatalf("NewRedisShared: %v", err)
		}
		t.Cleanup(func() { closeFn() })
		out = append(out, sh)
	}
	t.Cleanup(func() { out[0].rdb.Del(context.Background(), out[0].key("fingerprints")) })
	return out
}

// TestRedisClaimFingerprint: a fingerprint near one another process
// recorded names that process's article; a far one is recorded; a
// process's stale view is brought up to date before it records anything.
func TestRedisClaimFingerprint(t *testing.T) {
	ctx := context.Background()
	sh := testRedisFingerprints(t, 2)
	a, b := sh[0], sh[1]
	const (
		story = 0x0f0f_0f0f_1234_5678
		other = 0x7777_0000_aaaa_5555
	)
	steps := []struct {
		name string
		who  *RedisShared
		url  string
		fp   uint64
		bits int
		want string
	}{
		{"first article", a, "https://a.example/story", story, 8, ""},
		{"copy, other process", b, "https://b.example/copy", story ^ 0b1011_0001, 8, "https://a.example/story"},
		{"copy, too far for 3 bits", b, "https://b.example/copy2", story ^ 0b1011_0001, 3, ""},
		{"unrelated", b, "https://b.example/other", other, 8, ""},
		{"stale process sees the newer entry", a, "https://a.example/other-copy", other ^ 1, 8, "https://b.example/other"},
		{"the same URL again is no copy of itself", a, "https://a.example/story", story, 0, ""},
		{"exact copy, 0 bits", a, "https://a.example/again", story, 0, "https://a.example/story"},
	}
	for _, st := range steps {
		got, err := st.who.ClaimFingerprint(ctx, st.url, st.fp, st.bits)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want {
			t.Errorf("%s: ClaimFingerprint(%s) = %q, want %q", st.name, st.url, got, st.want)
		}
	}
}

// TestRedisClaimFingerprintRace: processes storing near-identical articles
// at the same moment agree on one original.
func TestRedisClaimFingerprintRace(t *testing.T) {
	ctx := context.Background()
	const n = 6
	sh := testRedisFingerprints(t, n)
	got := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = sh[i].ClaimFingerprint(ctx, fmt.Sprintf("https://p%d.example/story", i), 0xabcdef^uint64(1<<i), 8)
		}()
	}
	wg.Wait()
	var originals []int
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if got[i] == "" {
			originals = append(originals, i)
		}
	}
	if len(originals) != 1 {
		t.Fatalf("%d processes recorded their article as the original (%v), want 1", len(originals), got)
	}
	want := fmt.Sprintf("https://p%d.example/story", originals[0])
	for i := range n {
		if i != originals[0] && got[i] != want {
			t.Errorf("process %d: original %q, want %q", i, got[i], want)
		}
	}
}
