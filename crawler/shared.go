package crawler

import (
	"context"
	"sync"
	"time"
)

// TaskKind says what a fetched URL is expected to hold.
type TaskKind string

// Task kinds.
const (
	KindFeed    TaskKind = "feed"    // RSS/RDF/Atom feed: items are articles
	KindSitemap TaskKind = "sitemap" // sitemap index or urlset
	KindListing TaskKind = "listing" // HTML page whose links lead to articles
	KindArticle TaskKind = "article" // article candidate: emitted as a Page
)

// Task is one URL in the frontier. It is JSON-encoded in a shared frontier.
type Task struct {
	URL       string     `json:"u"`           // canonical URL to fetch
	Kind      TaskKind   `json:"k"`           // what the URL is expected to hold
	Source    string     `json:"s"`           // configured source name
	Depth     int        `json:"d"`           // listing depth (start_urls are 0)
	Aliases   []string   `json:"a,omitempty"` // the URLs as discovered, when they differ from URL
	HintTitle string     `json:"t,omitempty"` // title from a feed or news sitemap
	HintDate  *time.Time `json:"h,omitempty"` // publication date from a feed or sitemap

	raw string // the frontier entry it was read from (Redis), to find it again in Done
}

// Shared is the crawl state several workers (and, with Redis, several
// processes) share during one crawl: the frontier, the visited set, one-time
// claims and per-host request slots.
type Shared interface {
	// Enqueue adds t to the frontier unless t.URL was enqueued before in this
	// crawl, atomically, and reports whether it was added.
	Enqueue(ctx context.Context, t Task) (bool, error)
	// Next takes a task from the frontier; ok is false when it is empty now.
	// A shared frontier lends the task for a lease: a task whose holder
	// neither finished it nor came back within the lease (a crashed
	// process) is handed out again.
	Next(ctx context.Context) (t Task, ok bool, err error)
	// Done marks a task taken with Next as finished.
	Done(ctx context.Context, t Task) error
	// Pending is the number of enqueued tasks not yet done, by every worker.
	Pending(ctx context.Context) (int64, error)
	// Claim records key once per crawl and reports whether the caller was first.
	Claim(ctx context.Context, key string) (bool, error)
	// HostSlot takes the request slot for host when the previous one is at
	// least delay old and returns 0; otherwise it takes nothing and returns
	// how long to wait before asking again. (The delay is the one the caller
	// knows now, so a Crawl-delay learnt from robots.txt applies from the
	// robots.txt request on.)
	HostSlot(ctx context.Context, host string, delay time.Duration) (time.Duration, error)
}

// memShared is the in-memory Shared used by a single process. Its memory
// grows with the URLs seen in this crawl only, never with the store.
type memShared struct {
	mu      sync.Mutex
	seen    map[string]struct{}
	claims  map[string]struct{}
	queue   []Task
	head    int
	pending int64
	last    map[string]time.Time // start of the latest request slot per host
	now     func() time.Time
}

// NewMemoryShared returns an in-memory Shared for one process and one crawl.
func NewMemoryShared() Shared {
	return &memShared{seen: map[string]struct{}{}, claims: map[string]struct{}{}, last: map[string]time.Time{}, now: time.Now}
}

func (m *memShared) Enqueue(_ context.Context, t Task) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.seen[t.URL]; ok {
		return false, nil
	}
	m.seen[t.URL] = struct{}{}
	m.queue = append(m.queue, t)
	m.pending++
	return true, nil
}

func (m *memShared) Next(context.Context) (Task, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.head >= len(m.queue) {
		return Task{}, false, nil
	}
	t := m.queue[m.head]
	m.queue[m.head] = Task{}
	m.head++
	if m.head > 1024 && m.head*2 > len(m.queue) {
		m.queue = append([]Task(nil), m.queue[m.head:]...)
		m.head = 0
	}
	return t, true, nil
}

func (m *memShared) Done(context.Context, Task) error {
	m.mu.Lock()
	m.pending--
	m.mu.Unlock()
	return nil
}

func (m *memShared) Pending(context.Context) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.pending, nil
}

func (m *memShared) Claim(_ context.Context, key string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.claims[key]; ok {
		return false, nil
	}
	m.claims[key] = struct{}{}
	return true, nil
}

func (m *memShared) HostSlot(_ context.Context, host string, delay time.Duration) (time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if last, ok := m.last[host]; ok && last.Add(delay).After(now) {
		return last.Add(delay).Sub(now), nil
	}
	m.last[host] = now
	return 0, nil
}
