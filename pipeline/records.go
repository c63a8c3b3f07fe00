package pipeline

import "time"

// Review statuses.
const (
	StatusPending  = "pending"
	StatusApproved = "approved"
	StatusRejected = "rejected"
)

// Review is a reviewer's decision on a deal.
type Review struct {
	Status     string     `json:"status"`
	Note       string     `json:"note"`
	Reviewer   string     `json:"reviewer"`
	ReviewedAt *time.Time `json:"reviewed_at"`
}

// DealRecord is a stored deal with its article context and review: the
// `kozan export --format jsonl` object.
type DealRecord struct {
	Deal
	ID          string     `json:"id"`
	ArticleID   string     `json:"article_id"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Source      string     `json:"source"`
	Lang        string     `json:"lang"`
	PublishedAt *time.Time `json:"published_at"`
	ExtractedAt time.Time  `json:"extracted_at"`
	Review      Review     `json:"review"`
	Superseded  bool       `json:"superseded,omitempty"`
	URLs        []string   `json:"urls,omitempty"` // every source URL when the deal was merged across articles
}

// ArticleRecord is a stored article's summary: the `kozan articles --json` object.
type ArticleRecord struct {
	ID          string     `json:"id"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	PublishedAt *time.Time `json:"published_at"`
	Lang        string     `json:"lang"`
	Source      string     `json:"source"`
	FetchedAt   time.Time  `json:"fetched_at"`
	DealCount   int        `json:"deal_count"`
	Aliases     []string   `json:"aliases,omitempty"` // later URLs of the same story: syndicated and near-duplicate copies
}

// CrawlRecord is what the store remembers about a URL between runs.
type CrawlRecord struct {
	URL          string    // canonical URL
	ETag         string    // last ETag
	LastModified string    // last Last-Modified
	ContentHash  string    // sha256 of the article text (or body when no article)
	ArticleID    string    // "" when the page held no article
	FirstSeen    time.Time //
	LastSeen     time.Time //
	Skip         string    // why the page held no article, if it did not
}

// DealFilter selects deals from the store. Zero values select everything
// except superseded deals.
type DealFilter struct {
	Since, Until time.Time // on published_at (or extracted_at when unknown)
	Company      string    // company or counterparty, case-insensitive
	Counterparty string
	// CompanyNames and CounterpartyNames are the other names of Company
	// and Counterparty (the company list's aliases): a deal naming its
	// party by any of them matches, as deals keep the name their article
	// writes.
	CompanyNames, CounterpartyNames []string
	Kind                            Kind
	MinUSD                          float64
	Status                          string
	Lang                            string
	Source                          string
	IncludeSuperseded               bool
	Limit                           int
}

// SearchHit is one search result, from the store's FTS or Elasticsearch.
type SearchHit struct {
	ArticleID   string     `json:"article_id"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	PublishedAt *time.Time `json:"published_at"`
	Lang        string     `json:"lang"`
	Source      string     `json:"source"`
	Snippet     string     `json:"snippet"` // the matching sentence, matches in [brackets]
	Score       float64    `json:"score"`
}

// ArticleFilter selects articles from the store.
type ArticleFilter struct {
	Since  time.Time // on published_at (fetched_at when unknown), as DealFilter.Since
	Source string
	Limit  int
}

// ReviewUpdate is one row of a review file, validated, to apply to the store.
type ReviewUpdate struct {
	DealID string
	Review Review     // the new status, note and reviewer; ReviewedAt is set by the store when it applies
	Seen   *time.Time // reviewed_at as the file carried it (from its export); a newer review in the store wins unless forced
	Row    int        // row in the file, for messages
	// KeepNote and KeepReviewer are set when the file has no such column:
	// the store keeps the deal's note or reviewer instead of clearing it.
	KeepNote, KeepReviewer bool
	// Base is the status, note and reviewer the export showed (its
	// "exported" column); nil for a file without it. With a base, only what
	// the file changed relative to it is the reviewer's decision: a field
	// left as exported never overrides the store, even when forced.
	Base *Review
}

// ReviewReport says what applying a review file did.
type ReviewReport struct {
	Import     int64       `json:"import"`      // the import's number in the review history (0 when nothing changed)
	Changed    []string    `json:"changed"`     // deal IDs whose review changed
	Unchanged  int         `json:"unchanged"`   // rows equal to the store, or left as exported
	Unknown    []string    `json:"unknown"`     // deal IDs the store does not hold
	Stale      []string    `json:"stale"`       // deal IDs reviewed in the store after the file was exported (not applied)
	StaleDeals []DealBrief `json:"stale_deals"` // the stale deals, named, with the review the store holds
}

// DealBrief names a deal for people: its parties, amount and current review.
type DealBrief struct {
	ID           string     `json:"id"`
	Company      string     `json:"company"`
	Counterparty NullString `json:"counterparty"`
	Amount       *Amount    `json:"amount"`
	Review       Review     `json:"review"`
}

// ReviewChange is one entry of a deal's review history: what an import (or
// an undo) changed.
type ReviewChange struct {
	Import int64     `json:"import"`
	At     time.Time `json:"at"`
	File   string    `json:"file"` // the review file, or "undo of import N"
	By     string    `json:"by"`   // the user who ran the import
	DealID string    `json:"deal_id"`
	From   Review    `json:"from"`
	To     Review    `json:"to"`
}

// ReviewImport is one import (or undo) in the review history.
type ReviewImport struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	File     string    `json:"file"`
	By       string    `json:"by"`
	Forced   bool      `json:"forced"`
	Changed  int       `json:"changed"`
	UndoOf   int64     `json:"undo_of,omitempty"`   // this is an undo of that import
	UndoneBy int64     `json:"undone_by,omitempty"` // the undo that reverted this import
}

// Outbox item kinds.
const (
	OutboxArticle = "article"
	OutboxDeal    = "deal"
)

// OutboxItem is a document the store holds and Elasticsearch has not yet
// acknowledged. Exactly one of Article and Deal is set, by Kind.
type OutboxItem struct {
	Seq     int64
	Kind    string
	ID      string
	Article *Article    // with TitleTokens/TextTokens filled
	Deal    *DealRecord // with the current review
	Deleted bool        // the document should be removed (e.g. a superseded deal is kept but flagged: Deleted stays false)
}
