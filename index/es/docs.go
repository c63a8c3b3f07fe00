package es

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// urlField is the ECS url object.
type urlField struct {
	Full   string `json:"full"`
	Domain string `json:"domain,omitempty"`
}

type eventField struct {
	Ingested time.Time `json:"ingested"`
}

// ArticleDoc is the document indexed for an article. Field names equal the
// mapping (see Mappings).
type ArticleDoc struct {
	ID          string     `json:"id"`
	URL         urlField   `json:"url"`
	Aliases     []string   `json:"aliases,omitempty"`
	Title       string     `json:"title"`
	TitleTokens string     `json:"title_tokens"`
	Text        string     `json:"text"`
	TextTokens  string     `json:"text_tokens"`
	Lang        string     `json:"lang,omitempty"`
	Source      string     `json:"source,omitempty"`
	SiteName    string     `json:"site_name,omitempty"`
	Author      string     `json:"author,omitempty"`
	ContentHash string     `json:"content_hash,omitempty"`
	PublishedAt *time.Time `json:"published_at"`
	FetchedAt   *time.Time `json:"fetched_at,omitempty"`
	Timestamp   time.Time  `json:"@timestamp"`
	Event       eventField `json:"event"`
}

// amountDoc is a deal's amount.
type amountDoc struct {
	Value     float64  `json:"value"`
	Max       float64  `json:"max,omitempty"`
	Currency  string   `json:"currency"`
	Qualifier string   `json:"qualifier"`
	Text      string   `json:"text"`
	Approx    bool     `json:"approx"`
	USD       *float64 `json:"usd"`
}

type reviewDoc struct {
	Status     string     `json:"status"`
	Note       string     `json:"note"`
	Reviewer   string     `json:"reviewer"`
	ReviewedAt *time.Time `json:"reviewed_at"`
}

// DealDoc is the document indexed for a deal. Nullable fields are sent as
// null so that an update clears what the store no longer holds.
type DealDoc struct {
	ID           string  `json:"id"`
	ArticleID    string  `json:"article_id"`
	Company      string  `json:"company"`
	Counterparty *string `json:"counterparty"`
	// CompanyWritten and CounterpartyWritten are the names as the article
	// writes them when Company and Counterparty hold the company list's.
	CompanyWritten      string     `json:"company_written,omitempty"`
	CounterpartyWritten *string    `json:"counterparty_written,omitempty"`
	Kind                string     `json:"kind"`
	Amount              *amountDoc `json:"amount"`
	AmountUSD           *float64   `json:"amount_usd"`
	TermYears           *float64   `json:"term_years"`
	CapacityMW          *float64   `json:"capacity_mw"`
	Evidence            string     `json:"evidence"`
	EvidenceTokens      string     `json:"evidence_tokens"`
	EvidenceSpan        []int      `json:"evidence_span"`
	Confidence          float64    `json:"confidence"`
	Rule                string     `json:"rule,omitempty"`
	URL                 urlField   `json:"url"`
	URLs                []string   `json:"urls,omitempty"`
	Title               string     `json:"title"`
	Source              string     `json:"source"`
	Lang                string     `json:"lang"`
	PublishedAt         *time.Time `json:"published_at"`
	ExtractedAt         *time.Time `json:"extracted_at"`
	Timestamp           time.Time  `json:"@timestamp"`
	Event               eventField `json:"event"`
	Superseded          bool       `json:"superseded"`
	Review              *reviewDoc `json:"review,omitempty"`
}

// articleDoc builds the document for an article. @timestamp is the
// publication time, else the fetch time, else now (Kibana's time filter
// needs a value).
func (c *Client) articleDoc(id string, a *pipeline.Article) (ArticleDoc, error) {
	if a == nil {
		return ArticleDoc{}, errors.New("article item without an article")
	}
	if a.ID != "" {
		id = a.ID
	}
	if id == "" {
		return ArticleDoc{}, errors.New("article without an id")
	}
	now := c.now().UTC()
	d := ArticleDoc{
		ID: id, URL: urlField{Full: a.URL, Domain: domain(a.URL)}, Aliases: a.Aliases,
		Title: a.Title, TitleTokens: a.TitleTokens, Text: a.Text, TextTokens: a.TextTokens,
		Lang: a.Lang, Source: a.Source, SiteName: a.SiteName, Author: a.Author, ContentHash: a.ContentHash,
		PublishedAt: utc(a.PublishedAt), FetchedAt: utc(a.FetchedAt), Event: eventField{Ingested: now},
	}
	if d.TitleTokens == "" {
		d.TitleTokens = d.Title
	}
	if d.TextTokens == "" {
		d.TextTokens = d.Text
	}
	d.Timestamp = firstTime(now, d.PublishedAt, d.FetchedAt)
	return d, nil
}

// dealDoc builds the document for a deal. Review is nil when the record has
// no review status, so an update leaves the indexed review alone.
func (c *Client) dealDoc(id string, r *pipeline.DealRecord) (DealDoc, error) {
	if r == nil {
		return DealDoc{}, errors.New("deal item without a deal")
	}
	if r.ID != "" {
		id = r.ID
	}
	if id == "" {
		return DealDoc{}, errors.New("deal without an id")
	}
	if r.Company == "" {
		return DealDoc{}, fmt.Errorf("deal %s without a company", id)
	}
	now := c.now().UTC()
	ext := r.ExtractedAt.UTC()
	d := DealDoc{
		ID: id, ArticleID: r.ArticleID, Company: r.Company, Kind: string(r.Kind),
		TermYears: r.TermYears, CapacityMW: r.CapacityMW,
		Evidence: r.Evidence, EvidenceSpan: []int{r.EvidenceSpan[0], r.EvidenceSpan[1]},
		Confidence: r.Confidence, Rule: r.Rule,
		URL: urlField{Full: r.URL, Domain: domain(r.URL)}, URLs: r.URLs,
		Title: r.Title, Source: r.Source, Lang: r.Lang,
		PublishedAt: utc(r.PublishedAt), Event: eventField{Ingested: now}, Superseded: r.Superseded,
	}
	if d.Kind == "" {
		d.Kind = string(pipeline.KindOther)
	}
	if !r.ExtractedAt.IsZero() {
		d.ExtractedAt = &ext
	}
	if r.Counterparty != "" {
		cp := string(r.Counterparty)
		d.Counterparty = &cp
	}
	if c.canon != nil {
		if name := c.canon(r.Company); name != r.Company {
			d.CompanyWritten, d.Company = r.Company, name
		}
		if d.Counterparty != nil {
			if name := c.canon(*d.Counterparty); name != *d.Counterparty {
				written := *d.Counterparty
				d.CounterpartyWritten, d.Counterparty = &written, &name
			}
		}
	}
	if a := r.Amount; a != nil {
		d.Amount = &amountDoc{Value: a.Value, Max: a.Max, Currency: a.Currency, Qualifier: a.Qualifier,
			Text: a.Text, Approx: a.Approx, USD: a.USD}
		d.AmountUSD = a.USD
	}
	d.EvidenceTokens = d.Evidence
	if c.tokenize != nil && d.Evidence != "" {
		d.EvidenceTokens = c.tokenize(d.Evidence)
	}
	if r.Review.Status != "" {
		d.Review = &reviewDoc{Status: r.Review.Status, Note: r.Review.Note, Reviewer: r.Review.Reviewer,
			ReviewedAt: utc(r.Review.ReviewedAt)}
	}
	d.Timestamp = firstTime(now, d.PublishedAt, d.ExtractedAt)
	return d, nil
}

func utc(t *time.Time) *time.Time {
	if t == nil || t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func firstTime(fallback time.Time, ts ...*time.Time) time.Time {
	for _, t := range ts {
		if t != nil {
			return *t
		}
	}
	return fallback
}

func domain(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
