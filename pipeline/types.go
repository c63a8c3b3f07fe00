package pipeline

import (
	"encoding/json"
	"net/http"
	"time"
)

// Selectors are optional CSS selectors a source configures for its pages.
type Selectors struct {
	Title string `json:"title,omitempty"`
	Body  string `json:"body,omitempty"`
	Date  string `json:"date,omitempty"`
}

// Page is one fetched document handed from the crawler to the extractor.
type Page struct {
	URL         string      // canonical URL (identity of the page)
	FetchURL    string      // URL actually fetched, after redirects
	Aliases     []string    // other URLs that led to this page (tracking variants, AMP, redirects)
	Source      string      // configured source name
	Lang        string      // the source's configured language ("ja", "en" or ""), a hint only
	Status      int         // HTTP status of the final response
	Header      http.Header // response headers
	Body        []byte      // HTML decoded to UTF-8 exactly once
	FetchedAt   time.Time   // when the body was received
	Selectors   Selectors   // the source's selectors, if any
	NotModified bool        // a conditional GET answered 304: Body is empty, nothing to extract
	ETag        string      // validator to store for the next conditional GET
	LastMod     string      // Last-Modified to store for the next conditional GET
	HintTitle   string      // title from a feed or news sitemap, if any
	HintDate    *time.Time  // publication date from a feed or sitemap, if any
	Class       PageClass   // what the crawler found the page to be ("" when it did not classify it)
	Signal      string      // the signal that decided Class
}

// PageClass is what a crawled page is: only articles are stored.
type PageClass string

// Page classes.
const (
	PageArticle PageClass = "article" // a story: extracted and stored
	PageListing PageClass = "listing" // home, section, tag, author, archive, pagination, search: followed, never stored
	PageOther   PageClass = "other"   // about, contact, legal, error and soft-404 pages
)

// Classification is a page's class and the name of the signal that decided it.
type Classification struct {
	Class  PageClass `json:"class"`
	Signal string    `json:"signal"`
}

// Article is the main content of a news page. Text is UTF-8 and NFKC-normalised;
// every span in Deal and Amount is a byte offset into Text.
type Article struct {
	ID          string     `json:"id,omitempty"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	PublishedAt *time.Time `json:"published_at"`
	Lang        string     `json:"lang"`
	Text        string     `json:"text"`
	Author      string     `json:"author,omitempty"`
	SiteName    string     `json:"site_name,omitempty"`
	Source      string     `json:"source,omitempty"`
	FetchedAt   *time.Time `json:"fetched_at,omitempty"`
	ContentHash string     `json:"content_hash,omitempty"`
	Aliases     []string   `json:"aliases,omitempty"`
	// Fingerprint is the simhash of Text (extract/text.Simhash): the store
	// keeps it to find near-duplicate copies across runs. Zero: none.
	Fingerprint uint64 `json:"-"`
	// TitleTokens and TextTokens are kagome tokens (Japanese) or words
	// (English) joined by single spaces, for full-text indexes.
	TitleTokens string `json:"-"`
	TextTokens  string `json:"-"`
}

// Kind classifies a deal. The set is closed; see Kinds.
type Kind string

// Deal kinds, as listed in DESIGN.md.
const (
	KindHPCContract Kind = "hpc_contract"
	KindLease       Kind = "lease"
	KindHosting     Kind = "hosting"
	KindColocation  Kind = "colocation"
	KindAcquisition Kind = "acquisition"
	KindFinancing   Kind = "financing"
	KindEquity      Kind = "equity"
	KindBackstop    Kind = "backstop"
	KindAssetSale   Kind = "asset_sale"
	KindPurchase    Kind = "purchase"
	KindPartnership Kind = "partnership"
	KindOther       Kind = "other"
)

// Kinds lists every valid Kind.
var Kinds = []Kind{KindHPCContract, KindLease, KindHosting, KindColocation, KindAcquisition,
	KindFinancing, KindEquity, KindBackstop, KindAssetSale, KindPurchase, KindPartnership, KindOther}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Qualifiers of an amount.
const (
	QualAbout = "about" // 約, about, roughly
	QualOver  = "over"  // 超, more than
	QualUnder = "under" // 未満, less than
	QualUpTo  = "up_to" // 最大, up to
)

// Amount is one money mention.
type Amount struct {
	Value     float64  `json:"value"`         // in Currency units; the lower bound of a range
	Max       float64  `json:"max,omitempty"` // upper bound of a range ("$8-10 million"), else 0
	Currency  string   `json:"currency"`      // ISO 4217 (USD, JPY, EUR, CNY, GBP…) or BTC
	Approx    bool     `json:"approx"`
	Qualifier string   `json:"qualifier"` // "", about, over, under, up_to
	Text      string   `json:"text"`      // the matched text
	USD       *float64 `json:"usd"`       // Value converted with the FX table; null when unknown (BTC, missing rate)
	Span      [2]int   `json:"span"`      // byte offsets into the normalised text
}

// NullString is a string that marshals to JSON null when empty.
type NullString string

// MarshalJSON implements json.Marshaler.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// Deal is one agreement an article reports.
type Deal struct {
	Company      string     `json:"company"`
	Counterparty NullString `json:"counterparty"`
	Kind         Kind       `json:"kind"`
	Amount       *Amount    `json:"amount"`
	TermYears    *float64   `json:"term_years"`
	CapacityMW   *float64   `json:"capacity_mw"`
	Evidence     string     `json:"evidence"`
	EvidenceSpan [2]int     `json:"evidence_span"` // byte offsets into Article.Text
	Confidence   float64    `json:"confidence"`
	Rule         string     `json:"rule,omitempty"` // name of the rule that produced it
}

// Document is what extraction makes of one input: the `kozan extract --json` line.
type Document struct {
	Source  string   `json:"source"`
	Article Article  `json:"article"`
	Deals   []Deal   `json:"deals"`
	Amounts []Amount `json:"amounts"`
}

// Result is what the sink receives for each page: a document, or the reason
// there is none.
type Result struct {
	Page Page
	Doc  *Document // nil when the page was skipped or not modified
	Skip string    // why there is no document ("" when Doc != nil)
}
